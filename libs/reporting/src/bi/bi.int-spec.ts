import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { runMigrations } from '@casework/core/database/migrations';
import { testPool } from '@casework/core/testing/postgres';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { SECRET, insertRow } from '../pack/testing/read-model-rows';
import { BI_ROLE, BI_VIEWS, withBiMigrations } from './bi-schema';

/**
 * The BI role against a real database: it reads every `bi` view and nothing else. Each
 * check runs in its own transaction as `casework_bi` (a superuser may SET ROLE to a
 * NOLOGIN role) and is rolled back. Rows are written for a force of this file's own.
 */

let pool: Pool;
const force = `bi-test-${randomUUID()}`;

/** Runs `sql` as the BI role, in a transaction that is always rolled back. */
async function asBi<T extends QueryResultRow = QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client: PoolClient = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local role ${BI_ROLE}`);
    const { rows } = await client.query<T>(sql, params);
    return rows;
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
}

/** The SQLSTATE of the error `promise` rejects with (fails the test if it resolves). */
async function sqlState(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
  throw new Error('expected the query to be refused, but it succeeded');
}

beforeAll(async () => {
  pool = testPool(4);
  // The global set-up migrates ALL_MIGRATIONS; the BI migration is applied here until it is in that list.
  await runMigrations(pool, withBiMigrations(ALL_MIGRATIONS));
  await insertRow(pool, 'report_referrals', force);
  await insertRow(pool, 'trauma_incidents', force);
  await insertRow(pool, 'trauma_exposures', force);
  await insertRow(pool, 'trim_activations', force);
  await insertRow(pool, 'exit_cases', force, { demographics: JSON.stringify({ ageBand: '35-44', sex: 'female' }) });
  await insertRow(pool, 'stay_interviews', force, { themes: ['workload'] });
  await insertRow(pool, 'welfare_cases', force, { contacts_due: 2, contacts_on_time: 1 });
});

afterAll(async () => {
  for (const table of ['report_referrals', 'trauma_incidents', 'trauma_exposures', 'trim_activations', 'exit_cases', 'stay_interviews', 'welfare_cases']) {
    await pool.query(`delete from ${table} where force_id = $1`, [force]);
  }
  await pool.end();
});

describe('the bi schema', () => {
  it('holds exactly the documented views', async () => {
    const { rows } = await pool.query<{ name: string; kind: string }>(
      `select c.relname as name, c.relkind as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'bi' order by 1`,
    );
    expect(rows).toEqual(BI_VIEWS.map((v) => ({ name: v.name, kind: 'v' })).sort((a, b) => a.name.localeCompare(b.name)));
  });

  it('describes every view and every column (BI tools show these comments)', async () => {
    const { rows } = await pool.query<{ view: string; column: string | null; description: string | null }>(
      `select c.relname as view, null as column, obj_description(c.oid, 'pg_class') as description
       from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'bi'
       union all
       select a.table_name, a.column_name, col_description(format('bi.%I', a.table_name)::regclass, a.ordinal_position)
       from information_schema.columns a where a.table_schema = 'bi'`,
    );
    expect(rows.length).toBeGreaterThan(BI_VIEWS.length);
    expect(rows.filter((r) => !r.description)).toEqual([]);
  });

  it('documents every view and column in docs/bi-access.md', async () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/bi-access.md'), 'utf8');
    const { rows } = await pool.query<{ view: string; column: string }>(
      `select table_name as view, column_name as column from information_schema.columns where table_schema = 'bi'`,
    );
    const missing = rows.filter((r) => !doc.includes(`bi.${r.view}`) || !doc.includes(`\`${r.column}\``));
    expect(missing).toEqual([]);
  });

  it('exposes no column that could hold a name, a person, a member of staff or free text', async () => {
    const { rows } = await pool.query<{ view: string; column: string; type: string }>(
      `select table_name as view, column_name as column, data_type as type
       from information_schema.columns where table_schema = 'bi'`,
    );
    const personal =
      /(^|_)(name|names|person|people_id|subject|notes?|summary|summaries|concerns?|location|practitioner|interviewer|wlo|advisor|coordinator|answers?|reason_text|demographics)(_|$)/;
    expect(rows.filter((r) => personal.test(r.column))).toEqual([]);
    // No free-form documents: json could carry anything.
    expect(rows.filter((r) => r.type === 'json' || r.type === 'jsonb')).toEqual([]);
    // Nor TRiM scores: only at/above-threshold flags.
    expect(rows.filter((r) => /_total$/.test(r.column) && r.column !== 'actions_total')).toEqual([]);
  });
});

