import pino, { type Logger } from 'pino';
import type { AppConfig } from '@casework/core/config/app-config';

/** Structured JSON logs; credentials and personal identifiers in headers are redacted. */
export function createRootLogger(config: Pick<AppConfig, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'casework' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-casework-user"]'], remove: true },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
