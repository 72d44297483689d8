import { TIMER_USER_ID } from '@casework/core/aggregate/command-pipeline';
import { Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '@casework/core/config/app-config';
import { deterministicId } from '@casework/core/ids';
import { ProjectionHost } from '@casework/platform/projection-host';
import { DeadlineHandlerRegistry } from '@casework/timers/application/deadline-handlers';
import type { TimerJobData } from '@casework/timers/application/timer-job';
import { TimersModule } from '@casework/timers/timers.module';
import { ExecuteReferralCommand, ExecuteReferralCommandHandler } from './application/execute-referral-command';
import { ReferralImportService } from './application/import/referral-import.service';
import { ReferralPolicyProvider, type PolicyOverrides } from './application/referral-policy.provider';
import { ReferralReader } from './application/referral-reader';
import { REFERRAL_STREAM_CATEGORY } from './domain/events';
import { ReferralsController } from './http/referrals.controller';
import { referralQueueProjection } from './read-models/referral-queue.projection';
import { referralPersonalDataPurger } from './read-models/personal-data.purger';
import { personalDataPurger } from '@casework/identity/personal-data/purgers';

/** The actor a fired timer acts as; it appears in the case timeline as "system". */
export const TIMER_ACTOR = { userId: TIMER_USER_ID, role: 'system' } as const;

/**
 * Wires the referral workflow into the host: its queue projection, and the command a
 * fired deadline timer sends. EscalateDeadline's id comes from the deadline and rung, so
 * a timer delivered twice (or re-created by the reconciler) escalates once.
 */
@Injectable()
class ReferralWiring implements OnModuleInit {
  constructor(
    private readonly projections: ProjectionHost,
    private readonly deadlines: DeadlineHandlerRegistry,
    private readonly commands: CommandBus,
  ) {}

  onModuleInit(): void {
    this.projections.register(referralQueueProjection);
    this.deadlines.register(REFERRAL_STREAM_CATEGORY, (job, now) => this.escalate(job, now));
  }

  private async escalate(job: TimerJobData, now: Date): Promise<void> {
    const referralId = job.streamId.slice(REFERRAL_STREAM_CATEGORY.length + 1);
    const commandId = deterministicId('timer', job.deadlineId, String(job.level));
    await this.commands.execute(
      new ExecuteReferralCommand(
        referralId,
        { type: 'EscalateDeadline', data: { deadlineId: job.deadlineId, level: job.level }, commandId, now, actor: TIMER_ACTOR },
        {
          commandId,
          correlationId: commandId,
          causationId: job.deadlineId,
          actor: TIMER_ACTOR,
          forceId: job.forceId,
          occurredAt: now,
        },
      ),
    );
  }
}

export interface ReferralModuleOptions {
  /** Overrides laid over DEADLINE_POLICY_FILE's (tests shorten deadlines to seconds). */
  readonly policy?: PolicyOverrides;
}

@Module({})
export class ReferralModule {
  static forRoot(options: ReferralModuleOptions = {}): DynamicModule {
    return {
      module: ReferralModule,
      imports: [TimersModule],
      controllers: [ReferralsController],
      providers: [
        {
          provide: ReferralPolicyProvider,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            options.policy ? new ReferralPolicyProvider(options.policy) : ReferralPolicyProvider.fromFile(config.DEADLINE_POLICY_FILE),
        },
        ExecuteReferralCommandHandler,
        ReferralReader,
        ReferralImportService,
        ReferralWiring,
        personalDataPurger(referralPersonalDataPurger),
      ],
      exports: [ReferralPolicyProvider, ReferralReader, ReferralImportService],
    };
  }
}

