import { Where } from './where';

describe('Where', () => {
  it('numbers each value and every ? of its clause; no clause is no where', () => {
    expect(new Where().sql()).toBe('');
    const where = new Where().add('force_id = ?', 'f1').add('(name ilike ? or user_id ilike ?)', '%x%');
    expect(where.sql()).toBe('where force_id = $1 and (name ilike $2 or user_id ilike $2)');
    expect(where.params).toEqual(['f1', '%x%']);
  });

  it('a period is London business dates, both ends inclusive', () => {
    const where = new Where().period('at', { from: '2026-01-01', to: '2026-03-31' });
    expect(where.sql()).toBe(
      "where at >= ($1::date::timestamp at time zone 'Europe/London') and at < (($2::date + 1)::timestamp at time zone 'Europe/London')",
    );
    expect(where.params).toEqual(['2026-01-01', '2026-03-31']);
  });
});
