import { Inject, Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '@casework/core/config/app-config';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import { ProjectionHost } from '@casework/platform/projection-host';
import { WORKING_CALENDAR } from '@casework/platform/tokens';
import { TimersModule } from '@casework/timers/timers.module';
import { CaseWorkflows, escalateDeadlineCommand, memoised, plainCodec } from '@casework/platform/cases/case-commands';
import { CasesModule } from '@casework/platform/cases/cases.module';
import { TraumaPolicies, type TraumaPolicyOverrides } from './application/trauma-policies';
import { trimReferralProcessManager } from './application/trim-referral.process-manager';
import type { IncidentCommand } from './domain/incident/commands';
import { createIncidentDecider } from './domain/incident/decider';
import { INCIDENT_EVENT_SCHEMA_VERSIONS, INCIDENT_STREAM_CATEGORY, type IncidentEvent } from './domain/incident/events';
import { describeIncidentEvent } from './domain/incident/timeline';
import type { IncidentState } from './domain/incident/state';
import type { TrimState } from './domain/trim/state';
import type { TrimCommand } from './domain/trim/commands';
import { createTrimDecider } from './domain/trim/decider';
import { TRIM_EVENT_SCHEMA_VERSIONS, TRIM_STREAM_CATEGORY, type TrimEvent } from './domain/trim/events';
import { describeTrimEvent } from './domain/trim/timeline';
import { IncidentsController } from './http/incidents.controller';
import { TraumaReportsController } from './http/trauma-reports.controller';
import { TrimController } from './http/trim.controller';
import { IncidentVocabularyController } from './http/vocabulary.controller';
import { traumaProjection } from './read-models/trauma.projection';
import { traumaPersonalDataPurger } from './read-models/personal-data.purger';
import { personalDataPurger } from '@casework/identity/personal-data/purgers';
import { supportTasksProjection } from './read-models/support-tasks.projection';
import { exposureProcessManager } from './application/exposure.process-manager';
import {
  createSupportTaskDecider,
  describeSupportTaskEvent,
  SUPPORT_TASK_EVENT_SCHEMA_VERSIONS,
  SUPPORT_TASK_STREAM_CATEGORY,
  type SupportTaskCommand,
  type SupportTaskEvent,
  type SupportTaskState,
} from './domain/exposure';
import { ExposureRegisterController, SupportTasksController } from './http/support-tasks.controller';
import { surveillanceWorkflow } from './application/surveillance.workflow';
import { SurveillanceController } from './http/surveillance.controller';
import { surveillanceProjection } from './read-models/surveillance.projection';
import { IncidentImportService } from './application/import/incident-import.service';

/** Registers the trauma workflows, their read models and the TRiM → OH process manager. */
@Injectable()
class TraumaWiring implements OnModuleInit {
  constructor(
    private readonly workflows: CaseWorkflows,
    private readonly projections: ProjectionHost,
    private readonly policies: TraumaPolicies,
    private readonly commands: CommandBus,
    @Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar,
  ) {}

  onModuleInit(): void {
    const { policies, calendar } = this;
    this.workflows.register<IncidentCommand, IncidentEvent, IncidentState>({
      category: INCIDENT_STREAM_CATEGORY,
      errorPrefix: 'INCIDENT',
      codec: plainCodec<IncidentEvent>(INCIDENT_EVENT_SCHEMA_VERSIONS),
      deciderFor: memoised((forceId) => {
        const p = policies.forForce(forceId);
        return createIncidentDecider({ policy: p.estip, taxonomy: p.taxonomy, calendar });
      }),
      describe: describeIncidentEvent,
      escalation: escalateDeadlineCommand,
    });
    this.workflows.register<TrimCommand, TrimEvent, TrimState>({
      category: TRIM_STREAM_CATEGORY,
      errorPrefix: 'TRIM',
      codec: plainCodec<TrimEvent>(TRIM_EVENT_SCHEMA_VERSIONS),
      deciderFor: memoised((forceId) => createTrimDecider({ policy: policies.forForce(forceId).trim, calendar })),
      describe: describeTrimEvent,
      escalation: escalateDeadlineCommand,
    });
    this.workflows.register<SupportTaskCommand, SupportTaskEvent, SupportTaskState>({
      category: SUPPORT_TASK_STREAM_CATEGORY,
      errorPrefix: 'SUPPORT_TASK',
      codec: plainCodec<SupportTaskEvent>(SUPPORT_TASK_EVENT_SCHEMA_VERSIONS),
      deciderFor: memoised((forceId) => createSupportTaskDecider({ policy: policies.forForce(forceId).supportTask, calendar })),
      describe: describeSupportTaskEvent,
      escalation: escalateDeadlineCommand,
    });
    this.workflows.register(surveillanceWorkflow((forceId) => policies.forForce(forceId).surveillance, calendar));
    this.projections.register(traumaProjection);
    this.projections.register(surveillanceProjection);
    this.projections.register(supportTasksProjection);
    this.projections.register(trimReferralProcessManager(this.commands));
    this.projections.register(exposureProcessManager(this.commands, (forceId) => policies.forForce(forceId).exposure));
  }
}

export interface TraumaModuleOptions {
  /** Overrides laid over DEADLINE_POLICY_FILE's (tests shorten deadlines to seconds). */
  readonly policy?: TraumaPolicyOverrides;
}

@Module({})
export class TraumaModule {
  static forRoot(options: TraumaModuleOptions = {}): DynamicModule {
    return {
      module: TraumaModule,
      imports: [TimersModule, CasesModule],
      controllers: [IncidentVocabularyController, IncidentsController, TrimController, SupportTasksController, ExposureRegisterController, SurveillanceController, TraumaReportsController],
      providers: [
        {
          provide: TraumaPolicies,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            options.policy ? new TraumaPolicies(options.policy) : TraumaPolicies.fromFile(config.DEADLINE_POLICY_FILE),
        },
        IncidentImportService,
        TraumaWiring,
        personalDataPurger(traumaPersonalDataPurger),
      ],
      exports: [TraumaPolicies, IncidentImportService],
    };
  }
}
