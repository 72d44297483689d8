import { DateTime } from 'luxon';

/*
 * The words and dates every case timeline is written in. Timelines are read by OH and
 * wellbeing staff in England and Wales, so every date is on the London calendar.
 */

/** One human-readable line of a case timeline. */
export interface TimelineEntry {
  readonly title: string;
  readonly detail: string | null;
}

export function entry(title: string, detail: string | null = null): TimelineEntry {
  return { title, detail };
}

/** Case timelines are read in England and Wales, on London clocks. */
export const TIMELINE_ZONE = 'Europe/London';

/** Fixed abbreviations: ICU versions disagree on en-GB's September ("Sep" / "Sept"). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Mar 2026", on the London calendar, for an ISO instant or a business date (YYYY-MM-DD). */
export function londonDate(iso: string): string {
  const local = DateTime.fromISO(iso, { zone: TIMELINE_ZONE });
  return `${local.day} ${MONTHS[local.month - 1]} ${local.year}`;
}

/** "3 Mar 2026 17:00", on the London wall clock. */
export function londonInstant(iso: string): string {
  return `${londonDate(iso)} ${DateTime.fromISO(iso, { zone: TIMELINE_ZONE }).toFormat('HH:mm')}`;
}

/** A stored code as words: "welfare_liaison" / "first-appointment" → "welfare liaison" / "first appointment". */
export function words(value: string): string {
  return value.replace(/[_-]/g, ' ');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1 exposure", "3 exposures". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A label for each kind named in `labels`; any other kind is its code as capitalised words. */
export function labeller(labels: Readonly<Record<string, string>>): (kind: string) => string {
  return (kind) => labels[kind] ?? capitalise(words(kind));
}
