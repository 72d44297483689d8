import { Body, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReasonDto } from '@casework/core/http/reason.dto';
import { UuidParam } from '@casework/core/http/uuid-param.pipe';
import { deterministicId } from '@casework/core/ids';
import type { Permission } from '@casework/identity/permissions';
import { permissionSlotsOf, PermitFrom, PermitSlots } from '@casework/identity/permit.decorator';
import { CurrentActor, type Actor } from '../http/actor';
import { CommandMeta, revisionEtag, type CommandHeaders } from '../http/command-headers';
import type { TimelineItem } from '../http/timeline';
import type { CaseEnvelope } from './case-commands';
import { caseView, type CaseSender, type CaseView } from './case-sender';

/** Who may do what on one kind of case; each throws (403) when the role may not. */
export interface CaseAccess {
  readonly read: (role: string) => void;
  readonly waive: (role: string) => void;
}

/** The routes every case controller inherits, by the permission each needs. */
const CASE_ROUTE_SLOTS = ['read', 'waive'] as const;
export type CaseRouteSlot = (typeof CASE_ROUTE_SLOTS)[number];

/**
 * Class-level, on every case controller: the permission of the inherited `GET :id` and
 * `GET :id/timeline` (`read`) and `POST :id/deadlines/:kind/waive` (`waive`). The global
 * guard resolves the base handlers' `@PermitFrom(slot)` against it (resolvePermission).
 */
export function CasePermissions(permissions: Readonly<Record<CaseRouteSlot, Permission>>): ClassDecorator {
  return PermitSlots(permissions);
}

/**
 * What every case controller after referrals shares: `GET /:id` (the case from its stream,
 * revision as ETag), `GET /:id/timeline`, `POST /:id/deadlines/:kind/waive`, and `send`
 * for each command endpoint. Subclasses declare their own routes first, so a literal
 * route such as `GET /queue` is matched before `GET /:id`.
 */
export abstract class CaseController<C extends { readonly type: string; readonly data: unknown }> {
  protected constructor(
    protected readonly sender: CaseSender,
    private readonly category: string,
    private readonly access: CaseAccess,
  ) {
    // Fail at boot, not at the first request: an unmapped slot would leave its route refused to everyone.
    const slots = permissionSlotsOf(new.target);
    const missing = CASE_ROUTE_SLOTS.filter((slot) => !slots?.[slot]);
    if (missing.length > 0) throw new Error(`${new.target.name} needs @CasePermissions naming: ${missing.join(', ')}`);
  }

  @Get(':id')
  @PermitFrom('read')
  @ApiOperation({ summary: 'The case as it stands now, from its own stream, with its revision as ETag' })
  async get(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    this.access.read(actor.role);
    const { state, revision } = await this.sender.load(this.category, id, actor.forceId, actor);
    res.setHeader('ETag', revisionEtag(revision));
    res.setHeader('Cache-Control', 'no-store');
    return this.present(id, caseView(state));
  }

  /** How a case is shown; a workflow whose state does not carry its id adds it here. */
  protected present(_id: string, view: CaseView): CaseView {
    return view;
  }

  @Get(':id/timeline')
  @PermitFrom('read')
  @ApiOperation({ summary: 'Every event of the case as human-readable history: who, what, when' })
  async timeline(
    @Param('id', UuidParam) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ caseId: string; items: TimelineItem[] }> {
    this.access.read(actor.role);
    const { items, revision } = await this.sender.timeline(this.category, id, actor.forceId, actor);
    res.setHeader('ETag', revisionEtag(revision));
    res.setHeader('Cache-Control', 'no-store');
    return { caseId: id, items };
  }

  @Post(':id/deadlines/:kind/waive')
  @PermitFrom('waive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Waive an open deadline with a reason (stops its escalation)' })
  waive(
    @Param('id', UuidParam) id: string,
    @Param('kind') kind: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @CommandMeta() meta: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseView> {
    return this.send(() => this.access.waive(actor.role), id, actor, meta, res, (e) =>
      this.command(e, 'WaiveDeadline' as C['type'], { kind, reason: body.reason } as Extract<C, { readonly type: C['type'] }>['data']),
    );
  }

  /**
   * Opens a new case: its id derives from the force and the command id (the
   * Idempotency-Key), so a retried request finds the case it already made; answers 201
   * with the case, its ETag and its Location under `path`.
   */
  protected async create(
    path: string,
    authorise: () => void,
    actor: Actor,
    meta: CommandHeaders,
    res: Response,
    build: (caseId: string, envelope: CaseEnvelope) => C,
  ): Promise<CaseView> {
    authorise();
    const caseId = deterministicId(this.category, actor.forceId, meta.commandId);
    const view = await this.sender.send(this.category, caseId, actor, { ...meta, expectedRevision: undefined }, res, (e) =>
      build(caseId, e),
    );
    res.status(201).location(`${path}/${caseId}`);
    return view;
  }

  /** Authorises, then sends one command to the case and answers with the case and its ETag. */
  protected async send(
    authorise: () => void,
    id: string,
    actor: Actor,
    meta: CommandHeaders,
    res: Response,
    build: (envelope: CaseEnvelope) => C,
  ): Promise<CaseView> {
    authorise();
    return this.present(id, await this.sender.send(this.category, id, actor, meta, res, build));
  }

  /** A typed command of this workflow from the envelope, its type and its data. */
  protected command<T extends C['type']>(envelope: CaseEnvelope, type: T, data: Extract<C, { readonly type: T }>['data']): C {
    return { ...envelope, type, data } as unknown as C;
  }
}
