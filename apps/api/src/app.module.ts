import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { createRootLogger } from '@casework/platform/logger';
import { HealthController } from '@casework/platform/health.controller';
import { InfrastructureModule, type InfrastructureOptions } from '@casework/platform/infrastructure.module';
import { ReferralModule } from '@casework/referral/referral.module';
import type { PolicyOverrides } from '@casework/referral/application/referral-policy.provider';
import { TimersModule } from '@casework/timers/timers.module';
import type { TraumaPolicyOverrides } from '@casework/trauma/application/trauma-policies';
import type { RetentionPolicyOverrides } from '@casework/retention/application/retention-policies';
import { RetentionModule } from '@casework/retention/retention.module';
import { ReportingModule } from '@casework/reporting/reporting.module';
import { IdentityModule } from '@casework/identity/identity.module';
import type { KeyObject } from 'node:crypto';
import { TraumaModule } from '@casework/trauma/trauma.module';
import { PersonalDataModule } from '@casework/identity/personal-data/personal-data.module';

export interface AppOptions extends InfrastructureOptions {
  /** Deadline policy overrides (tests shorten deadlines to seconds). */
  readonly referralPolicy?: PolicyOverrides;
  readonly traumaPolicy?: TraumaPolicyOverrides;
  readonly retentionPolicy?: RetentionPolicyOverrides;
  /** The development issuer's signing key (tests sign their own tokens with it). */
  readonly devIssuerKey?: KeyObject;
}

/**
 * The whole of Casework as one module. Which parts run depends on ROLE: `api` serves HTTP,
 * `worker` runs projections and timers, `all` (the demo) does both in one process.
 */
@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const logger = options.logger ?? createRootLogger(options.config);
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { logger, autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' } },
        }),
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot({ ...options, logger }),
        IdentityModule.forRoot({ config: options.config, devIssuerKey: options.devIssuerKey }),
        TimersModule,
        ReferralModule.forRoot({ policy: options.referralPolicy }),
        TraumaModule.forRoot({ policy: options.traumaPolicy }),
        RetentionModule.forRoot({ policy: options.retentionPolicy }),
        ReportingModule.forRoot(),
        PersonalDataModule.forRoot(),
      ],
      controllers: [HealthController],
    };
  }
}
