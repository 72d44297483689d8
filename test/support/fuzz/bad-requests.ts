import fc from 'fast-check';
import type { CommandEndpoint, Schema } from './openapi';
import { INJECTIONS, NOT_DATES, isDateLike, isIdLike, plausible, wrongTypes } from './values';

/** One request that must be refused, and what the refusal must say. */
export interface BadRequest {
  readonly label: string;
  /** Path params by name, raw (the sender encodes them unless `rawPath`). */
  readonly params: Readonly<Record<string, string>>;
  readonly rawPath?: boolean;
  readonly body?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly statuses: readonly number[];
  /** When set and the status is 400 or 422, the problem must name this field. */
  readonly field?: string;
}

export interface EndpointContext {
  readonly endpoint: CommandEndpoint;
  /** Good values for the path params (a real case id, a real person id…). */
  readonly params: Readonly<Record<string, string>>;
  /** The endpoint reads Idempotency-Key and If-Match. */
  readonly commandHeaders: boolean;
  readonly resolve: (s: Schema) => Schema;
}

const JSON_TYPE = 'application/json';
/** The body parser's limit is 256 kB. */
const OVER_JSON_LIMIT = 300 * 1024;
const OVERSIZED = 100_000;

const injection = fc.constantFrom(...INJECTIONS);

const MALFORMED_JSON = [
  '{',
  '{"reason":',
  "{'reason':'x'}",
  '{"a":1,}',
  '[1,2',
  'nul',
  '{"a":"\\u00"}',
  '\u0000',
  '{"a":1}{"b":2}',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"__proto__":',
];

/** What HTTP lets a client put in a header at all (Node refuses the rest before sending). */
const sendable = (v: string): boolean => /^[\t\x20-\x7e]*$/.test(v);
const BAD_IDEMPOTENCY_KEYS = ['short', 'x'.repeat(201), 'has space in it', 'semi;colon;key', 'caf\xe9-caf\xe9-caf\xe9', '../../../etc', ...INJECTIONS.filter(sendable)];
const BAD_IF_MATCH = ['3', '"abc"', '"-1"', '"1"x', 'W/"x"', `"${'9'.repeat(19)}"`, '"1", "2"', ...INJECTIONS.filter(sendable)];

/** Non-UUIDs, traversal and injection as path params (encoded), plus a few raw, malformed ones. */
const BAD_PARAMS = ['not-a-uuid', '00000000-0000-0000-0000-00000000000', '0', '-1', '1e308', 'null', 'undefined', '%', ...INJECTIONS];
const RAW_BAD_PARAMS = ['%E0%A4%A', '%', '..%2f..%2fetc%2fpasswd', '%00', '%2e%2e'];

/**
 * Keys that would reach a prototype: the boundary's validation pipe refuses them at any
 * depth (class-transformer's whitelist alone once let `{"constructor": 1, ...}` through).
 */
export const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * Id fields deliberately left out of the injection checks (`<template> <property>`). Empty:
 * the last two (an erasure's personId, a referral's linkedCaseId) were tightened once the
 * fuzz found them accepting `{{7*7}}` and SQL-looking strings.
 */
const LOOSE_IDS = new Set<string>();

/** Non-empty properties of the endpoint's body schema. */
function props(ctx: EndpointContext): [string, Schema][] {
  const b = ctx.endpoint.body;
  return b.kind === 'json' ? Object.entries(b.schema.properties ?? {}).map(([k, v]) => [k, ctx.resolve(v)]) : [];
}

export function base(ctx: EndpointContext): Record<string, unknown> {
  const b = ctx.endpoint.body;
  return b.kind === 'json' ? (plausible(b.schema, ctx.resolve) as Record<string, unknown>) : {};
}

function required(ctx: EndpointContext): string[] {
  const b = ctx.endpoint.body;
  return b.kind === 'json' ? [...(b.schema.required ?? [])] : [];
}

/** JSON text of `body` with `key` first: built by hand so `__proto__` stays a plain key. */
export function withExtra(body: Record<string, unknown>, key: string, value: unknown): string {
  const rest = JSON.stringify(body).slice(1);
  return `{${JSON.stringify(key)}:${JSON.stringify(value)}${rest === '}' ? '}' : `,${rest}`}`;
}

function json(ctx: EndpointContext, label: string, body: string, statuses: readonly number[], field?: string): BadRequest {
  return { label, params: ctx.params, body, contentType: JSON_TYPE, statuses, field };
}

