import { LeaverImportService } from '@casework/retention/application/import/leaver-import.service';
import { RETENTION_ROLES } from '@casework/retention/application/retention-access';
import { runImportCli } from './lib/import-cli';

/**
 * `npm run import:leavers -- <file.csv> [--force <forceId>] [--user <userId>] [--dry-run]`:
 * loads historical leavers as back-dated exits, one row per leaver (columns in
 * libs/retention/src/application/import/leaver-csv.ts): notified, the exit interview held
 * or declined, drivers, then left, or retained for a withdrawn resignation. All or
 * nothing; importing the same file again appends nothing new.
 */
runImportCli({
  script: 'import:leavers',
  noun: 'leavers',
  defaultUser: 'leaver-import',
  role: RETENTION_ROLES.hr,
  importCsv: async (app, csv, request) => {
    const done = await app.get(LeaverImportService).importCsv(csv, request);
    return { rows: done.rows, cases: done.leavers, commands: done.commands };
  },
});
