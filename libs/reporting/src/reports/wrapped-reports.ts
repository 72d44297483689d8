import { DateTime } from 'luxon';
import { RETENTION_PERMISSIONS } from '@casework/retention/application/retention-access';
import { retentionProjection } from '@casework/retention/read-models/retention.projection';
import {
  interviewThemes,
  LEAVER_DIMENSION_NAMES,
  leaversReport,
  retentionAfterInterview,
  wloCompliance,
  type LeaverDimension,
} from '@casework/retention/read-models/retention.queries';
import { TRAUMA_PERMISSIONS } from '@casework/trauma/application/trauma-access';
import { exposureRegisterByDepartment } from '@casework/trauma/read-models/exposure.queries';
import { traumaProjection } from '@casework/trauma/read-models/trauma.projection';
import { estipFunnel, trimActivity } from '@casework/trauma/read-models/trauma.queries';
import { REPORT_ZONE } from '../periods';
import type { ReportRow } from '../suppression';
import type { ReportDefinition, ReportParams } from './report';

/**
 * The trauma and retention reports (still served at /reports/trauma/* and
 * /reports/retention/*) through the one report API, so they get the same filters echo,
 * freshness, suppression and CSV. Their queries are the libraries' own.
 */

/** Aggregate-report readers of each library, plus national analysts (who always see suppressed numbers). */
const TRAUMA_ROLES: readonly string[] = [...TRAUMA_PERMISSIONS.reports, 'national_analyst'];
const RETENTION_ROLES: readonly string[] = [...RETENTION_PERMISSIONS.reports, 'national_analyst'];
const TRAUMA_SOURCE = { projection: traumaProjection.name, categories: traumaProjection.categories };
const RETENTION_SOURCE = { projection: retentionProjection.name, categories: retentionProjection.categories };

const period = (p: ReportParams): { forceId: string; from?: string; to?: string } => ({ forceId: p.forceId, from: p.from, to: p.to });

/** Rows of the caller's department only, when one is asked for (these queries do not filter by it). */
function inDepartment<T extends { department: string }>(rows: readonly T[], p: ReportParams): readonly T[] {
  return p.department ? rows.filter((r) => r.department === p.department) : rows;
}

