import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '@casework/core/ids';
import { ReferralImportService } from '@casework/referral/application/import/referral-import.service';
import { start } from '../../api/src/start';

/** The force the demo data lives in; send X-Casework-Force: demo to see it. */
const DEMO_FORCE = 'demo';

/**
 * The demo: api and worker in one process, with a few historical referrals imported into
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
  const who = `-H 'X-Casework-User: adv-demo' -H 'X-Casework-Role: oh_manager' -H 'X-Casework-Force: ${DEMO_FORCE}'`;
  process.stdout.write(
    `\nDemo data: ${result.rows} historical referrals in force "${DEMO_FORCE}". Try:\n` +
      `  curl -s ${who} '${url}/referrals/queue?includeClosed=true'\n` +
      `  curl -s ${who} -H 'Content-Type: application/json' -d '{"subjectId":"PC-1","subjectName":"Jo Bloggs",` +
      `"employmentType":"police_officer","department":"Response","source":"self","category":"mental_health",` +
      `"urgency":"urgent","reason":"Asked for support after a fatal collision"}' ${url}/referrals\n`,
  );
});
