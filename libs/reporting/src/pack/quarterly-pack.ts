import type { Pool } from 'pg';
import { EMPLOYMENT_TYPES, REFERRAL_CATEGORIES, URGENCIES } from '@casework/referral/domain/types';
import { LEAVING_REASONS } from '@casework/retention/domain/exit/types';
import { TRIM_SOURCES } from '@casework/trauma/domain/trim/types';
import type { ReportRow } from '../suppression';
import {
  PRIMARY_MARK,
  SECONDARY_MARK,
  SMALL_NUMBER_THRESHOLD,
  chartOfTable,
  escapeHtml,
  labelOf,
  londonDateTime,
  parseQuarter,
  quarterRange,
  renderTable,
  suppressTable,
  type PackTableSpec,
  type Quarter,
} from './pack-format';

/**
 * The People board's quarterly pack: one self-contained HTML document (inline CSS and
 * SVG, no scripts, fonts or links to fetch) with the quarter's tables and charts. It reads
 * the `bi` views only — the same facts a force's BI tool sees — so it can run as the
 * read-only `casework_bi` role, and every count of people is small-number suppressed.
 */

/** A pool, or a client (e.g. one that has `set role casework_bi`). */
export type Queryable = Pick<Pool, 'query'>;

export interface QuarterlyPackOptions {
  readonly forceId: string;
  /** `YYYY-Qn`, e.g. `2026-Q3`. */
  readonly quarter: string;
  readonly generatedAt: Date;
}

/** The default repeat-exposure threshold (3 exposures, or severity weight 6, in 90 days). */
const REPEAT_COUNT = 3;
const REPEAT_WEIGHT = 6;

const ALL = 'All';

export async function renderQuarterlyPack(db: Queryable, options: QuarterlyPackOptions): Promise<string> {
  const q = parseQuarter(options.quarter);
  const ctx: Ctx = { db, forceId: options.forceId, q, generatedAt: options.generatedAt };
  const sections = [
    await referralSection(ctx),
    await backlogSection(ctx),
    await traumaSection(ctx),
    await repeatExposureSection(ctx),
    await leaversSection(ctx),
    await staySection(ctx),
    await welfareSection(ctx),
  ];
  const freshness = await freshnessLine(ctx);
  return page(ctx, sections, freshness);
}

interface Ctx {
  readonly db: Queryable;
  readonly forceId: string;
  readonly q: Quarter;
  readonly generatedAt: Date;
}

type Row = Record<string, unknown>;

async function query(ctx: Ctx, sql: string, params: readonly unknown[]): Promise<Row[]> {
  const { rows } = await ctx.db.query<Row>(sql, [...params]);
  return rows;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown, decimals = 1): number | null => {
  if (v === null || v === undefined) return null;
  const f = 10 ** decimals;
  return Math.round(Number(v) * f) / f;
};
const pct = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);

/** Keys in vocabulary order first, then any others the data holds, alphabetically. */
function ordered(vocabulary: readonly string[], present: Iterable<string>): string[] {
  const extra = [...present].filter((k) => !vocabulary.includes(k)).sort();
  return [...vocabulary, ...extra];
}

/** A one-dimension breakdown with counts, each group's % of the total and a total row. */
function breakdown(
  id: string,
  caption: string,
  heading: string,
  counts: ReadonlyMap<string, number>,
  vocabulary: readonly string[],
  share = '% of quarter',
): PackTableSpec {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const rows: ReportRow[] = ordered(vocabulary, counts.keys()).map((key) => {
    const n = counts.get(key) ?? 0;
    return { group: labelOf(key), n, pct: pct(n, total) };
  });
  rows.push({ group: ALL, n: total, pct: total === 0 ? null : 100 });
  return {
    id,
    caption,
    columns: [
      { name: 'group', heading, format: 'text' },
      { name: 'n', heading: 'Number', format: 'count' },
      { name: 'pct', heading: share, format: 'percent', basis: ['n'] },
    ],
    rows,
    additive: { columns: [{ columns: ['n'], within: [] }] },
    totalLabel: ALL,
  };
}

async function countsBy(ctx: Ctx, sql: string, params: readonly unknown[]): Promise<Map<string, number>> {
  const rows = await query(ctx, sql, params);
  return new Map(rows.map((r) => [String(r.key), num(r.n)]));
}

