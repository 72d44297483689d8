import request from 'supertest';
import { waitForValue } from '@casework/core/testing/wait-for';
import { DEFAULT_INCIDENT_TAXONOMY } from '@casework/trauma/domain/incident/incident-taxonomy';
import { as } from '../support/e2e-app';
import { checkAccessibility, signIn, step } from './support/browser';
import { browserSuite, describeBrowser, localDateTime, saved } from './support/suite';

/**
 * The forms that depend on a force's own lists, and the ESTIP forms, in a real browser.
 * The demo force runs its own policy here (an extra incident type, its own exit drivers
 * and survey), so a form that still offered the built-in defaults would fail these tests.
 * Every page visited is checked with axe; every session fails on a CSP violation or an
 * uncaught script error.
 */
const FORCE = 'demo';
const suite = browserSuite({
  queue: `casework-web-lists-${process.pid}`,
  traumaPolicy: { forces: { [FORCE]: { taxonomy: [...DEFAULT_INCIDENT_TAXONOMY, { code: 'water_rescue', label: 'Water rescue', weight: 2 }] } } },
  retentionPolicy: {
    forces: {
      [FORCE]: {
        stay: {
          themes: [
            { code: 'shift_pattern', label: 'Shift pattern' },
            { code: 'childcare', label: 'Childcare' },
          ],
        },
        exit: {
          drivers: ['shift_pattern', 'workload'],
          questionnaire: {
            id: 'demo-exit-v2',
            questions: [
              { id: 'overall', text: 'Overall, how was working here?', type: 'scale', required: true },
              { id: 'would_return', text: 'Would you come back?', type: 'yesno', required: true },
              { id: 'anything_else', text: 'Anything else to tell us?', type: 'text', required: false },
            ],
          },
        },
      },
    },
  },
});

