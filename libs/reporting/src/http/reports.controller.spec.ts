import type { Request } from 'express';
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import type { App } from 'supertest/types';
import { ProblemDetailsFilter } from '@casework/core/http/problem-details.filter';
import { ReportsService, type ReportResponse, type RunReportRequest } from '../reports.service';
import { ReportsController } from './reports.controller';

/** The controller's HTTP contract (content negotiation, headers, problems) over a stub service. */
const RESPONSE: ReportResponse = {
  report: 'referral-times',
  title: 'Time to triage',
  filters: { from: '2025-01-01', to: '2025-12-31', period: 'quarter' },
  freshness: { projection: 'report_referrals_v1', checkpointAt: '2026-01-01T00:00:00.000Z', status: 'running', lagSeconds: 3 },
  suppression: { threshold: 5, applied: true, notes: ['n'], cells: [] },
  columns: [
    { name: 'period', kind: 'dimension' },
    { name: 'department', kind: 'dimension' },
    { name: 'referrals', kind: 'count' },
  ],
  rows: [
    { period: '2025-Q1', department: 'Response, North', referrals: 12 },
    { period: '2025-Q2', department: 'CID', referrals: null },
  ],
};

const calls: RunReportRequest[] = [];
const stub = {
  catalogue: () => ({ reports: [], suppression: { threshold: 5, unsuppressedRoles: [] } }),
  run: async (req: RunReportRequest) => {
    calls.push(req);
    if (req.name !== 'referral-times') {
      const real = Object.create(ReportsService.prototype) as ReportsService;
      Object.assign(real, { registry: { get: () => undefined } });
      real.find(req.name);
    }
    return { response: RESPONSE, format: req.query.format as 'csv' | 'json' | undefined };
  },
};

@Module({ controllers: [ReportsController], providers: [{ provide: ReportsService, useValue: stub }] })
class TestModule {}

let app: NestExpressApplication;
let http: App;
const hr = { 'X-Casework-User': 'u1', 'X-Casework-Role': 'hr', 'X-Casework-Force': 'f1' };

beforeAll(async () => {
  app = await NestFactory.create<NestExpressApplication>(TestModule, { logger: false });
  // The controller alone, without the sign-in guard: the caller as the guard would set it.
  app.use((req: Request & { actor?: unknown }, _res: unknown, next: () => void) => {
    req.actor = { userId: req.header('X-Casework-User'), role: req.header('X-Casework-Role'), forceId: req.header('X-Casework-Force') };
    next();
  });
  app.useGlobalFilters(new ProblemDetailsFilter());
  await app.init();
  http = app.getHttpServer() as App;
});

afterAll(async () => {
  await app?.close();
});

describe('GET /reports/:name', () => {
  it('answers JSON by default, with freshness headers, passing the query and actor through', async () => {
    const res = await request(http).get('/reports/referral-times?period=quarter&groupBy=urgency').set(hr).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual(RESPONSE);
    expect(res.headers['x-report-lag-seconds']).toBe('3');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(calls.at(-1)).toEqual({ name: 'referral-times', query: { period: 'quarter', groupBy: 'urgency' }, actor: { userId: 'u1', role: 'hr', forceId: 'f1' } });
  });

  it('answers CSV for Accept: text/csv or format=csv, named after the report and its dates', async () => {
    for (const res of [
      await request(http).get('/reports/referral-times').set(hr).set('Accept', 'text/csv').expect(200),
      await request(http).get('/reports/referral-times?format=csv').set(hr).expect(200),
    ]) {
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="referral-times-2025-01-01-2025-12-31.csv"');
      expect(res.text).toBe('period,department,referrals\r\n2025-Q1,"Response, North",12\r\n2025-Q2,CID,\r\n');
      expect(parse(res.text, { columns: true })).toEqual([
        { period: '2025-Q1', department: 'Response, North', referrals: '12' },
        { period: '2025-Q2', department: 'CID', referrals: '' },
      ]);
    }
    // An explicit format wins over Accept; a browser's Accept (no text/csv) gets JSON.
    await request(http).get('/reports/referral-times?format=json').set(hr).set('Accept', 'text/csv').expect('content-type', /json/);
    await request(http).get('/reports/referral-times').set(hr).set('Accept', 'text/html,*/*').expect('content-type', /json/);
  });

  it("an unknown report is a 404 problem naming it (sign-in is the guard's job, tested end to end)", async () => {
    const res = await request(http).get('/reports/trauma').set(hr).expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'REPORT.NOT_FOUND', field: 'name' });
    expect(res.body.detail).toContain('"trauma"');
  });

  it('GET /reports is the catalogue', async () => {
    await request(http).get('/reports').set(hr).expect(200, { reports: [], suppression: { threshold: 5, unsuppressedRoles: [] } });
  });
});
