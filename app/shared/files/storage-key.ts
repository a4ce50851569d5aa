/**
 * Storage keys are relative paths made of plain segments (`2026/11/3f2c...`). A key never holds
 * `.` or `..` segments, absolute paths, backslashes, empty segments, hidden names or non-ASCII,
 * so no key can reach outside the store, on disk or in an S3 bucket. Pure.
 */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;

export function isSafeStorageKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment) && !segment.includes('..'));
}
