import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { EventStore } from '@casework/core/event-store/types';
import { APP_CONFIG, type AppConfig } from '@casework/core/config/app-config';
import { ProblemException, problemType } from '@casework/core/http/problem';
import { Metrics } from '@casework/core/observability/metrics';
import { Public } from '@casework/identity/permit.decorator';
import { ProjectionHost } from './projection-host';
import { EVENT_STORE, PG_POOL, REDIS } from './tokens';

type Check = { status: 'up' | 'down'; error?: string };

async function check(probe: () => Promise<unknown>, timeoutMs = 2_000): Promise<Check> {
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}

@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionHost,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 200 when every dependency answers and no projection is stuck; 503 otherwise. */
  @Get('health')
  @Public()
  async health(@Res() res: Response): Promise<void> {
    const [database, redis, eventStore] = await Promise.all([
      check(() => this.pool.query('select 1')),
      check(() => this.redis.ping()),
      check(() => this.store.ping()),
    ]);
    const projections = this.projections.statuses().map((s) => ({
      name: s.name,
      state: s.state,
      position: s.position ? `${s.position.commit}/${s.position.prepare}` : null,
      ...(s.lastError ? { error: s.lastError, errorPosition: s.lastErrorPosition } : {}),
    }));
    const healthy =
      [database, redis, eventStore].every((c) => c.status === 'up') && projections.every((p) => p.state !== 'failed');
    res.status(healthy ? 200 : 503).json({
      status: healthy ? 'ok' : 'degraded',
      checks: { database, redis, eventStore },
      projections,
    });
  }

  /** Prometheus text; behind `METRICS_TOKEN` when one is configured (a 401 problem otherwise). */
  @Get('metrics')
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async metricsText(@Headers('authorization') authorization: string | undefined): Promise<string> {
    const token = this.config.METRICS_TOKEN;
    if (token !== undefined) {
      const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '');
      const expected = Buffer.from(token);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new ProblemException({
          type: problemType('AUTH.METRICS_TOKEN'),
          title: 'Metrics need the scraper token',
          status: 401,
          code: 'AUTH.METRICS_TOKEN',
          detail: 'Send Authorization: Bearer <METRICS_TOKEN>',
        });
      }
    }
    return this.metrics.scrape();
  }
}
