import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import type { App } from 'supertest/types';
import { loadConfig } from '@casework/core/config/app-config';
import { e2eDatabaseUrl, e2eRedisUrl } from '@casework/core/testing/postgres';
import { hasPermission, PERMISSIONS, type Permission } from '@casework/identity/permissions';
import { resolvePermission } from '@casework/identity/permit.decorator';
import { ALL_ROLES } from '@casework/identity/roles';
import { TEST_ISSUER_KEY } from '@casework/identity/testing/test-tokens';
import { REFERRAL_PERMISSIONS } from '@casework/referral/application/referral-access';
import { ALL_REPORTS } from '@casework/reporting/report-registry';
import { RETENTION_PERMISSIONS } from '@casework/retention/application/retention-access';
import { TRAUMA_PERMISSIONS } from '@casework/trauma/application/trauma-access';
import { AppModule } from '../apps/api/src/app.module';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * Walks every HTTP route × every role against the permission matrix (permissions.ts):
 * a role without the route's permission gets 403 problem+json before any validation or
 * lookup; a role with it never sees 401/403; no token at all is 401 with a Bearer
 * challenge; public routes answer anyone. Routes come from Nest's own metadata (not the
 * OpenAPI document), and the running app's route table is checked against them, so an
 * endpoint missing from the docs, or added to Express behind Nest's back, cannot escape.
 */

interface Route {
  readonly method: string;
  readonly path: string;
  readonly controller: string;
  readonly handler: string;
  readonly permission: Permission | 'public' | undefined;
}

const scanner = new MetadataScanner();
const reflector = new Reflector();

const asArray = <T>(value: T | readonly T[] | undefined, fallback: T): readonly T[] =>
  value === undefined ? [fallback] : Array.isArray(value) ? value : [value as T];

function joinPath(...parts: string[]): string {
  const segments = parts.flatMap((p) => p.split('/')).filter((s) => s.length > 0);
  return `/${segments.join('/')}`;
}

/** Every route a controller class serves, its inherited handlers included. */
function routesOf(controller: Type): Route[] {
  const prefixes = asArray<string>(Reflect.getMetadata(PATH_METADATA, controller), '/');
  const prototype = controller.prototype as Record<string, unknown>;
  return scanner.getAllMethodNames(prototype).flatMap((name) => {
    const handler = prototype[name] as object;
    const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
    if (paths === undefined) return [];
    const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
    const permission = resolvePermission(reflector, handler, controller);
    return prefixes.flatMap((prefix) =>
      asArray(paths, '/').map((path) => ({ method, path: joinPath(prefix, path), controller: controller.name, handler: name, permission })),
    );
  });
}

/** The controllers of a module graph, read from its metadata without starting it. */
function controllersOf(root: DynamicModule): Type[] {
  const seen = new Set<unknown>();
  const found = new Set<Type>();
  const visit = (entry: unknown): void => {
    if (!entry || seen.has(entry) || entry instanceof Promise) return;
    seen.add(entry);
    const dynamic = typeof entry === 'object' && 'module' in entry ? (entry as DynamicModule) : undefined;
    const moduleClass = (dynamic?.module ?? entry) as Type;
    const meta = <T>(key: string): T[] => (Reflect.getMetadata(key, moduleClass) as T[] | undefined) ?? [];
    for (const c of [...meta<Type>(MODULE_METADATA.CONTROLLERS), ...(dynamic?.controllers ?? [])]) found.add(c);
    for (const i of [...meta<unknown>(MODULE_METADATA.IMPORTS), ...(dynamic?.imports ?? [])]) visit(i);
  };
  visit(root);
  return [...found];
}

const routeKey = (r: Pick<Route, 'method' | 'path'>): string => `${r.method} ${r.path}`;

// The same configuration startE2eApp boots with: the routes are known before any test runs,
// so each gets its own `it`; the first test proves the running app serves exactly these.
const STATIC_ROUTES: readonly Route[] = controllersOf(
  AppModule.forRoot({
    config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: e2eDatabaseUrl(), REDIS_URL: e2eRedisUrl(), ROLE: 'all' }),
    logger: pino({ level: 'silent' }),
    devIssuerKey: TEST_ISSUER_KEY,
  }),
)
  .flatMap(routesOf)
  .sort((a, b) => routeKey(a).localeCompare(routeKey(b)));

/**
 * Express routes that are not Nest handlers and need no permission: the OpenAPI document
 * and UI, and the every-method `/{*path}` entries Nest registers for middleware applied to
 * all routes (request logging), which pass each request on to the real route.
 */
const NON_NEST_ROUTES = /^(\/api\/docs(-json|-yaml)?(\/.*)?|\/\{\*path\})$/;
const REPORT_ROLES = new Map(ALL_REPORTS.map((r) => [r.name, r.roles]));
const HEADERS = new Map(ALL_ROLES.map((role) => [role, as('matrix-user', role, 'force-e2e')]));

let e2e: E2eApp;
let http: App;

beforeAll(async () => {
  e2e = await startE2eApp({ queue: `casework-e2e-matrix-${process.pid}` });
  const server = e2e.app.getHttpServer();
  // Listening once lets supertest send a route's requests side by side.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  http = server as App;
});

afterAll(async () => {
  await e2e?.close();
});

/** Concrete URLs for a route: ids are random UUIDs; `/reports/:name` is every report. */
function urlsFor(route: Route): { url: string; reportRoles?: readonly string[] }[] {
  const fill = (name: string): string => (name === 'kind' ? 'triage' : randomUUID());
  if (route.path === '/reports/:name') {
    return [...REPORT_ROLES].map(([name, roles]) => ({ url: `/reports/${name}`, reportRoles: roles }));
  }
  return [{ url: route.path.replace(/:(\w+)/g, (_, name: string) => fill(name)) }];
}

