import { runInNewContext } from 'node:vm';
import { isConnectionError } from './connection-errors';

describe('isConnectionError', () => {
  it('recognises socket and PostgreSQL availability errors by code', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', '57P01', '57P03', '08006']) {
      expect(isConnectionError(Object.assign(new Error('x'), { code }))).toBe(true);
    }
  });

  it('recognises them when the error was made in another realm (where instanceof Error is false)', () => {
    const foreign = runInNewContext('Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })') as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(isConnectionError(foreign)).toBe(true);
  });

  it('recognises pg-pool messages without a code', () => {
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('does not mistake request errors or non-errors for an outage', () => {
    expect(isConnectionError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isConnectionError(new Error('syntax error at or near "select"'))).toBe(false);
    expect(isConnectionError('ECONNRESET')).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});