export const WRAPPED_REPORTS: readonly ReportDefinition[] = [
  {
    name: 'estip-funnel',
    title: 'ESTIP funnel per incident type and department',
    description:
      'People exposed → demobilised → defused → ESTIM → TRiM offered → TRiM activated → OH referral, for incidents ' +
      'that occurred in the period. The pilot’s question (did ESTIP change TRiM and OH demand?) is read across rows.',
    params: ['from', 'to', 'department'],
    dates: 'range',
    roles: TRAUMA_ROLES,
    source: TRAUMA_SOURCE,
    async run({ pool }, p) {
      const rows = inDepartment(await estipFunnel(pool, period(p)), p);
      return {
        columns: [
          { name: 'incidentType', kind: 'dimension' },
          { name: 'department', kind: 'dimension' },
          ...(['incidents', 'exposed', 'demobilised', 'defused', 'estim', 'trimOffered', 'trimActivated', 'ohReferred'] as const).map(
            (name) => ({ name, kind: 'count' as const }),
          ),
        ],
        rows: rows.map((r): ReportRow => ({ ...r })),
      };
    },
  },
  {
    name: 'trim-activity',
    title: 'TRiM activations by month, department and outcome',
    description: 'TRiM activations by month (Europe/London), department and outcome, with the median hours from activation to first contact.',
    params: ['from', 'to', 'department'],
    dates: 'range',
    roles: TRAUMA_ROLES,
    source: TRAUMA_SOURCE,
    async run({ pool }, p) {
      const rows = inDepartment(await trimActivity(pool, period(p)), p);
      return {
        columns: [
          { name: 'month', kind: 'dimension' },
          { name: 'department', kind: 'dimension' },
          { name: 'outcome', kind: 'dimension' },
          { name: 'activations', kind: 'count' },
          { name: 'contacted', kind: 'count' },
          { name: 'medianHoursToFirstContact', kind: 'number', basis: ['contacted'] },
        ],
        rows: rows.map(
          (r): ReportRow => ({
            month: r.month,
            department: r.department,
            outcome: r.outcome,
            activations: r.activations,
            contacted: r.contacted,
            medianHoursToFirstContact: r.medianHoursToFirstContact,
          }),
        ),
      };
    },
  },
  {
    name: 'repeat-exposure',
    title: 'Repeat-exposure register by department',
    description:
      'As of the end of `to` (default now): people exposed within the force’s longest window, people at or above the ' +
      'repeat-exposure threshold, and exposures, by department.',
    params: ['to', 'department'],
    dates: 'as_of',
    roles: TRAUMA_ROLES,
    source: TRAUMA_SOURCE,
    async run(context, p) {
      const endOfTo = p.to ? DateTime.fromISO(p.to, { zone: REPORT_ZONE }).endOf('day').toJSDate() : p.now;
      const asOf = endOfTo.getTime() < p.now.getTime() ? endOfTo : p.now;
      const policy = context.exposurePolicy(p.forceId);
      const rows = inDepartment(await exposureRegisterByDepartment(context.pool, { forceId: p.forceId, asOf, policy }), p);
      return {
        columns: [
          { name: 'department', kind: 'dimension' },
          { name: 'peopleExposed', kind: 'count' },
          { name: 'peopleAboveThreshold', kind: 'count' },
          { name: 'exposures', kind: 'count' },
        ],
        rows: rows.map((r): ReportRow => ({ ...r })),
      };
    },
  },
  {
    name: 'leavers',
    title: 'Leavers by quarter',
    description:
      'Leavers by leaving date’s quarter, split by up to four of the groupBy dimensions (default reason), with each ' +
      'group’s share of the quarter’s leavers.',
    params: ['from', 'to', 'groupBy'],
    dates: 'range',
    groupBy: { allowed: LEAVER_DIMENSION_NAMES, default: ['reason'], max: 4 },
    roles: RETENTION_ROLES,
    source: RETENTION_SOURCE,
    async run({ pool }, p) {
      const by = p.groupBy as readonly LeaverDimension[];
      const rows = await leaversReport(pool, { ...period(p), by });
      return {
        columns: [
          { name: 'quarter', kind: 'dimension' },
          ...by.map((name) => ({ name, kind: 'dimension' as const })),
          { name: 'leavers', kind: 'count' },
          { name: 'percentOfQuarter', kind: 'percent', basis: ['leavers'] },
        ],
        rows: rows.map(
          (r): ReportRow => ({
            quarter: r.quarter,
            ...Object.fromEntries(by.map((d) => [d, r.groups[d] ?? null])),
            leavers: r.leavers,
            percentOfQuarter: r.percentOfQuarter,
          }),
        ),
        additive: { columns: [{ columns: ['leavers'], within: ['quarter'] }] },
      };
    },
  },
  {
    name: 'interview-themes',
    title: 'Stay-interview themes and exit drivers by quarter',
    description: 'How many interviews (or exits) named each theme, and how many had any theme recorded, per quarter.',
    params: ['from', 'to'],
    dates: 'range',
    roles: RETENTION_ROLES,
    source: RETENTION_SOURCE,
    async run({ pool }, p) {
      const rows = await interviewThemes(pool, period(p));
      return {
        columns: [
          { name: 'quarter', kind: 'dimension' },
          { name: 'source', kind: 'dimension' },
          { name: 'theme', kind: 'dimension' },
          { name: 'mentions', kind: 'count' },
          { name: 'interviews', kind: 'count' },
        ],
        rows: rows.map((r): ReportRow => ({ ...r })),
      };
    },
  },
  {
    name: 'retention-rate',
    title: 'Retention after a stay or exit interview',
    description:
      'Of stay interviews with a known outcome, how many stayed (student officers vs substantive); of resignations ' +
      'with an exit interview, how many were withdrawn rather than left.',
    params: ['from', 'to'],
    dates: 'range',
    roles: RETENTION_ROLES,
    source: RETENTION_SOURCE,
    async run({ pool }, p) {
      const rows = await retentionAfterInterview(pool, period(p));
      return {
        columns: [
          { name: 'intervention', kind: 'dimension' },
          { name: 'cohort', kind: 'dimension' },
          { name: 'outcomes', kind: 'count' },
          { name: 'stayed', kind: 'count' },
          { name: 'left', kind: 'count' },
          { name: 'retentionRate', kind: 'percent', basis: ['stayed', 'outcomes'] },
        ],
        rows: rows.map((r): ReportRow => ({ ...r })),
        additive: { rows: [['outcomes', 'stayed', 'left']] },
      };
    },
  },
  {
    name: 'wlo-compliance',
    title: 'Welfare-liaison contact compliance',
    description:
      'Welfare cases with a contact due, how many had every contact on time, and contacts due and on time, by department ' +
      'and for all departments (the last row, left out when one department is asked for).',
    params: ['department'],
    dates: 'none',
    roles: RETENTION_ROLES,
    source: RETENTION_SOURCE,
    async run({ pool }, p) {
      const all = await wloCompliance(pool, { forceId: p.forceId });
      const rows = inDepartment(all, p);
      return {
        columns: [
          { name: 'department', kind: 'dimension' },
          { name: 'cases', kind: 'count' },
          { name: 'compliant', kind: 'count' },
          { name: 'percentCompliant', kind: 'percent', basis: ['compliant', 'cases'] },
          { name: 'contactsDue', kind: 'count' },
          { name: 'contactsOnTime', kind: 'count' },
        ],
        rows: rows.map((r): ReportRow => ({ ...r })),
        // The departments add up to the "All departments" row.
        additive: p.department ? undefined : { columns: [{ columns: ['cases', 'compliant', 'contactsDue', 'contactsOnTime'], within: [] }] },
      };
    },
  },
];
