import { Inject, Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@casework/core/config/app-config';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import { CaseWorkflows, escalateDeadlineCommand, memoised, plainCodec } from '@casework/platform/cases/case-commands';
import { CasesModule } from '@casework/platform/cases/cases.module';
import { ProjectionHost } from '@casework/platform/projection-host';
import { WORKING_CALENDAR } from '@casework/platform/tokens';
import { LeaverImportService } from './application/import/leaver-import.service';
import { retentionPersonalDataPurger } from './read-models/personal-data.purger';
import { personalDataPurger } from '@casework/identity/personal-data/purgers';
import { RetentionPolicies, type RetentionPolicyOverrides } from './application/retention-policies';
import { createExitDecider, describeExitEvent, EXIT_EVENT_SCHEMA_VERSIONS, EXIT_STREAM_CATEGORY, type ExitCommand, type ExitEvent, type ExitState } from './domain/exit';
import { createStayDecider, describeStayEvent, STAY_EVENT_SCHEMA_VERSIONS, STAY_STREAM_CATEGORY, type StayCommand, type StayEvent, type StayState } from './domain/stay';
import {
  createWelfareDecider,
  describeWelfareEvent,
  WELFARE_EVENT_SCHEMA_VERSIONS,
  WELFARE_STREAM_CATEGORY,
  type WelfareCommand,
  type WelfareEvent,
  type WelfareState,
} from './domain/welfare';
import { ExitsController } from './http/exits.controller';
import { RetentionReportsController } from './http/retention-reports.controller';
import { StayInterviewsController } from './http/stay.controller';
import { WelfareController } from './http/welfare.controller';
import { ExitVocabularyController, StayVocabularyController } from './http/vocabulary.controller';
import { retentionProjection } from './read-models/retention.projection';

/** Registers the stay-interview, exit and welfare-liaison workflows and their read model. */
@Injectable()
class RetentionWiring implements OnModuleInit {
  constructor(
    private readonly workflows: CaseWorkflows,
    private readonly projections: ProjectionHost,
    private readonly policies: RetentionPolicies,
    @Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar,
  ) {}

  onModuleInit(): void {
    const { policies, calendar } = this;
    this.workflows.register<StayCommand, StayEvent, StayState>({
      category: STAY_STREAM_CATEGORY,
      errorPrefix: 'STAY',
      codec: plainCodec<StayEvent>(STAY_EVENT_SCHEMA_VERSIONS),
      deciderFor: memoised((forceId) => createStayDecider({ policy: policies.forForce(forceId).stay, calendar })),
      describe: describeStayEvent,
      escalation: escalateDeadlineCommand,
    });
    this.workflows.register<ExitCommand, ExitEvent, ExitState>({
      category: EXIT_STREAM_CATEGORY,
      errorPrefix: 'EXIT',
      codec: plainCodec<ExitEvent>(EXIT_EVENT_SCHEMA_VERSIONS),
      deciderFor: memoised((forceId) => createExitDecider({ policy: policies.forForce(forceId).exit, calendar })),
      describe: describeExitEvent,
      escalation: escalateDeadlineCommand,
    });
    this.workflows.register<WelfareCommand, WelfareEvent, WelfareState>({
      category: WELFARE_STREAM_CATEGORY,
      errorPrefix: 'WELFARE',
      codec: plainCodec<WelfareEvent>(WELFARE_EVENT_SCHEMA_VERSIONS),
      deciderFor: memoised((forceId) => createWelfareDecider({ policy: policies.forForce(forceId).welfare, calendar })),
      describe: describeWelfareEvent,
      escalation: escalateDeadlineCommand,
    });
    this.projections.register(retentionProjection);
  }
}

export interface RetentionModuleOptions {
  /** Overrides laid over DEADLINE_POLICY_FILE's (tests shorten deadlines to seconds). */
  readonly policy?: RetentionPolicyOverrides;
}

@Module({})
export class RetentionModule {
  static forRoot(options: RetentionModuleOptions = {}): DynamicModule {
    return {
      module: RetentionModule,
      imports: [CasesModule],
      controllers: [StayVocabularyController, ExitVocabularyController, StayInterviewsController, ExitsController, WelfareController, RetentionReportsController],
      providers: [
        {
          provide: RetentionPolicies,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            options.policy ? new RetentionPolicies(options.policy) : RetentionPolicies.fromFile(config.DEADLINE_POLICY_FILE),
        },
        LeaverImportService,
        RetentionWiring,
        personalDataPurger(retentionPersonalDataPurger),
      ],
      exports: [RetentionPolicies, LeaverImportService],
    };
  }
}
