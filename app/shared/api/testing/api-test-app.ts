/**
 * Shared by the `*.api.test.ts` files: the real Hono front door on the test database, people with
 * real API tokens, and requests shaped like a client's.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import type { ServerBuild } from 'react-router';
import { actorForUser, createApiToken } from '#app/modules/identity/index.ts';
import { type Config, parseConfig, setConfig } from '#app/shared/config.server.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { user } from '#app/shared/db/schema.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { type AppEnv, createHttpApp } from '#server/http-app.ts';

export const TEST_ORIGIN = 'http://localhost:3000';

export function apiTestConfig(): Config {
  return parseConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: TEST_ORIGIN,
    AUTH_SECRET: 'api-tests-secret-api-tests-secret-0123456789',
    MOSAIC_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'mosaic-api-test-')),
  });
}

/**
 * The whole front door (security headers, request ids, CSRF, the API) with the given page build.
 * By default pages are not under test: reaching the page handler is a test failure by itself.
 */
export type TestApp = Hono<AppEnv>;

export function createTestApp(build?: HttpAppBuild): TestApp {
  const config = apiTestConfig();
  setConfig(config);
  return createHttpApp({ config, build: build ?? (() => Promise.reject(new Error('API tests do not render pages'))) });
}

type HttpAppBuild = ServerBuild | (() => Promise<ServerBuild>);

export interface TestPerson {
  userId: string;
  email: string;
}

let people = 0;

/** A verified member without roles, as sign-up and verification would leave them. */
export async function createPerson(values: { name?: string; locale?: Locale } = {}): Promise<TestPerson> {
  people += 1;
  const userId = `api-test-${people}-${crypto.randomUUID()}`;
  const email = `person${people}-${userId.slice(-6)}@api-test.mosaic.localhost`;
  await getDb()
    .insert(user)
    .values({ id: userId, name: values.name ?? `Person ${people}`, email, emailVerified: true, locale: values.locale ?? 'en' });
  return { userId, email };
}

/** A personal API token made the way account settings make it (a signed-in owner, audited). */
export async function issueToken(person: TestPerson, name = 'test client'): Promise<{ token: string; tokenId: string }> {
  const created = await createApiToken(await actorForUser(person.userId, 'session'), { name });
  return { token: created.token, tokenId: created.id };
}

export async function storedProfile(userId: string) {
  const [row] = await getDb().select({ name: user.name, locale: user.locale, gender: user.gender }).from(user).where(eq(user.id, userId));
  return row;
}

export interface ApiCall {
  method?: string;
  token?: string;
  json?: unknown;
  headers?: Record<string, string>;
}

/** A request as an API client sends it to the server at TEST_ORIGIN. */
export function apiRequest(
  app: TestApp,
  pathAndQuery: string,
  { method = 'GET', token, json, headers = {} }: ApiCall = {},
): Promise<Response> {
  const allHeaders = new Headers(headers);
  if (token) allHeaders.set('Authorization', `Bearer ${token}`);
  if (json !== undefined) allHeaders.set('Content-Type', 'application/json');
  return Promise.resolve(
    app.fetch(
      new Request(`${TEST_ORIGIN}${pathAndQuery}`, {
        method,
        headers: allHeaders,
        body: json === undefined ? undefined : JSON.stringify(json),
      }),
    ),
  );
}
