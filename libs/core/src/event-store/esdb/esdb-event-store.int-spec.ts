import { describeEventStoreContract } from '../testing/event-store-contract';
import { EsdbEventStore } from './esdb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  // The contract suite gives every test a fresh category and uuid stream ids, as a real server keeps state.
  describeEventStoreContract('EventStoreDB', async () => {
    const store = EsdbEventStore.fromConnectionString(connectionString);
    return { store, cleanup: () => store.close() };
  });
} else {
  process.stdout.write(
    'EventStoreDB contract suite SKIPPED: set EVENTSTORE_CONNECTION_STRING ' +
      '(e.g. esdb://localhost:2113?tls=false, see infra/docker-compose.yml) to run it\n',
  );
  describe.skip('event store contract: EventStoreDB (EVENTSTORE_CONNECTION_STRING not set)', () => {
    it('runs against a real EventStoreDB server', () => undefined);
  });
}