/** Every kind of bad body this endpoint's schema allows. */
function bodyMutations(ctx: EndpointContext): fc.Arbitrary<BadRequest>[] {
  if (ctx.endpoint.body.kind !== 'json') return [];
  const good = base(ctx);
  const all = props(ctx);
  const req = required(ctx);
  const known = new Set(all.map(([k]) => k));
  const out: fc.Arbitrary<BadRequest>[] = [];

  if (all.length > 0) {
    out.push(
      fc.constantFrom(...all).chain(([name, schema]) =>
        fc.constantFrom(...wrongTypes(schema, req.includes(name) && !schema.nullable)).map((value) =>
          json(ctx, `wrong type for ${name}: ${JSON.stringify(value)}`, JSON.stringify({ ...good, [name]: value }), [400], name),
        ),
      ),
    );
  }
  if (req.length > 0) {
    out.push(
      fc.subarray(req, { minLength: 1 }).map((missing) => {
        const body = Object.fromEntries(Object.entries(good).filter(([k]) => !missing.includes(k)));
        return json(ctx, `missing ${missing.join(', ')}`, JSON.stringify(body), [400], missing[0]);
      }),
    );
  }
  const extraKey = fc.oneof(
    fc.constantFrom('$where', 'isAdmin', 'forceId', 'actor', 'revision', 'status', '\u202Estatus', '👩‍⚕️', ...PROTOTYPE_KEYS),
    fc.string({ minLength: 1, maxLength: 24 }),
  );
  out.push(
    fc
      .tuple(extraKey.filter((k) => !known.has(k)), fc.oneof(injection, fc.jsonValue({ maxDepth: 2 })))
      .map(([key, value]) => json(ctx, `unknown property ${JSON.stringify(key)}`, withExtra(good, key, value), [400], key)),
  );

  const strings = all.filter(([, s]) => s.type === 'string' && !s.enum);
  if (strings.length > 0) {
    out.push(
      fc.constantFrom(...strings).map(([name]) =>
        json(ctx, `${OVERSIZED} characters in ${name}`, JSON.stringify({ ...good, [name]: 'x'.repeat(OVERSIZED) }), [400], name),
      ),
    );
    // Free text may legitimately hold any of these; an unknown property makes the request bad
    // so the injection travels through parsing and validation but is never stored.
    out.push(
      fc.tuple(fc.constantFrom(...strings), injection).map(([[name], value]) =>
        json(ctx, `injection ${JSON.stringify(value)} in ${name} (+ unknown property)`, withExtra({ ...good, [name]: value }, 'fuzzUnknown', 1), [400], 'fuzzUnknown'),
      ),
    );
  }
  // Vocabulary, ids and dates are checked: injection there is a field error of its own.
  const checked = all.filter(
    ([name, s]) => (s.enum || isIdLike(name) || isDateLike(name, s) || s.items?.enum) && !LOOSE_IDS.has(`${ctx.endpoint.template} ${name}`),
  );
  if (checked.length > 0) {
    out.push(
      fc.tuple(fc.constantFrom(...checked), fc.oneof(injection, fc.constantFrom(...NOT_DATES))).map(([[name, s], value]) => {
        const bad = s.type === 'array' ? [value] : value;
        // A value shaped like an id that names nothing (e.g. "NaN" as a staff number) is a 404.
        return json(ctx, `${JSON.stringify(value)} as ${name}`, JSON.stringify({ ...good, [name]: bad }), isIdLike(name) ? [400, 404, 422] : [400, 422], name);
      }),
    );
  }
  return out;
}

/** Bad input every command endpoint must refuse, whatever its body. */
function envelopeMutations(ctx: EndpointContext): fc.Arbitrary<BadRequest>[] {
  const good = JSON.stringify(base(ctx));
  const p = ctx.params;
  const out: fc.Arbitrary<BadRequest>[] = [
    fc.constantFrom(...MALFORMED_JSON).map((body) => ({ label: `malformed JSON ${JSON.stringify(body)}`, params: p, body, contentType: JSON_TYPE, statuses: [400] })),
  ];
  if (ctx.commandHeaders) out.push(
    fc.constantFrom(...BAD_IDEMPOTENCY_KEYS).map((key) => ({
      label: `Idempotency-Key ${JSON.stringify(key)}`,
      params: p,
      body: good,
      contentType: JSON_TYPE,
      headers: { 'Idempotency-Key': key },
      statuses: [422],
      field: 'Idempotency-Key',
    })),
    fc.constantFrom(...BAD_IF_MATCH).map((value) => ({
      label: `If-Match ${JSON.stringify(value)}`,
      params: p,
      body: good,
      contentType: JSON_TYPE,
      headers: { 'If-Match': value },
      statuses: [422],
      field: 'If-Match',
    })),
  );
  if (ctx.endpoint.pathParams.length > 0) {
    out.push(
      fc.tuple(fc.constantFrom(...ctx.endpoint.pathParams), fc.constantFrom(...BAD_PARAMS)).map(([name, value]) => ({
        label: `path param ${name} = ${JSON.stringify(value)}`,
        params: { ...p, [name]: value },
        body: good,
        contentType: JSON_TYPE,
        statuses: [400, 404, 409, 422],
      })),
      fc.tuple(fc.constantFrom(...ctx.endpoint.pathParams), fc.constantFrom(...RAW_BAD_PARAMS)).map(([name, value]) => ({
        label: `raw path param ${name} = ${value}`,
        params: { ...Object.fromEntries(Object.entries(p).map(([k, v]) => [k, encodeURIComponent(v)])), [name]: value },
        rawPath: true,
        body: good,
        contentType: JSON_TYPE,
        statuses: [400, 404, 409, 422],
      })),
    );
  }
  return out;
}