function section(id: string, title: string, body: string): string {
  return `<section id="${escapeHtml(id)}">\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

const para = (text: string): string => `<p>${escapeHtml(text)}</p>`;

/** A single count of people in running text, suppressed like a table cell. */
function countText(n: number): string {
  return n > 0 && n < SMALL_NUMBER_THRESHOLD ? PRIMARY_MARK : n.toLocaleString('en-GB');
}

async function referralSection(ctx: Ctx): Promise<string> {
  const range = [ctx.forceId, ctx.q.start, ctx.q.end];
  const inQuarter = 'force_id = $1 and submitted_at >= $2 and submitted_at < $3';
  const byType = suppressTable(
    breakdown(
      'referrals-by-employment-type',
      'OH referrals made this quarter, by employment type',
      'Employment type',
      await countsBy(ctx, `select employment_type as key, count(*) as n from bi.referrals where ${inQuarter} group by 1`, range),
      EMPLOYMENT_TYPES,
    ),
  );
  const byCategory = suppressTable(
    breakdown(
      'referrals-by-category',
      'OH referrals made this quarter, by category',
      'Category',
      await countsBy(ctx, `select category as key, count(*) as n from bi.referrals where ${inQuarter} group by 1`, range),
      REFERRAL_CATEGORIES,
    ),
  );
  const timing = await query(
    ctx,
    `select coalesce(urgency, '${ALL}') as urgency, count(*) as referrals, count(triaged_at) as triaged,
            percentile_cont(0.5) within group (order by days_to_triage) as median_triage,
            sum(deadlines_due) as due, sum(deadlines_met_on_time) as on_time, sum(deadlines_late) as late
     from bi.referrals where ${inQuarter} group by rollup (urgency)`,
    range,
  );
  const byUrgency = new Map(timing.map((r) => [String(r.urgency), r]));
  const timingRows: ReportRow[] = [...ordered(URGENCIES, [...byUrgency.keys()].filter((k) => k !== ALL)), ALL].map((key) => {
    const r = byUrgency.get(key) ?? {};
    const due = num(r.due);
    const onTime = num(r.on_time);
    return {
      urgency: key === ALL ? ALL : labelOf(key),
      referrals: num(r.referrals),
      triaged: num(r.triaged),
      median: numOrNull(r.median_triage),
      due,
      on_time: onTime,
      late: num(r.late),
      pct: pct(onTime, due),
    };
  });
  const timeliness = suppressTable({
    id: 'referral-timeliness',
    caption: 'Timeliness of this quarter’s referrals (workflow deadlines: triage, first appointment, outcome report)',
    columns: [
      { name: 'urgency', heading: 'Urgency', format: 'text' },
      { name: 'referrals', heading: 'Referrals', format: 'count' },
      { name: 'triaged', heading: 'Triaged', format: 'count' },
      { name: 'median', heading: 'Median days to triage', format: 'number', basis: ['triaged'] },
      { name: 'due', heading: 'Deadlines due', format: 'count' },
      { name: 'on_time', heading: 'Met on time', format: 'count' },
      { name: 'late', heading: 'Late or missed', format: 'count' },
      { name: 'pct', heading: '% on time', format: 'percent', basis: ['on_time', 'due', 'late'] },
    ],
    rows: timingRows,
    additive: {
      columns: [{ columns: ['referrals', 'triaged', 'due', 'on_time', 'late'], within: [] }],
      rows: [['due', 'on_time', 'late']],
    },
    totalLabel: ALL,
  });
  return section(
    'referrals',
    'OH referrals',
    [
      renderTable(byType),
      chartOfTable(byType, 'Referrals by employment type', 'group', 'n'),
      renderTable(byCategory),
      renderTable(timeliness),
    ].join('\n'),
  );
}

async function backlogSection(ctx: Ctx): Promise<string> {
  const at = new Date(Math.min(ctx.q.end.getTime(), ctx.generatedAt.getTime()));
  // Open at `at`: made before it, and still open or closed only after it.
  const rows = await query(
    ctx,
    `select urgency, category,
            case when age < interval '14 days' then 'a' when age < interval '42 days' then 'b'
                 when age < interval '91 days' then 'c' else 'd' end as band, count(*) as n
     from (select urgency, category, $2::timestamptz - submitted_at as age from bi.referrals
           where force_id = $1 and submitted_at < $2 and ((is_open and closed_at is null) or closed_at >= $2)) open
     group by 1, 2, 3`,
    [ctx.forceId, at],
  );
  const sum = (pick: (r: Row) => string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(pick(r), (m.get(pick(r)) ?? 0) + num(r.n));
    return m;
  };
  const when = at.getTime() === ctx.q.end.getTime() ? `at the end of ${quarterRange(ctx.q).split(' – ')[1]}` : `at ${londonDateTime(at)}`;
  const bands: Record<string, string> = { a: 'under_2_weeks', b: '2_to_6_weeks', c: '6_to_13_weeks', d: '13_weeks_or_more' };
  const byUrgency = suppressTable(
    breakdown('backlog-by-urgency', `Open referrals ${when}, by urgency`, 'Urgency', sum((r) => String(r.urgency)), URGENCIES, '% of open'),
  );
  const byCategory = suppressTable(
    breakdown('backlog-by-category', 'Open referrals, by category', 'Category', sum((r) => String(r.category)), REFERRAL_CATEGORIES, '% of open'),
  );
  const ageSpec = breakdown(
    'backlog-by-age',
    'Open referrals, by time since referral',
    'Open for',
    sum((r) => bands[String(r.band)] ?? String(r.band)),
    Object.values(bands),
    '% of open',
  );
  const byAgeTable = suppressTable(ageSpec);
  return section(
    'backlog',
    'Open OH referral backlog',
    [
      para(`Referrals open at the end of the quarter (or now, for the current quarter), whenever they were made.`),
      renderTable(byUrgency),
      renderTable(byCategory),
      renderTable(byAgeTable),
      chartOfTable(byAgeTable, 'Open referrals by time since referral', 'group', 'n'),
    ].join('\n'),
  );
}

async function traumaSection(ctx: Ctx): Promise<string> {
  const range = [ctx.forceId, ctx.q.start, ctx.q.end];
  const trim = await query(
    ctx,
    `select coalesce(source, '${ALL}') as source, count(*) as activations, count(first_contact_at) as contacted,
            percentile_cont(0.5) within group (order by hours_to_first_contact) as median_hours,
            count(*) filter (where initial_at_or_above) as at_or_above
     from bi.trim_activations where force_id = $1 and activated_at >= $2 and activated_at < $3
     group by rollup (source)`,
    range,
  );
  const bySource = new Map(trim.map((r) => [String(r.source), r]));
  const trimTable = suppressTable({
    id: 'trim-activations',
    caption: 'TRiM activations this quarter, by source',
    columns: [
      { name: 'source', heading: 'Source', format: 'text' },
      { name: 'activations', heading: 'Activations', format: 'count' },
      { name: 'contacted', heading: 'First contact made', format: 'count' },
      { name: 'median', heading: 'Median hours to first contact', format: 'number', basis: ['contacted'], unit: ' h' },
      { name: 'at_or_above', heading: 'Initial assessment at or above threshold', format: 'count' },
    ],
    rows: [...ordered(TRIM_SOURCES, [...bySource.keys()].filter((k) => k !== ALL)), ALL].map((key) => {
      const r = bySource.get(key) ?? {};
      return {
        source: key === ALL ? ALL : labelOf(key),
        activations: num(r.activations),
        contacted: num(r.contacted),
        median: numOrNull(r.median_hours),
        at_or_above: num(r.at_or_above),
      };
    }),
    additive: { columns: [{ columns: ['activations', 'contacted', 'at_or_above'], within: [] }] },
    totalLabel: ALL,
  });
  const outcomes = suppressTable(
    breakdown(
      'trim-outcomes',
      'TRiM activations ended this quarter, by outcome',
      'Outcome',
      await countsBy(
        ctx,
        `select case when outcome like 'declined%' then 'declined' else coalesce(outcome, 'other') end as key, count(*) as n
         from bi.trim_activations where force_id = $1 and ended_at >= $2 and ended_at < $3 group by 1`,
        range,
      ),
      ['no_further_action', 'referred_to_oh', 'referred_to_clinical_care', 'declined'],
    ),
  );
  const [funnel] = await query(
    ctx,
    `select count(*) as exposed, count(*) filter (where demobilised) as demobilised, count(*) filter (where defused) as defused,
            count(*) filter (where estim) as estim, count(*) filter (where trim_offered) as trim_offered,
            count(*) filter (where trim_activated) as trim_activated, count(*) filter (where oh_referred) as oh_referred
     from bi.estip_funnel_people where force_id = $1 and occurred_at >= $2 and occurred_at < $3`,
    range,
  );
  const [incidents] = await query(
    ctx,
    `select count(*) as n from bi.incidents where force_id = $1 and occurred_at >= $2 and occurred_at < $3`,
    range,
  );
  const exposed = num(funnel?.exposed);
  const stages: [string, string][] = [
    ['exposed', 'Colleagues exposed'],
    ['demobilised', 'Demobilised'],
    ['defused', 'Defused'],
    ['estim', 'ESTIM'],
    ['trim_offered', 'TRiM offered'],
    ['trim_activated', 'TRiM activated'],
    ['oh_referred', 'OH referral'],
  ];
  const funnelTable = suppressTable({
    id: 'estip-funnel',
    caption: 'ESTIP funnel: colleagues exposed to incidents this quarter and the support each step reached',
    columns: [
      { name: 'stage', heading: 'Step', format: 'text' },
      { name: 'n', heading: 'Exposures', format: 'count' },
      { name: 'pct', heading: '% of exposed', format: 'percent', basis: ['n'] },
    ],
    rows: stages.map(([key, label]) => {
      const n = num(funnel?.[key]);
      return { stage: label, n, pct: pct(n, exposed) };
    }),
  });
  return section(
    'trauma',
    'Trauma support: TRiM and ESTIP',
    [
      para(`${num(incidents?.n).toLocaleString('en-GB')} traumatic incident(s) were recorded as occurring this quarter.`),
      renderTable(funnelTable),
      chartOfTable(funnelTable, 'ESTIP funnel', 'stage', 'n'),
      renderTable(trimTable),
      renderTable(outcomes),
    ].join('\n'),
  );
}

async function repeatExposureSection(ctx: Ctx): Promise<string> {
  const rows = await query(
    ctx,
    `select coalesce(department, '${ALL}') as department, count(*) as exposures,
            count(*) filter (where exposures_in_90_days >= 2) as repeat,
            count(*) filter (where exposures_in_90_days >= ${REPEAT_COUNT} or severity_in_90_days >= ${REPEAT_WEIGHT}) as at_threshold
     from bi.estip_funnel_people where force_id = $1 and occurred_at >= $2 and occurred_at < $3
     group by rollup (department) order by department is null, department`,
    [ctx.forceId, ctx.q.start, ctx.q.end],
  );
  const table = suppressTable({
    id: 'repeat-exposure',
    caption: 'Exposures this quarter by department, and how many were repeats',
    columns: [
      { name: 'department', heading: 'Department', format: 'text' },
      { name: 'exposures', heading: 'Exposures', format: 'count' },
      { name: 'repeat', heading: 'A second or later exposure within 90 days', format: 'count' },
      { name: 'at_threshold', heading: `At or above the threshold (${REPEAT_COUNT} in 90 days or weight ${REPEAT_WEIGHT})`, format: 'count' },
    ],
    rows: rows.map((r) => ({
      department: String(r.department),
      exposures: num(r.exposures),
      repeat: num(r.repeat),
      at_threshold: num(r.at_threshold),
    })),
    additive: { columns: [{ columns: ['exposures', 'repeat', 'at_threshold'], within: [] }] },
    totalLabel: ALL,
  });
  return section(
    'repeat-exposure',
    'Repeat exposure',
    [
      para(
        'Each exposure counts once; a colleague exposed three times appears three times. The threshold shown is the default ' +
          'policy; the named register is available to wellbeing coordinators in Casework only.',
      ),
      renderTable(table),
    ].join('\n'),
  );
}

async function leaversSection(ctx: Ctx): Promise<string> {
  const dates = [ctx.forceId, ctx.q.firstDay, ctx.q.lastDay];
  const inQuarter = `force_id = $1 and status = 'left' and left_on >= $2::date and left_on <= $3::date`;
  const byReason = suppressTable(
    breakdown(
      'leavers-by-reason',
      'Leavers this quarter, by reason',
      'Reason',
      await countsBy(ctx, `select reason as key, count(*) as n from bi.leavers where ${inQuarter} group by 1`, dates),
      LEAVING_REASONS,
    ),
  );
  const byType = suppressTable(
    breakdown(
      'leavers-by-employment-type',
      'Leavers this quarter, by employment type',
      'Employment type',
      await countsBy(ctx, `select employment_type as key, count(*) as n from bi.leavers where ${inQuarter} group by 1`, dates),
      EMPLOYMENT_TYPES,
    ),
  );
  return section(
    'leavers',
    'Leavers',
    [renderTable(byReason), chartOfTable(byReason, 'Leavers by reason', 'group', 'n'), renderTable(byType)].join('\n'),
  );
}

async function staySection(ctx: Ctx): Promise<string> {
  const range = [ctx.forceId, ctx.q.start, ctx.q.end];
  const rows = await query(
    ctx,
    `select case when is_student then 'student' else 'substantive' end as cohort, count(*) as outcomes,
            count(*) filter (where outcome = 'stayed') as stayed, count(*) filter (where outcome = 'left') as "left"
     from bi.stay_interviews where force_id = $1 and outcome is not null and decided_at >= $2 and decided_at < $3
     group by 1`,
    range,
  );
  const [requested] = await query(
    ctx,
    `select count(*) as requested, count(*) filter (where held_at >= $2 and held_at < $3) as held_of_requested
     from bi.stay_interviews where force_id = $1 and requested_at >= $2 and requested_at < $3`,
    range,
  );
  const by = new Map(rows.map((r) => [String(r.cohort), r]));
  const cohort = (label: string, pick: (key: string) => number): ReportRow => {
    const outcomes = pick('outcomes');
    const stayed = pick('stayed');
    return { cohort: label, outcomes, stayed, left: pick('left'), rate: pct(stayed, outcomes) };
  };
  const of = (key: string, field: string): number => num(by.get(key)?.[field]);
  const table = suppressTable({
    id: 'stay-retention',
    caption: 'Stay interviews whose outcome was recorded this quarter: did the colleague stay?',
    columns: [
      { name: 'cohort', heading: 'Cohort', format: 'text' },
      { name: 'outcomes', heading: 'Outcomes recorded', format: 'count' },
      { name: 'stayed', heading: 'Stayed', format: 'count' },
      { name: 'left', heading: 'Left', format: 'count' },
      { name: 'rate', heading: 'Retention rate', format: 'percent', basis: ['stayed', 'outcomes', 'left'] },
    ],
    rows: [
      cohort('Student officers', (f) => of('student', f)),
      cohort('Substantive', (f) => of('substantive', f)),
      cohort(ALL, (f) => of('student', f) + of('substantive', f)),
    ],
    additive: { columns: [{ columns: ['outcomes', 'stayed', 'left'], within: [] }], rows: [['outcomes', 'stayed', 'left']] },
    totalLabel: ALL,
  });
  return section(
    'stay-interviews',
    'Stay interviews and retention',
    [
      para(
        `Stay interviews requested this quarter: ${countText(num(requested?.requested))}; ` +
          `of those, held this quarter: ${countText(num(requested?.held_of_requested))}.`,
      ),
      renderTable(table),
    ].join('\n'),
  );
}

async function welfareSection(ctx: Ctx): Promise<string> {
  const rows = await query(
    ctx,
    `select coalesce(department, '${ALL}') as department, count(*) as cases,
            count(*) filter (where all_contacts_on_time) as compliant,
            sum(contacts_due) as due, sum(contacts_on_time) as on_time
     from bi.welfare_compliance
     where force_id = $1 and contacts_due > 0 and opened_at < $3 and (closed_at is null or closed_at >= $2)
     group by rollup (department) order by department is null, department`,
    [ctx.forceId, ctx.q.start, ctx.q.end],
  );
  const table = suppressTable({
    id: 'wlo-compliance',
    caption: 'Welfare-liaison contact compliance: cases open during the quarter with a contact due',
    columns: [
      { name: 'department', heading: 'Department', format: 'text' },
      { name: 'cases', heading: 'Cases', format: 'count' },
      { name: 'compliant', heading: 'Every contact on time', format: 'count' },
      { name: 'not_compliant', heading: 'A contact late or missed', format: 'count' },
      { name: 'pct_cases', heading: '% of cases compliant', format: 'percent', basis: ['cases', 'compliant', 'not_compliant'] },
      { name: 'due', heading: 'Contacts due', format: 'count' },
      { name: 'on_time', heading: 'Contacts on time', format: 'count' },
      { name: 'late', heading: 'Contacts late or missed', format: 'count' },
      { name: 'pct_contacts', heading: '% of contacts on time', format: 'percent', basis: ['due', 'on_time', 'late'] },
    ],
    rows: rows.map((r) => {
      const cases = num(r.cases);
      const compliant = num(r.compliant);
      const due = num(r.due);
      const onTime = num(r.on_time);
      return {
        department: String(r.department),
        cases,
        compliant,
        not_compliant: cases - compliant,
        pct_cases: pct(compliant, cases),
        due,
        on_time: onTime,
        late: due - onTime,
        pct_contacts: pct(onTime, due),
      };
    }),
    additive: {
      columns: [{ columns: ['cases', 'compliant', 'not_compliant', 'due', 'on_time', 'late'], within: [] }],
      rows: [
        ['cases', 'compliant', 'not_compliant'],
        ['due', 'on_time', 'late'],
      ],
    },
    totalLabel: ALL,
  });
  return section(
    'wlo-compliance',
    'Welfare-liaison (WLO) contact compliance',
    [
      para(
        'Colleagues under investigation are contacted every 14 days (7 on sick leave). Counts cover each case’s whole life ' +
          'to date, for cases open at any time during the quarter.',
      ),
      renderTable(table),
    ].join('\n'),
  );
}

async function freshnessLine(ctx: Ctx): Promise<string> {
  const [row] = await query(
    ctx,
    `select max(last_written_at) as last_written, max(latest_event_recorded_at) as latest_event,
            count(*) filter (where status = 'failed') as failed
     from bi.data_freshness`,
    [],
  );
  const parts = [`Generated ${londonDateTime(ctx.generatedAt)} (London time).`];
  if (row?.last_written instanceof Date) parts.push(`Read models last updated ${londonDateTime(row.last_written)}.`);
  if (row?.latest_event instanceof Date) parts.push(`Latest recorded activity ${londonDateTime(row.latest_event)}.`);
  const failed = num(row?.failed);
  if (failed > 0) {
    parts.push(`Warning: ${failed} read model(s) had stopped updating when this pack was made; figures may be incomplete.`);
  }
  return parts.join(' ');
}

const CSS = `
:root { color-scheme: light; }
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; }
header { border-bottom: 4px solid #1d70b8; margin-bottom: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; border-bottom: 1px solid #b1b4b6; padding-bottom: .25rem; }
.meta { color: #505a5f; margin: .25rem 0 1rem; }
table { border-collapse: collapse; margin: 1rem 0 .25rem; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding-bottom: .4rem; }
th, td { border-bottom: 1px solid #b1b4b6; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f3f2f1; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #0b0c0c; }
.suppressed { font-size: .8rem; color: #505a5f; margin: 0 0 1rem; }
svg.chart { display: block; margin: .5rem 0 1.25rem; max-width: 100%; height: auto; font-family: Arial, Helvetica, sans-serif; font-size: 12px; }
svg.chart .chart-title { font-weight: bold; font-size: 13px; }
.notes { font-size: .85rem; color: #383f43; }
section { break-inside: avoid-page; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, svg { break-inside: avoid; } }
`;

function page(ctx: Ctx, sections: readonly string[], freshness: string): string {
  const title = `People board pack — ${ctx.q.label}`;
  const notes = `<section id="notes" class="notes">
<h2>Notes</h2>
<ol>
<li>Small numbers: to protect individuals, any count of people from 1 to ${SMALL_NUMBER_THRESHOLD - 1} is shown as
${escapeHtml(PRIMARY_MARK)}. ${escapeHtml(SECONDARY_MARK)} marks a figure withheld so that a small count cannot be worked out
from a total, and a percentage, rate or median based on a withheld count. Zero is shown.</li>
<li>Dates are business dates in Europe/London time: a quarter runs from 00:00 on its first day to 00:00 on the day after
its last. Back-dated records count in the quarter they happened.</li>
<li>Source: the Casework <code>bi</code> views, which hold no names, person identifiers or free text. Read models are
updated continuously from the case record and may lag it by seconds; see the line under the title.</li>
<li>Referral timeliness counts workflow deadlines that have fallen due so far for referrals made this quarter; later
deadlines of open referrals are not yet counted.</li>
</ol>
</section>`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="Casework quarterly pack">
<title>${escapeHtml(title)} — ${escapeHtml(ctx.forceId)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Force: <strong>${escapeHtml(ctx.forceId)}</strong> · ${escapeHtml(quarterRange(ctx.q))}</p>
<p class="meta" id="freshness">${escapeHtml(freshness)}</p>
</header>
<main>
${sections.join('\n')}
${notes}
</main>
</body>
</html>
`;
}

