import { flipDirection, queueOrder } from './queue-order';

describe('queue order', () => {
  const terms = { due: ['overdue desc', 'next_at asc nulls last'], submitted: ['began asc'], name: ['lower(name) asc'], department: ['lower(dept) asc'], status: ['status asc'] };

  it('uses the key’s fixed terms, the id last as tie-breaker, due by default', () => {
    expect(queueOrder(terms, 'case_id')).toBe('order by overdue desc, next_at asc nulls last, case_id asc');
    expect(queueOrder(terms, 'case_id', { sort: 'name' })).toBe('order by lower(name) asc, case_id asc');
  });

  it('desc flips every term and its nulls placement, never the tie-breaker', () => {
    expect(queueOrder(terms, 'case_id', { sort: 'due', order: 'desc' })).toBe('order by overdue asc, next_at desc nulls first, case_id asc');
    expect(flipDirection("case urgency when 'urgent' then 0 else 1 end asc")).toBe("case urgency when 'urgent' then 0 else 1 end desc");
  });
});
