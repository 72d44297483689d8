/**
 * How long a stage may take, as a force's policy states it.
 * - `workingDays`: by close of business on the n-th working day after the start
 *   (0 = close of business the same working day, or the next one if it starts on a
 *   non-working day or after close).
 * - `hours`: elapsed hours (e.g. TRiM's 24 h brief), calendar time.
 * - `duration`: an elapsed ISO 8601 duration (e.g. 'PT5S' in tests, 'P28D').
 */
export type DueSpec =
  | { readonly workingDays: number }
  | { readonly hours: number }
  | { readonly duration: string };

/** A force's business calendar: Europe/London, weekends and bank holidays off. */
export interface WorkingCalendar {
  readonly zone: string;
  isWorkingDay(instant: Date): boolean;
  /** Same local time of day, `days` working days later (rolling off non-working days first). */
  addWorkingDays(from: Date, days: number): Date;
  dueAt(from: Date, spec: DueSpec): Date;
}
