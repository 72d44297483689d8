import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '@casework/core/ids';
import { ReferralImportService } from '@casework/referral/application/import/referral-import.service';
import { IncidentImportService } from '@casework/trauma/application/import/incident-import.service';
import { LeaverImportService } from '@casework/retention/application/import/leaver-import.service';
import { start } from '../../api/src/start';

/** The force the demo data lives in; send X-Casework-Force: demo to see it. */
const DEMO_FORCE = 'demo';

/**
 * The demo: api and worker in one process, with historical referrals, trauma incidents
 * and leavers imported into
 * the `demo` force (idempotent: restarting imports nothing twice). Imported open
 * referrals are long past their deadlines, so the worker escalates them at once, as it
 * would for a real force's stale spreadsheet.
 */
void start({ ROLE: 'all' }, async (app, _config, url) => {
  const csv = readFileSync(join(process.cwd(), 'infra', 'demo', 'referrals.csv'), 'utf8');
  const result = await app.get(ReferralImportService).importCsv(csv, {
    actor: { userId: 'demo-loader', role: 'oh_admin', forceId: DEMO_FORCE },
    correlationId: newId(),
    dryRun: false,
  });
  const incidents = await app.get(IncidentImportService).importCsv(
    readFileSync(join(process.cwd(), 'infra', 'demo', 'incidents.csv'), 'utf8'),
    { actor: { userId: 'demo-loader', role: 'wellbeing_coordinator', forceId: DEMO_FORCE }, correlationId: newId(), dryRun: false },
  );
  const leavers = await app.get(LeaverImportService).importCsv(
    readFileSync(join(process.cwd(), 'infra', 'demo', 'leavers.csv'), 'utf8'),
    { actor: { userId: 'demo-loader', role: 'hr', forceId: DEMO_FORCE }, correlationId: newId(), dryRun: false },
  );
  const who = `-H 'X-Casework-User: adv-demo' -H 'X-Casework-Role: oh_manager' -H 'X-Casework-Force: ${DEMO_FORCE}'`;
  process.stdout.write(
    `\nDemo data in force "${DEMO_FORCE}": ${result.rows} historical referrals, ${incidents.incidents} trauma incidents, ${leavers.leavers} leavers. Try:\n` +
      `  curl -s ${who} '${url}/referrals/queue?includeClosed=true'\n` +
      `  curl -s ${who} -H 'Content-Type: application/json' -d '{"subjectId":"PC-1","subjectName":"Jo Bloggs",` +
      `"employmentType":"police_officer","department":"Response","source":"self","category":"mental_health",` +
      `"urgency":"urgent","reason":"Asked for support after a fatal collision"}' ${url}/referrals\n` +
      `  curl -s -H 'X-Casework-User: wb-demo' -H 'X-Casework-Role: wellbeing_coordinator' -H 'X-Casework-Force: ${DEMO_FORCE}' ` +
      `'${url}/exposure-register?to=2025-03-31'\n` +
      `  curl -s -H 'X-Casework-User: hr-demo' -H 'X-Casework-Role: hr' -H 'X-Casework-Force: ${DEMO_FORCE}' ` +
      `'${url}/reports/leavers?groupBy=reason,employmentType&format=csv'\n`,
  );
});
