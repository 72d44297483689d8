import type { OpenWelfareCase } from './commands';
import { command, DUE, history, OPENED, spec, SUBJECT, T } from './testing/welfare-fixtures';

type Changes = {
  readonly person?: Partial<OpenWelfareCase['data']['person']>;
  readonly investigation?: Partial<OpenWelfareCase['data']['investigation']>;
};
const data = (changes: Changes = {}): OpenWelfareCase['data'] => ({
  caseId: 'welfare-case-1',
  person: {
    personId: SUBJECT,
    name: 'Alex Morgan',
    employmentType: 'police_officer',
    department: 'Response',
    ...changes.person,
  },
  investigation: {
    kind: 'gross_misconduct',
    reference: 'PSD-2026-017',
    startedAt: new Date(T.investigationStarted),
    suspended: true,
    ...changes.investigation,
  },
});
const open = (given = data()) => command('OpenWelfareCase', given, T.opened);

describe('opening a welfare liaison case', () => {
  it('an investigation opens a case with the first contact due 14 days on and the 12-month report due', () => {
    spec.given([]).when(open()).then(history.opened());
  });

  it('the opened event carries what reports split by: employment type, department, kind, suspension', () => {
    spec.given([]).when(open()).thenState({
      status: 'awaiting_wlo',
      person: { employmentType: 'police_officer', department: 'Response' },
      investigation: { kind: 'gross_misconduct', suspended: true, startedAt: OPENED.investigationStartedAt },
      wloId: null,
    });
  });

  it('the first contact is the welfare coordinator’s until a WLO is assigned', () => {
    spec
      .given([])
      .when(open())
      .thenState((state) => {
        if (state.status !== 'awaiting_wlo') return false;
        return state.deadlines.contact?.dueAt === DUE.contactFromOpening && state.deadlines.contact.ownerId === null;
      });
  });

  it('a case needs the colleague, the investigation’s reference and a start that has happened', () => {
    spec.given([]).when(open(data({ person: { name: ' ' } }))).thenThrows('WELFARE.FIELD_REQUIRED', 'person.name');
    spec
      .given([])
      .when(open(data({ person: { personId: '' } })))
      .thenThrows('WELFARE.FIELD_REQUIRED', 'person.personId');
    spec
      .given([])
      .when(open(data({ investigation: { reference: '' } })))
      .thenThrows('WELFARE.FIELD_REQUIRED', 'investigation.reference');
    spec
      .given([])
      .when(open(data({ investigation: { startedAt: new Date('2026-03-03T10:00:01.000Z') } })))
      .thenThrows('WELFARE.DATE_IN_FUTURE', 'investigation.startedAt');
    spec
      .given([])
      .when(open(data({ investigation: { startedAt: new Date('not a date') } })))
      .thenThrows('WELFARE.INVALID_DATE', 'investigation.startedAt');
  });

  it('a case opens once', () => {
    spec.given(history.opened()).when(open()).thenThrows('WELFARE.ALREADY_OPENED');
  });
});
