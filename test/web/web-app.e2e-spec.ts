import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { waitFor } from '@casework/core/testing/wait-for';
import { as } from '../support/e2e-app';
import { checkAccessibility, signIn, step } from './support/browser';
import { browserSuite, caseStatus, describeBrowser, localDateTime, saved } from './support/suite';

/**
 * The web app in a real browser (Debian's Chromium through playwright-core) against the
 * whole application on real PostgreSQL and Redis, signing in through the development
 * issuer's user picker. Every page visited is checked with axe; every session fails on a
 * CSP violation or an uncaught script error. Triage is due within seconds, so an overdue
 * badge appears while the queue is on screen.
 */
const FORCE = 'demo';
const suite = browserSuite({
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

const TRIM_ITEMS = [
  'felt_out_of_control',
  'life_threatened',
  'blames_others',
  'shame_or_guilt',
  'historic_trauma_problems',
  'lacks_social_support',
  'day_to_day_functioning_problems',
  'excessive_alcohol_use',
  'acute_stress_symptoms',
  'avoidance',
];

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
    const s = await suite.session();
    await step(s.page, 'sign-in page', async () => {
      await s.page.goto('/');
      await s.page.getByRole('heading', { name: 'Sign in to Casework' }).waitFor();
      await checkAccessibility(s.page, 'the sign-in page');
    });
    await suite.done(s);
    for (const [who, home] of homes) {
      const r = await suite.session();
      await step(r.page, `sign in ${who.source}`, async () => {
        await signIn(r.page, who);
        await r.page.getByRole('heading', { level: 1, name: home }).waitFor();
        await expect(r.page.getByRole('button', { name: 'Sign out' })).toBeTruthy();
        await checkAccessibility(r.page, `${home} (${who.source})`);
      });
      await suite.done(r);
    }
  }, 60_000);

  test('an officer refers a colleague and an OH advisor works the referral from triage to closure', async () => {
    const officer = await suite.session();
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
    await suite.done(officer);
    expect(referralId).toMatch(/^[0-9a-f-]{36}$/);

    const advisor = await suite.session();
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
    const savedAs = async (title: string, next: string): Promise<void> => {
      await saved(page, title);
      expect(await caseStatus(page)).toBe(next);
    };
    await step(page, 'triage', async () => {
      await page.getByRole('button', { name: 'Save triage' }).click();
      await page.locator('#triage-errors').waitFor();
      expect(await page.locator('#triage-errors').textContent()).toContain('Select priority');
      await checkAccessibility(page, 'the triage form with an error');
      await page.getByLabel('High').check();
      await page.getByRole('button', { name: 'Save triage' }).click();
      await savedAs('Triage the referral', 'Awaiting consent');
    });
    await step(page, 'consent', async () => {
      await page.getByLabel('Yes, consent given').check();
      await page.getByRole('button', { name: 'Save consent' }).click();
      await savedAs('Record consent to the referral', 'Awaiting appointment');
    });
    await step(page, 'offer and book an appointment', async () => {
      const tomorrow = new Date(Date.now() + 86_400_000);
      const local = `${tomorrow.toISOString().slice(0, 10)}T10:30`;
      await page.getByLabel('Date and time').fill(local);
      await page.getByLabel('Video').check();
      await page.getByRole('button', { name: 'Offer appointment' }).click();
      await savedAs('Offer an appointment', 'Appointment offered');
      await page.getByRole('button', { name: 'Book appointment' }).click();
      await savedAs('Book the offered appointment', 'Appointment booked');
      await checkAccessibility(page, 'the booked referral');
    });
    await step(page, 'attendance and outcome', async () => {
      await page.getByLabel('Attended', { exact: true }).check();
      await page.getByRole('button', { name: 'Save attendance' }).click();
      await savedAs('Record attendance', 'Awaiting outcome');
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
      await savedAs('Record the assessment outcome', 'Report consent pending');
    });
    await step(page, 'report consent, release and close', async () => {
      await page.getByLabel('Yes, consent given').check();
      await page.getByRole('button', { name: 'Save consent' }).click();
      await savedAs('Record consent to release the report', 'Report ready');
      await page.getByLabel('Released to').fill('insp.noah.clarke');
      await page.getByRole('button', { name: 'Release report' }).click();
      await savedAs('Release the report', 'Report released');
      await page.getByRole('button', { name: 'Close referral' }).first().click();
      await savedAs('Close the referral', 'Closed');
      await page.getByText('This referral is finished.').waitFor();
      await page.locator('.app-timeline__item').nth(8).waitFor();
      await checkAccessibility(page, 'the closed referral');
    });
    await suite.done(advisor);
  }, 60_000);

  test('an overdue badge appears on the open queue without reloading the page', async () => {
    const http = suite.http;
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
    const s = await suite.session();
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
    await suite.done(s);
  }, 45_000);

  test('the queue sorts on the server by the chosen key and order, kept in the URL with the filters', async () => {
    const department = `Sort Unit ${process.pid}`;
    const names = ['Avery Stone', 'Casey North', 'Blair West'];
    for (const [i, subjectName] of names.entries()) {
      await request(suite.http)
        .post('/referrals')
        .set(as('pc.victor.hall', 'officer', FORCE))
        .send({ subjectId: `PC-99${i}1`, subjectName, employmentType: 'police_staff', department, source: 'self', category: 'physical_health', urgency: 'routine', reason: 'Sort check' })
        .expect(201);
    }
    const s = await suite.session();
    await step(s.page, 'sort by name, descending, in one department', async () => {
      await signIn(s.page, /^Fiona Grant/);
      await s.page.getByRole('link', { name: 'OH referrals', exact: true }).click();
      await s.page.getByRole('heading', { name: 'OH referrals' }).waitFor();
      await s.page.getByLabel('Department').fill(department);
      await s.page.getByLabel('Sort by').selectOption('name');
      await s.page.getByLabel('Order').selectOption('desc');
      await s.page.getByRole('button', { name: 'Apply' }).click();
      await s.page.waitForURL(/sort=name/);
      const hash = new URLSearchParams(new URL(s.page.url()).hash.split('?')[1]);
      expect([hash.get('sort'), hash.get('order'), hash.get('department')]).toEqual(['name', 'desc', department]);
      const rows = s.page.locator('#queue-table tbody tr th a');
      const expected = ['Casey North', 'Blair West', 'Avery Stone'];
      // The projection may still be catching up with the three referrals; the queue polls.
      await waitFor(async () => isDeepStrictEqual(await rows.allTextContents(), expected), { timeoutMs: 15_000, message: 'three referrals, Z to A' });
      expect(await s.page.getByLabel('Sort by').inputValue()).toBe('name');
      await checkAccessibility(s.page, 'the queue sorted by name');
    });
    await suite.done(s);
  }, 45_000);

  test('an OH manager lands on a dashboard of charts, each with its table and CSV, under one filter bar', async () => {
    await request(suite.http)
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
    const s = await suite.session();
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
    await suite.done(s);
  }, 45_000);

  test('a TRiM practitioner records a risk assessment through the ten-item form', async () => {
    const http = suite.http;
    const trim = await request(http)
      .post('/trim')
      .set(as('ian.walsh', 'trim_practitioner', FORCE))
      .send({ personId: 'PC-3301', personName: 'Drew Walker', employmentType: 'police_officer', department: 'Roads Policing', source: 'self_referral' })
      .expect(201);
    const id = trim.body.activationId as string;
    await request(http).post(`/trim/${id}/practitioner`).set(as('ian.walsh', 'trim_practitioner', FORCE)).send({ practitionerId: 'ian.walsh' }).expect(200);
    const s = await suite.session();
    await step(s.page, 'trim risk assessment', async () => {
      const page = s.page;
      await signIn(page, /^Ian Walsh/);
      await page.goto(`/#/trim/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Drew Walker' }).waitFor();
      await page.getByRole('button', { name: 'Save risk assessment' }).click();
      await page.locator('#assessment-errors').waitFor();
      expect(await page.locator('#assessment-score_avoidance-error').textContent()).toContain('Select avoids reminders of the event');
      await checkAccessibility(page, 'the risk assessment with errors');
      for (const key of TRIM_ITEMS) await page.locator(`#assessment-score_${key}-1`).check();
      await page.locator('#assessment-score_acute_stress_symptoms').check();
      await page.getByLabel('Assessment notes').fill('Sleeping badly since the collision; good support at home.');
      await page.getByRole('button', { name: 'Save risk assessment' }).click();
      await saved(page, 'Record the initial risk assessment');
      expect(await caseStatus(page)).toBe('Awaiting follow up');
      await page.getByRole('heading', { name: 'Record the follow-up risk assessment' }).waitFor();
      await checkAccessibility(page, 'the activation after its initial assessment');
    });
    await suite.done(s);
  }, 45_000);

  test('a WLO records a contact: the browser’s check and the server’s rule each show beside the field', async () => {
    const http = suite.http;
    const opened = await request(http)
      .post('/welfare-cases')
      .set(as('paul.ahmed', 'professional_standards', FORCE))
      .send({
        personId: 'PC-4410',
        name: 'Morgan Hale',
        employmentType: 'police_officer',
        department: 'Response, South',
        kind: 'misconduct',
        reference: 'PSD-2026-041',
        startedAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
        suspended: true,
      })
      .expect(201);
    const id = opened.body.caseId as string;
    await request(http).post(`/welfare-cases/${id}/wlo`).set(as('paul.ahmed', 'professional_standards', FORCE)).send({ wloId: 'olivia.evans' }).expect(200);
    const s = await suite.session();
    await step(s.page, 'wlo contact', async () => {
      const page = s.page;
      await signIn(page, /^Olivia Evans/);
      await page.locator(`tr[data-id="${id}"] a`).click();
      await page.getByRole('heading', { level: 1, name: 'Morgan Hale' }).waitFor();
      await page.getByRole('button', { name: 'Save contact' }).click();
      expect(await page.locator('#contact-contactedAt-error').textContent()).toContain('Enter when');
      expect(await page.locator('#contact-type-error').textContent()).toContain('Select type of contact');
      await checkAccessibility(page, 'the contact form with client-side errors');
      // The browser does not guess the server's clock: a future contact is the server's to refuse.
      await page.getByLabel('When').fill(localDateTime(Date.now() + 2 * 86_400_000));
      await page.getByLabel('Phone').check();
      await page.getByRole('button', { name: 'Save contact' }).click();
      await page.locator('#contact-contactedAt-error').filter({ hasText: 'cannot be in the future' }).waitFor();
      await checkAccessibility(page, 'the contact form with the server’s error');
      // Seconds matter: the case was opened moments ago, and a contact cannot come before it.
      await page.getByLabel('When').fill(localDateTime(Date.now(), true));
      await page.getByLabel('EAP (employee assistance programme)').check();
      await page.getByRole('button', { name: 'Save contact' }).click();
      await page.getByRole('alert').filter({ hasText: 'Record a contact: saved' }).waitFor();
      await checkAccessibility(page, 'the welfare case after a contact');
    });
    await suite.done(s);
  }, 45_000);

  test('a supervisor records an incident with an exposed colleague from the incidents page', async () => {
    const s = await suite.session();
    await step(s.page, 'supervisor incident', async () => {
      const page = s.page;
      await signIn(page, /^Sgt Maya Reid/);
      await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
      await page.getByRole('link', { name: 'Record an incident' }).click();
      await page.getByRole('heading', { level: 1, name: 'Record an incident' }).waitFor();
      await checkAccessibility(page, 'the incident form');
      await page.getByLabel('Type of incident').selectOption('fatal_road_collision');
      await page.getByLabel('When it happened').fill(localDateTime(Date.now() - 2 * 3_600_000));
      await page.getByLabel('Where it happened').fill('A38 northbound, junction 4');
      await page.getByLabel('Department', { exact: true }).fill('Roads Policing');
      await page.getByLabel('What happened').fill('Two-vehicle collision, one fatality; officers first on scene.');
      await page.getByLabel('Colleague 1: staff or collar number').fill('PC-2208');
      await page.getByLabel('Colleague 1: full name').fill('Sam Rivers');
      await page.getByLabel('Colleague 1: exposure role').selectOption('first_responder');
      await page.getByRole('button', { name: 'Record incident' }).click();
      await page.getByRole('heading', { level: 1, name: 'Fatal road collision' }).waitFor();
      expect(await page.locator('.govuk-summary-list').textContent()).toContain('Sam Rivers (first responder)');
      await checkAccessibility(page, 'the recorded incident');
    });
    await suite.done(s);
  }, 45_000);

  test('an HR analyst cannot open a clinical record: the page says so and the API answers 403', async () => {
    const s = await suite.session();
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
    await suite.done(s);
  });

  test('an OH manager opens a report with its chart and downloads the table as CSV', async () => {
    const s = await suite.session();
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
    await suite.done(s);
  });
});
