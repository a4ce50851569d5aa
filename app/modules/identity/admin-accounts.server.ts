/**
 * Accounts made by the operator rather than by sign-up: platform admins (`npm run mosaic --
 * create-admin`) and the demo accounts, one per role, printed at first start. Users are created
 * through better-auth's internal adapter so the password hash and the user record are exactly what
 * sign-in expects; they are verified from the start, and no verification mail is sent.
 */

import { recordAudit } from '#app/shared/audit/audit.server.ts';
import { system } from '#app/shared/auth/actor.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { AppError } from '#app/shared/errors.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { parseInput } from '#app/shared/validation.ts';
import { type CreateAdminInput, createAdminInput } from './admin-accounts.contracts.ts';
import { getAuth } from './auth.server.ts';
import type { ScopeType } from './identity.schema.ts';
import { assignRole, seedRoles } from './roles.service.server.ts';
import type { BuiltInRoleKey } from './roles.ts';

interface NewAccount {
  email: string;
  name: string;
  locale: Locale;
  isDemo: boolean;
}

/** Creates a verified user with a credential account; returns its id. */
async function createVerifiedUser(account: NewAccount, passwordHash: string): Promise<string> {
  const { internalAdapter } = await (await getAuth()).$context;
  const user = await internalAdapter.createUser({ ...account, emailVerified: true }, { method: 'admin' });
  await internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: passwordHash });
  return user.id;
}

async function emailTaken(email: string): Promise<boolean> {
  const { internalAdapter } = await (await getAuth()).$context;
  return (await internalAdapter.findUserByEmail(email)) !== null;
}

/** Creates a platform admin (global `platform_admin`). An existing email is `IDENTITY_EMAIL_TAKEN` and changes nothing. */
export async function createAdmin(input: CreateAdminInput): Promise<{ userId: string; email: string }> {
  const { email, name, password, locale } = parseInput(createAdminInput, input);
  const context = await (await getAuth()).$context;
  const { minPasswordLength, maxPasswordLength } = context.password.config;
  if (password.length < minPasswordLength || password.length > maxPasswordLength) {
    const code = password.length < minPasswordLength ? 'too_small' : 'too_big';
    throw new AppError('COMMON_VALIDATION_FAILED', 400, { fields: [{ field: 'password', code }] });
  }
  if (await emailTaken(email)) throw new AppError('IDENTITY_EMAIL_TAKEN', 409);
  const userId = await createVerifiedUser({ email, name, locale, isDemo: false }, await context.password.hash(password));
  await seedRoles(getDb());
  await assignRole(system, { userId, role: 'platform_admin', scopeType: 'global' });
  await recordAudit(getDb(), system, { action: 'identity.admin.create', subjectType: 'user', subjectId: userId, data: { email } });
  return { userId, email };
}

/** The one password of every demo account, printed at start and documented in the README. */
export const DEMO_PASSWORD = 'mosaic-demo-2026';
export const DEMO_EMAIL_DOMAIN = 'demo.mosaic.localhost';

interface DemoAccount {
  role: BuiltInRoleKey;
  email: string;
  name: string;
  locale: Locale;
  scopeType: ScopeType;
  scopeId: string | null;
}

/** One account per built-in role; scoped roles get a demo scope (Tunisia, the El Jem mosaic cluster, a demo organisation). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    role: 'platform_admin',
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    name: 'Leila Haddad (demo)',
    locale: 'en',
    scopeType: 'global',
    scopeId: null,
  },
  {
    role: 'programme_staff',
    email: `staff@${DEMO_EMAIL_DOMAIN}`,
    name: 'Karim Mansour (demo)',
    locale: 'fr',
    scopeType: 'global',
    scopeId: null,
  },
  {
    role: 'national_focal_point',
    email: `focal-point@${DEMO_EMAIL_DOMAIN}`,
    name: 'سلمى بن علي (demo)',
    locale: 'ar',
    scopeType: 'country',
    scopeId: 'TN',
  },
  {
    role: 'cluster_manager',
    email: `cluster-manager@${DEMO_EMAIL_DOMAIN}`,
    name: 'Youssef Trabelsi (demo)',
    locale: 'fr',
    scopeType: 'cluster',
    scopeId: 'el-jem-mosaic',
  },
  {
    role: 'reviewer',
    email: `reviewer@${DEMO_EMAIL_DOMAIN}`,
    name: 'Nadia Khoury (demo)',
    locale: 'en',
    scopeType: 'global',
    scopeId: null,
  },
  {
    role: 'organisation_admin',
    email: `organisation-admin@${DEMO_EMAIL_DOMAIN}`,
    name: 'Omar El Amrani (demo)',
    locale: 'fr',
    scopeType: 'organisation',
    scopeId: 'demo-organisation',
  },
  { role: 'member', email: `member@${DEMO_EMAIL_DOMAIN}`, name: 'مريم سعيد (demo)', locale: 'ar', scopeType: 'global', scopeId: null },
];

export interface DemoLogin {
  email: string;
  password: string;
  role: BuiltInRoleKey;
}

/**
 * Creates whichever demo accounts are missing (verified, `isDemo`, each with its role) and returns
 * the logins of all of them for the console. Idempotent. The caller decides whether demo accounts
 * belong in this installation (never in production unless asked for).
 */
export async function ensureDemoAccounts(): Promise<DemoLogin[]> {
  await seedRoles(getDb());
  const { password } = await (await getAuth()).$context;
  let passwordHash: string | undefined;
  for (const demo of DEMO_ACCOUNTS) {
    if (await emailTaken(demo.email)) continue;
    // One password for every demo account: hash it once (hashing is deliberately slow).
    passwordHash ??= await password.hash(DEMO_PASSWORD);
    const userId = await createVerifiedUser({ email: demo.email, name: demo.name, locale: demo.locale, isDemo: true }, passwordHash);
    await assignRole(system, { userId, role: demo.role, scopeType: demo.scopeType, scopeId: demo.scopeId });
    await recordAudit(getDb(), system, {
      action: 'identity.demo.create',
      subjectType: 'user',
      subjectId: userId,
      data: { email: demo.email },
    });
  }
  return DEMO_ACCOUNTS.map((demo) => ({ email: demo.email, password: DEMO_PASSWORD, role: demo.role }));
}
