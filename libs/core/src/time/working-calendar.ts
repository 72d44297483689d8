import { DateTime, Duration } from 'luxon';
import { isIsoCalendarDate, loadBankHolidays } from './bank-holidays';
import type { DueSpec, WorkingCalendar } from './calendar';

export interface LondonWorkingCalendarOptions {
  /** Non-working dates (YYYY-MM-DD) in `zone`, usually from `loadBankHolidays`. */
  readonly holidays: readonly string[];
  /** IANA zone whose wall clock defines a working day; default 'Europe/London'. */
  readonly zone?: string;
  /** 'HH:mm' local time at which a working day's deadlines fall; default '17:00'. */
  readonly closeOfBusiness?: string;
}

interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MS_PER_HOUR = 3_600_000;

/**
 * Weekends and bank holidays off, judged on the local calendar of `zone`.
 *
 * Calendar dates are stepped as zone-less UTC dates and only then given a local
 * time, so stepping across a clock change can never drift the wall clock. Where a
 * local time does not exist (spring-forward gap) luxon moves it forward by the
 * gap; where it occurs twice (fall-back) luxon picks one of the two. In
 * Europe/London both happen only on Sundays, which are never working days.
 */
export class LondonWorkingCalendar implements WorkingCalendar {
  readonly zone: string;
  private readonly holidays: ReadonlySet<string>;
  private readonly closeOfBusiness: TimeOfDay;

  constructor(options: LondonWorkingCalendarOptions) {
    this.zone = options.zone ?? 'Europe/London';
    const probe = DateTime.fromMillis(0, { zone: this.zone });
    if (!probe.isValid) throw new RangeError(`Unknown time zone "${this.zone}"`);
    this.closeOfBusiness = parseCloseOfBusiness(options.closeOfBusiness ?? '17:00');
    for (const day of options.holidays) {
      if (!isIsoCalendarDate(day)) throw new RangeError(`Holiday ${JSON.stringify(day)} is not a YYYY-MM-DD date`);
    }
    this.holidays = new Set(options.holidays);
  }

  /** Whether the instant's local date (not its UTC date) is Mon–Fri and not a holiday. */
  isWorkingDay(instant: Date): boolean {
    return this.isWorkingDate(dateOf(this.toLocal(instant)));
  }

  /**
   * Keeps the local wall-clock time, so 10:00 stays 10:00 across a clock change
   * (the UTC instant moves by an hour): people read deadlines off office clocks.
   */
  addWorkingDays(from: Date, days: number): Date {
    requireCount(days, 'Working days');
    const local = this.toLocal(from);
    const start = this.nextWorkingDate(dateOf(local));
    return this.at(this.stepWorkingDays(start, days), local).toJSDate();
  }

  dueAt(from: Date, spec: DueSpec): Date {
    if ('workingDays' in spec) return this.dueAfterWorkingDays(from, spec.workingDays);
    if ('hours' in spec) return this.dueAfterHours(from, spec.hours);
    if ('duration' in spec) return this.dueAfterDuration(from, spec.duration);
    // Specs come from force policy files, so the type alone does not guarantee a shape.
    throw new Error(`Unknown due spec ${JSON.stringify(spec as unknown)}`);
  }

  /**
   * Work arriving after close (or on a day off) cannot be started until the next
   * working day, so that day is day 0 and the clock is not charged for the night.
   * Arriving exactly at close counts as after close.
   */
  private dueAfterWorkingDays(from: Date, days: number): Date {
    requireCount(days, 'Working days');
    const local = this.toLocal(from);
    const today = dateOf(local);
    const closesToday = this.at(today, this.closeOfBusiness);
    const startsToday = this.isWorkingDate(today) && local.toMillis() < closesToday.toMillis();
    const start = startsToday ? today : this.nextWorkingDate(today.plus({ days: 1 }));
    return this.at(this.stepWorkingDays(start, days), this.closeOfBusiness).toJSDate();
  }

  /** Hour limits (e.g. TRiM's 24 h) are elapsed time: a clock change does not extend them. */
  private dueAfterHours(from: Date, hours: number): Date {
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
      throw new RangeError(`Hours must be a finite number ≥ 0, got ${String(hours)}`);
    }
    return new Date(requireValid(from).getTime() + Math.round(hours * MS_PER_HOUR));
  }

  /**
   * Added in UTC so days and hours are elapsed time (P1D is always 24 h), while
   * months and years still land on the same day of the month where one exists.
   */
  private dueAfterDuration(from: Date, iso: string): Date {
    const duration = typeof iso === 'string' ? Duration.fromISO(iso) : Duration.invalid('not a string');
    const parts = duration.isValid ? Object.values(duration.toObject()) : [];
    // luxon accepts a bare "P"; a deadline with no length is a typo, not "now".
    if (parts.length === 0) throw new Error(`Invalid ISO 8601 duration ${JSON.stringify(iso)} in due spec`);
    if (parts.some((part) => typeof part !== 'number' || !Number.isFinite(part) || part < 0)) {
      throw new RangeError(`Duration ${JSON.stringify(iso)} must not be negative`);
    }
    return DateTime.fromJSDate(requireValid(from), { zone: 'utc' }).plus(duration).toJSDate();
  }

  private toLocal(instant: Date): DateTime {
    return DateTime.fromJSDate(requireValid(instant), { zone: this.zone });
  }

  private isWorkingDate(date: DateTime): boolean {
    return date.weekday <= 5 && !this.holidays.has(date.toFormat('yyyy-MM-dd'));
  }

  private nextWorkingDate(date: DateTime): DateTime {
    let day = date;
    while (!this.isWorkingDate(day)) day = day.plus({ days: 1 });
    return day;
  }

  private stepWorkingDays(start: DateTime, days: number): DateTime {
    let day = start;
    for (let i = 0; i < days; i++) day = this.nextWorkingDate(day.plus({ days: 1 }));
    return day;
  }

  /** The instant in `zone` showing `time` on the wall clock on `date`. */
  private at(date: DateTime, time: TimeOfDay): DateTime {
    const { year, month, day } = date;
    const { hour, minute, second, millisecond } = time;
    return DateTime.fromObject({ year, month, day, hour, minute, second, millisecond }, { zone: this.zone });
  }
}

/** A calendar built from a gov.uk-shaped file, e.g. `calendarFromHolidaysFile(process.env.BANK_HOLIDAYS_FILE)`. */
export function calendarFromHolidaysFile(path?: string): LondonWorkingCalendar {
  return new LondonWorkingCalendar({ holidays: loadBankHolidays(path) });
}

/** The local calendar date as a zone-less (UTC midnight) value, safe to step by whole days. */
function dateOf(local: DateTime): DateTime {
  return DateTime.utc(local.year, local.month, local.day);
}

function parseCloseOfBusiness(value: string): TimeOfDay {
  const match = HH_MM.exec(value);
  if (!match) throw new RangeError(`Close of business must be 'HH:mm', got ${JSON.stringify(value)}`);
  return { hour: Number(match[1]), minute: Number(match[2]), second: 0, millisecond: 0 };
}

function requireCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole number ≥ 0, got ${String(value)}`);
  }
}

function requireValid(instant: Date): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`Expected a valid Date, got ${String(instant)}`);
  }
  return instant;
}
