import { describe, expect, it } from 'vitest';
import { type DemoDecision, formatDemoLogins, wantsDemoAccounts } from './boot.ts';

describe('wantsDemoAccounts', () => {
  const firstLocalStart: DemoDecision = { mode: 'auto', env: 'development', databaseKind: 'pglite', hasUsers: false };

  it('auto: only on an empty embedded database outside production', () => {
    expect(wantsDemoAccounts(firstLocalStart)).toBe(true);
    expect(wantsDemoAccounts({ ...firstLocalStart, hasUsers: true })).toBe(false);
    expect(wantsDemoAccounts({ ...firstLocalStart, databaseKind: 'postgres' })).toBe(false);
    expect(wantsDemoAccounts({ ...firstLocalStart, env: 'production' })).toBe(false);
    expect(wantsDemoAccounts({ ...firstLocalStart, env: 'test' })).toBe(true);
  });

  it('always forces them, even in production on a server with users; never never creates them', () => {
    expect(wantsDemoAccounts({ mode: 'always', env: 'production', databaseKind: 'postgres', hasUsers: true })).toBe(true);
    expect(wantsDemoAccounts({ ...firstLocalStart, mode: 'never' })).toBe(false);
  });
});

describe('formatDemoLogins', () => {
  it('lists every login in aligned columns under a demo banner', () => {
    const text = formatDemoLogins(
      [
        { role: 'platform_admin', email: 'admin@demo.mosaic.localhost', password: 'pw-1' },
        { role: 'member', email: 'member@demo.mosaic.localhost', password: 'pw-1' },
      ],
      'http://localhost:3000',
    );
    const lines = text.split('\n');
    expect(lines[1]).toMatch(/^DEMO ACCOUNTS/);
    expect(text).toContain('http://localhost:3000/en/account/sign-in');
    expect(lines).toContain('  platform_admin  admin@demo.mosaic.localhost   password: pw-1');
    expect(lines).toContain('  member          member@demo.mosaic.localhost  password: pw-1');
  });
});
