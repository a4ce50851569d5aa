/** Seeding the demo diagnostics: endorsed, marked demo, listed for the synthesis; never over a cluster's own rounds; idempotent. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '#app/shared/auth/actor.ts';
import { auditLog, diagnostic } from '#app/shared/db/schema.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { insertCluster } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { seedChallengeThemes } from '../needs.service.server.ts';
import { createDiagnostic, getClusterDiagnostics, listEndorsedChallenges, seedDemoDiagnostics } from './diagnostics.service.server.ts';

describe('demo diagnostics seeding', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  beforeAll(async () => {
    await seedChallengeThemes(db());
    await insertCluster(db(), { slug: 'el-jem-mosaic', countryIso2: 'TN' });
    await insertCluster(db(), { slug: 'batna-jewellery', countryIso2: 'DZ' });
    await insertCluster(db(), { slug: 'amman-ceramics', countryIso2: 'JO' });
  });

  it('writes an endorsed demo round for each demo cluster present, except one that already has a round, and only once', async () => {
    const manager = person([grant('cluster_manager', 'cluster', 'amman-ceramics')]);
    await createDiagnostic(manager, { cluster: 'amman-ceramics', diagnosedOn: '2026-09-01' });

    expect(await seedDemoDiagnostics(db())).toEqual({ diagnostics: 2, challenges: 7 });
    expect(await seedDemoDiagnostics(db())).toEqual({ diagnostics: 0, challenges: 0 });

    const elJem = await getClusterDiagnostics(anonymous, 'el-jem-mosaic');
    expect(elJem.current).toMatchObject({ round: 1, status: 'endorsed', isDemo: true, endorsedBy: { name: 'Hédi Ben Salah (demo)' } });
    expect(elJem.current?.challenges[0]).toMatchObject({ themeCode: 'access-to-finance', severity: 4, evidence: null });
    expect(elJem.current?.swot).toHaveLength(4);
    const amman = await db().select().from(diagnostic).where(eq(diagnostic.isDemo, false));
    expect(amman).toHaveLength(1);
    expect((await listEndorsedChallenges(anonymous, { theme: 'access-to-finance' })).items.map((c) => c.country)).toEqual(['DZ', 'TN']);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'needs.diagnostic.endorse'))).toEqual([]);
  });
});
