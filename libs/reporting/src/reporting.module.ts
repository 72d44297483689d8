import { Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@casework/core/config/app-config';
import { ProjectionHost } from '@casework/platform/projection-host';
import { ReportsController } from './http/reports.controller';
import { REPORT_REFERRALS_MODEL } from './read-models/report-referrals.projection';
import { REPORTING_OPTIONS, ReportsService, type ReportingOptions } from './reports.service';

/** Registers the reporting read model with the projection host (workers run it). */
@Injectable()
class ReportingWiring implements OnModuleInit {
  constructor(private readonly projections: ProjectionHost) {}

  onModuleInit(): void {
    this.projections.registerVersioned(REPORT_REFERRALS_MODEL);
  }
}

/** The one report API (GET /reports, GET /reports/{name}) and its read model. */
@Module({})
export class ReportingModule {
  static forRoot(options: ReportingOptions = {}): DynamicModule {
    return {
      module: ReportingModule,
      controllers: [ReportsController],
      providers: [
        {
          provide: REPORTING_OPTIONS,
          inject: [APP_CONFIG],
          // An explicit option (tests) wins over REPORT_SUPPRESSION_THRESHOLD.
          useFactory: (config: AppConfig): ReportingOptions => ({
            ...options,
            suppressionThreshold: options.suppressionThreshold ?? config.REPORT_SUPPRESSION_THRESHOLD,
          }),
        },
        ReportsService,
        ReportingWiring,
      ],
      exports: [ReportsService],
    };
  }
}
