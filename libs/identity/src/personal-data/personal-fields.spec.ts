import * as exitFixtures from '@casework/retention/domain/exit/testing/exit-fixtures';
import * as stayFixtures from '@casework/retention/domain/stay/testing/stay-fixtures';
import * as welfareFixtures from '@casework/retention/domain/welfare/testing/welfare-fixtures';
import * as referralFixtures from '@casework/referral/domain/testing/referral-fixtures';
import * as supportTaskFixtures from '@casework/trauma/domain/exposure/testing/support-task-fixtures';
import * as incidentFixtures from '@casework/trauma/domain/incident/testing/incident-fixtures';
import * as surveillanceFixtures from '@casework/trauma/domain/surveillance/testing/surveillance-fixtures';
import * as trimFixtures from '@casework/trauma/domain/trim/testing/trim-fixtures';
import { encryptData } from './field-walker';
import { CLEAR_FIELDS, classifyField } from './personal-fields';

interface SampleEvent {
  readonly type: string;
  readonly data: unknown;
}

/** Every story every workflow's fixtures tell: sample events of every event type they hold. */
function sampleEvents(): SampleEvent[] {
  const modules = [referralFixtures, incidentFixtures, trimFixtures, surveillanceFixtures, supportTaskFixtures, exitFixtures, stayFixtures, welfareFixtures];
  const events: SampleEvent[] = [];
  for (const fixtures of modules) {
    for (const story of Object.values(fixtures.history as Record<string, () => SampleEvent[]>)) {
      events.push(...story());
    }
  }
  return events;
}

/** (event type, key) of every string leaf, with the key of the nearest named field for array items. */
function stringFields(type: string, node: unknown, key: string | null, out: Set<string>): void {
  if (typeof node === 'string' && key !== null) out.add(`${type}.${key}`);
  else if (Array.isArray(node)) for (const item of node) stringFields(type, item, key, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) stringFields(type, v, k, out);
  }
}

describe('personal fields: the declaration covers every event of every workflow', () => {
  const events = sampleEvents();

  it('the fixtures hold events of every workflow', () => {
    const types = new Set(events.map((e) => e.type));
    for (const type of ['ReferralSubmitted', 'ReferralOutcomeRecorded', 'IncidentRecorded', 'ColleagueExposed', 'TrimActivated',
      'TrimRiskAssessmentRecorded', 'SurveillanceEnrolled', 'SupportTaskRaised', 'ExitLeavingNotified', 'ExitSurveyCompleted',
      'StayInterviewRequested', 'WelfareCaseOpened', 'WelfareContactLogged', 'DeadlineWaived']) {
      expect(types).toContain(type);
    }
  });

  it('every string field is either encrypted or reviewed as clear', () => {
    const fields = new Set<string>();
    for (const event of events) stringFields(event.type, event.data, null, fields);
    const unreviewed = [...fields].filter((f) => {
      const [type, key] = f.split('.') as [string, string];
      return classifyField(type, key) === 'clear' && !CLEAR_FIELDS.has(key) && !isSubtreeLeaf(events, type);
    });
    expect(unreviewed).toEqual([]);
  });

  it('names, staff numbers and free text never survive encryption in clear', () => {
    const leaks: string[] = [];
    for (const event of events) {
      const sealed = encryptData(event.type, event.data, (_subject, value) => `SEALED(${value.length})`);
      const fields = new Set<string>();
      stringFields(event.type, sealed, null, fields);
      collectLeaks(event.type, sealed, leaks);
    }
    expect(leaks).toEqual([]);
  });

  it('report dimensions stay in clear', () => {
    const submitted = referralFixtures.history.awaitingTriage()[0] as SampleEvent;
    const sealed = encryptData(submitted.type, submitted.data, () => 'SEALED') as Record<string, unknown>;
    expect(sealed).toMatchObject({
      subjectId: 'SEALED', subjectName: 'SEALED', reason: 'SEALED',
      employmentType: 'police_officer', department: 'Response', category: 'mental_health', urgency: 'routine', referredBy: 'u-manager',
    });
    const closed = referralFixtures.history.closed().find((e) => e.type === 'ReferralClosed') as SampleEvent;
    expect(encryptData(closed.type, closed.data, () => 'SEALED')).toMatchObject({ reason: 'completed' });
  });

  it('each person in an event is sealed as themself; fields with no person in scope fall to the stream', () => {
    const subjects: Array<[string | null, string]> = [];
    encryptData('DefusionHeld', { attendees: ['P-1', 'P-2'], needingMoreSupport: ['P-2'], peerDefuserId: 'u-peer' }, (s, v) => {
      subjects.push([s, v]);
      return v;
    });
    encryptData('TrimPlanningMeetingHeld', { offeredRiskAssessment: [{ personId: 'P-3', name: 'Sam', department: 'Response' }] }, (s, v) => {
      subjects.push([s, v]);
      return v;
    });
    encryptData('IncidentClosed', { reason: 'Stood down', closedAt: '2026-03-02T10:00:00.000Z' }, (s, v) => {
      subjects.push([s, v]);
      return v;
    });
    expect(subjects).toEqual([
      ['P-1', 'P-1'], ['P-2', 'P-2'], ['P-2', 'P-2'], ['P-3', 'P-3'], ['P-3', 'Sam'], [null, 'Stood down'],
    ]);
  });
});

// Free-text values in fixtures are recognisable: names and notes are sentences or names;
// the fixtures' person ids start with P-. Any of them left in clear after sealing is a leak.
const KNOWN_PERSONAL = /^(P-\d+|Alex Morgan|Sam\b.*|Jo\b.*)$/;
function collectLeaks(type: string, node: unknown, leaks: string[], key: string | null = null): void {
  if (typeof node === 'string') {
    // Who acted (requestedBy on a self-request) is the caller's user account, in clear like
    // the metadata's actor: reviewed, not the record's personal data.
    if (key !== null && key.endsWith('By')) return;
    if (KNOWN_PERSONAL.test(node) || (key !== null && ['name', 'personName', 'subjectName', 'notes', 'clinicalNotes', 'summary', 'concerns'].includes(key) && !node.startsWith('SEALED'))) {
      leaks.push(`${type}.${key}=${node}`);
    }
  } else if (Array.isArray(node)) for (const item of node) collectLeaks(type, item, leaks, key);
  else if (typeof node === 'object' && node !== null) for (const [k, v] of Object.entries(node)) collectLeaks(type, v, leaks, k);
}

function isSubtreeLeaf(events: readonly SampleEvent[], type: string): boolean {
  return type === 'ExitSurveyCompleted' && events.some((e) => e.type === type);
}
