import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { CommandPipeline } from '@casework/core/aggregate/command-pipeline';
import { DomainError } from '@casework/core/domain/domain-error';
import type { RecordedEvent } from '@casework/core/event-store/types';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import type { Actor } from '@casework/platform/http/actor';
import { revisionEtag, type CommandHeaders } from '@casework/platform/http/command-headers';
import { timelineItem, type TimelineItem } from '@casework/platform/http/timeline';
import { CaseWorkflows, ExecuteCaseCommand, notFoundAs, type CaseEnvelope } from './case-commands';

/** A case as the API shows it: deadlines as a list rather than keyed by kind. */
export type CaseView = Record<string, unknown>;

export function caseView(state: unknown): CaseView {
  const { deadlines, ...rest } = state as { deadlines?: Record<string, unknown> };
  return deadlines && typeof deadlines === 'object' ? { ...rest, deadlines: Object.values(deadlines) } : rest;
}

/**
 * The HTTP side of every trauma command: builds the envelope (who, which request, when),
 * sends it, and answers with the case as it now stands and its revision as ETag.
 */
@Injectable()
export class CaseSender {
  constructor(
    private readonly commands: CommandBus,
    private readonly workflows: CaseWorkflows,
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send(
    category: string,
    caseId: string,
    actor: Actor,
    meta: CommandHeaders,
    res: Response,
    build: (envelope: CaseEnvelope) => unknown,
  ): Promise<CaseView> {
    const now = this.clock.now();
    const who = { userId: actor.userId, role: actor.role };
    const command = build({ commandId: meta.commandId, now, actor: who });
    const outcome = await this.commands.execute(
      new ExecuteCaseCommand(category, caseId, command, {
        commandId: meta.commandId,
        correlationId: meta.correlationId,
        causationId: meta.commandId,
        actor: who,
        forceId: actor.forceId,
        occurredAt: now,
        expectedRevision: meta.expectedRevision,
      }),
    );
    res.setHeader('ETag', revisionEtag(outcome.revision));
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return caseView(outcome.state);
  }

  /** Every event of the case as a line of history: who, what, when (business time). */
  async timeline(category: string, caseId: string, forceId: string): Promise<{ items: TimelineItem[]; revision: bigint }> {
    const workflow = this.workflows.get(category);
    const { events, revision } = await this.load(category, caseId, forceId);
    const items = events.map((recorded) => timelineItem(recorded, workflow.describe(workflow.codec.decode(recorded))));
    return { items, revision };
  }

  /** The case from its own stream (never stale), scoped to the caller's force. */
  async load(category: string, caseId: string, forceId: string): Promise<{ state: unknown; revision: bigint; events: RecordedEvent[] }> {
    const workflow = this.workflows.get(category);
    let loaded: { state: unknown; revision: bigint; events: RecordedEvent[] };
    try {
      loaded = await this.pipeline.load(workflow.deciderFor(forceId), workflow.codec, `${category}-${caseId}`, forceId);
    } catch (error) {
      throw notFoundAs(workflow, error);
    }
    if (loaded.events.length === 0) throw new DomainError(`${workflow.errorPrefix}.NOT_FOUND`, 'No such case', 'not_found');
    return loaded;
  }
}
