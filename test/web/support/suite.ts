import type { AddressInfo } from 'node:net';
import type { App } from 'supertest/types';
import type { Browser, Page } from 'playwright-core';
import { startE2eApp, type E2eApp } from '../../support/e2e-app';
import { chromiumAvailable, launch, newSession, type Session } from './browser';

/** `describe` when Chromium is installed, else `describe.skip` (the suite says it was skipped). */
export const describeBrowser = chromiumAvailable() ? describe : describe.skip;

export interface BrowserSuite {
  /** The whole app (api and worker), started before the file's tests. */
  readonly e2e: E2eApp;
  /** For supertest set-up calls (`request(suite.http)`). */
  readonly http: App;
  readonly baseUrl: string;
  /** A fresh browser session (own sessionStorage), closed after the file if a test fails first. */
  session(): Promise<Session>;
  /** Ends a session: no CSP violation or uncaught script error may have happened in it. */
  done(session: Session): Promise<void>;
}

/**
 * One browser test file's set-up: the app on a free port against the e2e database with the
 * file's own policies, one Chromium, and teardown of both however the tests ended.
 * Call it at the top of the file; the hooks it registers run around the file's tests.
 */
export function browserSuite(options: Parameters<typeof startE2eApp>[0]): BrowserSuite {
  let e2e: E2eApp | undefined;
  let browser: Browser | undefined;
  let baseUrl = '';
  const sessions: Session[] = [];

  beforeAll(async () => {
    e2e = await startE2eApp(options);
    await e2e.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(e2e.app.getHttpServer().address() as AddressInfo).port}`;
    if (chromiumAvailable()) browser = await launch();
  }, 60_000);

  afterAll(async () => {
    for (const s of sessions) await s.context.close().catch(() => undefined);
    await browser?.close();
    await e2e?.close();
  });

  const started = (): E2eApp => {
    if (!e2e) throw new Error('The app is not started: use the suite inside a test');
    return e2e;
  };
  return {
    get e2e() {
      return started();
    },
    get http() {
      return started().app.getHttpServer() as App;
    },
    get baseUrl() {
      return baseUrl;
    },
    async session() {
      if (!browser) throw new Error('Chromium is not running');
      const s = await newSession(browser, baseUrl);
      sessions.push(s);
      return s;
    },
    async done(s) {
      expect(s.problems).toEqual([]);
      await s.context.close();
    },
  };
}

/** A datetime-local value in this process's (and the browser's) local time; seconds when "just now" matters. */
export function localDateTime(ms: number, seconds = false): string {
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, seconds ? 19 : 16);
}

/**
 * Waits for a form's "<title>: saved" banner. Case-sensitive: "Record consent to release the
 * report: saved" must not pass for "Release the report".
 */
export const saved = (page: Page, title: string): Promise<void> =>
  page.getByRole('alert').filter({ hasText: new RegExp(`${title}: saved`) }).waitFor();

/** The case page's status tag. */
export const caseStatus = (page: Page): Promise<string> => page.getByTestId('case-status').textContent().then((t) => (t ?? '').trim());
