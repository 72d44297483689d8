import type { Pool } from 'pg';
import { streamCategory, type EventStore } from '@casework/core/event-store/types';
import type { Erasure, ErasureService } from './erasure.service';
import { isExpired, type RetentionPolicy } from './retention-policy';

export interface SweepResult {
  readonly examined: number;
  readonly expired: readonly Erasure[];
}

/**
 * Finds the records past their retention period and expires each (destroys its keys,
 * purges the read models). Candidates are the streams that still hold keys — the only
 * ones with anything left to destroy — read through the port, so it works on every
 * adapter; a record already expired has no keys and is never looked at again.
 */
export class RetentionSweep {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly erasures: ErasureService,
    private readonly policy: RetentionPolicy,
  ) {}

  async run(now: Date, options: { forceId?: string; pageSize?: number } = {}): Promise<SweepResult> {
    const categories = Object.keys(this.policy);
    const pageSize = options.pageSize ?? 500;
    const expired: Erasure[] = [];
    let examined = 0;
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<{ force_id: string; stream_id: string }>(
        `select distinct force_id, stream_id from personal_data_keys
          where stream_id > $1 and split_part(stream_id, '-', 1) = any($2::text[]) and ($3::text is null or force_id = $3)
          order by stream_id limit $4`,
        [after, categories, options.forceId ?? null, pageSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        examined++;
        const category = streamCategory(row.stream_id);
        const rule = this.policy[category];
        if (!rule) continue;
        const events = await this.store.readStream(row.stream_id);
        const facts = events.map((e) => ({ type: e.type, occurredAt: e.metadata.occurredAt }));
        if (!isExpired(rule, category, facts, now)) continue;
        expired.push(
          await this.erasures.expireStream(row.force_id, row.stream_id, {
            requestedBy: 'retention-sweep',
            reason: `${category}: ${rule.years} years after ${rule.from === 'closure' ? 'closure' : 'the last entry'}`,
          }),
        );
      }
      after = (rows[rows.length - 1] as { stream_id: string }).stream_id;
    }
    return { examined, expired };
  }
}
