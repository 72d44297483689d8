import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, TIMER_USER_ID, type CommandContext, type StreamCodec } from '@casework/core/aggregate/command-pipeline';
import type { Decider, DomainEvent } from '@casework/core/domain/decider';
import { DomainError } from '@casework/core/domain/domain-error';
import { deterministicId } from '@casework/core/ids';
import { Metrics } from '@casework/core/observability/metrics';
import type { RecordedEvent } from '@casework/core/event-store/types';
import { DeadlineHandlerRegistry } from '@casework/timers/application/deadline-handlers';

/** What the trauma module needs to know to run one kind of case stream. */
export interface CaseWorkflow<C = unknown, E extends DomainEvent = DomainEvent, S = unknown> {
  /** Stream category, e.g. `incident`; streams are `<category>-<uuid>`. */
  readonly category: string;
  /** Error code prefix for "no such case", e.g. `INCIDENT` → INCIDENT.NOT_FOUND. */
  readonly errorPrefix: string;
  readonly codec: StreamCodec<E>;
  /** Deciders are pure; one per force's policy. */
  deciderFor(forceId: string): Decider<C, E, S>;
  /** One human-readable timeline line per event (never clinical or confidential detail). */
  describe(event: E): { readonly title: string; readonly detail: string | null };
  /** The "escalate if still due" command a fired deadline timer sends. */
  escalation?(fired: { readonly deadlineId: string; readonly level: number }, envelope: CaseEnvelope): C;
}

export interface CaseEnvelope {
  readonly commandId: string;
  readonly now: Date;
  readonly actor: { readonly userId: string; readonly role: string };
}

export interface CaseCommandOutcome<S = unknown> {
  readonly caseId: string;
  readonly revision: bigint;
  readonly state: S;
  readonly replayed: boolean;
  readonly appended: number;
}

/** One bus message for every trauma stream's commands. */
export class ExecuteCaseCommand extends Command<CaseCommandOutcome> {
  constructor(
    readonly category: string,
    readonly caseId: string,
    readonly command: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export const TIMER_ACTOR = { userId: TIMER_USER_ID, role: 'system' } as const;

/** The registry of case workflows; registering one also wires its deadline timers. */
@Injectable()
export class CaseWorkflows {
  private readonly workflows = new Map<string, CaseWorkflow>();

  constructor(
    private readonly deadlines: DeadlineHandlerRegistry,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  register<C, E extends DomainEvent, S>(workflow: CaseWorkflow<C, E, S>): void {
    if (this.workflows.has(workflow.category)) throw new Error(`Workflow ${workflow.category} registered twice`);
    this.workflows.set(workflow.category, workflow as unknown as CaseWorkflow);
    const escalation = workflow.escalation?.bind(workflow);
    if (!escalation) return;
    this.deadlines.register(workflow.category, async (job, now) => {
      // From the deadline and rung: a timer delivered twice escalates once.
      const commandId = deterministicId('timer', job.deadlineId, String(job.level));
      const caseId = job.streamId.slice(workflow.category.length + 1);
      const command = escalation({ deadlineId: job.deadlineId, level: job.level }, { commandId, now, actor: TIMER_ACTOR });
      await this.commands.execute(
        new ExecuteCaseCommand(workflow.category, caseId, command, {
          commandId,
          correlationId: commandId,
          causationId: job.deadlineId,
          actor: TIMER_ACTOR,
          forceId: job.forceId,
          occurredAt: now,
        }),
      );
    });
  }

  get(category: string): CaseWorkflow {
    const workflow = this.workflows.get(category);
    if (!workflow) throw new Error(`No workflow for stream category ${category}`);
    return workflow;
  }
}

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly workflows: CaseWorkflows,
    private readonly metrics: Metrics,
  ) {}

  async execute({ category, caseId, command, context }: ExecuteCaseCommand): Promise<CaseCommandOutcome> {
    const workflow = this.workflows.get(category);
    const type = (command as { type?: string }).type ?? 'unknown';
    const timer = this.metrics.appendDuration.startTimer({ workflow: category, command: type });
    try {
      const result = await this.pipeline.handle(
        workflow.deciderFor(context.forceId),
        workflow.codec,
        `${category}-${caseId}`,
        command,
        context,
      );
      timer({ outcome: 'ok' });
      return { caseId, ...result };
    } catch (error) {
      timer({ outcome: 'error' });
      throw notFoundAs(workflow, error);
    }
  }
}

/** Another force's case must look exactly like a missing one, with the workflow's code. */
export function notFoundAs(workflow: Pick<CaseWorkflow, 'errorPrefix'>, error: unknown): unknown {
  if (error instanceof DomainError && error.code === 'CASE.NOT_FOUND') {
    return new DomainError(`${workflow.errorPrefix}.NOT_FOUND`, 'No such case', 'not_found');
  }
  return error;
}

/** A plain decode for streams whose events have had one schema version so far. */
export function plainCodec<E extends DomainEvent>(versions: Readonly<Record<E['type'], number>>): StreamCodec<E> {
  return {
    decode: (event: RecordedEvent) => ({ type: event.type, data: event.data }) as E,
    schemaVersion: (type) => versions[type as E['type']],
  };
}

/** The escalation command every workflow's decider takes from a fired deadline timer. */
export function escalateDeadlineCommand<C>(fired: { readonly deadlineId: string; readonly level: number }, envelope: CaseEnvelope): C {
  return { ...envelope, type: 'EscalateDeadline', data: { deadlineId: fired.deadlineId, level: fired.level } } as C;
}

/** One value per key, made once: deciders are pure, so one per force's policy is reused. */
export function memoised<V>(make: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}
