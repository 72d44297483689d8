import type { LogWelfareContact } from './commands';
import {
  command,
  contactLogged,
  DUE,
  history,
  met,
  scheduled,
  spec,
  T,
  WLO,
} from './testing/welfare-fixtures';
import type { Signpost } from './types';

type ContactData = LogWelfareContact['data'];
const contact = (changes: Partial<ContactData> = {}, now: string = T.contactRecorded, commandId?: string) =>
  command(
    'LogWelfareContact',
    {
      contactedAt: new Date(T.contacted),
      type: 'phone',
      concerns: 'Worried about the length of the suspension',
      signposting: ['eap'],
      ...changes,
    },
    now,
    commandId,
  );

describe('logging a welfare contact', () => {
  it('a contact meets the open contact deadline and the next is due 14 days after it', () => {
    spec
      .given(history.active())
      .when(contact())
      .then([
        contactLogged('cmd-LogWelfareContact', T.contacted, T.contactRecorded),
        met('contact', 'cmd-AssignWlo', T.contacted),
        scheduled('contact', 'cmd-LogWelfareContact', DUE.contactAfterFirst, WLO),
      ]);
  });

  it('a contact after the due time meets the deadline late', () => {
    const late = '2026-03-20T10:00:00.000Z';
    spec
      .given(history.active())
      .when(contact({ contactedAt: new Date(late) }, late))
      .then([
        contactLogged('cmd-LogWelfareContact', late, late),
        met('contact', 'cmd-AssignWlo', late, true),
        scheduled('contact', 'cmd-LogWelfareContact', '2026-04-03T10:00:00.000Z', WLO),
      ]);
  });

  it('a home visit during sick leave meets both the contact and the home visit, and the next is due in 7 days', () => {
    spec
      .given(history.onSickLeave())
      .when(
        contact(
          {
            contactedAt: new Date(T.homeVisited),
            type: 'home_visit',
            signposting: ['occupational_health', 'federation_or_union'],
          },
          T.homeVisitRecorded,
          'cmd-home-visit',
        ),
      )
      .then(history.homeVisited().slice(history.onSickLeave().length));
  });

  it('a phone call during sick leave leaves the home visit expected', () => {
    spec
      .given(history.onSickLeave())
      .when(contact({ contactedAt: new Date(T.homeVisited) }, T.homeVisitRecorded, 'cmd-call'))
      .thenState((state) => state.status === 'active' && state.deadlines['home-visit'] !== undefined);
  });

  it('a contact keyed in after a later one is recorded but moves no clock', () => {
    const earlier = '2026-03-09T12:00:00.000Z';
    spec
      .given(history.contacted())
      .when(contact({ contactedAt: new Date(earlier), concerns: null, signposting: [] }, T.contactRecorded, 'cmd-old'))
      .then([contactLogged('cmd-old', earlier, T.contactRecorded, { concerns: null, signposting: [] })]);
  });

  it('signposting is each place once, from the known list; blank concerns are none', () => {
    spec
      .given(history.active())
      .when(contact({ signposting: ['eap', 'gp', 'eap'], concerns: '  ' }))
      .then([
        contactLogged('cmd-LogWelfareContact', T.contacted, T.contactRecorded, {
          signposting: ['eap', 'gp'],
          concerns: null,
        }),
        met('contact', 'cmd-AssignWlo', T.contacted),
        scheduled('contact', 'cmd-LogWelfareContact', DUE.contactAfterFirst, WLO),
      ]);
    spec
      .given(history.active())
      .when(contact({ signposting: ['eap', 'legal_advice' as Signpost] }))
      .thenThrows('WELFARE.UNKNOWN_SIGNPOST', 'signposting[1]');
  });

  it('a contact has happened, after the case opened', () => {
    spec
      .given(history.active())
      .when(contact({ contactedAt: new Date('2026-03-10T15:00:01.000Z') }))
      .thenThrows('WELFARE.DATE_IN_FUTURE', 'contactedAt');
    spec
      .given(history.active())
      .when(contact({ contactedAt: new Date('2026-03-03T09:59:59.000Z') }))
      .thenThrows('WELFARE.DATE_OUT_OF_ORDER', 'contactedAt');
  });

  it('contacts are made by an assigned WLO on an open case', () => {
    spec.given([]).when(contact()).thenThrows('WELFARE.NOT_FOUND');
    spec.given(history.opened()).when(contact()).thenThrows('WELFARE.NO_WLO');
    spec.given(history.closed()).when(contact({}, T.closed)).thenThrows('WELFARE.CLOSED');
  });

  it('contact goes on after the investigation concludes, until the case closes', () => {
    const after = '2026-06-05T10:00:00.000Z';
    spec
      .given(history.concluded())
      .when(contact({ contactedAt: new Date(after) }, after))
      .then([
        contactLogged('cmd-LogWelfareContact', after, after),
        met('contact', 'cmd-LogWelfareContact', after, true),
        scheduled('contact', 'cmd-LogWelfareContact', '2026-06-19T10:00:00.000Z', WLO),
      ]);
  });
});
