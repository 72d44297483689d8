import { purgeParams, purgeSql, type PersonalDataPurger } from '@casework/identity/personal-data/purgers';

/** Stay, exit and welfare cases keep their rows (the People board's reports count them) but not who they were. */
export const retentionPersonalDataPurger: PersonalDataPurger = {
  name: 'retention',
  async purge(tx, scope) {
    const params = purgeParams(scope);
    for (const [table, id] of [['stay_interviews', 'stay_id'], ['exit_cases', 'exit_id'], ['welfare_cases', 'case_id']] as const) {
      await tx.query(
        `update ${table} set person_id = ${purgeSql.pseudonym('$4', id)}, person_name = '[erased]'
          where force_id = $1 and ${id} = any($2::uuid[]) and ${purgeSql.person('$3', 'person_id')}`,
        params,
      );
    }
  },
};
