import type { AppConfig } from '@casework/core/config/app-config';

/**
 * Development and tests only: a fixed, published key, so data written in development
 * stays readable across restarts. Production refuses to start without MASTER_KEY
 * (loadConfig), so this key never protects real data.
 */
export const DEVELOPMENT_MASTER_KEY = Buffer.from('casework-development-master-key!', 'utf8');

let warned = false;

export function masterKeyFrom(
  config: Pick<AppConfig, 'MASTER_KEY' | 'NODE_ENV'>,
  warn: (message: string) => void = (m) => process.emitWarning(m),
): Buffer {
  if (config.MASTER_KEY) return Buffer.from(config.MASTER_KEY, 'base64');
  if (config.NODE_ENV === 'production') throw new Error('MASTER_KEY is required in production');
  if (!warned) {
    warned = true;
    warn('MASTER_KEY is not set: personal data is encrypted with the well-known development key');
  }
  return DEVELOPMENT_MASTER_KEY;
}
