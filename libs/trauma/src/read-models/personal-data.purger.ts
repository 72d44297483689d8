import { purgeParams, purgeSql, type PersonalDataPurger } from '@casework/identity/personal-data/purgers';

/**
 * Trauma read models keep their rows (the ESTIP funnel, exposure counts and TRiM reports
 * count them) without who they were about. A retention expiry of an incident also drops
 * its free-text location.
 */
export const traumaPersonalDataPurger: PersonalDataPurger = {
  name: 'trauma',
  async purge(tx, scope) {
    const params = purgeParams(scope);
    await tx.query(
      `update trauma_exposures set person_id = ${purgeSql.pseudonym('$4', 'incident_id')}, name = '[erased]'
        where force_id = $1 and incident_id = any($2::uuid[]) and ${purgeSql.person('$3', 'person_id')}`,
      params,
    );
    await tx.query(
      `update exposure_process_exposures set person_id = ${purgeSql.pseudonym('$4', 'incident_id')}, person_name = '[erased]'
        where force_id = $1 and incident_id = any($2::uuid[]) and ${purgeSql.person('$3', 'person_id')}`,
      params,
    );
    await tx.query(
      `update trim_activations set person_id = ${purgeSql.pseudonym('$4', 'activation_id')}, person_name = '[erased]'
        where force_id = $1 and activation_id = any($2::uuid[]) and ${purgeSql.person('$3', 'person_id')}`,
      params,
    );
    await tx.query(
      `update exposure_process_tasks set person_id = ${purgeSql.pseudonym('$4', 'task_id')}
        where force_id = $1 and task_id = any($2::uuid[]) and ${purgeSql.person('$3', 'person_id')}`,
      params,
    );
    await tx.query(
      `update support_tasks set person_id = ${purgeSql.pseudonym('$4', 'task_id')}, person_name = '[erased]'
        where force_id = $1 and task_id = any($2::uuid[]) and ${purgeSql.person('$3', 'person_id')}`,
      params,
    );
    await tx.query(
      `update surveillance_schedule set person_id = ${purgeSql.pseudonym('$4', 'surveillance_id')}, name = '[erased]'
        where force_id = $1 and surveillance_id = any($2::uuid[]) and ${purgeSql.person('$3', 'person_id')}`,
      params,
    );
    if (scope.kind === 'retention') {
      await tx.query(
        `update trauma_incidents set location = '[erased]' where force_id = $1 and incident_id = any($2::uuid[])`,
        params.slice(0, 2),
      );
    }
  },
};
