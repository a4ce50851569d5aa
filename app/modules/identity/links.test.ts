import { expect, test } from 'vitest';
import { resetPasswordLink, verifyEmailLink } from './links.ts';

test('mail links point to the localized pages and encode the token', () => {
  expect(verifyEmailLink('https://mosaic.example', 'ar', 'a.b+c/d=')).toBe(
    'https://mosaic.example/ar/account/verify-email?token=a.b%2Bc%2Fd%3D',
  );
  expect(resetPasswordLink('http://localhost:3000', 'fr', 'xyz')).toBe('http://localhost:3000/fr/account/reset-password?token=xyz');
});