describe(`the ${BI_ROLE} role`, () => {
  it('is NOLOGIN until a DBA gives a force a login, and may create nothing', async () => {
    const { rows } = await pool.query<Record<string, boolean>>(
      `select r.rolcanlogin as login, r.rolsuper as super, r.rolcreaterole as createrole, r.rolcreatedb as createdb,
              has_schema_privilege($1, 'public', 'CREATE') as create_public,
              has_schema_privilege($1, 'bi', 'CREATE') as create_bi,
              has_schema_privilege($1, 'bi', 'USAGE') as use_bi
       from pg_roles r where r.rolname = $1`,
      [BI_ROLE],
    );
    expect(rows).toEqual([
      { login: false, super: false, createrole: false, createdb: false, create_public: false, create_bi: false, use_bi: true },
    ]);
  });

  it.each(BI_VIEWS.map((v) => v.name))('can read bi.%s', async (view) => {
    const rows = await asBi(`select * from bi.${view} where ${view === 'data_freshness' ? 'true' : 'force_id = $1'}`,
      view === 'data_freshness' ? [] : [force]);
    if (view !== 'data_freshness') expect(rows).toHaveLength(1);
  });

  it('sees none of the names, ids or free text the tables behind the views hold', async () => {
    for (const view of BI_VIEWS.filter((v) => v.name !== 'data_freshness')) {
      const rows = await asBi<{ row: string }>(`select row_to_json(v)::text as row from bi.${view.name} v where force_id = $1`, [force]);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.row).not.toContain(SECRET);
    }
  });

  it('reads the facts the views promise', async () => {
    const [leaver] = await asBi(`select age_band, sex, ethnicity, left_quarter, drivers from bi.leavers where force_id = $1`, [force]);
    expect(leaver).toEqual({ age_band: '35-44', sex: 'female', ethnicity: 'not_recorded', left_quarter: '2026-Q3', drivers: [] });
    const [welfare] = await asBi(`select contacts_due, contacts_on_time, all_contacts_on_time from bi.welfare_compliance where force_id = $1`, [
      force,
    ]);
    expect(welfare).toEqual({ contacts_due: 2, contacts_on_time: 1, all_contacts_on_time: false });
  });

  const forbidden = [
    'es_events',
    'es_streams',
    'referral_queue',
    'report_referrals',
    'trauma_exposures',
    'trim_activations',
    'support_tasks',
    'surveillance_schedule',
    'stay_interviews',
    'welfare_cases',
    'exit_cases',
    'timer_deadlines',
    'projection_checkpoints',
    'schema_migrations',
  ];

  it.each(forbidden)('is refused %s (permission denied)', async (table) => {
    // The table is there (a superuser reads it), so the refusal is the role's.
    await expect(pool.query(`select count(*) from public.${table}`)).resolves.toBeDefined();
    expect(await sqlState(asBi(`select * from public.${table} limit 1`))).toBe('42501');
  });

  it('is refused every table in public, not only the ones named above', async () => {
    const { rows } = await pool.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm') order by 1`,
    );
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(forbidden));
    const readable: string[] = [];
    for (const { name } of rows) {
      const state = await sqlState(asBi(`select 1 from public.${JSON.stringify(name)} limit 1`)).catch(() => 'readable');
      if (state !== '42501') readable.push(`${name} (${state})`);
    }
    expect(readable).toEqual([]);
  });

  describe('a force\'s login', () => {
    const login = `bi_login_${randomUUID().slice(0, 8)}`;
    const unmapped = `bi_login_${randomUUID().slice(0, 8)}`;
    const otherForce = `bi-test-other-${randomUUID()}`;

    beforeAll(async () => {
      await pool.query(`create role ${login} nologin in role ${BI_ROLE}`);
      await pool.query(`create role ${unmapped} nologin in role ${BI_ROLE}`);
      await pool.query('insert into bi_force_logins (login, force_id) values ($1, $2)', [login, force]);
      await insertRow(pool, 'report_referrals', otherForce);
    });

    afterAll(async () => {
      await pool.query('delete from bi_force_logins where login = $1', [login]);
      await pool.query('delete from report_referrals where force_id = $1', [otherForce]);
      await pool.query(`drop role ${login}`);
      await pool.query(`drop role ${unmapped}`);
    });

    /** Runs `sql` connected as `who` (session_user changes, as it would for a real login). */
    async function as(who: string, sql: string, params: unknown[] = []): Promise<QueryResultRow[]> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(`set local session authorization ${who}`);
        return (await client.query(sql, params)).rows;
      } finally {
        await client.query('rollback').catch(() => undefined);
        client.release();
      }
    }

    const countSql = 'select force_id, count(*)::int as n from bi.referrals where force_id = any($1) group by 1 order by 1';

    it('sees only the forces bi_force_logins lists for it', async () => {
      expect(await as(login, countSql, [[force, otherForce]])).toEqual([{ force_id: force, n: 1 }]);
      for (const view of BI_VIEWS.filter((v) => v.name !== 'data_freshness')) {
        const rows = await as(login, `select distinct force_id from bi.${view.name}`);
        expect(rows).toEqual([{ force_id: force }]);
      }
    });

    it('sees nothing when no force is listed for it', async () => {
      for (const view of BI_VIEWS.filter((v) => v.name !== 'data_freshness')) {
        expect(await as(unmapped, `select count(*)::int as n from bi.${view.name}`)).toEqual([{ n: 0 }]);
      }
    });

    it('cannot widen its view with SET ROLE, nor read or change the list of logins', async () => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(`set local session authorization ${login}`);
        await client.query(`set role ${BI_ROLE}`);
        expect((await client.query(countSql, [[force, otherForce]])).rows).toEqual([{ force_id: force, n: 1 }]);
      } finally {
        await client.query('rollback');
        client.release();
      }
      expect(await sqlState(as(login, 'select * from public.bi_force_logins'))).toBe('42501');
      expect(await sqlState(as(login, `insert into public.bi_force_logins values ('${login}', $1)`, [otherForce]))).toBe('42501');
    });

    it('while the app (not a BI login) sees every force', async () => {
      const { rows } = await pool.query(countSql, [[force, otherForce]]);
      expect(rows).toHaveLength(2);
    });
  });

  it('cannot write through a view or create a table', async () => {
    expect(await sqlState(asBi(`delete from bi.referrals where force_id = $1`, [force]))).toBe('42501');
    expect(await sqlState(asBi(`create table public.bi_probe (x int)`))).toBe('42501');
    expect(await sqlState(asBi(`create view bi.bi_probe as select 1 as x`))).toBe('42501');
  });
});
