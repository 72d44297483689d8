import { meetDeadline } from '@casework/timers/domain/deadline-ledger';
import type { RecordRiskAssessment } from '../commands';
import { conflict, invalid } from '../errors';
import type { TrimEvent, TrimRiskAssessmentRecordedData } from '../events';
import { followUpAssessmentDueAt, isAtOrAboveThreshold, riskTotal, TRIM_DEADLINES } from '../policy';
import type { OpenTrim, TrimState } from '../state';
import { TRIM_RISK_ITEM_KEYS, type RiskScore, type TrimRiskItem, type TrimRiskScores } from '../types';
import { scheduleTrimDeadline, type TrimDeciderDeps } from './deadlines';
import { isBefore, requireOpen, requirePractitioner } from './guards';

/**
 * The initial assessment (~72 h after the incident) opens the follow-up's clock, owned by
 * the practitioner; the follow-up (~28 days) decides how TRiM ends. The decider, not the
 * form, adds up the score and compares it with the force's threshold, and the event keeps
 * both, so a later change of threshold never rewrites what an assessment meant.
 */
export function recordAssessment(command: RecordRiskAssessment, state: TrimState, deps: TrimDeciderDeps): TrimEvent[] {
  const activation = requireOpen(state);
  const { kind } = command.data;
  if (kind === 'initial') checkInitialFits(activation);
  else checkFollowUpFits(activation);
  const practitionerId = requirePractitioner(activation);
  const scores = checkScores(command.data.scores);
  const { now, commandId } = command;
  const total = riskTotal(scores);
  const assessed: TrimRiskAssessmentRecordedData = {
    kind,
    practitionerId,
    scores,
    total,
    threshold: deps.policy.riskThreshold,
    atOrAboveThreshold: isAtOrAboveThreshold(deps.policy, total),
    practitionerRequestedReferral: command.data.practitionerRequestedReferral,
    notes: command.data.notes,
    assessedAt: now.toISOString(),
  };
  const recorded: TrimEvent = { type: 'TrimRiskAssessmentRecorded', data: assessed };
  if (kind === 'initial') {
    return [
      recorded,
      ...meetDeadline(activation.deadlines, TRIM_DEADLINES.initialAssessment, now),
      scheduleTrimDeadline(deps, {
        kind: TRIM_DEADLINES.followUpAssessment,
        commandId,
        dueAt: followUpAssessmentDueAt(deps.policy, deps.calendar, new Date(activation.assessmentClockFrom)),
        ownerId: practitionerId,
      }),
    ];
  }
  return [
    recorded,
    ...meetDeadline(activation.deadlines, TRIM_DEADLINES.followUpAssessment, now),
    ...referralRequest(activation, assessed),
  ];
}

function checkInitialFits(activation: OpenTrim): void {
  if (activation.status === 'awaiting_practitioner') requirePractitioner(activation);
  if (activation.status !== 'awaiting_initial_assessment') {
    throw conflict('TRIM.INITIAL_ASSESSMENT_ALREADY_RECORDED', 'The initial risk assessment has already been recorded');
  }
}

function checkFollowUpFits(activation: OpenTrim): void {
  if (isBefore(activation.status, 'awaiting_follow_up')) {
    throw conflict('TRIM.INITIAL_ASSESSMENT_REQUIRED', 'A follow-up assessment comes after the initial one');
  }
  if (activation.status !== 'awaiting_follow_up') {
    throw conflict('TRIM.FOLLOW_UP_ALREADY_RECORDED', 'The follow-up risk assessment has already been recorded');
  }
}

/**
 * Risk stays high, or the practitioner asks: either opens an OH referral. The request is
 * part of the follow-up's decision, so the process manager reacting to it sees it once
 * per activation, however often the event is delivered.
 */
function referralRequest(activation: OpenTrim, followUp: TrimRiskAssessmentRecordedData): TrimEvent[] {
  const { atOrAboveThreshold, practitionerRequestedReferral } = followUp;
  if (!atOrAboveThreshold && !practitionerRequestedReferral) return [];
  const reasons = [
    ...(atOrAboveThreshold ? ['TRiM follow-up risk assessment at or above the threshold'] : []),
    ...(practitionerRequestedReferral ? ['the TRiM practitioner asked for a referral'] : []),
  ];
  const reason = reasons.join('; and ');
  const { person } = activation;
  return [
    {
      type: 'TrimReferralRequested',
      data: {
        activationId: activation.activationId,
        personId: person.personId,
        personName: person.personName,
        employmentType: person.employmentType,
        department: person.department,
        practitionerId: followUp.practitionerId,
        reason: reason.charAt(0).toUpperCase() + reason.slice(1),
        followUpTotal: followUp.total,
        threshold: followUp.threshold,
        practitionerRequested: practitionerRequestedReferral,
        requestedAt: followUp.assessedAt,
      },
    },
  ];
}

/**
 * Exactly the ten items, each 0 or 1. Scores arrive from forms and imports, so the shape
 * is checked here too. An unknown item is reported before a missing one: a misspelt key
 * is both, and naming the misspelling is what helps.
 */
function checkScores(scores: TrimRiskScores): TrimRiskScores {
  if (typeof scores !== 'object' || scores === null || Array.isArray(scores)) {
    throw invalid('TRIM.FIELD_REQUIRED', 'Score each of the ten TRiM risk items', 'scores');
  }
  const given = scores as Readonly<Record<string, unknown>>;
  const known: readonly string[] = TRIM_RISK_ITEM_KEYS;
  const unknown = Object.keys(given).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw invalid('TRIM.UNKNOWN_RISK_ITEM', `${unknown} is not a TRiM risk item`, `scores.${unknown}`);
  }
  const checked = {} as Record<TrimRiskItem, RiskScore>;
  for (const key of TRIM_RISK_ITEM_KEYS) {
    const score = given[key];
    if (score === undefined || score === null) {
      throw invalid('TRIM.RISK_SCORE_MISSING', `Score the risk item ${key}`, `scores.${key}`);
    }
    if (score !== 0 && score !== 1) {
      const message = `${key} is scored 0 or 1, got ${JSON.stringify(score)}`;
      throw invalid('TRIM.INVALID_RISK_SCORE', message, `scores.${key}`);
    }
    checked[key] = score;
  }
  return checked;
}
