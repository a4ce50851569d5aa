/** Accounts the e2e global setup creates with the CLI, and the ones the journeys sign up. */
import { randomBytes } from 'node:crypto';
import type { Locale } from '#app/shared/i18n/locales.ts';

export interface E2eAccount {
  email: string;
  name: string;
  password: string;
  locale: Locale;
}

const STAFF_NAMES: Record<Locale, string> = { ar: 'سلمى بن علي', fr: 'Camille Martin', en: 'Grace Okafor' };
const MEMBER_NAMES: Record<Locale, string> = { ar: 'يوسف الحداد', fr: 'Inès Benali', en: 'Samuel Mensah' };

/** One platform admin per locale, so each locale's journey sets up two-factor on its own account. */
export function staffAccount(locale: Locale): E2eAccount {
  return { email: `admin-${locale}@e2e.mosaic.localhost`, name: STAFF_NAMES[locale], password: 'e2e-staff-Password-2026', locale };
}

/** The platform admin of the directory management journey (its own account: it sets up its own two-factor). */
export function directoryStaffAccount(): E2eAccount {
  return { email: 'directory-staff@e2e.mosaic.localhost', name: 'Rania Saleh', password: 'e2e-directory-Password-2026', locale: 'en' };
}

/** The platform admin of the import journey (its own account: it sets up its own two-factor). */
export function importStaffAccount(): E2eAccount {
  return { email: 'import-staff@e2e.mosaic.localhost', name: 'Karim Haddad', password: 'e2e-import-Password-2026', locale: 'en' };
}

/** The platform admin of the survey-sending journey, who reads the invitation in the outbox (its own account: it sets up its own two-factor). */
export function surveysStaffAccount(): E2eAccount {
  return { email: 'surveys-staff@e2e.mosaic.localhost', name: 'Nadia Cherif', password: 'e2e-surveys-Password-2026', locale: 'en' };
}

/** The platform admin of the challenge themes journey (its own account: it sets up its own two-factor). */
export function themesStaffAccount(): E2eAccount {
  return { email: 'themes-staff@e2e.mosaic.localhost', name: 'Leïla Mansour', password: 'e2e-themes-Password-2026', locale: 'fr' };
}

/** The platform admin of the event registration journey, who creates and publishes its event (its own account: it sets up its own two-factor). */
export function registrationStaffAccount(): E2eAccount {
  return {
    email: 'registration-staff@e2e.mosaic.localhost',
    name: 'Hana Mourad',
    password: 'e2e-registration-Password-2026',
    locale: 'en',
  };
}

/** The platform admin of the check-in journey, who makes its event and checks people in (its own account: it sets up its own two-factor). */
export function checkinStaffAccount(): E2eAccount {
  return { email: 'checkin-staff@e2e.mosaic.localhost', name: 'Omar Khalil', password: 'e2e-checkin-Password-2026', locale: 'en' };
}

/** The platform admin of the event follow-up and statistics journey (its own account: it sets up its own two-factor). */
export function followupStaffAccount(): E2eAccount {
  return { email: 'followup-staff@e2e.mosaic.localhost', name: 'Yasmine Farah', password: 'e2e-followup-Password-2026', locale: 'fr' };
}

/** The platform admin of issue 5's acceptance journey, from the new workshop to the synthesis (its own account: it sets up its own two-factor). */
export function workshopJourneyStaffAccount(): E2eAccount {
  return {
    email: 'workshop-journey-staff@e2e.mosaic.localhost',
    name: 'Sonia Belhadj',
    password: 'e2e-workshop-Password-2026',
    locale: 'fr',
  };
}

/** A new member for one journey (unique, so a repeated run against the same server still signs up). */
export function newMemberAccount(locale: Locale): E2eAccount {
  const suffix = randomBytes(4).toString('hex');
  return {
    email: `member-${locale}-${suffix}@e2e.mosaic.localhost`,
    name: MEMBER_NAMES[locale],
    password: `e2e-member-${suffix}-Pass`,
    locale,
  };
}
