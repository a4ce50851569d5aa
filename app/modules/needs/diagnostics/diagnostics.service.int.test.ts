/** Cluster diagnostics on a real database: rounds, drafts and endorsement, who may do what, public reading and the audit trail. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '#app/shared/auth/actor.ts';
import { auditLog, diagnostic, diagnosticBaseline, diagnosticChallenge, diagnosticSwotItem } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { type ClusterRow, insertCluster } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { archiveChallengeTheme, seedChallengeThemes } from '../needs.service.server.ts';
import {
  addBaselineFigure,
  addChallenge,
  addSwotItem,
  createDiagnostic,
  endorseDiagnostic,
  getClusterDiagnostics,
  getDiagnostic,
  listClusterDiagnostics,
  listEndorsedChallenges,
  removeBaselineFigure,
  removeChallenge,
  removeSwotItem,
  updateChallenge,
  updateDiagnostic,
} from './diagnostics.service.server.ts';

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => (isAppError(error) ? error.code : error),
  );
}

const finance = {
  themeCode: 'access-to-finance',
  description: { fr: 'Les banques refusent le crédit aux ateliers de mosaïque.' },
  sourceLocale: 'fr' as const,
  severity: 4,
  affectedGroups: ['micro-firms' as const, 'women-artisans' as const],
  genderDimension: 'women-more' as const,
  genderNote: { fr: 'Les artisanes n’ont pas de garanties foncières.' },
  evidence: { fr: 'Entretiens avec 14 ateliers, octobre 2026.' },
  evidenceUrl: 'https://example.org/enquete',
};

describe('cluster diagnostics service', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let elJem: ClusterRow;
  let fes: ClusterRow;
  const manager = () => person([grant('cluster_manager', 'cluster', elJem.slug)], { userId: 'manager-1' });
  const otherManager = () => person([grant('cluster_manager', 'cluster', fes.slug)], { userId: 'manager-2' });
  const staffTN = person([grant('programme_staff', 'country', 'TN')], { userId: 'staff-tn' });
  const focalTN = person([grant('national_focal_point', 'country', 'TN')], { userId: 'focal-tn' });
  const member = person([grant('member', 'global')], { userId: 'member-1' });

  const auditActions = async (subjectId: string) =>
    (await db().select().from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(auditLog.createdAt)).map((row) => row.action);
  const snapshot = async () => ({
    diagnostics: await db().select().from(diagnostic).orderBy(diagnostic.id),
    challenges: await db().select().from(diagnosticChallenge).orderBy(diagnosticChallenge.id),
    swot: await db().select().from(diagnosticSwotItem).orderBy(diagnosticSwotItem.id),
    baseline: await db().select().from(diagnosticBaseline).orderBy(diagnosticBaseline.id),
    audit: await db().select().from(auditLog).orderBy(auditLog.id),
  });

  beforeAll(async () => {
    await seedChallengeThemes(db());
    elJem = await insertCluster(db(), { countryIso2: 'TN' });
    fes = await insertCluster(db(), { countryIso2: 'MA' });
  });

  it('lets the cluster manager draft a round, add challenges, SWOT and baseline, and endorse it; every change audited', async () => {
    const draft = await createDiagnostic(manager(), { cluster: elJem.slug, diagnosedOn: '2026-10-14' });
    expect(draft).toMatchObject({ cluster: elJem.slug, country: 'TN', round: 1, status: 'draft', endorsedBy: null, basedOnId: null });

    const first = await addChallenge(manager(), draft.id, finance);
    expect(first).toMatchObject({ severity: 4, sortOrder: 0, evidenceUrl: 'https://example.org/enquete', genderDimension: 'women-more' });
    const second = await addChallenge(manager(), draft.id, {
      themeCode: 'markets-and-buyers',
      description: { fr: 'Peu d’acheteurs hors de la saison touristique.' },
      sourceLocale: 'fr',
      severity: 2,
    });
    expect(second).toMatchObject({ sortOrder: 1, affectedGroups: [], genderDimension: 'none', evidence: null });
    await updateChallenge(manager(), second.id, { severity: 3, affectedGroups: ['exporters'] });
    const merged = await updateChallenge(manager(), second.id, { description: { en: 'Few buyers out of season.' } });
    expect(merged.description).toEqual({ fr: 'Peu d’acheteurs hors de la saison touristique.', en: 'Few buyers out of season.' });
    await addSwotItem(manager(), draft.id, { kind: 'strength', text: { fr: 'Un savoir-faire romain reconnu.' }, sourceLocale: 'fr' });
    const threat = await addSwotItem(manager(), draft.id, { kind: 'threat', text: { en: 'Cheap imitations.' } });
    await removeSwotItem(manager(), threat.id);
    await addBaselineFigure(manager(), draft.id, {
      indicatorCode: 'member-enterprises',
      value: 42,
      unit: 'count',
      year: 2026,
      source: 'Census',
    });
    await updateDiagnostic(manager(), draft.id, { diagnosedOn: '2026-10-15' });

    const endorsed = await endorseDiagnostic(manager(), draft.id, { name: 'Hédi Ben Salah', role: 'Président du comité de pilotage' });
    expect(endorsed).toMatchObject({
      status: 'endorsed',
      diagnosedOn: '2026-10-15',
      endorsedBy: { name: 'Hédi Ben Salah', role: 'Président du comité de pilotage' },
      challengeCount: 2,
    });
    expect(endorsed.endorsedAt).not.toBeNull();
    expect(endorsed.challenges.map((c) => [c.themeCode, c.severity])).toEqual([
      ['access-to-finance', 4],
      ['markets-and-buyers', 3],
    ]);
    expect(endorsed.swot).toHaveLength(1);
    expect(endorsed.baseline).toMatchObject([{ indicatorCode: 'member-enterprises', value: 42, unit: 'count', year: 2026 }]);
    const [row] = await db().select().from(diagnostic).where(eq(diagnostic.id, draft.id));
    expect(row?.endorsedByUserId).toBe('manager-1');
    expect(await auditActions(draft.id)).toEqual([
      'needs.diagnostic.create',
      'needs.diagnostic.challenge.add',
      'needs.diagnostic.challenge.add',
      'needs.diagnostic.challenge.update',
      'needs.diagnostic.challenge.update',
      'needs.diagnostic.swot.add',
      'needs.diagnostic.swot.add',
      'needs.diagnostic.swot.remove',
      'needs.diagnostic.baseline.add',
      'needs.diagnostic.update',
      'needs.diagnostic.endorse',
    ]);
  });

  it('keeps an endorsed round read-only: a new round starts as a copy, and the old one is unchanged', async () => {
    const [endorsed] = await listClusterDiagnostics(anonymous, elJem.slug);
    expect(endorsed).toMatchObject({ round: 1, status: 'endorsed' });
    const full = await getDiagnostic(manager(), endorsed!.id);
    const before = await snapshot();
    expect(await codeOf(addChallenge(manager(), endorsed!.id, finance))).toBe('NEEDS_DIAGNOSTIC_ENDORSED');
    expect(await codeOf(updateChallenge(manager(), full.challenges[0]!.id, { severity: 1 }))).toBe('NEEDS_DIAGNOSTIC_ENDORSED');
    expect(await codeOf(removeChallenge(manager(), full.challenges[0]!.id))).toBe('NEEDS_DIAGNOSTIC_ENDORSED');
    expect(await codeOf(removeBaselineFigure(manager(), full.baseline[0]!.id))).toBe('NEEDS_DIAGNOSTIC_ENDORSED');
    expect(await codeOf(endorseDiagnostic(manager(), endorsed!.id, { name: 'X', role: 'Y' }))).toBe('NEEDS_DIAGNOSTIC_ENDORSED');
    expect(await snapshot()).toEqual(before);

    const next = await createDiagnostic(staffTN, { cluster: elJem.slug, diagnosedOn: '2027-04-01' });
    expect(next).toMatchObject({ round: 2, status: 'draft', basedOnId: endorsed!.id, challengeCount: 2 });
    expect(next.challenges.map((c) => c.description)).toEqual(full.challenges.map((c) => c.description));
    expect(next.challenges[0]!.id).not.toBe(full.challenges[0]!.id);
    expect(next.swot.map((s) => s.text)).toEqual(full.swot.map((s) => s.text));
    expect(next.baseline.map((b) => b.value)).toEqual([42]);
    await removeChallenge(staffTN, next.challenges[0]!.id);
    expect((await getDiagnostic(manager(), endorsed!.id)).challenges).toHaveLength(2);
    expect(await codeOf(createDiagnostic(manager(), { cluster: elJem.slug, diagnosedOn: '2027-04-02' }))).toBe(
      'NEEDS_DIAGNOSTIC_DRAFT_EXISTS',
    );
  });

  it('shows the public endorsed rounds without evidence, and drafts and evidence to needs.read only', async () => {
    const publicView = await getClusterDiagnostics(anonymous, elJem.slug);
    expect(publicView.rounds.map((r) => [r.round, r.status])).toEqual([[1, 'endorsed']]);
    expect(publicView.draft).toBeNull();
    expect(publicView.canManage).toBe(false);
    expect(publicView.current?.challenges[0]).toMatchObject({ themeCode: 'access-to-finance', evidence: null, evidenceUrl: null });
    expect(publicView.current?.challenges[0]?.genderNote).toEqual(finance.genderNote);

    const focalView = await getClusterDiagnostics(focalTN, elJem.slug);
    expect(focalView.rounds.map((r) => [r.round, r.status])).toEqual([
      [2, 'draft'],
      [1, 'endorsed'],
    ]);
    expect(focalView.current?.challenges[0]?.evidence).toEqual(finance.evidence);
    expect(focalView.draft?.round).toBe(2);
    expect(focalView.canManage).toBe(false);

    const draftId = focalView.draft!.id;
    expect(await codeOf(getDiagnostic(member, draftId))).toBe('NEEDS_DIAGNOSTIC_NOT_FOUND');
    expect(await codeOf(getDiagnostic(otherManager(), draftId))).toBe('NEEDS_DIAGNOSTIC_NOT_FOUND');
    expect((await getDiagnostic(focalTN, draftId)).status).toBe('draft');
  });

  it('refuses visitors, members, another cluster’s manager and a focal point every change, changing nothing', async () => {
    const { draft, current } = await getClusterDiagnostics(manager(), elJem.slug);
    const before = await snapshot();
    for (const [actor, expected] of [
      [anonymous, 'COMMON_UNAUTHENTICATED'],
      [member, 'NEEDS_DIAGNOSTIC_NOT_FOUND'],
      [otherManager(), 'NEEDS_DIAGNOSTIC_NOT_FOUND'],
      [focalTN, 'COMMON_FORBIDDEN'],
    ] as const) {
      expect(await codeOf(addChallenge(actor, draft!.id, finance))).toBe(expected);
      expect(await codeOf(addSwotItem(actor, draft!.id, { kind: 'weakness', text: { en: 'x' } }))).toBe(expected);
      expect(await codeOf(endorseDiagnostic(actor, draft!.id, { name: 'X', role: 'Y' }))).toBe(expected);
    }
    expect(await codeOf(createDiagnostic(anonymous, { cluster: elJem.slug, diagnosedOn: '2027-01-01' }))).toBe('COMMON_UNAUTHENTICATED');
    expect(await codeOf(createDiagnostic(member, { cluster: fes.slug, diagnosedOn: '2027-01-01' }))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(createDiagnostic(staffTN, { cluster: fes.slug, diagnosedOn: '2027-01-01' }))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(createDiagnostic(manager(), { cluster: 'no-such-cluster', diagnosedOn: '2027-01-01' }))).toBe(
      'NEEDS_DIAGNOSTIC_CLUSTER_NOT_FOUND',
    );
    // Members see the endorsed round, but may not touch it either.
    expect(await codeOf(removeChallenge(member, current!.challenges[0]!.id))).toBe('COMMON_FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad input with field codes, an archived theme, and endorsing an empty round, changing nothing', async () => {
    const draft = await createDiagnostic(otherManager(), { cluster: fes.slug, diagnosedOn: '2026-11-01' });
    const before = await snapshot();
    const failure = await addChallenge(otherManager(), draft.id, {
      ...finance,
      severity: 5,
      description: {},
      affectedGroups: ['aliens' as 'youth'],
      evidenceUrl: 'javascript:alert(1)',
    }).catch((error: unknown) => error);
    expect(isAppError(failure) && failure.code).toBe('COMMON_VALIDATION_FAILED');
    const fields = isAppError(failure) ? (failure.details?.fields ?? []).map((f) => f.field).sort() : [];
    expect(fields).toEqual(['affectedGroups.0', 'description', 'evidenceUrl', 'severity']);
    expect(await codeOf(addChallenge(otherManager(), draft.id, { ...finance, themeCode: 'no-such-theme' }))).toBe(
      'NEEDS_DIAGNOSTIC_UNKNOWN_THEME',
    );
    expect(await codeOf(addChallenge(otherManager(), draft.id, { ...finance, affectedGroups: ['youth', 'youth'] }))).toBe(
      'COMMON_VALIDATION_FAILED',
    );
    expect(
      await codeOf(addBaselineFigure(otherManager(), draft.id, { indicatorCode: 'jobs', value: 3, unit: 'dollars', year: 2026 })),
    ).toBe('COMMON_VALIDATION_FAILED');
    expect(await codeOf(updateDiagnostic(otherManager(), draft.id, { diagnosedOn: '2026-13-45' }))).toBe('COMMON_VALIDATION_FAILED');
    expect(await codeOf(endorseDiagnostic(otherManager(), draft.id, { name: 'Amina', role: 'Chair' }))).toBe('NEEDS_DIAGNOSTIC_EMPTY');
    expect(await codeOf(endorseDiagnostic(otherManager(), draft.id, { name: ' ', role: 'Chair' }))).toBe('COMMON_VALIDATION_FAILED');
    expect(await snapshot()).toEqual(before);

    const admin = person([grant('platform_admin', 'global')]);
    await archiveChallengeTheme(admin, 'infrastructure');
    expect(await codeOf(addChallenge(otherManager(), draft.id, { ...finance, themeCode: 'infrastructure' }))).toBe(
      'NEEDS_DIAGNOSTIC_UNKNOWN_THEME',
    );
  });

  it('lists the challenges of each cluster’s latest endorsed round, filtered and paginated, evidence for needs.read only', async () => {
    const fesDraft = (await getClusterDiagnostics(otherManager(), fes.slug)).draft!;
    await addChallenge(otherManager(), fesDraft.id, {
      ...finance,
      sourceLocale: 'en',
      description: { en: 'No credit for zellige makers.' },
    });
    await addChallenge(otherManager(), fesDraft.id, {
      themeCode: 'skills-and-training',
      description: { en: 'Apprentices leave.' },
      severity: 3,
    });
    await endorseDiagnostic(otherManager(), fesDraft.id, { name: 'Amina Tazi', role: 'Chair' });

    const all = await listEndorsedChallenges(anonymous, {});
    // El Jem's round 2 is still a draft: its round 1 is what counts.
    expect(all.total).toBe(4);
    expect(all.items.map((c) => [c.country, c.cluster, c.round, c.themeCode])).toEqual([
      ['MA', fes.slug, 1, 'access-to-finance'],
      ['MA', fes.slug, 1, 'skills-and-training'],
      ['TN', elJem.slug, 1, 'access-to-finance'],
      ['TN', elJem.slug, 1, 'markets-and-buyers'],
    ]);
    expect(all.items.every((c) => c.evidence === null && c.evidenceUrl === null)).toBe(true);

    const finance2 = await listEndorsedChallenges(anonymous, { theme: 'access-to-finance', pageSize: 1, page: 2 });
    expect(finance2).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ cluster: elJem.slug }] });
    expect((await listEndorsedChallenges(anonymous, { country: 'MA' })).total).toBe(2);
    expect((await listEndorsedChallenges(anonymous, { cluster: elJem.slug })).total).toBe(2);

    const focal = await listEndorsedChallenges(focalTN, { theme: 'access-to-finance' });
    expect(focal.items.map((c) => [c.country, c.evidence !== null])).toEqual([
      ['MA', false],
      ['TN', true],
    ]);

    // Endorsing El Jem's round 2 replaces its round 1 in the list.
    const elJemDraft = (await getClusterDiagnostics(manager(), elJem.slug)).draft!;
    await endorseDiagnostic(manager(), elJemDraft.id, { name: 'Hédi Ben Salah', role: 'Président' });
    const tunisia = await listEndorsedChallenges(anonymous, { country: 'TN' });
    expect(tunisia.items.map((c) => [c.round, c.themeCode])).toEqual([[2, 'markets-and-buyers']]);
    expect(await codeOf(listEndorsedChallenges(anonymous, { pageSize: 1000 }))).toBe('COMMON_VALIDATION_FAILED');
  });
});
