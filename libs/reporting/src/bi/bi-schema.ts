import type { Migration } from '@casework/core/database/migrations';

/**
 * BI access: the `bi` schema of documented views over the read models, and the
 * `casework_bi` role that may read those views and nothing else, so a force's Qlik or
 * Power BI can connect to PostgreSQL directly (docs/bi-access.md).
 *
 * Every view holds facts a People board may count: codes from the workflows'
 * vocabularies, business dates, timings and flags. None holds a name, a person's id, a
 * member of staff's id or free text (no notes, summaries, concerns, survey answers or
 * locations), and none reads the event store's content. Case ids (`referral_id`,
 * `incident_id`, …) are random UUIDs kept for distinct counts and joins; they identify a
 * case only to someone who can already open it in Casework.
 *
 * The views run with their owner's rights (PostgreSQL's default), so `casework_bi` needs
 * no grant on any table: it is granted `select` on the `bi` schema alone and on nothing
 * in `public`. One database serves several forces, so a BI login sees only the forces
 * a DBA lists for it in `bi_force_logins` (and nothing until then). Every view and every column carries a `comment`, which BI tools show as
 * its description; the SQL below is generated from `BI_VIEWS` so the two never drift.
 *
 * The id sorts after every read-model migration (`0401_retention_rejoined_date`,
 * `0500_reporting_referrals`), so the tables exist when the views are created.
 */

export interface BiView {
  /** Name in the `bi` schema. */
  readonly name: string;
  readonly description: string;
  /** The view's query; its output columns must be exactly the keys of `columns`, in order. */
  readonly query: string;
  readonly columns: Readonly<Record<string, string>>;
}

const BI_ROLE_NAME = 'casework_bi';

/** The London calendar quarter of a timestamptz expression, e.g. `2026-Q3`. */
const quarter = (tsSql: string): string => `to_char(${tsSql} at time zone 'Europe/London', 'YYYY-"Q"Q')`;
const dateQuarter = (dateSql: string): string => `to_char(${dateSql}, 'YYYY-"Q"Q')`;
const londonDate = (tsSql: string): string => `(${tsSql} at time zone 'Europe/London')::date`;
/** Calendar days between two timestamptz expressions, to two decimal places (null while `to` is null). */
const days = (from: string, to: string): string => `round(extract(epoch from (${to} - ${from})) / 86400, 2)`;

/**
 * Which forces' rows the connected login may see. A login that is a member of the BI role
 * (directly or not; superusers excepted, as PostgreSQL makes them members of every role)
 * sees only the forces `bi_force_logins` lists for it, and nothing if none; any other user
 * (the app, a DBA) sees every force. `session_user` is the login itself: `SET ROLE` does
 * not change it, and only a superuser can.
 */
const visible = (alias: string): string => `(
        not exists (select 1 from pg_catalog.pg_roles b join pg_catalog.pg_roles s on s.rolname = session_user
                    where b.rolname = '${BI_ROLE_NAME}' and not s.rolsuper and pg_catalog.pg_has_role(s.oid, b.oid, 'MEMBER'))
        or exists (select 1 from public.bi_force_logins l where l.login = session_user and l.force_id = ${alias}.force_id))`;

const FORCE = 'The force the case belongs to. Filter every query by it: one database may serve several forces.';

