/**
 * A cross-origin form post to a page is refused by the front door before the page's action runs:
 * the real pages behind the real front door (loaded through Vite, as `npm run dev` does), with a
 * signed-in person whose profile the forged form tries to change.
 */

import type { ServerBuild } from 'react-router';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, seedRoles } from '#app/modules/identity/index.ts';
import { apiTestConfig, storedProfile, TEST_ORIGIN, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { type Config, setConfig } from '#app/shared/config.server.ts';
import type { Database } from '#app/shared/db/client.server.ts';
import { useTestDatabase } from '#tests/support/database.ts';

/**
 * The front door and the pages as development runs them: one Vite module graph (so pages and the
 * front door share the request context), on the test database and configuration.
 */
async function createDevApp(vite: ViteDevServer, database: Database, config: Config): Promise<TestApp> {
  const client = await vite.ssrLoadModule('/app/shared/db/client.server.ts');
  client.setDatabase(database);
  const configuration = await vite.ssrLoadModule('/app/shared/config.server.ts');
  configuration.setConfig(config);
  const { createHttpApp } = (await vite.ssrLoadModule('/server/http-app.ts')) as typeof import('./http-app.ts');
  return createHttpApp({ config, build: () => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild> });
}

describe('cross-origin form posts to pages', () => {
  const database = useTestDatabase();
  const email = 'forged-form@api-test.mosaic.localhost';
  const password = 'a long enough password';
  let vite: ViteDevServer;
  let app: TestApp;
  let cookie: string;
  let userId: string;

  beforeAll(async () => {
    vite = await createServer({ server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom', logLevel: 'error' });
    const config = apiTestConfig();
    setConfig(config);
    app = await createDevApp(vite, database(), config);
    await seedRoles(database().db);
    ({ userId } = await createAdmin({ email, name: 'Profile Owner', password, locale: 'en' }));
    const signIn = await app.fetch(
      new Request(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: TEST_ORIGIN },
        body: JSON.stringify({ email, password }),
      }),
    );
    expect(signIn.status).toBe(200);
    cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }, 120_000);

  afterAll(async () => {
    await vite?.close();
  });

  function postProfileForm(origin: string) {
    return app.fetch(
      new Request(`${TEST_ORIGIN}/en/account`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: 'Mallory', locale: 'fr', gender: '' }).toString(),
      }),
    );
  }

  it('refuses a form posted from another origin with 403, and nothing is written', async () => {
    const response = await postProfileForm('https://elsewhere.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(await storedProfile(userId)).toEqual({ name: 'Profile Owner', locale: 'en', gender: null });
  });

  it('lets the same form through from our own origin (the page would have written)', async () => {
    const response = await postProfileForm(TEST_ORIGIN);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/fr/account');
    expect(await storedProfile(userId)).toEqual({ name: 'Mallory', locale: 'fr', gender: null });
  });
});
