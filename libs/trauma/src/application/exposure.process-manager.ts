import type { PoolClient } from 'pg';
import type { CommandBus } from '@nestjs/cqrs';
import { deterministicId } from '@casework/core/ids';
import type { RecordedEvent } from '@casework/core/event-store/types';
import type { Projection } from '@casework/core/projections/projection';
import type { ExposurePolicy } from '../domain/exposure/exposure-policy';
import { supportTaskRequest, thresholdCrossing, type PreviousSupportTask } from '../domain/exposure/exposure-register';
import { SUPPORT_TASK_STREAM_CATEGORY } from '../domain/exposure/events';
import type { Exposure } from '../domain/exposure/types';
import { INCIDENT_STREAM_CATEGORY, type ColleagueExposedData } from '../domain/incident/events';
import { ExecuteCaseCommand } from '@casework/platform/cases/case-commands';

export const EXPOSURE_PROCESS = 'exposure_process_v1';
const ACTOR = { userId: 'system:exposure-register', role: 'system' } as const;

/** The id an exposure has in the register: one per person per incident. */
export function exposureId(incidentId: string, personId: string): string {
  return deterministicId('exposure', incidentId, personId);
}

/**
 * Repeat exposure → proactive support. For each exposure it keeps the person's exposures
 * and tasks in its own tables (in the runner's transaction, with its checkpoint) and asks
 * the pure register whether this exposure takes them over the threshold. If so it raises
 * a support task whose id derives from the person and the crossing exposure: an exposure
 * delivered twice raises one task, staying above the threshold raises none, and dropping
 * below then crossing again later raises a new one. Closing a task (from the support-task
 * stream) lets the next crossing through.
 *
 * The threshold is judged as of when the exposure was recorded, so a replay decides the
 * same; a back-dated historical exposure counts where it falls in time.
 */
export function exposureProcessManager(commands: CommandBus, policyFor: (forceId: string) => ExposurePolicy): Projection {
  return {
    name: EXPOSURE_PROCESS,
    categories: [INCIDENT_STREAM_CATEGORY, SUPPORT_TASK_STREAM_CATEGORY],
    eventTypes: new Set(['ColleagueExposed', 'ColleagueExposureRemoved', 'SupportTaskRaised', 'SupportTaskClosed']),
    async handle(recorded: RecordedEvent, tx: PoolClient): Promise<void> {
      const forceId = recorded.metadata.forceId;
      const streamCaseId = recorded.streamId.slice(recorded.streamId.indexOf('-') + 1);
      switch (recorded.type) {
        case 'ColleagueExposed': {
          const d = recorded.data as ColleagueExposedData;
          await tx.query(
            `insert into exposure_process_exposures (exposure_id, force_id, person_id, person_name, department, incident_id,
               incident_type, severity_weight, occurred_at, removed)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, false)
             on conflict (exposure_id) do update set removed = false`,
            [exposureId(d.incidentId, d.personId), forceId, d.personId, d.name, d.department, d.incidentId, d.incidentType,
              d.severityWeight, d.occurredAt],
          );
          await consider(tx, commands, policyFor(forceId), forceId, d, recorded);
          return;
        }
        case 'ColleagueExposureRemoved': {
          const d = recorded.data as { incidentId: string; personId: string };
          await tx.query('update exposure_process_exposures set removed = true where exposure_id = $1', [
            exposureId(d.incidentId, d.personId),
          ]);
          return;
        }
        case 'SupportTaskRaised': {
          // A task raised by hand (or by an earlier run) is known here too.
          const d = recorded.data as { taskId: string; personId: string; triggeringExposureId: string; exposures: { exposureId: string; occurredAt: string }[] };
          const trigger = d.exposures.find((e) => e.exposureId === d.triggeringExposureId);
          await tx.query(
            `insert into exposure_process_tasks (task_id, force_id, person_id, triggered_at, open)
             values ($1, $2, $3, $4, true) on conflict (task_id) do nothing`,
            [d.taskId, forceId, d.personId, trigger?.occurredAt ?? recorded.metadata.occurredAt],
          );
          return;
        }
        case 'SupportTaskClosed':
          await tx.query('update exposure_process_tasks set open = false where task_id = $1', [streamCaseId]);
          return;
        default:
      }
    },
    async reset(tx: PoolClient): Promise<void> {
      await tx.query('delete from exposure_process_exposures; delete from exposure_process_tasks');
    },
  };
}

async function consider(
  tx: PoolClient,
  commands: CommandBus,
  policy: ExposurePolicy,
  forceId: string,
  exposed: ColleagueExposedData,
  recorded: RecordedEvent,
): Promise<void> {
  const { rows: exposures } = await tx.query<{
    exposure_id: string;
    incident_id: string;
    incident_type: string;
    severity_weight: string;
    occurred_at: Date;
    removed: boolean;
  }>('select * from exposure_process_exposures where force_id = $1 and person_id = $2', [forceId, exposed.personId]);
  const { rows: tasks } = await tx.query<{ task_id: string; triggered_at: Date; open: boolean }>(
    'select task_id, triggered_at, open from exposure_process_tasks where force_id = $1 and person_id = $2',
    [forceId, exposed.personId],
  );
  const history: Exposure[] = exposures.map((e) => ({
    exposureId: e.exposure_id,
    incidentId: e.incident_id,
    personId: exposed.personId,
    incidentType: e.incident_type,
    severityWeight: Number(e.severity_weight),
    occurredAt: e.occurred_at.toISOString(),
    removed: e.removed,
  }));
  const previous: PreviousSupportTask[] = tasks.map((t) => ({ taskId: t.task_id, triggeredAt: t.triggered_at.toISOString(), open: t.open }));
  const asOf = new Date(recorded.metadata.recordedAt);
  const crossing = thresholdCrossing(history, asOf, policy, previous);
  if (!crossing.raise) return;
  await tx.query(
    `insert into exposure_process_tasks (task_id, force_id, person_id, triggered_at, open)
     values ($1, $2, $3, $4, true) on conflict (task_id) do nothing`,
    [crossing.taskId, forceId, crossing.personId, crossing.triggeringExposure.occurredAt],
  );
  const commandId = deterministicId('exposure-task', crossing.taskId, 'raise');
  const data = supportTaskRequest(crossing, { personName: exposed.name, department: exposed.department });
  await commands.execute(
    new ExecuteCaseCommand(
      SUPPORT_TASK_STREAM_CATEGORY,
      crossing.taskId,
      { type: 'RaiseSupportTask', data, commandId, now: asOf, actor: ACTOR },
      {
        commandId,
        correlationId: recorded.metadata.correlationId,
        causationId: recorded.id,
        actor: ACTOR,
        forceId,
        occurredAt: asOf,
      },
    ),
  );
}
