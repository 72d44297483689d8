import { DateTime } from 'luxon';
import type { Random } from './random';

/** The demo force keeps UK office hours in Europe/London, like the working calendar. */
export const ZONE = 'Europe/London';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY);
}

export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY;
}

/** The business date (YYYY-MM-DD) of an instant in London. */
export function londonDate(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toISODate() as string;
}

/** An instant on a London business date, at a time of day. */
export function atLondon(date: string, hour: number, minute = 0): Date {
  return DateTime.fromISO(date, { zone: ZONE }).set({ hour, minute }).toJSDate();
}

/** A date (YYYY-MM-DD) `days` after another. */
export function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: ZONE }).plus({ days }).toISODate() as string;
}

/**
 * Office work happens on weekdays between 08:30 and 17:00: the same London day at a
 * random office time, moved on to Monday from a weekend. Never earlier than `notBefore`.
 */
export function officeTime(day: Date, random: Random, notBefore?: Date): Date {
  let date = DateTime.fromJSDate(day, { zone: ZONE });
  while (date.weekday > 5) date = date.plus({ days: 1 });
  const minutes = random.int(8 * 60 + 30, 16 * 60 + 45);
  const at = date.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toJSDate();
  return notBefore && at.getTime() <= notBefore.getTime() ? addHours(notBefore, random.between(0.2, 1.5)) : at;
}

/** `days` (fractional) after `from`, in office hours, strictly after `from`. */
export function officeAfter(from: Date, days: number, random: Random): Date {
  return officeTime(addDays(from, days), random, from);
}
