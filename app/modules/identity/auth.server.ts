/**
 * The process's better-auth instance: email and password accounts with mandatory verification,
 * password reset, database sessions, TOTP two-factor and a database-backed rate limiter shared by
 * every app process. Mail goes through the platform mail queue in the recipient's language, with
 * links to our own localized pages.
 */
import { type Config, getConfig } from '#app/shared/config.server.ts';
import { type Db, getDb } from '#app/shared/db/client.server.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { logger } from '#app/shared/logger.server.ts';
import { queueMail } from '#app/shared/mail/mail.server.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './account.contracts.ts';
import { account, rateLimit, session, twoFactor, user, verification } from './identity.schema.ts';
import { resetPasswordLink, verifyEmailLink } from './links.ts';

/**
 * The client address as the front door saw it. `server/http-app.ts` removes any value a client
 * sends and sets it from the connection (or a trusted proxy), so the rate limiter can believe it.
 */
export const CLIENT_IP_HEADER = 'x-mosaic-client-ip';

/** better-auth's routes are served under this path of the public URL. */
export const AUTH_BASE_PATH = '/api/auth';

export const TOTP_ISSUER = 'Mosaic';

/** How long the links in verification and reset mails work (seconds). */
export const VERIFICATION_LINK_SECONDS = 24 * 60 * 60;
export const RESET_LINK_SECONDS = 60 * 60;

/** better-auth types the user it hands hooks without our additional fields; ours carry the preferred language. */
function localeOf(person: object): Locale {
  const locale = 'locale' in person ? person.locale : undefined;
  return isLocale(locale) ? locale : 'en';
}

/**
 * The sender better-auth calls for a verification or reset mail: queued in the person's language,
 * with the link to our own localized page and how long it works.
 */
function accountMail(
  config: Config,
  db: Db,
  template: string,
  linkSeconds: number,
  link: (publicUrl: string, locale: Locale, token: string) => string,
) {
  return async ({ user: person, token }: { user: { email: string; name: string }; token: string }) => {
    const locale = localeOf(person);
    await queueMail(db, {
      to: person.email,
      locale,
      template,
      values: { name: person.name, hours: linkSeconds / 3600 },
      action: { url: link(config.publicUrl, locale, token) },
    });
  };
}

/**
 * better-auth and its plugins, loaded on first use (about 450 modules with kysely, 0.6 s): commands
 * that never authenticate, such as an import, start without them.
 */
async function loadAuthLibrary() {
  const [core, adapters, plugins] = await Promise.all([
    import('better-auth'),
    import('better-auth/adapters/drizzle'),
    import('better-auth/plugins/two-factor'),
  ]);
  return { betterAuth: core.betterAuth, drizzleAdapter: adapters.drizzleAdapter, twoFactorPlugin: plugins.twoFactor };
}

type AuthLibrary = Awaited<ReturnType<typeof loadAuthLibrary>>;
let library: Promise<AuthLibrary> | undefined;

function createAuth({ betterAuth, drizzleAdapter, twoFactorPlugin }: AuthLibrary, config: Config, db: Db) {
  return betterAuth({
    appName: 'Mosaic',
    baseURL: config.publicUrl,
    basePath: AUTH_BASE_PATH,
    secret: config.authSecret,
    trustedOrigins: [config.publicUrl],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user, session, account, verification, twoFactor, rateLimit },
    }),
    user: {
      additionalFields: {
        locale: { type: 'string', required: false, defaultValue: 'en', input: true },
        gender: { type: 'string', required: false, input: true },
        isDemo: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      autoSignIn: false,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      sendResetPassword: accountMail(config, db, 'identity.resetPassword', RESET_LINK_SECONDS, resetPasswordLink),
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: false,
      expiresIn: VERIFICATION_LINK_SECONDS,
      sendVerificationEmail: accountMail(config, db, 'identity.verifyEmail', VERIFICATION_LINK_SECONDS, verifyEmailLink),
    },
    rateLimit: {
      // On in every environment: the limit is part of the product's contract, and tests check it.
      enabled: true,
      storage: 'database',
      customRules: {
        '/sign-in/email': { max: config.signInLimit.max, window: config.signInLimit.windowSeconds },
      },
    },
    advanced: {
      cookiePrefix: 'mosaic',
      useSecureCookies: config.env === 'production',
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // better-auth skips its origin check when NODE_ENV=test; tests must see production behaviour.
      disableOriginCheck: false,
    },
    telemetry: { enabled: false },
    // Messages only: better-auth's extra arguments may carry personal data.
    logger: { log: (level, message) => logger[level]({ component: 'better-auth' }, message) },
    plugins: [twoFactorPlugin({ issuer: TOTP_ISSUER })],
  });
}

export type Auth = ReturnType<typeof createAuth>;

let current: { config: Config; db: Db; auth: Auth } | undefined;

/**
 * The better-auth instance for the process's configuration and database, created on first use
 * (and again when tests install a different database).
 */
export async function getAuth(): Promise<Auth> {
  library ??= loadAuthLibrary();
  const loaded = await library;
  const config = getConfig();
  const db = getDb();
  if (current?.config !== config || current.db !== db) current = { config, db, auth: createAuth(loaded, config, db) };
  return current.auth;
}