const CSV_HEADERS = ['referral_ref,submitted_at,subject_id', 'incident_ref,occurred_at,incident_type', 'leaver_ref,person_id,name'];

/** Files an import must refuse as a whole: wrong columns, broken quoting, bad rows, junk. */
function csvMutations(ctx: EndpointContext): fc.Arbitrary<BadRequest>[] {
  const p = ctx.params;
  const csv = (label: string, body: string, statuses: readonly number[] = [400, 415, 422], contentType = 'text/csv'): BadRequest => ({
    label,
    params: p,
    body,
    contentType,
    statuses,
  });
  const cell = fc.oneof(injection, fc.string({ maxLength: 30 }), fc.constantFrom(...NOT_DATES));
  return [
    fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }).map((rows) =>
      csv('random cells', rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n')),
    ),
    fc.tuple(fc.constantFrom(...CSV_HEADERS), fc.array(cell, { minLength: 1, maxLength: 4 })).map(([header, row]) =>
      csv('a truncated header with bad rows', `${header}\n${row.join(',')}\n`),
    ),
    fc.constantFrom(
      'a,b\n"unclosed,quote\n',
      '\uFEFF"x"",y\n1,2',
      'col\n' + 'x'.repeat(200_000),
      Array.from({ length: 3000 }, (_, i) => `c${i}`).join(',') + '\n1',
      '\u0000\u0000\u0000',
      ',,,,\n,,,,',
      '=cmd|" /C calc"!A0,@SUM(1+1)\n+1,-1',
    ).map((body) => csv(`malformed CSV ${JSON.stringify(body.slice(0, 40))}`, body)),
    fc.constantFrom(' ', '\n\n', '').map((body) => csv(`empty CSV ${JSON.stringify(body)}`, body, [400, 415])),
    fc.constantFrom(['application/json', '{"rows":[]}'], ['application/xml', '<rows/>'], ['application/x-www-form-urlencoded', 'a=1']).map(([type, body]) =>
      csv(`import as ${type}`, body as string, [400, 415], type as string),
    ),
  ];
}

/** Anything this endpoint should refuse; the body-over-limit case is separate (it is slow to generate). */
export function badRequests(ctx: EndpointContext): fc.Arbitrary<BadRequest> {
  // A CSV import is not JSON: malformed JSON is the one envelope mutation it does not get.
  const kinds = ctx.endpoint.body.kind === 'csv' ? [...csvMutations(ctx), ...envelopeMutations(ctx).slice(1)] : [...bodyMutations(ctx), ...envelopeMutations(ctx)];
  return fc.oneof(...kinds);
}

export function overLimit(ctx: EndpointContext): BadRequest {
  const body = ctx.endpoint.body.kind === 'csv' ? null : JSON.stringify({ ...base(ctx), padding: 'x'.repeat(OVER_JSON_LIMIT) });
  return body === null
    ? { label: 'a CSV over 10 MB', params: ctx.params, body: 'a,b\n' + 'x,y\n'.repeat(2_700_000), contentType: 'text/csv', statuses: [413] }
    : { label: 'a JSON body over 256 kB', params: ctx.params, body, contentType: JSON_TYPE, statuses: [413] };
}

export function wrongContentTypes(ctx: EndpointContext): BadRequest[] {
  if (ctx.endpoint.body.kind !== 'json' || required(ctx).length === 0) return [];
  const good = base(ctx);
  return [
    { label: 'JSON sent as text/plain', params: ctx.params, body: JSON.stringify(good), contentType: 'text/plain', statuses: [400, 415] },
    { label: 'JSON sent as application/xml', params: ctx.params, body: JSON.stringify(good), contentType: 'application/xml', statuses: [400, 415] },
  ];
}

/** The body as an HTML form would post it (strings only). */
export function formPost(ctx: EndpointContext): BadRequest | undefined {
  if (ctx.endpoint.body.kind !== 'json' || required(ctx).length === 0) return undefined;
  const form = new URLSearchParams(Object.entries(base(ctx)).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
  return { label: 'a form post', params: ctx.params, body: form, contentType: 'application/x-www-form-urlencoded', statuses: [400, 415] };
}
