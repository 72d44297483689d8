import type { Role } from '../roles';

/**
 * The seeded people the development issuer can sign in as (its user picker lists them):
 * one or two per role in the demo force, plus a second force's advisor so cross-force
 * isolation can be tried by hand. Synthetic names; `personId` is the colleague's own
 * staff number (so the app can refuse to show a colleague their own case as staff).
 */
export interface DevUser {
  readonly sub: string;
  readonly name: string;
  readonly role: Role;
  readonly forceId: string;
  readonly personId: string;
}

export const DEMO_FORCE = 'demo';

export const DEV_USERS: readonly DevUser[] = [
  { sub: 'amara.okafor', name: 'Amara Okafor', role: 'oh_advisor', forceId: DEMO_FORCE, personId: 'S900001' },
  { sub: 'ben.hughes', name: 'Ben Hughes', role: 'oh_advisor', forceId: DEMO_FORCE, personId: 'S900002' },
  { sub: 'dr.claire.moss', name: 'Dr Claire Moss', role: 'oh_clinician', forceId: DEMO_FORCE, personId: 'S900003' },
  { sub: 'fiona.grant', name: 'Fiona Grant', role: 'oh_manager', forceId: DEMO_FORCE, personId: 'S900004' },
  { sub: 'gary.lewis', name: 'Gary Lewis', role: 'oh_admin', forceId: DEMO_FORCE, personId: 'S900005' },
  { sub: 'helen.price', name: 'Helen Price', role: 'head_of_wellbeing', forceId: DEMO_FORCE, personId: 'S900006' },
  { sub: 'ian.walsh', name: 'Ian Walsh', role: 'trim_practitioner', forceId: DEMO_FORCE, personId: 'S900007' },
  { sub: 'jade.turner', name: 'Jade Turner', role: 'trim_coordinator', forceId: DEMO_FORCE, personId: 'S900008' },
  { sub: 'kiran.shah', name: 'Kiran Shah', role: 'wellbeing_coordinator', forceId: DEMO_FORCE, personId: 'S900009' },
  { sub: 'liam.byrne', name: 'Liam Byrne', role: 'peer_supporter', forceId: DEMO_FORCE, personId: 'S900010' },
  { sub: 'sgt.maya.reid', name: 'Sgt Maya Reid', role: 'supervisor', forceId: DEMO_FORCE, personId: 'S900011' },
  { sub: 'insp.noah.clarke', name: 'Insp Noah Clarke', role: 'line_manager', forceId: DEMO_FORCE, personId: 'S900012' },
  { sub: 'olivia.evans', name: 'Olivia Evans', role: 'welfare_liaison_officer', forceId: DEMO_FORCE, personId: 'S900013' },
  { sub: 'paul.ahmed', name: 'Paul Ahmed', role: 'professional_standards', forceId: DEMO_FORCE, personId: 'S900014' },
  { sub: 'rachel.kim', name: 'Rachel Kim', role: 'retention_team', forceId: DEMO_FORCE, personId: 'S900015' },
  { sub: 'sam.patel', name: 'Sam Patel', role: 'hr', forceId: DEMO_FORCE, personId: 'S900016' },
  { sub: 'tara.jones', name: 'Tara Jones', role: 'people_board', forceId: DEMO_FORCE, personId: 'S900017' },
  { sub: 'uma.brooks', name: 'Uma Brooks', role: 'force_admin', forceId: DEMO_FORCE, personId: 'S900018' },
  { sub: 'pc.victor.hall', name: 'PC Victor Hall', role: 'officer', forceId: DEMO_FORCE, personId: 'S900019' },
  { sub: 'wendy.cole', name: 'Wendy Cole', role: 'staff', forceId: DEMO_FORCE, personId: 'S900020' },
  { sub: 'xavier.dunn', name: 'Xavier Dunn', role: 'national_analyst', forceId: 'national', personId: 'N000001' },
  { sub: 'yusuf.ali', name: 'Yusuf Ali', role: 'oh_advisor', forceId: 'north', personId: 'N900001' },
];
