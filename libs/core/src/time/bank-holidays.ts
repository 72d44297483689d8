import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
// Imported as well as read with fs: the import makes tsc copy the JSON into dist,
// and a bundler that inlines it (leaving no file beside the code) still has the data.
import bundled from './data/england-and-wales-bank-holidays.json';

/**
 * The bank holidays shipped with Casework, in gov.uk's `bank-holidays.json` shape.
 * Bank holidays are announced by proclamation (jubilees, funerals, coronations), so
 * they are data a force replaces, not rules we compute: point `loadBankHolidays`
 * (typically via the `BANK_HOLIDAYS_FILE` setting) at a newer download from
 * https://www.gov.uk/bank-holidays.json.
 */
export const DEFAULT_BANK_HOLIDAYS_FILE = join(__dirname, 'data', 'england-and-wales-bank-holidays.json');

const DIVISION = 'england-and-wales';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (rejects 2026-02-30, which a regex alone lets through). */
export function isIsoCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * England & Wales bank holidays as sorted, distinct ISO dates.
 * Throws an Error naming the file and the offending entry, because a silently
 * ignored bad line would quietly move every deadline that crosses it.
 */
export function loadBankHolidays(file: string = DEFAULT_BANK_HOLIDAYS_FILE): string[] {
  if (file === DEFAULT_BANK_HOLIDAYS_FILE && !existsSync(file)) {
    return parseBankHolidays(bundled, `${file} (bundled copy)`);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read bank holidays file ${file}: ${messageOf(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Bank holidays file ${file} is not valid JSON: ${messageOf(error)}`);
  }
  return parseBankHolidays(json, file);
}

/** Validates gov.uk-shaped data already in memory; `source` names it in errors. */
export function parseBankHolidays(data: unknown, source: string): string[] {
  const fail = (problem: string): never => {
    throw new Error(`Bank holidays file ${source}: ${problem}`);
  };
  if (!isRecord(data) || !isRecord(data[DIVISION])) {
    return fail(`expected an object with an "${DIVISION}" division, as in gov.uk's bank-holidays.json`);
  }
  const division = data[DIVISION];
  if (division.division !== DIVISION) {
    fail(`"${DIVISION}".division must be "${DIVISION}", got ${JSON.stringify(division.division)}`);
  }
  const events = division.events;
  // An empty list would make every weekday a working day without complaint.
  if (!Array.isArray(events) || events.length === 0) {
    return fail(`"${DIVISION}".events must be a non-empty array`);
  }
  const firstSeen = new Map<string, number>();
  events.forEach((event: unknown, index) => {
    const where = `events[${index}] ${JSON.stringify(event)}`;
    if (!isRecord(event)) return fail(`${where} is not an object`);
    if (typeof event.title !== 'string' || event.title.trim() === '') fail(`${where} has no title`);
    if (!isIsoCalendarDate(event.date)) fail(`${where} has a date that is not a real YYYY-MM-DD date`);
    if (event.notes !== undefined && typeof event.notes !== 'string') fail(`${where} has non-string notes`);
    if (event.bunting !== undefined && typeof event.bunting !== 'boolean') fail(`${where} has non-boolean bunting`);
    const date = event.date as string;
    const earlier = firstSeen.get(date);
    // gov.uk never repeats a date; a repeat means a hand edit went wrong.
    if (earlier !== undefined) fail(`${where} repeats the date of events[${earlier}]`);
    firstSeen.set(date, index);
  });
  return [...firstSeen.keys()].sort();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
