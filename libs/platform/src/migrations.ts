import type { Migration } from '@casework/core/database/migrations';
import { eventStoreMigrations } from '@casework/core/event-store/postgres/schema';
import { readModelVersionMigrations } from '@casework/core/projections/versioned-read-model';
import { referralMigrations } from '@casework/referral/read-models/schema';
import { timerMigrations } from '@casework/timers/read-model/schema';
import { traumaMigrations } from '@casework/trauma/read-models/schema';
import { surveillanceMigrations } from '@casework/trauma/read-models/surveillance.schema';
import { retentionMigrations } from '@casework/retention/read-models/schema';
import { reportingMigrations } from '@casework/reporting/read-models/schema';
import { biMigrations } from '@casework/reporting/bi/bi-schema';
import { personalDataMigrations } from '@casework/identity/personal-data/schema';
import { auditMigrations } from '@casework/identity/audit/schema';
import { directoryMigrations } from '@casework/identity/directory/schema';

/** Every library's schema, applied in id order by the app, the CLI and the test set-up. */
export const ALL_MIGRATIONS: readonly Migration[] = [
  ...eventStoreMigrations,
  ...readModelVersionMigrations,
  ...timerMigrations,
  ...referralMigrations,
  ...traumaMigrations,
  ...surveillanceMigrations,
  ...retentionMigrations,
  ...reportingMigrations,
  ...biMigrations,
  ...auditMigrations,
  ...directoryMigrations,
  ...personalDataMigrations,
];
