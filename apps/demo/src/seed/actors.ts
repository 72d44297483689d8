import { DEV_USERS } from '@casework/identity/auth/dev-users';

export interface SeedActor {
  readonly userId: string;
  readonly role: string;
}

/** A dev user (libs/identity dev-users) as the actor of a seeded command. */
function dev(sub: string): SeedActor {
  const user = DEV_USERS.find((u) => u.sub === sub);
  if (!user) throw new Error(`No dev user ${sub}: the demo seed acts as the dev users`);
  return { userId: user.sub, role: user.role };
}

/**
 * Who does what in the demo force. Mostly the dev users one can sign in as, so their
 * queues have work in them; a few colleagues who are not dev users share the work, so
 * "mine" and "all" differ.
 */
export const ACTORS = {
  ohAdvisor: dev('amara.okafor'),
  ohAdvisor2: dev('ben.hughes'),
  ohClinician: dev('dr.claire.moss'),
  ohManager: dev('fiona.grant'),
  ohAdmin: dev('gary.lewis'),
  trimPractitioner: dev('ian.walsh'),
  trimPractitioner2: { userId: 'nadia.frost', role: 'trim_practitioner' },
  trimCoordinator: dev('jade.turner'),
  wellbeingCoordinator: dev('kiran.shah'),
  peerSupporter: dev('liam.byrne'),
  supervisor: dev('sgt.maya.reid'),
  lineManager: dev('insp.noah.clarke'),
  wlo: dev('olivia.evans'),
  wlo2: { userId: 'marcus.bell', role: 'welfare_liaison_officer' },
  professionalStandards: dev('paul.ahmed'),
  retention: dev('rachel.kim'),
  retention2: { userId: 'lee.morgan', role: 'retention_team' },
  hr: dev('sam.patel'),
} as const satisfies Record<string, SeedActor>;
