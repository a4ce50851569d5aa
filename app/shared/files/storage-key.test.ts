import { describe, expect, it } from 'vitest';
import { isSafeStorageKey } from './storage-key.ts';

describe('isSafeStorageKey', () => {
  it('accepts relative keys of plain segments', () => {
    for (const key of ['a', '2026/11/3f2c9b1e-6a1d-4c53-9d3e-0c1f9b2a7d10', 'reports/tn-2026.pdf', 'A_b-c.d/e']) {
      expect(isSafeStorageKey(key), key).toBe(true);
    }
  });

  it('refuses anything that could leave the store or hide a file', () => {
    const unsafe = [
      '',
      '..',
      '../etc/passwd',
      'a/../../b',
      'a/..',
      'a..b/c',
      '/etc/passwd',
      'a//b',
      'a/b/',
      '.hidden',
      'a/.tmp/x',
      'a\\..\\b',
      'C:/x',
      'a/b\0c',
      'café',
      'a b',
      `${'x'.repeat(129)}/y`,
      'x/'.repeat(300),
    ];
    for (const key of unsafe) expect(isSafeStorageKey(key), JSON.stringify(key)).toBe(false);
  });
});
