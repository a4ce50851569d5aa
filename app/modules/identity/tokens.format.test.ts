import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateApiToken, hashApiToken, isWellFormedApiToken, readBearerCredentials } from './tokens.format.ts';

describe('API token format', () => {
  it('is mos_ followed by 32 random bytes in base64url, with an 8-character display prefix and its SHA-256', () => {
    const { token, prefix, hash } = generateApiToken();
    expect(token).toMatch(/^mos_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    expect(prefix).toBe(token.slice(4, 12));
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).not.toContain(token.slice(4));
  });

  it('never repeats', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateApiToken().token));
    expect(tokens.size).toBe(200);
  });

  it('hashes deterministically and differently for different tokens', () => {
    const a = generateApiToken().token;
    expect(hashApiToken(a)).toBe(hashApiToken(a));
    expect(hashApiToken(a)).not.toBe(hashApiToken(`${a.slice(0, -1)}${a.endsWith('A') ? 'B' : 'A'}`));
  });

  it('tells well-formed tokens from anything else', () => {
    expect(isWellFormedApiToken(generateApiToken().token)).toBe(true);
    expect(isWellFormedApiToken('mos_short')).toBe(false);
    expect(isWellFormedApiToken(`xyz_${generateApiToken().token.slice(4)}`)).toBe(false);
    expect(isWellFormedApiToken(`${generateApiToken().token} `)).toBe(false);
  });
});

describe('readBearerCredentials', () => {
  it('reads the credentials of a Bearer header, scheme in any case', () => {
    expect(readBearerCredentials('Bearer mos_abc')).toBe('mos_abc');
    expect(readBearerCredentials('bearer   mos_abc ')).toBe('mos_abc');
  });

  it('gives an empty string for a Bearer header without credentials', () => {
    expect(readBearerCredentials('Bearer')).toBe('');
    expect(readBearerCredentials('Bearer   ')).toBe('');
  });

  it('ignores other schemes and missing headers', () => {
    expect(readBearerCredentials(null)).toBeNull();
    expect(readBearerCredentials('Basic dXNlcjpwYXNz')).toBeNull();
    expect(readBearerCredentials('Bearerish x')).toBeNull();
  });
});
