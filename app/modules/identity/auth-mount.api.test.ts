/**
 * better-auth behind the front door: mounted at /api/auth, its sign-in limiter keyed on the client
 * address that the front door sets (a client cannot pick its own), cross-origin posts refused.
 */
import { describe, expect, test } from 'vitest';
import { createTestApp, TEST_ORIGIN } from '#app/shared/api/testing/api-test-app.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { CLIENT_IP_HEADER } from './auth.server.ts';

describe('better-auth at /api/auth', () => {
  useTestDatabase();

  function signIn(app: ReturnType<typeof createTestApp>, headers: Record<string, string>, body = 'wrong-password') {
    return app.request(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, ...headers },
      body: JSON.stringify({ email: 'nobody@example.org', password: body }),
    });
  }

  test('answers its own routes', async () => {
    const app = createTestApp();
    const response = await app.request(`${TEST_ORIGIN}/api/auth/get-session`);
    expect(response.status).toBe(200);
    expect(await response.json()).toBeNull();
  });

  test('a client changing its claimed address on every attempt still meets the sign-in limit', async () => {
    const app = createTestApp();
    const { max } = getConfig().signInLimit;
    const statuses: number[] = [];
    for (let i = 0; i <= max; i++) {
      const spoofed = { [CLIENT_IP_HEADER]: `192.0.2.${i + 1}`, 'x-forwarded-for': `198.51.100.${i + 1}` };
      statuses.push((await signIn(app, spoofed)).status);
    }
    expect(statuses).toEqual([...Array(max).fill(401), 429]);
  });

  test('a cross-origin form post is refused before better-auth sees it', async () => {
    const app = createTestApp();
    const response = await app.request(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'email=nobody%40example.org&password=x',
    });
    expect(response.status).toBe(403);
  });

  test('a cross-origin JSON call is refused by better-auth', async () => {
    const app = createTestApp();
    const response = await app.request(`${TEST_ORIGIN}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', cookie: 'mosaic.session_token=x' },
      body: JSON.stringify({ email: 'new@example.org', password: 'long-enough-password', name: 'New' }),
    });
    expect(response.status).toBe(403);
  });
});
