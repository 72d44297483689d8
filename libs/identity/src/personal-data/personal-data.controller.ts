import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import { CurrentActor, type Actor } from '../actor';
import { Permit } from '../permit.decorator';
import type { Erasure } from './erasure.service';
import { ErasureService } from './erasure.service';
import { ErasurePageQueryDto, ErasureRequestDto } from './personal-data.dtos';
import { RETENTION_POLICY } from './personal-data.tokens';
import type { RetentionPolicy } from './retention-policy';
import { RetentionSweep } from './retention-sweep';

/** What the API says about an erasure: what was destroyed, never whose. */
function erasureView(e: Erasure): Record<string, unknown> {
  return { id: e.id, kind: e.kind, streams: e.streams, keys: e.keys, requestedBy: e.requestedBy, reason: e.reason, at: e.erasedAt };
}

@ApiTags('personal data')
@Controller('personal-data')
export class PersonalDataController {
  constructor(
    private readonly erasures: ErasureService,
    private readonly sweep: RetentionSweep,
    @Inject(RETENTION_POLICY) private readonly policy: RetentionPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('erasures')
  @Permit('personalData.erase')
  @ApiOperation({ summary: 'Erase a colleague in the caller\'s force: destroys their keys, purges the read models' })
  async erase(@Body() body: ErasureRequestDto, @CurrentActor() actor: Actor): Promise<Record<string, unknown>> {
    const erasure = await this.erasures.erasePerson(actor.forceId, body.personId, { requestedBy: actor.userId, reason: body.reason });
    return erasureView(erasure);
  }

  @Get('erasures')
  @Permit('personalData.retention')
  @ApiOperation({ summary: 'Erasures and retention expiries done in the caller\'s force, newest first' })
  async list(@Query() query: ErasurePageQueryDto, @CurrentActor() actor: Actor): Promise<Record<string, unknown>> {
    const { items, total } = await this.erasures.list(actor.forceId, query.page, query.pageSize);
    return { items: items.map(erasureView), page: query.page, pageSize: query.pageSize, total };
  }

  @Get('retention')
  @Permit('personalData.retention')
  @ApiOperation({ summary: 'The retention period of each record type in force' })
  retention(): RetentionPolicy {
    return this.policy;
  }

  @Post('retention/sweep')
  @HttpCode(200)
  @Permit('personalData.retention')
  @ApiOperation({ summary: 'Expire the caller\'s force\'s records that are past their retention period, now' })
  async runSweep(@CurrentActor() actor: Actor): Promise<Record<string, unknown>> {
    const result = await this.sweep.run(this.clock.now(), { forceId: actor.forceId });
    return { examined: result.examined, expired: result.expired.map(erasureView) };
  }
}
