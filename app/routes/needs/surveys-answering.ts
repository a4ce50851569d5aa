/** Addresses of the pages answering a survey through an invitation. */
import type { Locale } from '#app/shared/i18n/locales.ts';

export function surveyIntroPath(locale: Locale, key: string): string {
  return `/${locale}/surveys/${key}`;
}

export function surveyPagePath(locale: Locale, key: string, page: string): string {
  return `/${locale}/surveys/${key}/page/${page}`;
}

export function surveyReviewPath(locale: Locale, key: string): string {
  return `/${locale}/surveys/${key}/review`;
}

export function invitationsPath(locale: Locale, formCode: string): string {
  return `/${locale}/needs/surveys/${formCode}/invitations`;
}
