import type { EmploymentType } from '@casework/referral/domain/types';
import type { AgeBand, DisabilityStatus, Ethnicity, Sex } from '@casework/retention/domain/exit/types';
import { DEV_USERS } from '@casework/identity/auth/dev-users';
import type { Random } from './random';
import { londonDate, addDays } from './time';

/** The force's departments, as stored on cases (free text in the domain, fixed here). */
export const DEPARTMENTS = {
  response: 'Response',
  neighbourhood: 'Neighbourhood Policing',
  cid: 'CID',
  publicProtection: 'Public Protection Unit',
  custody: 'Custody',
  roads: 'Roads Policing',
  firearms: 'Firearms',
  control: 'Force Control Room',
  forensics: 'Forensics',
  corporate: 'HR & Corporate Services',
} as const;
export type DepartmentKey = keyof typeof DEPARTMENTS;

/** One synthetic colleague. Nobody here is a real person, nor one of the dev users. */
export interface Colleague {
  readonly personId: string;
  readonly name: string;
  readonly employmentType: EmploymentType;
  /** A police officer still in training (PCDA / DHEP), reported apart in retention. */
  readonly isStudentOfficer: boolean;
  readonly department: DepartmentKey;
  readonly role: string;
  /** YYYY-MM-DD. */
  readonly startDate: string;
  readonly ageBand: Exclude<AgeBand, 'prefer_not_to_say'>;
  readonly sex: Exclude<Sex, 'prefer_not_to_say'>;
  readonly ethnicity: Exclude<Ethnicity, 'prefer_not_to_say'>;
  readonly disability: Exclude<DisabilityStatus, 'prefer_not_to_say'>;
  /** The user id of their line manager. */
  readonly lineManagerId: string;
}

const FIRST_NAMES = [
  'Aaliyah', 'Adam', 'Aisha', 'Alex', 'Amelia', 'Amir', 'Ben', 'Bethany', 'Callum', 'Chloe', 'Connor', 'Daisy',
  'Daniel', 'Ella', 'Emma', 'Ethan', 'Faisal', 'Freya', 'George', 'Grace', 'Hannah', 'Harry', 'Imran', 'Isla',
  'Jack', 'Jacob', 'Jasmine', 'Jessica', 'Joel', 'Kai', 'Katie', 'Leah', 'Leon', 'Lily', 'Lucy', 'Luke', 'Maya',
  'Megan', 'Mohammed', 'Nathan', 'Niamh', 'Noah', 'Olivia', 'Oscar', 'Priya', 'Rebecca', 'Reece', 'Rhys', 'Ruby',
  'Ryan', 'Sadia', 'Sam', 'Sophie', 'Stephen', 'Tariq', 'Thomas', 'Toby', 'Victoria', 'Will', 'Yasmin', 'Zara',
] as const;
const LAST_NAMES = [
  'Abbott', 'Akhtar', 'Bailey', 'Barker', 'Begum', 'Bennett', 'Brennan', 'Chambers', 'Chowdhury', 'Clayton', 'Cooper',
  'Dawson', 'Doyle', 'Ellis', 'Fletcher', 'Foster', 'Gallagher', 'Gill', 'Goodwin', 'Hale', 'Hamilton', 'Hartley',
  'Holt', 'Iqbal', 'Jennings', 'Kaur', 'Kemp', 'Lawson', 'Lowe', 'Malik', 'Marsh', 'McCarthy', 'Mensah', 'Nolan',
  'Norris', 'Osei', 'Palmer', 'Parry', 'Quinn', 'Rahman', 'Reeves', 'Riley', 'Sharp', 'Sutton', 'Thornton', 'Varley',
  'Wade', 'Walton', 'Whitaker', 'Wilde', 'Yates',
] as const;

/** Mostly officers, as in the brief's pilot force (~68% officers, 5% PCSOs, 27% staff). */
const EMPLOYMENT_MIX: Readonly<Record<EmploymentType, number>> = {
  police_officer: 60,
  police_staff: 28,
  pcso: 5,
  special_constable: 5,
  volunteer: 2,
};

const DEPARTMENT_MIX: Readonly<Record<EmploymentType, Partial<Record<DepartmentKey, number>>>> = {
  police_officer: { response: 32, neighbourhood: 14, cid: 15, publicProtection: 12, custody: 4, roads: 8, firearms: 7, control: 2, corporate: 1 },
  police_staff: { control: 30, forensics: 14, corporate: 28, custody: 10, cid: 10, publicProtection: 8 },
  pcso: { neighbourhood: 1 },
  special_constable: { response: 5, neighbourhood: 4, roads: 1 },
  volunteer: { neighbourhood: 2, corporate: 1 },
};

