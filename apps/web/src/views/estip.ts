import { label } from '../format';
import type { ActionForm, Field, Values } from '../forms';
import type { CaseState } from './case';
import { drop, me, person, radios, yesNo } from './workflow-kit';

/**
 * ESTIP's tiers and the TRiM planning meeting as forms on the incident page. Each is
 * offered only when the incident decider would take it (libs/trauma/src/domain/incident/
 * decide/estip.ts): the tiers go in order, each held or skipped before the next, none
 * recorded twice nor after a later one; a defusion may still follow a demobilisation that
 * found none needed; TRiM planning runs alongside, once. People are picked from the
 * colleagues recorded as exposed, the only people the decider accepts.
 */
export const ESTIP_STAGES = ['demobilisation', 'defusion', 'estim', 'monitoring'] as const;
type Stage = (typeof ESTIP_STAGES)[number];
const LEADS = ['supervisor', 'trained_peer'];
const FORMATS = ['group', 'one_to_one'];
const PATHWAYS = ['trim', 'occupational_health', 'gp', 'employee_assistance', 'other'];
const OUTCOMES = ['no_further_support', 'referred_on', 'declined_support'];

interface Exposed {
  readonly personId: string;
  readonly name: string;
  readonly status: string;
}

function exposedOf(s: CaseState): Exposed[] {
  return Object.values((s.exposures ?? {}) as Record<string, Exposed>).filter((e) => e.status === 'exposed');
}

/** Whether the decider would take `stage` now (its requireStageOpen, mirrored). */
export function stageOpen(s: CaseState, stage: Stage, recordableFrom: readonly string[] = ['pending']): boolean {
  const estip = (s.estip ?? {}) as Record<string, string>;
  const at = ESTIP_STAGES.indexOf(stage);
  return (
    recordableFrom.includes(estip[stage] ?? 'pending') &&
    ESTIP_STAGES.slice(0, at).every((st) => (estip[st] ?? 'pending') !== 'pending') &&
    ESTIP_STAGES.slice(at + 1).every((st) => (estip[st] ?? 'pending') === 'pending')
  );
}

const people = (name: string, labelText: string, exposed: readonly Exposed[], required: boolean, hint?: string): Field => ({
  name,
  label: labelText,
  type: 'checkboxes',
  required,
  hint,
  options: exposed.map((e) => [e.personId, `${e.name} (${e.personId})`] as const),
});

/** One optional "referred on to" choice per exposed colleague; the body lists only those chosen. */
const referralFields = (exposed: readonly Exposed[]): Field[] =>
  exposed.map((e, i) => ({
    name: `ref${i}`,
    label: `${e.name}: referred on to`,
    type: 'select',
    required: false,
    options: PATHWAYS.map((p) => [p, label(p)] as const),
  }));
const referrals = (exposed: readonly Exposed[], v: Values) =>
  exposed.flatMap((e, i) => (v[`ref${i}`] ? [{ personId: e.personId, pathway: String(v[`ref${i}`]) }] : []));
