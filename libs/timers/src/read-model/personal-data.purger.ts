import type { PersonalDataPurger } from '@casework/identity/personal-data/purgers';

/**
 * Deadlines hold no personal data (owners are staff users), but an expired record has no
 * business left: its open deadlines go, so no timer fires on a record that is gone.
 */
export const timersPersonalDataPurger: PersonalDataPurger = {
  name: 'timer_deadlines',
  async purge(tx, scope) {
    if (scope.kind !== 'retention') return;
    await tx.query('delete from timer_deadlines where force_id = $1 and stream_id = any($2::text[])', [scope.forceId, scope.streamIds]);
  },
};
