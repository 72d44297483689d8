import type { EventStore } from '@casework/core/event-store/types';
import type { ProjectionHost } from '@casework/platform/projection-host';

/**
 * Resolves once every running projection has applied every event of its categories in
 * the store (checked through the store port, from each runner's own position), and stays
 * so on a second look: a process manager catching up appends events other projections
 * then need. Rejects after `timeoutMs`, naming the projections still behind.
 */
export async function waitForProjections(host: ProjectionHost, store: EventStore, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let caughtUpInARow = 0;
  for (;;) {
    const behind = await projectionsBehind(host, store);
    caughtUpInARow = behind.length === 0 ? caughtUpInARow + 1 : 0;
    if (caughtUpInARow >= 2) return;
    if (Date.now() > deadline) {
      throw new Error(`The worker did not catch up within ${Math.round(timeoutMs / 1000)} s: ${behind.join(', ') || 'still settling'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function projectionsBehind(host: ProjectionHost, store: EventStore): Promise<string[]> {
  const statuses = new Map(host.statuses().map((s) => [s.name, s]));
  const behind: string[] = [];
  for (const projection of host.list()) {
    const status = statuses.get(projection.name);
    if (!status) continue;
    if (status.state === 'failed') throw new Error(`Projection ${projection.name} failed: ${status.lastError ?? 'unknown error'}`);
    const filter = { streamCategories: projection.categories };
    const next = await store.readAll({ fromPosition: status.position ?? 'start', maxCount: 2, filter });
    const position = status.position;
    const unapplied = position === null ? next : next.filter((e) => e.position.commit !== position.commit || e.position.prepare !== position.prepare);
    if (unapplied.length > 0) behind.push(projection.name);
  }
  return behind;
}
