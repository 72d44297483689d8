import request from 'supertest';
import type { Locator } from 'playwright-core';
import { as } from '../support/e2e-app';
import { checkAccessibility, signIn, step } from './support/browser';
import { browserSuite, caseStatus, describeBrowser, saved } from './support/suite';

/**
 * Allocation pickers: forms offer the people of the right role from the staff directory
 * (the dev issuer's seeded users are there from the start), default to the signed-in user
 * when they hold that role, and keep "someone not listed" for a typed id, checked in the
 * browser and beside the field. Every page visited is checked with axe.
 */
const FORCE = 'demo';
const suite = browserSuite({ queue: `casework-web-pickers-${process.pid}` });

const optionValues = (select: Locator): Promise<string[]> =>
  select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));

describeBrowser('allocation pickers from the staff directory', () => {
  test('an OH advisor triages a referral to another advisor chosen from the picker', async () => {
    const submitted = await request(suite.http)
      .post('/referrals')
      .set(as('pc.victor.hall', 'officer', FORCE))
      .send({
        subjectId: 'PC-5301',
        subjectName: 'Alex Morgan',
        employmentType: 'police_officer',
        department: 'Response, West',
        source: 'management',
        category: 'physical_health',
        urgency: 'routine',
        reason: 'Shoulder injury restraining a detained person',
      })
      .expect(201);
    const id = submitted.body.referralId as string;
    const s = await suite.session();
    const page = s.page;
    const advisor = page.locator('#triage-advisorId');
    await step(page, 'the advisor picker lists the force’s advisors', async () => {
      await signIn(page, /^Amara Okafor/);
      await page.goto(`/#/referrals/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Alex Morgan' }).waitFor();
      const values = await optionValues(advisor);
      expect(values).toEqual(expect.arrayContaining(['amara.okafor', 'ben.hughes']));
      // Advisors only, and only this force's: not the OH manager, not the other force's advisor.
      expect(values).not.toContain('fiona.grant');
      expect(values).not.toContain('yusuf.ali');
      // The signed-in advisor takes it unless they choose someone else.
      expect(await advisor.inputValue()).toBe('amara.okafor');
      await checkAccessibility(page, 'the triage form with its advisor picker');
    });
    await step(page, 'someone not listed: a typed id, checked beside the field', async () => {
      await advisor.selectOption({ label: 'Someone not listed' });
      const typed = page.getByLabel('Advisor’s user id');
      await typed.fill('not a user id!');
      await page.getByLabel('High').check();
      await page.getByRole('button', { name: 'Save triage' }).click();
      await page.locator('#triage-advisorId-error').filter({ hasText: 'use 1 to 100 letters' }).waitFor();
      await checkAccessibility(page, 'the triage form with a typed id refused');
    });
    await step(page, 'triage to Ben Hughes from the picker', async () => {
      await advisor.selectOption({ label: 'Ben Hughes — ben.hughes' });
      expect(await page.getByLabel('Advisor’s user id').count()).toBe(0);
      await page.getByRole('button', { name: 'Save triage' }).click();
      await saved(page, 'Triage the referral');
      expect(await caseStatus(page)).toBe('Awaiting consent');
      expect(await page.locator('.govuk-summary-list').textContent()).toContain('ben.hughes');
      // Names from the directory where ids were: the timeline reads "by Amara Okafor", the id
      // kept for screen readers (visually hidden) and as a tooltip.
      const byAmara = page.locator('.app-timeline .app-person[data-user-id="amara.okafor"]').first();
      await byAmara.waitFor();
      expect(await byAmara.textContent()).toBe('Amara Okafor (amara.okafor)');
      expect(await byAmara.getAttribute('title')).toBe('amara.okafor');
      expect(await page.locator('.govuk-summary-list .app-person[data-user-id="ben.hughes"]').textContent()).toBe('Ben Hughes (ben.hughes)');
      await checkAccessibility(page, 'the referral after triage');
    });
    await suite.done(s);
  }, 45_000);

  test('a TRiM coordinator allocates a practitioner chosen from the picker', async () => {
    const coordinator = as('jade.turner', 'trim_coordinator', FORCE);
    const activated = await request(suite.http)
      .post('/trim')
      .set(coordinator)
      .send({ personId: 'PC-3390', personName: 'Lee Harper', employmentType: 'police_officer', department: 'Firearms', source: 'self_referral' })
      .expect(201);
    const id = activated.body.activationId as string;
    const s = await suite.session();
    const page = s.page;
    const practitioner = page.locator('#practitioner-practitionerId');
    await step(page, 'the practitioner picker', async () => {
      await signIn(page, /^Jade Turner/);
      await page.goto(`/#/trim/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Lee Harper' }).waitFor();
      expect(await optionValues(practitioner)).toContain('ian.walsh');
      expect(await optionValues(practitioner)).not.toContain('jade.turner');
      // A coordinator is not a practitioner: nobody is chosen for them.
      expect(await practitioner.inputValue()).toBe('');
      await page.getByRole('button', { name: 'Allocate' }).click();
      expect(await page.locator('#practitioner-practitionerId-error').textContent()).toContain('Select practitioner');
      await checkAccessibility(page, 'the allocation form with an error');
    });
    await step(page, 'allocate Ian Walsh', async () => {
      await practitioner.selectOption({ label: 'Ian Walsh — ian.walsh' });
      await page.getByRole('button', { name: 'Allocate' }).click();
      await saved(page, 'Allocate a practitioner');
      expect(await page.locator('.govuk-summary-list').textContent()).toContain('ian.walsh');
      await page.getByRole('heading', { name: 'Record the trauma intervention brief' }).waitFor();
      await checkAccessibility(page, 'the activation after allocation');
    });
    await suite.done(s);
  }, 45_000);
});
