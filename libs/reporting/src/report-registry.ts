import { REFERRAL_REPORTS } from './reports/referral-reports';
import type { ReportDefinition } from './reports/report';
import { WRAPPED_REPORTS } from './reports/wrapped-reports';

/** Names that are route prefixes of other report controllers (/reports/trauma/*, /reports/retention/*). */
const RESERVED_NAMES = new Set(['trauma', 'retention']);
const NAME = /^[a-z][a-z0-9-]{1,60}$/;

/** Every report the API serves, by name. */
export class ReportRegistry {
  private readonly byName = new Map<string, ReportDefinition>();

  constructor(reports: readonly ReportDefinition[]) {
    for (const report of reports) {
      if (!NAME.test(report.name) || RESERVED_NAMES.has(report.name)) throw new Error(`Bad report name: ${report.name}`);
      if (this.byName.has(report.name)) throw new Error(`Report ${report.name} registered twice`);
      this.byName.set(report.name, report);
    }
  }

  get(name: string): ReportDefinition | undefined {
    return this.byName.get(name);
  }

  list(): ReportDefinition[] {
    return [...this.byName.values()];
  }
}

export const ALL_REPORTS: readonly ReportDefinition[] = [...REFERRAL_REPORTS, ...WRAPPED_REPORTS];

export function defaultReportRegistry(): ReportRegistry {
  return new ReportRegistry(ALL_REPORTS);
}