export const BI_VIEWS: readonly BiView[] = [
  {
    name: 'referrals',
    description:
      'One row per OH referral: who referred (as a code), what kind, how urgent, where it stands and how long each step took. ' +
      'No names, subjects, reasons, clinical outcomes or notes.',
    query: `
      select r.referral_id, r.force_id, r.submitted_at,
             ${londonDate('r.submitted_at')} as submitted_on,
             ${quarter('r.submitted_at')} as submitted_quarter,
             r.employment_type, r.department, r.source, r.category, r.urgency, r.status, r.is_open,
             r.triaged_at, r.first_appointment_offered_at, r.outcome_recorded_at, r.closed_at, r.close_reason,
             ${days('r.submitted_at', 'r.triaged_at')} as days_to_triage,
             ${days('r.submitted_at', 'r.first_appointment_offered_at')} as days_to_first_appointment_offer,
             ${days('r.submitted_at', 'r.outcome_recorded_at')} as days_to_outcome,
             ${days('r.submitted_at', 'r.closed_at')} as days_to_close,
             r.deadlines_due, r.deadlines_met_on_time, r.deadlines_late,
             r.updated_at as last_changed_at
      from public.report_referrals r
      where ${visible('r')}`,
    columns: {
      referral_id: 'Random case id (UUID): for distinct counts only; identifies nobody.',
      force_id: FORCE,
      submitted_at: 'When the referral was made (business time: back-dated imports carry their real date).',
      submitted_on: 'submitted_at as a Europe/London calendar date.',
      submitted_quarter: 'Calendar quarter of submitted_on, e.g. 2026-Q3.',
      employment_type: 'police_officer, police_staff, pcso, special_constable or volunteer.',
      department: 'The department of the person referred, as the force names it.',
      source: 'Who referred: management, self, trim, welfare_liaison or hr.',
      category: 'mental_health or physical_health.',
      urgency: 'routine or urgent.',
      status: 'Workflow status code: awaiting_triage, awaiting_consent, awaiting_appointment, appointment_offered, …, closed or cancelled.',
      is_open: 'True while the referral is open (neither closed nor cancelled).',
      triaged_at: 'When it was triaged; null until then.',
      first_appointment_offered_at: 'When the first appointment was offered; null until then.',
      outcome_recorded_at: 'When the outcome was recorded (the outcome itself is clinical and not here).',
      closed_at: 'When it was closed; null while open.',
      close_reason: 'completed, consent_refused, did_not_attend, no_further_action or other.',
      days_to_triage: 'Calendar days from submission to triage (2 d.p.); null until triaged.',
      days_to_first_appointment_offer: 'Calendar days from submission to the first appointment offer (2 d.p.).',
      days_to_outcome: 'Calendar days from submission to the outcome report (2 d.p.).',
      days_to_close: 'Calendar days from submission to closure (2 d.p.); null while open.',
      deadlines_due: 'Workflow deadlines (triage, first appointment, outcome report) that have fallen due.',
      deadlines_met_on_time: 'Of deadlines_due, those met on time.',
      deadlines_late: 'Of deadlines_due, those met late or still missed.',
      last_changed_at: 'When the read model last changed this row (processing time, not business time).',
    },
  },
  {
    name: 'incidents',
    description:
      'One row per traumatic incident: its type, department, when it happened, how many colleagues were exposed ' +
      'and where each ESTIP stage stands. No location, operational summary or names.',
    query: `
      select i.incident_id, i.force_id, i.incident_type, i.type_label, i.severity_weight, i.department, i.occurred_at,
             ${londonDate('i.occurred_at')} as occurred_on,
             ${quarter('i.occurred_at')} as occurred_quarter,
             i.status, i.exposed as exposed_count,
             coalesce(i.stages->>'demobilisation', 'pending') as demobilisation,
             coalesce(i.stages->>'defusion', 'pending') as defusion,
             coalesce(i.stages->>'estim', 'pending') as estim,
             coalesce(i.stages->>'monitoring', 'pending') as monitoring,
             coalesce(i.stages->>'trim_planning', 'pending') as trim_planning,
             i.overdue as has_overdue_deadline
      from public.trauma_incidents i
      where ${visible('i')}`,
    columns: {
      incident_id: 'Random case id (UUID); joins bi.estip_funnel_people and bi.trim_activations.',
      force_id: FORCE,
      incident_type: "Code from the force's incident taxonomy.",
      type_label: "The taxonomy's label for incident_type.",
      severity_weight: 'The type’s weight in the repeat-exposure threshold (the heaviest types weigh 3).',
      department: 'The department that recorded the incident.',
      occurred_at: 'When the incident happened (business time).',
      occurred_on: 'occurred_at as a Europe/London calendar date.',
      occurred_quarter: 'Calendar quarter of occurred_on, e.g. 2026-Q3.',
      status: 'open or closed.',
      exposed_count: 'Colleagues recorded as exposed (removals recorded in error are subtracted).',
      demobilisation: 'ESTIP demobilisation: pending, held or skipped.',
      defusion: 'ESTIP defusion: pending, held or skipped.',
      estim: 'ESTIP ESTIM: pending, held or skipped.',
      monitoring: 'ESTIP monitoring: pending, started, concluded or skipped.',
      trim_planning: 'TRiM planning meeting: pending, held or skipped.',
      has_overdue_deadline: 'True while a stage deadline of the incident is overdue.',
    },
  },
  {
    name: 'estip_funnel_people',
    description:
      'One row per colleague per incident (exposures recorded in error are left out): the ESTIP support each exposure ' +
      'received, and how often the same colleague had been exposed in the 90 days to it. No person id or name.',
    query: `
      select e.incident_id, e.force_id, e.incident_type, e.severity_weight, e.department, e.exposure_role, e.occurred_at,
             ${londonDate('e.occurred_at')} as occurred_on,
             ${quarter('e.occurred_at')} as occurred_quarter,
             e.demobilised, e.defused, e.estim, e.trim_offered, e.trim_activated, e.oh_referred,
             w.exposures_in_90_days, w.severity_in_90_days, n.exposure_number
      from public.trauma_exposures e
      cross join lateral (
        select count(*)::int as exposures_in_90_days, coalesce(sum(p.severity_weight), 0) as severity_in_90_days
        from public.trauma_exposures p
        where p.force_id = e.force_id and p.person_id = e.person_id and not p.removed
          and p.occurred_at <= e.occurred_at
          and p.occurred_at > ((e.occurred_at at time zone 'Europe/London') - interval '90 days') at time zone 'Europe/London'
      ) w
      cross join lateral (
        select count(*)::int as exposure_number
        from public.trauma_exposures p
        where p.force_id = e.force_id and p.person_id = e.person_id and not p.removed and p.occurred_at <= e.occurred_at
      ) n
      where not e.removed and ${visible('e')}`,
    columns: {
      incident_id: 'The incident (joins bi.incidents).',
      force_id: FORCE,
      incident_type: "Code from the force's incident taxonomy.",
      severity_weight: 'The incident type’s weight in the repeat-exposure threshold.',
      department: 'The colleague’s department.',
      exposure_role: 'How the colleague was involved: first_responder, investigator, witness, call_handler, reviewer, family_liaison, supervisor or other.',
      occurred_at: 'When the incident happened (business time).',
      occurred_on: 'occurred_at as a Europe/London calendar date.',
      occurred_quarter: 'Calendar quarter of occurred_on, e.g. 2026-Q3.',
      demobilised: 'Attended the demobilisation.',
      defused: 'Attended the defusion.',
      estim: 'Attended the ESTIM.',
      trim_offered: 'Offered a TRiM risk assessment at TRiM planning.',
      trim_activated: 'A TRiM activation was opened from this incident.',
      oh_referred: 'An OH referral followed.',
      exposures_in_90_days:
        'The colleague’s exposures in the 90 London days up to and including this one (this one counts). ' +
        'The default repeat-exposure threshold is 3 in 90 days.',
      severity_in_90_days:
        'Sum of severity weights over the same 90 days. The default threshold is a weight of 6.',
      exposure_number: 'This is the colleague’s nth recorded exposure (1 = first).',
    },
  },
  {
    name: 'trim_activations',
    description:
      'One row per TRiM activation: where it came from, how fast first contact was, whether an assessment was at or ' +
      'above the risk threshold, and how it ended. No person, practitioner, scores or notes.',
    query: `
      select t.activation_id, t.force_id, t.department, t.source, t.incident_id, t.status, t.outcome, t.activated_at,
             ${londonDate('t.activated_at')} as activated_on,
             ${quarter('t.activated_at')} as activated_quarter,
             t.first_contact_at,
             round(extract(epoch from (t.first_contact_at - t.activated_at)) / 3600, 1) as hours_to_first_contact,
             t.initial_at_or_above, t.follow_up_at_or_above, t.referral_requested, t.ended_at,
             t.overdue as has_overdue_deadline
      from public.trim_activations t
      where ${visible('t')}`,
    columns: {
      activation_id: 'Random case id (UUID): for distinct counts only.',
      force_id: FORCE,
      department: 'The department of the person supported.',
      source: 'incident, self_referral or manager_referral.',
      incident_id: 'The incident it followed (joins bi.incidents); null for self and manager referrals.',
      status: 'Workflow status code (awaiting_practitioner, …, closed, declined).',
      outcome: 'no_further_action, referred_to_oh, referred_to_clinical_care, or declined_<stage> if the person declined; null while open.',
      activated_at: 'When TRiM was activated (business time).',
      activated_on: 'activated_at as a Europe/London calendar date.',
      activated_quarter: 'Calendar quarter of activated_on, e.g. 2026-Q3.',
      first_contact_at: 'When the trauma intervention brief was given (first contact); null until then.',
      hours_to_first_contact: 'Hours from activation to first contact (1 d.p.).',
      initial_at_or_above: 'The initial risk assessment was at or above the force’s threshold; null until held.',
      follow_up_at_or_above: 'The follow-up assessment was at or above the threshold; null until held.',
      referral_requested: 'An OH referral was requested from TRiM.',
      ended_at: 'When the activation closed or was declined; null while open.',
      has_overdue_deadline: 'True while a TRiM deadline is overdue.',
    },
  },
  {
    name: 'leavers',
    description:
      'One row per notified leaving (status left = a leaver; retained = resignation withdrawn): reason, service band, ' +
      'demographics where given, and the drivers recorded. No name, start date, survey answers or interview notes.',
    query: `
      select x.exit_id, x.force_id, x.reason, x.employment_type, x.department,
             coalesce(x.length_of_service, 'unknown') as length_of_service,
             x.status, x.notified_at, x.leaving_date, x.left_on,
             ${dateQuarter('x.left_on')} as left_quarter,
             x.rejoined_at as rejoined_on,
             coalesce(x.demographics->>'ageBand', 'not_recorded') as age_band,
             coalesce(x.demographics->>'sex', 'not_recorded') as sex,
             coalesce(x.demographics->>'ethnicity', 'not_recorded') as ethnicity,
             coalesce(x.demographics->>'disability', 'not_recorded') as disability,
             x.drivers, x.survey as survey_status, x.interview as interview_status
      from public.exit_cases x
      where ${visible('x')}`,
    columns: {
      exit_id: 'Random case id (UUID): for distinct counts only.',
      force_id: FORCE,
      reason: 'retirement, transfer_out, resignation, ill_health_retirement, dismissal or other.',
      employment_type: 'police_officer, police_staff, pcso, special_constable or volunteer.',
      department: 'The department left.',
      length_of_service: 'Service band: <1y, 1-2y, 2-5y, 5-10y, 10-20y, 20y+ or unknown.',
      status: 'Exit workflow status; left = has left, retained = resignation withdrawn.',
      notified_at: 'When the leaving was notified.',
      leaving_date: 'The planned leaving date (a business date).',
      left_on: 'The date the person left; null unless status is left.',
      left_quarter: 'Calendar quarter of left_on, e.g. 2026-Q3.',
      rejoined_on: 'The date a leaver rejoined, if they did.',
      age_band: '16-24, 25-34, 35-44, 45-54, 55+, prefer_not_to_say or not_recorded.',
      sex: 'female, male, prefer_not_to_say or not_recorded.',
      ethnicity: '2021 Census high-level group: asian, black, mixed, white, other, prefer_not_to_say or not_recorded.',
      disability: 'disabled, not_disabled, prefer_not_to_say or not_recorded.',
      drivers: "Array of driver codes from the force's taxonomy (pay, workload, culture, …); empty if none recorded.",
      survey_status: 'Exit survey: pending, completed or declined (answers are not here).',
      interview_status: 'Exit interview: pending, held or declined (what was said is not here).',
    },
  },
  {
    name: 'stay_interviews',
    description:
      'One row per stay interview: who (as codes), stated intent to leave, themes, actions and whether the person stayed. ' +
      'No name, interviewer, concerns or summary.',
    query: `
      select s.stay_id, s.force_id, s.employment_type, s.department, s.is_student, s.intent_to_leave, s.status,
             s.requested_at, s.held_at, s.decided_at, s.ended_at,
             ${quarter('s.requested_at')} as requested_quarter,
             s.themes, s.actions_total, s.actions_done, s.outcome
      from public.stay_interviews s
      where ${visible('s')}`,
    columns: {
      stay_id: 'Random case id (UUID): for distinct counts only.',
      force_id: FORCE,
      employment_type: 'police_officer, police_staff, pcso, special_constable or volunteer.',
      department: 'The person’s department.',
      is_student: 'A student officer (in probation) rather than substantive.',
      intent_to_leave: 'Stated at the request: none, considering, actively_looking or decided.',
      status: 'Workflow status code.',
      requested_at: 'When the stay interview was asked for.',
      held_at: 'When it was held; null until then.',
      decided_at: 'When the outcome (stayed or left) was recorded.',
      ended_at: 'When the case ended (outcome, declined or cancelled).',
      requested_quarter: 'Calendar quarter of requested_at (Europe/London), e.g. 2026-Q3.',
      themes: "Array of theme codes from the force's taxonomy; empty until the interview is held.",
      actions_total: 'Actions agreed.',
      actions_done: 'Actions completed.',
      outcome: 'stayed or left; null until known.',
    },
  },
  {
    name: 'welfare_compliance',
    description:
      'One row per welfare-liaison case (a colleague under investigation): how many contacts fell due and how many ' +
      'were made on time. No name, officer, suspension, sickness or what was said.',
    query: `
      select w.case_id, w.force_id, w.employment_type, w.department, w.kind, w.status,
             w.opened_at, w.investigation_started_at, w.concluded_at, w.closed_at,
             ${quarter('w.opened_at')} as opened_quarter,
             w.contacts, w.contacts_due, w.contacts_on_time,
             case when w.contacts_due > 0 then w.contacts_on_time = w.contacts_due end as all_contacts_on_time,
             w.overdue as has_overdue_deadline
      from public.welfare_cases w
      where ${visible('w')}`,
    columns: {
      case_id: 'Random case id (UUID): for distinct counts only.',
      force_id: FORCE,
      employment_type: 'police_officer, police_staff, pcso, special_constable or volunteer.',
      department: 'The colleague’s department.',
      kind: 'complaint, misconduct or gross_misconduct.',
      status: 'Workflow status code.',
      opened_at: 'When welfare liaison was opened.',
      investigation_started_at: 'When the investigation started.',
      concluded_at: 'When the investigation concluded; null until then.',
      closed_at: 'When the welfare case closed; null while open.',
      opened_quarter: 'Calendar quarter of opened_at (Europe/London), e.g. 2026-Q3.',
      contacts: 'Contacts recorded.',
      contacts_due: 'Contact deadlines (every 14 days, 7 on sick leave) that have fallen due.',
      contacts_on_time: 'Of contacts_due, those met on time.',
      all_contacts_on_time: 'Every contact due was on time; null when none has fallen due yet.',
      has_overdue_deadline: 'True while a contact or progress-report deadline is overdue.',
    },
  },
  {
    name: 'data_freshness',
    description:
      'How current the read models behind these views are (they are eventually consistent with the event store). ' +
      'One row per projection; not per force. No event content.',
    query: `
      select c.name as projection, c.status, c.events_processed, c.updated_at as last_written_at,
             (select e.recorded_at from public.es_events e order by e.position desc limit 1) as latest_event_recorded_at
      from public.projection_checkpoints c`,
    columns: {
      projection: 'Projection (read model) name, e.g. report_referrals_v1.',
      status: 'running or failed (a failed projection stops updating its table until fixed).',
      events_processed: 'Events this projection has applied since it was (re)built.',
      last_written_at: 'When the projection last committed a batch. A caught-up projection writes nothing while idle.',
      latest_event_recorded_at: 'When the newest event in the store was recorded (the same for every row).',
    },
  },
];