describeBrowser('a force’s own lists and the ESTIP forms in a browser', () => {
  test('a peer supporter records an incident of the force’s own type, then its demobilisation', async () => {
    const s = await suite.session();
    const page = s.page;
    await step(page, 'the incident form says when the force’s list cannot be loaded', async () => {
      await signIn(page, /^Liam Byrne/);
      await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
      await page.route('**/incidents/vocabulary', (route) =>
        route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Service Unavailable', status: 503 }) }),
      );
      await page.getByRole('link', { name: 'Record an incident' }).click();
      await page.getByText(/incident types could not be loaded \(Service Unavailable\)/).waitFor();
      await checkAccessibility(page, 'the incident form’s list failing');
      await page.unroute('**/incidents/vocabulary');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Record an incident' }).waitFor();
    });
    await step(page, 'a colleague row’s server error shows beside that row', async () => {
      // The force's own type is offered: the list is the force's, not the built-in one.
      await page.getByLabel('Type of incident').selectOption('water_rescue');
      await page.getByLabel('When it happened').fill(localDateTime(Date.now() - 3 * 3_600_000));
      await page.getByLabel('Where it happened').fill('River Severn, Worcester');
      await page.getByLabel('Department', { exact: true }).fill('Marine Unit');
      await page.getByLabel('What happened').fill('Recovery of a body from the river after a search.');
      await page.getByLabel('Colleague 1: staff or collar number').fill('PC-9001');
      await page.getByLabel('Colleague 1: full name').fill('Kit Lowe');
      await page.getByLabel('Colleague 1: exposure role').selectOption('first_responder');
      // Row 3 filled, row 2 left empty: the server's `exposedColleagues.1.*` is the third row.
      await page.getByLabel('Colleague 3: staff or collar number').fill('PC-9003');
      await page.getByRole('button', { name: 'Record incident' }).click();
      await page.locator('#incident-c2_name-error').waitFor();
      expect(await page.locator('#incident-c2_name-error').textContent()).toMatch(/name/);
      expect(await page.locator('#incident-c2_exposureRole-error').count()).toBe(1);
      expect(await page.locator('#incident-c1_name-error').count()).toBe(0);
      await checkAccessibility(page, 'the incident form with a colleague row’s errors');
      await page.getByLabel('Colleague 3: full name').fill('Ash Reed');
      await page.getByLabel('Colleague 3: exposure role').selectOption('witness');
      await page.getByRole('button', { name: 'Record incident' }).click();
      await page.getByRole('heading', { level: 1, name: /^Water rescue/ }).waitFor();
    });
    await step(page, 'the demobilisation', async () => {
      await checkAccessibility(page, 'the incident with its ESTIP forms');
      expect(await page.getByRole('heading', { name: 'Record the defusion' }).count()).toBe(0);
      await page.locator('#demobilisation-lead-1').check();
      await page.locator('#demobilisation-attendees').check();
      await page.locator('#demobilisation-attendees-1').check();
      await page.locator('#demobilisation-defusionNeeded').check();
      await page.getByRole('button', { name: 'Save demobilisation' }).click();
      await saved(page, 'Record the demobilisation');
      expect(await page.locator('.govuk-summary-list').textContent()).toContain('Demobilisation: held');
      // The next tier is offered now, and the demobilisation no longer is.
      await page.getByRole('heading', { name: 'Record the defusion' }).waitFor();
      expect(await page.getByRole('button', { name: 'Save demobilisation' }).count()).toBe(0);
      await checkAccessibility(page, 'the incident after its demobilisation');
    });
    await suite.done(s);
  }, 45_000);

  test('a retention officer records an exit survey with the force’s own questions', async () => {
    const notified = await request(suite.http)
      .post('/exits')
      .set(as('sam.patel', 'hr', FORCE))
      .send({
        personId: 'PC-7710',
        name: 'Jess Okoro',
        employmentType: 'police_officer',
        department: 'Response, East',
        lineManagerId: 'insp.noah.clarke',
        startDate: '2019-04-01',
        leavingDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
        reason: 'resignation',
        optOutOfLineManager: false,
      })
      .expect(201);
    const id = notified.body.exitId as string;
    const s = await suite.session();
    const page = s.page;
    await step(page, 'exit survey', async () => {
      await signIn(page, /^Rachel Kim/);
      await page.goto(`/#/exits/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Jess Okoro' }).waitFor();
      // The force's drivers, not the built-in list.
      await page.getByLabel('Shift pattern').waitFor();
      expect(await page.getByLabel('Pay', { exact: true }).count()).toBe(0);
      await page.getByText('Exit survey answers').click();
      await page.getByRole('button', { name: 'Save survey' }).click();
      await page.locator('#survey-overall-error').waitFor();
      await checkAccessibility(page, 'the exit survey with errors');
      await page.locator('#survey-overall-3').check();
      await page.locator('#survey-would_return').check();
      await page.getByLabel('Anything else to tell us?').fill('More notice of shift changes.');
      await page.getByRole('button', { name: 'Save survey' }).click();
      await saved(page, 'Exit survey answers');
      expect(await page.getByRole('button', { name: 'Save survey' }).count()).toBe(0);
      await checkAccessibility(page, 'the exit after its survey');
    });
    await suite.done(s);
  }, 45_000);

  test('a retention officer records a stay interview with the force’s own themes', async () => {
    const team = as('rachel.kim', 'retention_team', FORCE);
    const requested = await request(suite.http)
      .post('/stay-interviews')
      .set(team)
      .send({
        personId: 'PC-7720',
        personName: 'Chris Lane',
        employmentType: 'police_officer',
        department: 'Response',
        lineManagerId: 'insp.noah.clarke',
        startDate: '2024-09-02',
        isStudentOfficer: true,
        source: 'self',
        concerns: 'Shift pattern and childcare',
        intentToLeave: 'considering',
      })
      .expect(201);
    const id = requested.body.stayInterviewId as string;
    await request(suite.http).post(`/stay-interviews/${id}/interviewer`).set(team).send({ interviewerId: 'rachel.kim' }).expect(200);
    const s = await suite.session();
    const page = s.page;
    await step(page, 'stay interview themes', async () => {
      await signIn(page, /^Rachel Kim/);
      await page.goto(`/#/stay-interviews/${id}`);
      await page.getByRole('heading', { name: 'Record the interview' }).waitFor();
      expect(await page.getByLabel('Pay', { exact: true }).count()).toBe(0);
      // Seconds matter: the request was made moments ago, and an interview cannot come before it.
      await page.getByLabel('Held at').fill(localDateTime(Date.now(), true));
      await page.getByLabel('Childcare').check();
      await page.getByLabel('Considering').check();
      await page.getByRole('button', { name: 'Save interview' }).click();
      await saved(page, 'Record the interview');
      await checkAccessibility(page, 'the stay interview after it was held');
    });
    await suite.done(s);
  }, 45_000);

  test('a wellbeing coordinator records the answer to a support offer, then sees the trauma dashboard’s charts', async () => {
    // Two of the heaviest incident types for one colleague cross the repeat-exposure threshold.
    const sgt = as('sgt.maya.reid', 'supervisor', FORCE);
    for (const [hoursAgo, type] of [[6, 'death_of_child'], [5, 'firearms_discharge']] as const) {
      await request(suite.http)
        .post('/incidents')
        .set(sgt)
        .send({
          type,
          occurredAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
          location: 'Central',
          department: 'Response',
          summary: 'Attended a distressing incident',
          exposedColleagues: [{ personId: 'PC-8801', name: 'Robin Vale', department: 'Response', exposureRole: 'first_responder' }],
        })
        .expect(201);
    }
    const wellbeing = as('kiran.shah', 'wellbeing_coordinator', FORCE);
    const taskId = await waitForValue(
      async () => {
        const res = await request(suite.http).get('/support-tasks/queue').query({ view: 'all' }).set(wellbeing).expect(200);
        return (res.body.items as { taskId: string; personId: string }[]).find((t) => t.personId === 'PC-8801')?.taskId;
      },
      { timeoutMs: 15_000, message: 'a support task for PC-8801' },
    );
    const post = (path: string, body: object) => request(suite.http).post(`/support-tasks/${taskId}${path}`).set(wellbeing).send(body).expect(200);
    await post('/coordinator', { coordinatorId: 'kiran.shah' });
    await post('/contacts', { method: 'telephone', reached: true });
    await post('/offers', { offer: 'trim_assessment' });

    const s = await suite.session();
    const page = s.page;
    await step(page, 'support offer answer', async () => {
      await signIn(page, /^Kiran Shah/);
      await page.goto(`/#/support-tasks/${taskId}`);
      await page.getByRole('heading', { level: 1, name: 'Robin Vale' }).waitFor();
      await page.getByRole('heading', { name: 'Their answer to the trim assessment offer' }).waitFor();
      await page.getByLabel('Accepted', { exact: true }).check();
      await page.getByRole('button', { name: 'Save answer' }).click();
      await saved(page, 'Their answer to the trim assessment offer');
      expect(await page.getByRole('button', { name: 'Save answer' }).count()).toBe(0);
      await checkAccessibility(page, 'the support task after the answer');
    });
    await step(page, 'trauma dashboard', async () => {
      await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Trauma support dashboard' }).waitFor();
      for (const report of ['estip-funnel', 'repeat-exposure']) {
        await page.locator(`#panel-${report} svg.app-chart`).waitFor({ timeout: 15_000 });
      }
      await checkAccessibility(page, 'the trauma dashboard');
    });
    await suite.done(s);
  }, 60_000);
});
