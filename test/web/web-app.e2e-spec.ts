import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { Browser, Page } from 'playwright-core';
import { as, startE2eApp, type E2eApp } from '../support/e2e-app';
import { checkAccessibility, chromiumAvailable, launch, newSession, signIn, step, type Session } from './support/browser';

/**
 * The web app in a real browser (Debian's Chromium through playwright-core) against the
 * whole application on real PostgreSQL and Redis, signing in through the development
 * issuer's user picker. Every page visited is checked with axe; every session fails on a
 * CSP violation or an uncaught script error. Triage is due within seconds, so an overdue
 * badge appears while the queue is on screen.
 */
const FORCE = 'demo';
const describeBrowser = chromiumAvailable() ? describe : describe.skip;

let e2e: E2eApp;
let browser: Browser;
let baseUrl: string;
const sessions: Session[] = [];

beforeAll(async () => {
  e2e = await startE2eApp({
    queue: `casework-web-${process.pid}`,
    policy: {
      default: {
        // Only urgent referrals go overdue within the test: the routine one worked through the
        // forms sees no timer events (a timer's event would make its open form's If-Match stale).
        triage: { routine: { duration: 'PT1H' }, urgent: { duration: 'PT4S' } },
        firstAppointment: { routine: { duration: 'PT1H' }, urgent: { duration: 'PT1H' } },
        outcomeReport: { duration: 'PT1H' },
        escalation: [
          { after: { duration: 'PT1H' }, notify: 'team_manager' },
          { after: { duration: 'PT2H' }, notify: 'head_of_wellbeing' },
        ],
      },
    },
  });
  await e2e.app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(e2e.app.getHttpServer().address() as AddressInfo).port}`;
  if (chromiumAvailable()) browser = await launch();
}, 60_000);

afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => undefined);
  await browser?.close();
  await e2e?.close();
});

async function session(): Promise<Session> {
  const s = await newSession(browser, baseUrl);
  sessions.push(s);
  return s;
}

async function done(s: Session): Promise<void> {
  expect(s.problems).toEqual([]);
  await s.context.close();
}

async function heading(page: Page): Promise<string> {
  return (await page.locator('#view h1').first().textContent())?.trim() ?? '';
}

describeBrowser('the web app in a browser', () => {
  let referralId = '';

  test('each role signs in through the user picker and lands on its own home page', async () => {
    const homes: [RegExp, string][] = [
      [/^Amara Okafor/, 'OH referrals'],
      [/^Ian Walsh/, 'TRiM activations'],
      [/^Kiran Shah/, 'Trauma support dashboard'],
      [/^Olivia Evans/, 'Welfare liaison cases'],
      [/^Rachel Kim/, 'Stay interviews'],
      [/^Sam Patel/, 'People board dashboard'],
      [/^Fiona Grant/, 'Occupational health dashboard'],
      [/^PC Victor Hall/, 'Refer a colleague to occupational health'],
    ];
    const s = await session();
    await step(s.page, 'sign-in page', async () => {
      await s.page.goto('/');
      await s.page.getByRole('heading', { name: 'Sign in to Casework' }).waitFor();
      await checkAccessibility(s.page, 'the sign-in page');
    });
    await done(s);
    for (const [who, home] of homes) {
      const r = await session();
      await step(r.page, `sign in ${who.source}`, async () => {
        await signIn(r.page, who);
        await r.page.getByRole('heading', { level: 1, name: home }).waitFor();
        await expect(r.page.getByRole('button', { name: 'Sign out' })).toBeTruthy();
        await checkAccessibility(r.page, `${home} (${who.source})`);
      });
      await done(r);
    }
  }, 60_000);

  test('an officer refers a colleague and an OH advisor works the referral from triage to closure', async () => {
    const officer = await session();
    referralId = await step(officer.page, 'officer refers a colleague', async () => {
      const page = officer.page;
      await signIn(page, /^PC Victor Hall/);
      await page.getByRole('button', { name: 'Submit referral' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter staff or collar number');
      await checkAccessibility(page, 'the referral form with errors');
      await page.getByLabel('Staff or collar number').fill('PC-5120');
      await page.getByLabel('Full name').fill('Jordan Ellis');
      await page.getByLabel('Employment type').selectOption('police_officer');
      await page.getByLabel('Department', { exact: true }).fill('Response, North');
      await page.getByLabel('Mental health').check();
      await page.getByLabel('Reason for the referral').fill('Sickness absence after a fatal collision');
      await page.getByRole('button', { name: 'Submit referral' }).click();
      await page.getByRole('heading', { name: 'Referral submitted' }).waitFor();
      await checkAccessibility(page, 'the referral confirmation');
      return ((await page.getByTestId('referral-id').textContent()) ?? '').trim();
    });
    await done(officer);
    expect(referralId).toMatch(/^[0-9a-f-]{36}$/);

    const advisor = await session();
    const page = advisor.page;
    await step(page, 'advisor finds the referral in the unassigned queue', async () => {
      await signIn(page, /^Amara Okafor/);
      await page.getByRole('heading', { name: 'OH referrals' }).waitFor();
      await page.getByRole('link', { name: 'Unassigned', exact: true }).click();
      await page.locator(`tr[data-id="${referralId}"]`).waitFor({ timeout: 15_000 });
      await checkAccessibility(page, 'the unassigned queue');
      await page.getByRole('link', { name: 'Jordan Ellis' }).click();
      await page.getByRole('heading', { level: 1, name: 'Jordan Ellis' }).waitFor();
      await checkAccessibility(page, 'the referral awaiting triage');
    });
    const status = (): Promise<string> => page.getByTestId('case-status').textContent().then((t) => (t ?? '').trim());
    const saved = async (label: string, next: string): Promise<void> => {
      await page.getByRole('alert').filter({ hasText: `${label}: saved` }).waitFor();
      expect(await status()).toBe(next);
    };
    await step(page, 'triage', async () => {
      await page.getByRole('button', { name: 'Save triage' }).click();
      await page.locator('#triage-errors').waitFor();
      expect(await page.locator('#triage-errors').textContent()).toContain('Select priority');
      await checkAccessibility(page, 'the triage form with an error');
      await page.getByLabel('High').check();
      await page.getByRole('button', { name: 'Save triage' }).click();
      await saved('Triage the referral', 'Awaiting consent');
    });
    await step(page, 'consent', async () => {
      await page.getByLabel('Yes, consent given').check();
      await page.getByRole('button', { name: 'Save consent' }).click();
      await saved('Record consent to the referral', 'Awaiting appointment');
    });
    await step(page, 'offer and book an appointment', async () => {
      const tomorrow = new Date(Date.now() + 86_400_000);
      const local = `${tomorrow.toISOString().slice(0, 10)}T10:30`;
      await page.getByLabel('Date and time').fill(local);
      await page.getByLabel('Video').check();
      await page.getByRole('button', { name: 'Offer appointment' }).click();
      await saved('Offer an appointment', 'Appointment offered');
      await page.getByRole('button', { name: 'Book appointment' }).click();
      await saved('Book the offered appointment', 'Appointment booked');
      await checkAccessibility(page, 'the booked referral');
    });
    await step(page, 'attendance and outcome', async () => {
      await page.getByLabel('Attended', { exact: true }).check();
      await page.getByRole('button', { name: 'Save attendance' }).click();
      await saved('Record attendance', 'Awaiting outcome');
      // The server's rule, shown beside the field: limited duties go with adjustments.
      await page.getByLabel('Fit with adjustments').check();
      await page.getByLabel('Phased return').check();
      await page.getByRole('button', { name: 'Save outcome' }).click();
      await page.locator('#outcome-errors').waitFor();
      expect(await page.locator('#outcome-limitedDuties-error').textContent()).toContain('limited duties');
      await checkAccessibility(page, 'the outcome form with an error');
      await page.getByLabel('Adjusted').check();
      await page.getByLabel('Clinical notes').fill('Discussed sleep and return plan.');
      await page.getByRole('button', { name: 'Save outcome' }).click();
      await saved('Record the assessment outcome', 'Report consent pending');
    });
    await step(page, 'report consent, release and close', async () => {
      await page.getByLabel('Yes, consent given').check();
      await page.getByRole('button', { name: 'Save consent' }).click();
      await saved('Record consent to release the report', 'Report ready');
      await page.getByLabel('Released to').fill('insp.noah.clarke');
      await page.getByRole('button', { name: 'Release report' }).click();
      await saved('Release the report', 'Report released');
      await page.getByRole('button', { name: 'Close referral' }).first().click();
      await saved('Close the referral', 'Closed');
      await page.getByText('This referral is finished.').waitFor();
      await page.locator('.app-timeline__item').nth(8).waitFor();
      await checkAccessibility(page, 'the closed referral');
    });
    await done(advisor);
  }, 60_000);

  test('an overdue badge appears on the open queue without reloading the page', async () => {
    const http = e2e.app.getHttpServer() as App;
    const res = await request(http)
      .post('/referrals')
      .set(as('pc.victor.hall', 'officer', FORCE))
      .send({
        subjectId: 'PC-7781',
        subjectName: 'Robin Shaw',
        employmentType: 'police_staff',
        department: 'Force Contact',
        source: 'self',
        category: 'physical_health',
        urgency: 'urgent',
        reason: 'Back injury at work',
      })
      .expect(201);
    const id = res.body.referralId as string;
    const s = await session();
    await step(s.page, 'overdue badge', async () => {
      await signIn(s.page, /^Fiona Grant/);
      await s.page.getByRole('link', { name: 'OH referrals', exact: true }).click();
      await s.page.getByRole('heading', { name: 'OH referrals' }).waitFor();
      await s.page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
      const row = s.page.locator(`tr[data-id="${id}"]`);
      await row.waitFor({ timeout: 15_000 });
      await row.locator('[data-badge="overdue"]').waitFor({ timeout: 20_000 });
      expect(await s.page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
      expect(await row.textContent()).toContain('overdue by');
      await checkAccessibility(s.page, 'the queue with an overdue referral');
    });
    await done(s);
  }, 45_000);

  test('an OH manager lands on a dashboard of charts, each with its table and CSV, under one filter bar', async () => {
    await request(e2e.app.getHttpServer() as App)
      .post('/referrals')
      .set(as('pc.victor.hall', 'officer', FORCE))
      .send({
        subjectId: 'PC-6610',
        subjectName: 'Casey Moore',
        employmentType: 'police_staff',
        department: 'Custody',
        source: 'management',
        category: 'mental_health',
        urgency: 'routine',
        reason: 'Low mood after a death in custody',
      })
      .expect(201);
    const s = await session();
    await step(s.page, 'dashboard', async () => {
      const page = s.page;
      await signIn(page, /^Fiona Grant/);
      await page.getByRole('heading', { level: 1, name: 'Occupational health dashboard' }).waitFor();
      for (const report of ['referrals-by-employment-type', 'referrals-by-category', 'referral-backlog', 'referral-deadlines']) {
        await page.locator(`#panel-${report} svg.app-chart`).waitFor({ timeout: 15_000 });
      }
      expect(await page.locator('section.app-panel').count()).toBe(4);
      await page.locator('#panel-referral-backlog summary').click();
      await page.locator('#panel-referral-backlog-table').waitFor();
      await checkAccessibility(page, 'the OH dashboard');
      await page.getByLabel('Employment type', { exact: true }).selectOption('police_staff');
      await page.getByRole('button', { name: 'Update dashboard' }).click();
      await page.waitForURL(/employmentType=police_staff/);
      await page.locator('#panel-referral-backlog svg.app-chart').waitFor({ timeout: 15_000 });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#panel-referral-backlog').getByRole('button', { name: /^Download CSV/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^referral-backlog.*\.csv$/);
      expect(readFileSync(await download.path(), 'utf8').split(/\r?\n/)[0]).toContain('ageBand');
      await checkAccessibility(page, 'the filtered OH dashboard');
    });
    await done(s);
  }, 45_000);

  test('an HR analyst cannot open a clinical record: the page says so and the API answers 403', async () => {
    const s = await session();
    await step(s.page, 'hr denied', async () => {
      await signIn(s.page, /^Sam Patel/);
      await s.page.getByRole('heading', { name: 'People board dashboard' }).waitFor();
      expect(await s.page.getByRole('link', { name: 'OH referrals', exact: true }).count()).toBe(0);
      await s.page.goto(`/#/referrals/${referralId}`);
      await s.page.getByTestId('access-denied').waitFor();
      expect(await heading(s.page)).toBe('You do not have access to this page');
      const status = await s.page.evaluate(async (id) => {
        const token = (JSON.parse(sessionStorage.getItem('casework.session') ?? '{}') as { accessToken?: string }).accessToken;
        return (await fetch(`/referrals/${id}`, { headers: { Authorization: `Bearer ${token}` } })).status;
      }, referralId);
      expect(status).toBe(403);
      await checkAccessibility(s.page, 'the access-denied page');
    });
    await done(s);
  });

  test('an OH manager opens a report with its chart and downloads the table as CSV', async () => {
    const s = await session();
    await step(s.page, 'csv download', async () => {
      const page = s.page;
      await signIn(page, /^Fiona Grant/);
      await page.getByRole('link', { name: 'Reports' }).click();
      await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
      await checkAccessibility(page, 'the report catalogue');
      await page.getByRole('link', { name: 'OH referrals by period and employment type' }).click();
      await page.locator('#report-table').waitFor();
      await checkAccessibility(page, 'a report');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download this table as CSV' }).click()]);
      const file = await download.path();
      const header = readFileSync(file, 'utf8').split(/\r?\n/)[0];
      expect(download.suggestedFilename()).toMatch(/^referrals-by-employment-type.*\.csv$/);
      expect(header).toContain('period');
      expect(header).toContain('employmentType');
    });
    await done(s);
  });
});
