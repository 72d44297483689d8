import { IncidentImportService } from '@casework/trauma/application/import/incident-import.service';
import { TRAUMA_ROLES } from '@casework/trauma/application/trauma-access';
import { runImportCli } from './lib/import-cli';

/**
 * `npm run import:incidents -- <file.csv> [--force <forceId>] [--user <userId>] [--dry-run]`:
 * loads historical trauma incidents and their exposed colleagues, one row per exposure
 * (columns in libs/trauma/src/application/import/incident-csv.ts). All or nothing;
 * importing the same file again appends nothing new. Imported incidents are closed at once
 * unless `still_open`, and their exposures count in the repeat-exposure register.
 */
runImportCli({
  script: 'import:incidents',
  noun: 'incidents',
  defaultUser: 'incident-import',
  role: TRAUMA_ROLES.wellbeingCoordinator,
  importCsv: async (app, csv, request) => {
    const done = await app.get(IncidentImportService).importCsv(csv, request);
    return { rows: done.rows, cases: done.incidents, commands: done.commands };
  },
});
