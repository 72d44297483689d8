import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, EVENT_STORE: 'postgres', ROLE: 'all', TIMER_QUEUE: 'casework-deadlines' });
  });

  it('converts numbers from the environment', () => {
    expect(loadConfig({ PORT: '8080', PROJECTION_POLL_MS: '50' })).toMatchObject({ PORT: 8080, PROJECTION_POLL_MS: 50 });
  });

  it('lists every bad or missing variable in one message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', EVENT_STORE: 'esdb', DATABASE_URL: 'mysql://x', ROLE: 'both' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT="eighty"/m);
    expect(problems).toMatch(/^DATABASE_URL="mysql:\/\/x": DATABASE_URL must be a postgres/m);
    expect(problems).toMatch(/^EVENTSTORE_CONNECTION_STRING=null: .*when EVENT_STORE=esdb/m);
    expect(problems).toMatch(/^ROLE="both"/m);
    expect((error as ConfigError).problems).toHaveLength(4);
  });
});
