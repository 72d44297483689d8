import { REFERRAL_ROLES } from '@casework/referral/application/referral-access';
import { ReferralImportService } from '@casework/referral/application/import/referral-import.service';
import { runImportCli } from './lib/import-cli';

/**
 * `npm run import -- <file.csv> [--force <forceId>] [--user <userId>] [--dry-run]`: loads
 * historical OH referrals, back-dated (columns in libs/referral/src/application/import/
 * referral-csv.ts). All or nothing; importing the same file again appends nothing new and
 * completes an import an infrastructure failure interrupted.
 */
runImportCli({
  script: 'import',
  noun: 'referrals',
  defaultUser: 'referral-import',
  role: REFERRAL_ROLES.ohAdmin,
  importCsv: async (app, csv, request) => {
    const done = await app.get(ReferralImportService).importCsv(csv, request);
    return { rows: done.rows, cases: done.referrals, commands: done.commands };
  },
});
