import { describe, expect, it } from 'vitest';
import { ConfigError } from '#app/shared/config.server.ts';
import { DataDirectoryLockedError } from '#app/shared/db/lock.server.ts';
import { EXIT_CONFIG, EXIT_DATABASE_UNAVAILABLE, EXIT_LOCKED, explainStartupError } from './startup-errors.ts';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('explainStartupError', () => {
  it('explains a bad configuration and a locked data directory with their exit codes', () => {
    expect(explainStartupError(new ConfigError([{ variable: 'PORT', message: 'bad' }]))).toEqual({
      message: expect.stringContaining('PORT: bad'),
      exitCode: EXIT_CONFIG,
    });
    expect(explainStartupError(new DataDirectoryLockedError('/srv/data', '/srv/data/mosaic.lock'))?.exitCode).toBe(EXIT_LOCKED);
  });

  it('finds an unreachable PostgreSQL server behind the query error that wraps it', () => {
    const wrapped = new Error('Failed query: select 1', { cause: withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED') });
    expect(explainStartupError(wrapped)).toEqual({
      message: expect.stringContaining('DATABASE_URL: connect ECONNREFUSED 127.0.0.1:5432'),
      exitCode: EXIT_DATABASE_UNAVAILABLE,
    });
    expect(explainStartupError(withCode('password authentication failed for user "mosaic"', '28P01'))?.exitCode).toBe(
      EXIT_DATABASE_UNAVAILABLE,
    );
  });

  it('leaves anything else to be reported as a bug', () => {
    expect(explainStartupError(new Error('Failed query', { cause: withCode('syntax error', '42601') }))).toBeUndefined();
    expect(explainStartupError('a string')).toBeUndefined();
  });
});