const ROLES: Readonly<Record<DepartmentKey, { officer: readonly string[]; staff: readonly string[] }>> = {
  response: { officer: ['Response Officer', 'Response Sergeant'], staff: ['Response Support Officer'] },
  neighbourhood: { officer: ['Neighbourhood Officer', 'Neighbourhood Sergeant'], staff: ['Community Support Officer'] },
  cid: { officer: ['Detective Constable', 'Detective Sergeant'], staff: ['Investigation Officer', 'Intelligence Analyst'] },
  publicProtection: {
    officer: ['Child Abuse Investigator', 'Online Child Sexual Exploitation Investigator', 'Domestic Abuse Investigator'],
    staff: ['Digital Media Investigator', 'Safeguarding Officer'],
  },
  custody: { officer: ['Custody Sergeant'], staff: ['Detention Officer'] },
  roads: { officer: ['Roads Policing Officer', 'Collision Investigator'], staff: ['Collision Investigator'] },
  firearms: { officer: ['Authorised Firearms Officer', 'Firearms Tactical Advisor'], staff: ['Firearms Licensing Officer'] },
  control: { officer: ['Force Incident Manager'], staff: ['Call Handler', 'Dispatcher'] },
  forensics: { officer: ['Forensic Liaison Officer'], staff: ['Crime Scene Investigator', 'Digital Forensics Examiner'] },
  corporate: { officer: ['Staff Officer'], staff: ['HR Advisor', 'Finance Officer', 'Learning Coordinator'] },
};

/** Line managers are user ids; the dev line manager has a share, so his views are not empty. */
const DEV_LINE_MANAGER = 'insp.noah.clarke';

/** Staff numbers are S1xxxxx; every dev user's personId (S9xxxxx, N…) is also refused outright. */
const DEV_PERSON_IDS: ReadonlySet<string> = new Set(DEV_USERS.map((user) => user.personId));

export function isDevUserPerson(personId: string): boolean {
  return DEV_PERSON_IDS.has(personId);
}

/** `count` colleagues, the same ones for the same random stream and day. */
export function generateColleagues(count: number, random: Random, now: Date): Colleague[] {
  const colleagues: Colleague[] = [];
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    const personId = `S${String(100_001 + i)}`;
    if (isDevUserPerson(personId)) continue;
    const employmentType = random.weighted(EMPLOYMENT_MIX);
    const department = random.weighted(DEPARTMENT_MIX[employmentType] as Record<DepartmentKey, number>);
    const isStudentOfficer = employmentType === 'police_officer' && random.chance(0.16);
    const serviceYears = isStudentOfficer
      ? random.between(0.1, 2.9)
      : employmentType === 'police_officer'
        ? random.between(3, 30)
        : random.between(0.2, 25);
    const joinedAge = isStudentOfficer ? random.int(19, 35) : random.int(18, 42);
    const age = Math.min(66, joinedAge + Math.floor(serviceYears));
    const roles = employmentType === 'police_officer' ? ROLES[department].officer : ROLES[department].staff;
    colleagues.push({
      personId,
      name: uniqueName(random, names),
      employmentType,
      isStudentOfficer,
      department,
      role: isStudentOfficer ? 'Student Officer' : employmentType === 'pcso' ? 'PCSO' : employmentType === 'special_constable' ? 'Special Constable' : employmentType === 'volunteer' ? 'Police Support Volunteer' : random.pick(roles),
      startDate: londonDate(addDays(now, -Math.round(serviceYears * 365.25))),
      ageBand: age < 25 ? '16-24' : age < 35 ? '25-34' : age < 45 ? '35-44' : age < 55 ? '45-54' : '55+',
      sex: random.chance(employmentType === 'police_staff' ? 0.62 : 0.36) ? 'female' : 'male',
      ethnicity: random.weighted({ white: 88, asian: 5, black: 2, mixed: 3, other: 2 }),
      disability: random.chance(0.07) ? 'disabled' : 'not_disabled',
      lineManagerId: random.chance(0.3) ? DEV_LINE_MANAGER : `S${String(100_001 + random.int(0, Math.max(0, count - 1)))}`,
    });
  }
  return colleagues;
}

function uniqueName(random: Random, taken: Set<string>): string {
  for (;;) {
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const candidate = taken.has(name) ? `${name.split(' ')[0]} ${random.pick(LAST_NAMES)}-${random.pick(LAST_NAMES)}` : name;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

export function departmentName(colleague: Pick<Colleague, 'department'>): string {
  return DEPARTMENTS[colleague.department];
}
