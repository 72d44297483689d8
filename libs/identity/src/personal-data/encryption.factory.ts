import type { Pool } from 'pg';
import type { AppConfig } from '@casework/core/config/app-config';
import type { EventStore } from '@casework/core/event-store/types';
import { LocalKeyWrapper, PersonHasher, type KeyWrapper } from './crypto';
import { EncryptingEventStore } from './encrypting-event-store';
import { masterKeyFrom } from './master-key';
import { PersonalDataKeys } from './personal-data-keys';

/**
 * Wraps the configured adapter so personal data is encrypted at rest whichever store is
 * used. `wrapper` is the KMS seam; by default the master key from MASTER_KEY wraps keys.
 */
export function withPersonalDataEncryption(
  inner: EventStore,
  config: Pick<AppConfig, 'MASTER_KEY' | 'NODE_ENV'>,
  pool: Pool,
  wrapper?: KeyWrapper,
): EncryptingEventStore {
  const masterKey = masterKeyFrom(config);
  return new EncryptingEventStore(
    inner,
    new PersonalDataKeys(pool, wrapper ?? new LocalKeyWrapper(masterKey), new PersonHasher(masterKey)),
  );
}
