import type { RecordDefusion, RecordDemobilisation, RecordEstim } from '../commands';
import type { IncidentEvent } from '../events';
import type { EstipStage, MonitoringOutcome, SupportReferral } from '../types';
import { command, SERGEANT, T } from './incident-fixtures';

/** ESTIP commands as the story's people send them, each overridable where a spec needs it. */
export const demobilise = (overrides: Partial<RecordDemobilisation['data']> = {}, now: string = T.demobilised) =>
  command(
    'RecordDemobilisation',
    {
      ledBy: { personId: SERGEANT, lead: 'supervisor' },
      attendees: ['P-1', 'P-2', 'P-3'],
      defusionNeeded: true,
      ...overrides,
    },
    now,
  );
export const defuse = (overrides: Partial<RecordDefusion['data']> = {}, now: string = T.defused) =>
  command(
    'RecordDefusion',
    {
      format: 'group',
      peerDefuserId: 'u-peer',
      attendees: ['P-1', 'P-2', 'P-3'],
      needingMoreSupport: ['P-2'],
      ...overrides,
    },
    now,
  );
export const estim = (overrides: Partial<RecordEstim['data']> = {}) =>
  command(
    'RecordEstim',
    {
      attendees: ['P-2'],
      includesOh: true,
      referredOn: [{ personId: 'P-2', pathway: 'occupational_health' }],
      ...overrides,
    },
    T.estim,
  );
export const startMonitoring = (monitored: readonly string[] = ['P-2']) =>
  command('StartMonitoring', { monitored }, T.monitoringStarted);
export const conclude = (outcome: MonitoringOutcome, referredOn: SupportReferral[] = []) =>
  command('ConcludeMonitoring', { outcome, referredOn }, T.monitoringConcluded);
export const NO_PEER = 'No trained peer available in time';
export const skip = (stage: EstipStage, reason = NO_PEER, now: string = T.defused) =>
  command('SkipEstipStage', { stage, reason }, now);
export const skipped = (stage: EstipStage, reason = NO_PEER, skippedAt: string = T.defused): IncidentEvent => ({
  type: 'EstipStageSkipped',
  data: { stage, reason, skippedAt },
});