function send(method: string, url: string, headers: Record<string, string>): request.Test {
  const agent = request(http);
  const test = method === 'GET' ? agent.get(url) : method === 'POST' ? agent.post(url) : method === 'PUT' ? agent.put(url)
    : method === 'PATCH' ? agent.patch(url) : method === 'DELETE' ? agent.delete(url) : agent.head(url);
  test.set(headers);
  return method === 'GET' || method === 'HEAD' || method === 'DELETE' ? test : test.send({});
}

const isProblem = (res: request.Response): boolean => /^application\/problem\+json/.test(String(res.headers['content-type']));

/** Every disagreement between what the matrix says and what the route answered. */
async function walk(route: Route): Promise<string[]> {
  const problems: string[] = [];
  const { permission } = route;
  if (permission === undefined) return [`${routeKey(route)} declares neither @Permit nor @Public`];
  for (const { url, reportRoles } of urlsFor(route)) {
    const label = `${route.method} ${url}`;
    const byRole = await Promise.all(
      ALL_ROLES.map(async (role) => ({ role, res: await send(route.method, url, HEADERS.get(role) as Record<string, string>) })),
    );
    for (const { role, res } of byRole) {
      const allowed = permission === 'public' || (hasPermission(role, permission) && (reportRoles?.includes(role) ?? true));
      if (!allowed) {
        const named = JSON.stringify(res.body).includes(permission) || JSON.stringify(res.body).includes(role);
        if (res.status !== 403 || !isProblem(res) || !named) {
          problems.push(`${label} ${role} expected 403 problem+json naming ${permission} or the role, got ${res.status} ${String(res.headers['content-type'])}`);
        }
      } else if (res.status === 401 || res.status === 403 || (res.status >= 500 && route.path !== '/health')) {
        problems.push(`${label} ${role} expected allowed (not 401/403/5xx), got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    }
    const anonymous = await send(route.method, url, {});
    if (permission === 'public') {
      if (anonymous.status === 401 || anonymous.status === 403) problems.push(`${label} no token expected public, got ${anonymous.status}`);
    } else if (anonymous.status !== 401 || !isProblem(anonymous) || !/^Bearer\b/.test(String(anonymous.headers['www-authenticate']))) {
      problems.push(`${label} no token expected 401 problem+json with WWW-Authenticate: Bearer, got ${anonymous.status} (${String(anonymous.headers['www-authenticate'])})`);
    }
  }
  return problems;
}

describe('the access matrix, every route × every role', () => {
  it('the running app serves exactly the routes walked here, and every one declares a permission or is public', () => {
    const nest = [...e2e.app.get(ModulesContainer).values()]
      .flatMap((m) => [...m.controllers.values()].map((w) => w.metatype as Type | null))
      .filter((c): c is Type => c !== null)
      .flatMap(routesOf);
    expect(nest.map(routeKey).sort()).toEqual(STATIC_ROUTES.map(routeKey));

    const router = (e2e.app.getHttpAdapter().getInstance() as Express).router as unknown as {
      stack: { route?: { path: string; methods: Record<string, boolean> } }[];
    };
    const nestKeys = new Set(nest.map(routeKey));
    const strays = router.stack
      .flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route?.path ?? ''}`) : []))
      .filter((key) => !nestKeys.has(key) && !NON_NEST_ROUTES.test(key.split(' ')[1] ?? ''));
    expect(strays).toEqual([]);

    expect(STATIC_ROUTES.filter((r) => r.permission === undefined).map((r) => `${routeKey(r)} (${r.controller}.${r.handler})`)).toEqual([]);
  });

  it.each(STATIC_ROUTES.map((r) => [routeKey(r), r] as const))('%s', async (_, route) => {
    expect(await walk(route)).toEqual([]);
  });
});

describe('resolvePermission', () => {
  it('an inherited case route takes the permission its concrete controller names for the slot', () => {
    const trim = STATIC_ROUTES.find((r) => r.controller === 'TrimController' && r.path === '/trim/:id/deadlines/:kind/waive');
    const incident = STATIC_ROUTES.find((r) => r.controller === 'IncidentsController' && r.path === '/incidents/:id/timeline');
    expect(trim?.permission).toBe('trauma.manageTrim');
    expect(incident?.permission).toBe('trauma.readIncident');
  });
});

describe('the handlers’ own checks (defence in depth) agree with the matrix', () => {
  // Each route's @Permit('<area>.<name>') was taken from its handler's assert<Area>Permission(role, '<name>'),
  // so equal role lists mean the guard and the handler never disagree, even on commands whose
  // empty-bodied requests above stop at validation before reaching the handler's check.
  const sorted = (roles: readonly string[]): string[] => [...roles].sort();
  it.each([
    ['referral', REFERRAL_PERMISSIONS],
    ['trauma', TRAUMA_PERMISSIONS],
    ['retention', RETENTION_PERMISSIONS],
  ] as const)('%s', (area, table) => {
    const matrix = PERMISSIONS[area] as Record<string, readonly string[]>;
    const disagreements = Object.entries(table as Record<string, 'anyone' | readonly string[]>)
      // 'anyone' predates the matrix: the guard narrows it to the in-force roles first.
      .filter(([name, roles]) => roles !== 'anyone' && JSON.stringify(sorted(roles)) !== JSON.stringify(sorted(matrix[name] ?? [])))
      .map(([name, roles]) => `${area}.${name}: handler ${sorted(roles as readonly string[]).join(',')} / matrix ${sorted(matrix[name] ?? []).join(',')}`);
    expect(disagreements).toEqual([]);
  });
});
