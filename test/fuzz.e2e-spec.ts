import fc from 'fast-check';
import request from 'supertest';
import type { App } from 'supertest/types';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';
import { badRequests, base, formPost, overLimit, PROTOTYPE_KEYS, withExtra, wrongContentTypes, type BadRequest, type EndpointContext } from './support/fuzz/bad-requests';
import { createRealCases, RESOURCES, type RealCases } from './support/fuzz/cases';
import { commandEndpoints, resolve, type CommandEndpoint, type OpenApiDocument } from './support/fuzz/openapi';
import { problemsWith } from './support/fuzz/problem';
import { changes, settled, storeSnapshotter, type StoreSnapshot } from './support/fuzz/store';

/**
 * Bad input at every command endpoint the OpenAPI document lists: wrong types, missing and
 * unknown properties, oversized strings and bodies, injection strings, malformed JSON and
 * CSV, wrong content types, bad Idempotency-Key / If-Match headers and bad path params.
 * Each must get a clear 4xx problem+json (naming the field when it is about one, leaking no
 * internals) and leave the event store and every read model exactly as they were.
 * Endpoints on a case are fuzzed against a real case of that kind, so bodies reach the
 * deciders rather than stopping at 404. Fixed seed: CI replays the same inputs.
 */
const FORCE = 'force-fuzz';
const SEED = 20_261_125;
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

let e2e: E2eApp;
let http: App;
let doc: OpenApiDocument;
let endpoints: CommandEndpoint[];
let real: RealCases;
let snapshot: () => Promise<StoreSnapshot>;
let initial: StoreSnapshot;

beforeAll(async () => {
  e2e = await startE2eApp({ queue: `casework-e2e-fuzz-${process.pid}` });
  http = e2e.app.getHttpServer() as App;
  doc = (await request(http).get('/api/docs-json').expect(200)).body as OpenApiDocument;
  endpoints = commandEndpoints(doc);
  real = await createRealCases(http, FORCE);
  // Set-up's projections and process managers are done: from here on nothing may change.
  snapshot = await storeSnapshotter(e2e.pool);
  initial = await settled(snapshot);
}, 60_000);

afterAll(async () => {
  await e2e?.close();
});

function contextOf(endpoint: CommandEndpoint): EndpointContext {
  const params = Object.fromEntries(
    endpoint.pathParams.map((name) => [name, name === 'id' ? (real.ids[endpoint.resource] as string) : (real.extraParams[name] as string)]),
  );
  return { endpoint, params, commandHeaders: RESOURCES[endpoint.resource]?.commandHeaders ?? false, resolve: (s) => resolve(doc, s) };
}

function send(endpoint: CommandEndpoint, req: BadRequest, headers: Record<string, string>): request.Test {
  const path = endpoint.template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = req.params[name] as string;
    return req.rawPath ? value : encodeURIComponent(value);
  });
  let test = request(http)[endpoint.method](path).set(headers);
  for (const [k, v] of Object.entries(req.headers ?? {})) test = test.set(k, v);
  if (req.contentType) test = test.set('Content-Type', req.contentType);
  return req.body === undefined ? test : test.send(req.body);
}

/** Sends one bad request; throws (for fast-check) unless it is a clear refusal that changed nothing. */
async function refuses(endpoint: CommandEndpoint, req: BadRequest, headers: Record<string, string>): Promise<void> {
  const before = await snapshot();
  const res = await send(endpoint, req, headers);
  const problems = [...problemsWith(res, req), ...changes(before, await snapshot()).map((c) => `the store changed: ${c}`)];
  if (problems.length > 0) {
    throw new Error(`${endpoint.method.toUpperCase()} ${endpoint.template} with ${req.label}: ${problems.join('; ')}\n${res.status} ${res.text.slice(0, 600)}`);
  }
}

describe('bad input at every command endpoint', () => {
  it('finds the command endpoints in the OpenAPI document, each with a role and a real case to aim at', () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(80);
    const unhandled = endpoints.filter(
      (e) =>
        !RESOURCES[e.resource] ||
        (e.pathParams.includes('id') && !real.ids[e.resource]) ||
        e.pathParams.some((p) => p !== 'id' && !real.extraParams[p]) ||
        (e.body.kind === 'json' && e.body.schema.type !== 'object'),
    );
    // A new endpoint lands here until the fuzz knows who may call it and what to aim it at.
    expect(unhandled.map((e) => `${e.method.toUpperCase()} ${e.template}`)).toEqual([]);
  });

  it('every command endpoint refuses bad input with a clear problem and changes nothing', async () => {
    const failures: string[] = [];
    let index = 0;
    for (const endpoint of endpoints) {
      index++;
      // One caller per endpoint: the per-user rate limit is never what answers.
      const headers = as(`fz-${index}`, RESOURCES[endpoint.resource]?.role ?? 'none', FORCE);
      const ctx = contextOf(endpoint);
      try {
        for (const req of [overLimit(ctx), ...wrongContentTypes(ctx)]) await refuses(endpoint, req, headers);
        await fc.assert(
          fc.asyncProperty(badRequests(ctx), (req) => refuses(endpoint, req, headers)),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
      } catch (error) {
        // fast-check keeps the property's own error (what was sent, what came back) as the cause.
        const cause = (error as { cause?: unknown }).cause;
        failures.push(cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error));
      }
    }
    expect(failures).toEqual([]);
    // Projections run behind the store: once they are idle, every read model is as it was.
    expect(changes(initial, await settled(snapshot))).toEqual([]);
  }, 120_000);

  // Once a bug: the urlencoded parser meant for the dev issuer's sign-in form parsed every
  // route's body, so an HTML form post ran a command whose fields were all strings.
  it('a form post (application/x-www-form-urlencoded) is refused by every JSON command endpoint', async () => {
    const failures: string[] = [];
    for (const endpoint of endpoints) {
      const req = formPost(contextOf(endpoint));
      if (!req) continue;
      const res = await send(endpoint, req, as('fz-form', RESOURCES[endpoint.resource]?.role ?? 'none', FORCE));
      const problems = problemsWith(res, req);
      if (problems.length > 0) failures.push(`${endpoint.template}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  // Once a bug: class-transformer assigned `__proto__` / `constructor` / `prototype` as they
  // came, so the whitelist never saw them and POST /referrals/{id}/cancel with
  // {"constructor": 1, "reason": "..."} answered 200.
  it('prototype keys (__proto__, constructor, prototype) are refused as unknown properties', async () => {
    const cancel = endpoints.find((e) => e.template === '/referrals/{id}/cancel') as CommandEndpoint;
    const ctx = contextOf(cancel);
    const failures: string[] = [];
    for (const key of PROTOTYPE_KEYS) {
      const req: BadRequest = { label: key, params: ctx.params, body: withExtra({ ...base(ctx), reason: 'A plausible reason' }, key, 1), contentType: 'application/json', statuses: [400], field: key };
      const res = await send(cancel, req, as('fz-proto', 'oh_manager', FORCE));
      if (problemsWith(res, req).length > 0) failures.push(`${key}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
