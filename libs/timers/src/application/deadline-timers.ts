import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { Clock } from '@casework/core/time/clock';
import { MAX_LADDER_LEVELS, timerJobId, type DeadlineFiredHandler, type TimerJobData } from './timer-job';

interface DeadlineRow {
  deadline_id: string;
  stream_id: string;
  category: string;
  force_id: string;
  next_level: number;
  next_fire_at: Date;
}

export interface TimerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const JOB_OPTIONS = {
  // A failed escalation retries with backoff; once given up it is removed, so the
  // reconciler can create it again rather than finding a dead job under its id.
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: true,
} as const;

/**
 * BullMQ delayed jobs, one per open deadline's next rung. The jobs only wake the
 * workflow up: the decider decides whether anything is still due.
 */
export class DeadlineTimers {
  readonly queue: Queue<TimerJobData>;
  private worker: Worker<TimerJobData> | null = null;
  /** The worker's own blocking connection: BullMQ leaves a passed-in connection open. */
  private workerConnection: Redis | null = null;
  private reconcileTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly connection: Redis,
    private readonly clock: Clock,
    private readonly logger: TimerLogger,
    readonly queueName: string,
  ) {
    this.queue = new Queue<TimerJobData>(queueName, { connection, defaultJobOptions: JOB_OPTIONS });
    this.queue.on('error', (err) => this.logger.warn({ err }, 'timer queue error'));
  }

  /** Brings the jobs of these deadlines in line with their rows (after a projection commit). */
  async sync(deadlineIds: readonly string[]): Promise<void> {
    const { rows } = await this.pool.query<DeadlineRow>(
      `select deadline_id, stream_id, category, force_id, next_level, next_fire_at
       from timer_deadlines where deadline_id = any($1)`,
      [deadlineIds],
    );
    const open = new Map(rows.map((r) => [r.deadline_id, r]));
    await this.add(rows.filter((r) => r.next_fire_at !== null));
    const stale = deadlineIds.flatMap((id) => {
      const row = open.get(id);
      const keepLevel = row?.next_fire_at ? row.next_level : null;
      return Array.from({ length: MAX_LADDER_LEVELS }, (_, i) => i + 1)
        .filter((level) => level !== keepLevel)
        .map((level) => timerJobId(id, level));
    });
    await Promise.all(stale.map((jobId) => this.removeIfWaiting(jobId)));
  }

  /**
   * Re-creates every missing job from the deadlines table (after a Redis flush or a
   * crash between commit and scheduling). Adding an existing job id is a no-op.
   */
  async reconcile(categories: readonly string[], chunk = 1_000): Promise<number> {
    let ensured = 0;
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<DeadlineRow>(
        `select deadline_id, stream_id, category, force_id, next_level, next_fire_at
         from timer_deadlines
         where next_fire_at is not null and category = any($3) and deadline_id > $1
         order by deadline_id limit $2`,
        [after, chunk, categories],
      );
      if (rows.length === 0) return ensured;
      await this.add(rows);
      ensured += rows.length;
      after = (rows[rows.length - 1] as DeadlineRow).deadline_id;
    }
  }

  startReconciling(categories: readonly string[], intervalMs: number): void {
    const run = (): void => {
      this.reconcile(categories)
        .then((n) => this.logger.info({ deadlines: n }, 'timers reconciled'))
        .catch((err: unknown) => this.logger.warn({ err }, 'timer reconciliation failed; will retry'));
    };
    run();
    this.reconcileTimer = setInterval(run, intervalMs);
    this.reconcileTimer.unref();
  }

  startWorker(handlers: ReadonlyMap<string, DeadlineFiredHandler>, onFired?: (latenessMs: number) => void, concurrency = 20): void {
    this.worker = new Worker<TimerJobData>(
      this.queueName,
      async (job: Job<TimerJobData>, token?: string) => {
        const now = this.clock.now();
        const fireAt = Date.parse(job.data.fireAt);
        // Delayed jobs may wake a few ms early; the decider would then find the rung not
        // yet due and record nothing, so put the job back until it really is due.
        if (now.getTime() < fireAt) {
          await job.moveToDelayed(fireAt, token);
          throw new DelayedError();
        }
        const handler = handlers.get(job.data.category);
        if (!handler) throw new Error(`No deadline handler for category ${job.data.category}`);
        await handler(job.data, now);
        onFired?.(now.getTime() - fireAt);
      },
      {
        connection: (this.workerConnection = this.connection.duplicate({ maxRetriesPerRequest: null })),
        concurrency,
        // A timer's work is one short command: if a worker dies holding a job, another (or
        // the restarted one) takes it back within seconds rather than BullMQ's default 30.
        lockDuration: 10_000,
        stalledInterval: 5_000,
      },
    );
    this.worker.on('failed', (job, err) =>
      this.logger.warn({ jobId: job?.id, err }, 'deadline timer failed; BullMQ retries it'),
    );
    this.worker.on('error', (err) => this.logger.warn({ err }, 'timer worker error'));
  }

  async close(): Promise<void> {
    if (this.reconcileTimer) clearInterval(this.reconcileTimer);
    await this.worker?.close();
    this.workerConnection?.disconnect();
    this.workerConnection = null;
    await this.queue.close();
  }

  private async add(rows: readonly DeadlineRow[]): Promise<void> {
    if (rows.length === 0) return;
    const now = this.clock.now().getTime();
    await this.queue.addBulk(
      rows.map((r) => ({
        name: 'deadline',
        data: {
          deadlineId: r.deadline_id,
          level: r.next_level,
          streamId: r.stream_id,
          category: r.category,
          forceId: r.force_id,
          fireAt: r.next_fire_at.toISOString(),
        },
        opts: { ...JOB_OPTIONS, jobId: timerJobId(r.deadline_id, r.next_level), delay: Math.max(0, r.next_fire_at.getTime() - now) },
      })),
    );
  }

  private async removeIfWaiting(jobId: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    if (!job) return;
    const state = await job.getState();
    if (state === 'delayed' || state === 'waiting' || state === 'prioritized') await job.remove().catch(() => undefined);
  }
}