/** `referredOn.N.*` is the Nth referral sent, i.e. the Nth colleague with a pathway chosen. */
const referralField = (exposed: readonly Exposed[]) => (field: string, v: Values): string | undefined => {
  const n = /^referredOn[.[](\d+)/.exec(field)?.[1];
  if (n === undefined) return field === 'referredOn' ? firstChosen(exposed, v) : undefined;
  return exposed.map((_, i) => `ref${i}`).filter((name) => v[name])[Number(n)];
};
const firstChosen = (exposed: readonly Exposed[], v: Values): string | undefined =>
  exposed.map((_, i) => `ref${i}`).find((name) => v[name]) ?? (exposed.length > 0 ? 'ref0' : undefined);
const list = (v: Values, name: string): string[] => (Array.isArray(v[name]) ? (v[name] as string[]) : []);

export function estipForms(s: CaseState, base: string): (ActionForm | false)[] {
  const exposed = exposedOf(s);
  const anyone = exposed.length > 0;
  const estip = (s.estip ?? {}) as Record<string, string>;
  return [
    anyone && stageOpen(s, 'demobilisation') && {
      id: 'demobilisation',
      title: 'Record the demobilisation',
      description: 'ESTIP tier 1: the short same-day meeting before going off duty.',
      path: `${base}/demobilisation`,
      submitLabel: 'Save demobilisation',
      fields: [
        person('ledById', 'Led by (staff number or user id)', true, { value: me(), aliases: ['ledBy.personId'] }),
        radios('lead', 'Led as', LEADS, true, { aliases: ['ledBy.lead', 'ledBy'] }),
        people('attendees', 'Who attended', exposed, true),
        yesNo('defusionNeeded', 'Is a defusion needed?'),
      ],
      toBody: (v: Values) => ({ ledBy: { personId: v.ledById, lead: v.lead }, attendees: list(v, 'attendees'), defusionNeeded: v.defusionNeeded === 'true' }),
    },
    anyone && stageOpen(s, 'defusion', ['pending', 'not_needed']) && {
      id: 'defusion',
      title: 'Record the defusion',
      description: estip.defusion === 'not_needed' ? 'The demobilisation found no defusion needed; record one if it was held after all.' : 'ESTIP tier 2: about three days after, led by a peer defuser.',
      path: `${base}/defusion`,
      submitLabel: 'Save defusion',
      fields: [
        radios('format', 'Format', FORMATS),
        person('peerDefuserId', 'Peer defuser (staff number or user id)', true, { value: me() }),
        people('attendees', 'Who attended', exposed, true),
        people('needingMoreSupport', 'Who needs more support', exposed, false, 'Only people who attended'),
      ],
      check: (v: Values) => {
        const attendees = list(v, 'attendees');
        const fits = v.format === 'one_to_one' ? attendees.length === 1 : v.format === 'group' ? attendees.length >= 2 : true;
        return {
          attendees: attendees.length > 0 && !fits ? (v.format === 'one_to_one' ? 'A one-to-one defusion has exactly one attendee' : 'A group defusion has two or more attendees') : undefined,
          needingMoreSupport: list(v, 'needingMoreSupport').some((p) => !attendees.includes(p)) ? 'Only people who attended can be named as needing more support' : undefined,
        };
      },
      toBody: (v: Values) => ({ format: v.format, peerDefuserId: v.peerDefuserId, attendees: list(v, 'attendees'), needingMoreSupport: list(v, 'needingMoreSupport') }),
    },
    anyone && stageOpen(s, 'estim') && {
      id: 'estim',
      title: 'Record the ESTIM',
      description: 'ESTIP tier 3: the trauma intervention meeting. Say where anyone is referred on to; never why.',
      path: `${base}/estim`,
      submitLabel: 'Save ESTIM',
      fields: [people('attendees', 'Who attended', exposed, true), yesNo('includesOh', 'Did occupational health take part?'), ...referralFields(exposed)],
      fieldFor: referralField(exposed),
      toBody: (v: Values) => ({ attendees: list(v, 'attendees'), includesOh: v.includesOh === 'true', referredOn: referrals(exposed, v) }),
    },
    anyone && stageOpen(s, 'monitoring') && {
      id: 'monitoring-start',
      title: 'Start monitoring',
      description: 'ESTIP tier 4: who is kept an eye on over the coming weeks.',
      path: `${base}/monitoring/start`,
      submitLabel: 'Start monitoring',
      fields: [people('monitored', 'Who is monitored', exposed, true)],
      toBody: (v: Values) => ({ monitored: list(v, 'monitored') }),
    },
    estip.monitoring === 'in_progress' && {
      id: 'monitoring-conclude',
      title: 'Conclude monitoring',
      path: `${base}/monitoring/conclude`,
      submitLabel: 'Conclude monitoring',
      fields: [radios('outcome', 'Outcome', OUTCOMES), ...referralFields(exposed)],
      fieldFor: referralField(exposed),
      check: (v: Values) => {
        const any = referrals(exposed, v).length > 0;
        const problem = v.outcome === 'referred_on' && !any ? 'Say who was referred on, and where' : v.outcome && v.outcome !== 'referred_on' && any ? `Nobody is referred on when the outcome is ${label(String(v.outcome)).toLowerCase()}` : undefined;
        return { [firstChosen(exposed, v) ?? 'outcome']: problem };
      },
      toBody: (v: Values) => ({ outcome: v.outcome, referredOn: referrals(exposed, v) }),
    },
    anyone && s.trimPlanning !== 'held' && {
      id: 'trim-planning',
      title: 'Record the TRiM planning meeting',
      description: 'Held 24 to 48 hours after the incident, alongside ESTIP: who is offered a TRiM risk assessment. Offering nobody is a decision too.',
      path: `${base}/trim-planning`,
      submitLabel: 'Save TRiM planning',
      fields: [person('chairedBy', 'Chaired by (staff number or user id)', true, { value: me() }), people('offeredRiskAssessment', 'Offered a TRiM risk assessment', exposed, false)],
      toBody: (v: Values) => drop({ chairedBy: v.chairedBy, offeredRiskAssessment: list(v, 'offeredRiskAssessment') }),
    },
  ];
}
