import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/**
 * A fresh browser session (its own sessionStorage) that records every CSP violation and
 * uncaught page error, so a test can fail on them: the app must run under the API's CSP.
 */
export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
}

export async function newSession(browser: Browser, baseUrl: string): Promise<Session> {
  const context = await browser.newContext({ baseURL: baseUrl, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

/** Sign in through the dev issuer's user picker, as a person would. */
export async function signIn(page: Page, buttonName: RegExp | string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: buttonName }).click();
  await page.waitForURL(/#\/(?!signin)[a-z]/);
  await page.locator('#view h1').waitFor();
}

/**
 * axe on the page as it stands (WCAG 2.0–2.2 A/AA): fails on serious or critical
 * violations with a readable list. axe is evaluated through the DevTools protocol, so the
 * page's own CSP stays on.
 */
export async function checkAccessibility(page: Page, where: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: tags });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, AXE_TAGS);
  if (violations.length > 0) throw new Error(`Accessibility problems on ${where}:\n  ${violations.join('\n  ')}`);
}

interface AxeViolation {
  impact: string | null;
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Run a browser step; on failure save a full-page screenshot named after it, then rethrow. */
export async function step<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    throw new Error(`${name} failed (screenshot: ${file}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
