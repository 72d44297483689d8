import { randomUUID } from 'node:crypto';
import { decryptValue, encryptValue, newDataKey } from './crypto';
import { collectKeyIds, decryptData, encryptData } from './field-walker';

describe('field walker: reading back', () => {
  const keyId = randomUUID();
  const dek = newDataKey();
  const seal = (_subject: string | null, value: string): string => encryptValue(keyId, dek, value);
  const data = { personId: 'P-1', personName: 'Alex', department: 'Response', attendees: ['P-1'], answers: { q1: 'Shifts' } };

  it('opens every sealed value with its key', () => {
    const sealed = encryptData('Anything', data, seal);
    const ids = new Set<string>();
    collectKeyIds(sealed, ids);
    expect([...ids]).toEqual([keyId]);
    expect(decryptData('Anything', sealed, (value) => decryptValue(value, dek))).toEqual(data);
  });

  it('an erased id reads as a stable pseudonym, anything else as [erased], and clear fields stay', () => {
    const sealed = encryptData('Anything', data, seal);
    expect(decryptData('Anything', sealed, () => null)).toEqual({
      personId: `erased:${keyId}`,
      personName: '[erased]',
      department: 'Response',
      attendees: [`erased:${keyId}`],
      answers: { q1: '[erased]' },
    });
  });

  it('values stored in clear (before encryption existed) read as they are', () => {
    expect(decryptData('Anything', data, () => null)).toEqual(data);
  });
});
