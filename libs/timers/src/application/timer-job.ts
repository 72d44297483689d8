/** What a deadline timer carries: enough to send the escalation command, nothing more. */
export interface TimerJobData {
  readonly deadlineId: string;
  readonly level: number;
  readonly streamId: string;
  readonly category: string;
  readonly forceId: string;
  /** ISO instant the rung is due. */
  readonly fireAt: string;
}

/** Deterministic, so adding the same timer twice keeps one job (BullMQ ids forbid ':'). */
export function timerJobId(deadlineId: string, level: number): string {
  return `deadline.${deadlineId}.${level}`;
}

/** The most rungs a ladder may have; bounds the job ids a cancellation must remove. */
export const MAX_LADDER_LEVELS = 6;

/** Sends the workflow's "escalate if still due" command for a fired timer. */
export type DeadlineFiredHandler = (job: TimerJobData, now: Date) => Promise<void>;
