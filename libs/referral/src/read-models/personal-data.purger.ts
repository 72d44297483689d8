import { purgeParams, purgeSql, type PersonalDataPurger } from '@casework/identity/personal-data/purgers';

/** The referral queue keeps the case (its deadlines still run) but not who it is about. */
export const referralPersonalDataPurger: PersonalDataPurger = {
  name: 'referral_queue',
  async purge(tx, scope) {
    await tx.query(
      `update referral_queue
          set subject_id = ${purgeSql.pseudonym('$4', 'referral_id')}, subject_name = '[erased]'
        where force_id = $1 and referral_id = any($2::uuid[]) and ${purgeSql.person('$3', 'subject_id')}`,
      purgeParams(scope),
    );
  },
};
