import { describe, expect, test } from 'vitest';
import { safeRedirectPath } from './redirect.ts';

describe('safeRedirectPath', () => {
  test.each([
    ['/fr/account', '/fr/account'],
    ['/en/admin/outbox?page=2#top', '/en/admin/outbox?page=2#top'],
    ['/ar/', '/ar/'],
    ['/en/a/../b', '/en/b'],
  ])('keeps the local path %s', (input, expected) => {
    expect(safeRedirectPath(input, '/en/account')).toBe(expected);
  });

  test.each([
    ['https://evil.example/steal'],
    ['//evil.example/steal'],
    ['/\\evil.example'],
    ['/en/\\/evil.example'],
    ['javascript:alert(1)'],
    ['en/account'],
    ['/en/account\r\nSet-Cookie: x=1'],
    ['/en/\u0000'],
    [''],
    [undefined],
    [42],
    [`/${'a'.repeat(2001)}`],
  ])('refuses %j', (input) => {
    expect(safeRedirectPath(input, '/en/account')).toBe('/en/account');
  });
});
