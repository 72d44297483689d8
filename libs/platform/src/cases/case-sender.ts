import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { CommandPipeline } from '@casework/core/aggregate/command-pipeline';
import { DomainError } from '@casework/core/domain/domain-error';
import { ProblemException, problemType } from '@casework/core/http/problem';
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

export const OWN_CASE = 'AUTH.OWN_CASE';

/**
 * The person a case is about, whatever the workflow: a referral's `subject.subjectId`, the
 * `person.personId` of TRiM, support-task, stay, exit and welfare cases, a surveillance
 * record's `personId`. An incident is about an event and everyone exposed to it, not one
 * person, so it has none (a supervisor on the scene still records it).
 */
export function caseSubjectId(state: unknown): string | null {
  if (!state || typeof state !== 'object') return null;
  const s = state as { subject?: { subjectId?: unknown }; person?: { personId?: unknown }; personId?: unknown };
  const id = s.subject?.subjectId ?? s.person?.personId ?? s.personId;
  return typeof id === 'string' ? id : null;
}

/**
 * Nobody opens their own case through a staff role: an OH advisor referred to OH, a TRiM
 * practitioner with their own activation. A 403 of its own (not the role's 403), since the
 * role would otherwise allow it. Checked against the staff number in the caller's token;
 * a caller without one cannot be matched.
 */
export function assertNotOwnCase(actor: Pick<Actor, 'personId'>, subjectId: string | null): void {
  if (!actor.personId || subjectId === null || subjectId !== actor.personId) return;
  throw new ProblemException({
    type: problemType(OWN_CASE),
    title: 'You cannot open your own case through a staff role',
    status: 403,
    code: OWN_CASE,
    detail: 'This case is about you; a colleague in your role deals with it.',
  });
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
    // The subject never changes once a case exists, so checking before the append is enough.
    if (actor.personId) {
      const existing = await this.peek(category, caseId, actor.forceId);
      if (existing) assertNotOwnCase(actor, caseSubjectId(existing.state));
    }
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
  async timeline(category: string, caseId: string, forceId: string, viewer?: Actor): Promise<{ items: TimelineItem[]; revision: bigint }> {
    const workflow = this.workflows.get(category);
    const { events, revision } = await this.load(category, caseId, forceId, viewer);
    const items = events.map((recorded) => timelineItem(recorded, workflow.describe(workflow.codec.decode(recorded))));
    return { items, revision };
  }

  /**
   * The case from its own stream (never stale), scoped to the caller's force. With
   * `viewer`, their own case is refused (AUTH.OWN_CASE) after the force check, so another
   * force's case still reads as missing.
   */
  async load(
    category: string,
    caseId: string,
    forceId: string,
    viewer?: Actor,
  ): Promise<{ state: unknown; revision: bigint; events: RecordedEvent[] }> {
    const loaded = await this.peek(category, caseId, forceId);
    if (!loaded) throw new DomainError(`${this.workflows.get(category).errorPrefix}.NOT_FOUND`, 'No such case', 'not_found');
    if (viewer) assertNotOwnCase(viewer, caseSubjectId(loaded.state));
    return loaded;
  }

  /** The case, or undefined when its stream is empty (a case about to be created). */
  private async peek(
    category: string,
    caseId: string,
    forceId: string,
  ): Promise<{ state: unknown; revision: bigint; events: RecordedEvent[] } | undefined> {
    const workflow = this.workflows.get(category);
    try {
      const loaded = await this.pipeline.load(workflow.deciderFor(forceId), workflow.codec, `${category}-${caseId}`, forceId);
      return loaded.events.length === 0 ? undefined : loaded;
    } catch (error) {
      throw notFoundAs(workflow, error);
    }
  }
}
