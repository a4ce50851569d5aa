/**
 * What an API token looks like: `mos_` + 32 random bytes in base64url. Only its SHA-256 hash is
 * stored (a token has full entropy, so a fast hash is enough and lets lookup be one indexed
 * query); the first characters after `mos_` are kept for display so owners can tell tokens apart.
 */
import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'mos_';
export const API_TOKEN_DISPLAY_LENGTH = 8;
const TOKEN_PATTERN = /^mos_[A-Za-z0-9_-]{43}$/;

export interface NewApiToken {
  /** The plaintext, shown to its owner once and never stored. */
  token: string;
  /** Shown in lists: the first characters after `mos_`. */
  prefix: string;
  hash: string;
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateApiToken(): NewApiToken {
  const secret = randomBytes(32).toString('base64url');
  const token = `${API_TOKEN_PREFIX}${secret}`;
  return { token, prefix: secret.slice(0, API_TOKEN_DISPLAY_LENGTH), hash: hashApiToken(token) };
}

export function isWellFormedApiToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * The credentials of an `Authorization: Bearer <token>` header (scheme case-insensitive, RFC 6750),
 * `''` when the header names the Bearer scheme without credentials, null when there is no Bearer header.
 */
export function readBearerCredentials(authorization: string | null): string | null {
  if (!authorization) return null;
  const match = /^bearer(?:\s+(.*))?$/i.exec(authorization.trim());
  if (!match) return null;
  return (match[1] ?? '').trim();
}