export const BI_ROLE = BI_ROLE_NAME;

const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

function viewSql(view: BiView): string {
  const columns = Object.entries(view.columns)
    .map(([column, description]) => `comment on column bi.${view.name}.${column} is ${literal(description)};`)
    .join('\n');
  return `
create or replace view bi.${view.name} (${Object.keys(view.columns).join(', ')}) as ${view.query.trim()};
comment on view bi.${view.name} is ${literal(view.description)};
${columns}`;
}

/**
 * The role. Creating a role needs CREATEROLE; in production a DBA runs this block (or
 * the whole migration) as a privileged user, then gives the role LOGIN and a password
 * per force (docs/bi-access.md). Run by a user without that right, it raises a NOTICE and
 * the views are still created. Roles are cluster-wide, so two databases migrating at once
 * may race to create it: the loser carries on.
 */
const roleSql = `
do $bi$
begin
  if not exists (select 1 from pg_roles where rolname = '${BI_ROLE}') then
    begin
      create role ${BI_ROLE} nologin;
    exception
      when insufficient_privilege then
        raise notice 'casework: no privilege to create role ${BI_ROLE}; a DBA must run the role part of migration 0510_bi_views (docs/bi-access.md)';
      when duplicate_object or unique_violation then
        null;
    end;
  end if;
  if exists (select 1 from pg_roles where rolname = '${BI_ROLE}') then
    begin
      revoke all on all tables in schema public from ${BI_ROLE};
      revoke all on all sequences in schema public from ${BI_ROLE};
      revoke create on schema public from ${BI_ROLE};
      alter default privileges in schema public revoke all on tables from ${BI_ROLE};
      alter default privileges in schema public revoke all on sequences from ${BI_ROLE};
      revoke all on schema bi from public;
      grant usage on schema bi to ${BI_ROLE};
      grant select on all tables in schema bi to ${BI_ROLE};
      alter default privileges in schema bi grant select on tables to ${BI_ROLE};
    exception
      when insufficient_privilege then
        raise notice 'casework: no privilege to grant ${BI_ROLE} access to schema bi; a DBA must run the role part of migration 0510_bi_views (docs/bi-access.md)';
    end;
  end if;
end
$bi$;`;

export const biMigrations: readonly Migration[] = [
  {
    id: '0510_bi_views',
    sql: `
create schema if not exists bi;
create table if not exists bi_force_logins (
  login name not null,
  force_id text not null,
  primary key (login, force_id)
);
comment on table bi_force_logins is 'Which forces each BI login (a member of ${BI_ROLE}) may see in the bi views. A BI login with no row sees nothing. Maintained by a DBA; unreadable by ${BI_ROLE}.';
comment on schema bi is 'Casework BI views: aggregate-friendly facts over the read models; no names, person ids or free text. See docs/bi-access.md.';
${BI_VIEWS.map(viewSql).join('\n')}
${roleSql}
`,
  },
];

/**
 * `migrations` with the BI migration added unless it is already there, so callers work
 * both before and after `biMigrations` joins ALL_MIGRATIONS (a duplicate id is an error).
 */
export function withBiMigrations(migrations: readonly Migration[]): Migration[] {
  const ids = new Set(migrations.map((m) => m.id));
  return [...migrations, ...biMigrations.filter((m) => !ids.has(m.id))];
}
