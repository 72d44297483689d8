import { existsSync } from 'node:fs';

/**
 * Printing the People board pack to PDF with headless Chromium (Debian's `chromium`,
 * driven by playwright-core). Offline and without JavaScript: the pack needs neither.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags this machine's Chromium needs to run headless without reaching the network. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What printing to PDF needs, checked before any work is done: each missing piece and how to get it. */
export function pdfProblems(): string[] {
  const problems: string[] = [];
  if (!existsSync(CHROMIUM)) {
    problems.push(`Chromium was not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH).`);
  }
  try {
    require.resolve('playwright-core');
  } catch {
    problems.push('playwright-core is not installed: npm install -D playwright-core');
  }
  return problems;
}

/** The few playwright-core calls used, typed here so the build does not need the package. */
interface PlaywrightCore {
  readonly chromium: {
    launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser>;
  };
}
interface Browser {
  newContext(options: { offline: boolean; javaScriptEnabled: boolean }): Promise<{ newPage(): Promise<Page> }>;
  close(): Promise<void>;
}
interface Page {
  setContent(html: string, options: { waitUntil: 'load' }): Promise<void>;
  pdf(options: {
    path: string;
    format: string;
    printBackground: boolean;
    preferCSSPageSize: boolean;
    margin: Record<'top' | 'right' | 'bottom' | 'left', string>;
  }): Promise<unknown>;
}

export async function printPdf(html: string, path: string): Promise<void> {
  const moduleName = 'playwright-core';
  const playwright = (await import(moduleName)) as PlaywrightCore;
  const browser = await playwright.chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    // Offline and without JavaScript: the pack needs neither, and must fetch nothing.
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({
      path,
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      margin: { top: '15mm', right: '15mm', bottom: '15mm', left: '15mm' },
    });
  } finally {
    await browser.close();
  }
}

