/**
 * Structured JSON logs. Never log secrets or personal data: no bodies, no cookies, no query
 * strings (they may hold verification or reset tokens), no email addresses.
 */
import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { app: 'mosaic' },
  redact: {
    paths: ['*.password', '*.token', '*.secret', '*.email', '*.authorization', '*.cookie', 'headers.cookie', 'headers.authorization'],
    censor: '[redacted]',
  },
});

export type Logger = typeof logger;
