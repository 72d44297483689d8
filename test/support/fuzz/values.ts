import type { Schema } from './openapi';

/** Strings an attacker tries first: SQL, markup, templates, paths, NUL, RTL overrides, emoji, operators. */
export const INJECTIONS: readonly string[] = [
  "'; drop table es_events; --",
  "' or '1'='1",
  '1; select pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'nul\u0000byte',
  '\u202Egnp.exe',
  '👩‍⚕️🚓💥',
  '{"$where":"sleep(1000)"}',
  '$where',
  '%00%27',
  'a\r\nSet-Cookie: x=1',
];

/** Strings that are not instants or dates, some of them nearly. */
export const NOT_DATES: readonly string[] = [
  'not a date',
  '2026-13-45',
  '2026-02-30T10:00:00Z',
  '2026-11-20T25:61:00Z',
  '20261120',
  '+275760-09-13T00:00:00Z',
  '0000-00-00',
  'NaN',
  '',
];

/** A JSON-serialisable value that is not of the schema's type (null only where null is invalid). */
export function wrongTypes(schema: Schema, nullInvalid: boolean): unknown[] {
  const always: unknown[] = nullInvalid ? [null] : [];
  switch (schema.type) {
    case 'string':
      return [...always, 42, -1.5, 1e308, true, false, [], ['x'], {}, { $gt: '' }];
    case 'number':
    case 'integer':
      return [...always, '1', 'NaN', 'Infinity', '1e999', '', true, [], [1], {}, 1.5, -1, 1e308, Number.MAX_SAFE_INTEGER + 2];
    case 'boolean':
      return [...always, 'true', 'false', 1, 0, 'yes', [], [true], {}];
    case 'array':
      return [...always, 'a', 1, true, {}, { 0: 'a', length: 1 }];
    case 'object':
    default:
      return [...always, 'x', 1, true, [], [{}]];
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

export function isDateLike(name: string, schema: Schema): boolean {
  return (typeof schema.example === 'string' && ISO_DATE.test(schema.example)) || /(At|Date)$/.test(name);
}

/** Person and case ids: a pattern (or UUID) must refuse anything with spaces, quotes or markup. */
export function isIdLike(name: string): boolean {
  return /(Id|Ids|By)$/.test(name);
}

/**
 * A plausible body from the schema (examples, first enum values, nested objects), so that
 * one mutation at a time is what the validation pipe has to catch.
 */
export function plausible(schema: Schema, resolve: (s: Schema) => Schema, name = ''): unknown {
  const s = resolve(schema);
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'boolean':
      return false;
    case 'number':
    case 'integer':
      return 1;
    case 'array':
      return s.items && resolve(s.items).type === 'object' ? [plausible(s.items, resolve)] : [];
    case 'string':
      if (/At$/.test(name)) return new Date(Date.now() - 3_600_000).toISOString();
      if (/Date$/.test(name)) return new Date().toISOString().slice(0, 10);
      if (isIdLike(name)) return 'fz-person-1';
      return 'A plausible fuzz value';
    default:
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v, resolve, k)]));
  }
}
