/** Absolute links to our own localized account pages, for mail. */
import type { Locale } from '#app/shared/i18n/locales.ts';

function accountLink(publicUrl: string, locale: Locale, page: string, token: string): string {
  return `${publicUrl}/${locale}/account/${page}?${new URLSearchParams({ token })}`;
}

export function verifyEmailLink(publicUrl: string, locale: Locale, token: string): string {
  return accountLink(publicUrl, locale, 'verify-email', token);
}

export function resetPasswordLink(publicUrl: string, locale: Locale, token: string): string {
  return accountLink(publicUrl, locale, 'reset-password', token);
}
