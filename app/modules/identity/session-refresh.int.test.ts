import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Config, parseConfig, setConfig } from '#app/shared/config.server.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { resolveRequestCredentials } from './actor.server.ts';
import { createAdmin } from './admin-accounts.server.ts';
import { getAuth } from './auth.server.ts';
import { session } from './identity.schema.ts';

describe('session refresh while reading pages', () => {
  const database = useTestDatabase();
  let config: Config;

  beforeAll(() => {
    config = parseConfig({ ...process.env, AUTH_SECRET: 'test-secret-for-session-refresh-0123456789' });
    setConfig(config);
  });

  async function signIn(email: string, password: string): Promise<string> {
    const response = await (await getAuth()).handler(
      new Request(`${config.publicUrl}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: config.publicUrl },
        body: JSON.stringify({ email, password }),
      }),
    );
    expect(response.status).toBe(200);
    return response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }

  it('passes on the renewed session cookie when better-auth extends an active session, and nothing otherwise', async () => {
    const admin = await createAdmin({ email: 'reader@example.org', name: 'Reader', password: 'a long enough password' });
    const cookie = await signIn('reader@example.org', 'a long enough password');

    const fresh = await resolveRequestCredentials(new Headers({ cookie }));
    expect(fresh.actor).toMatchObject({ kind: 'user', userId: admin.userId });
    expect(fresh.setCookies).toEqual([]);

    // A session signed in days ago: better-auth extends it once its update age has passed.
    const twoDaysLeft = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    await database().db.update(session).set({ expiresAt: twoDaysLeft }).where(eq(session.userId, admin.userId));
    const renewed = await resolveRequestCredentials(new Headers({ cookie }));
    expect(renewed.actor).toMatchObject({ kind: 'user', userId: admin.userId });
    expect(renewed.setCookies.some((c) => c.startsWith('mosaic.session_token='))).toBe(true);
    const [row] = await database().db.select({ expiresAt: session.expiresAt }).from(session).where(eq(session.userId, admin.userId));
    expect(row?.expiresAt.getTime()).toBeGreaterThan(twoDaysLeft.getTime());
  });
});
