/**
 * Seeding the demo directory and the synthetic benchmark directory. System tasks run by start-up
 * (first start of a demo installation) and the CLI (`seed --demo`, `seed --synthetic N`), not by
 * a person, so they are not authorised against an actor nor audited, like the reference data.
 * Both are idempotent: a second run writes nothing, and nothing edited since is overwritten.
 */
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import {
  clusterIdsBySlug,
  INSERT_BATCH,
  insertClusterFacts,
  insertNewClusters,
  insertNewMemberships,
  insertNewOrganisations,
  insertPeople,
  organisationIdsBySlug,
  setAnchorIfMissing,
} from './demo.repository.server.ts';
import { buildDemoDirectory } from './demo-directory.ts';
import { syntheticOrganisations } from './synthetic-directory.ts';

/** What one run wrote (zero everywhere when the demo directory was already there). */
export interface DemoDirectoryCounts {
  clusters: number;
  facts: number;
  organisations: number;
  memberships: number;
  people: number;
}

/**
 * Writes the 14 real clusters with their sourced facts, their synthetic organisations,
 * memberships, anchors and demo people, and `demo-organisation`. Needs the reference data
 * (`seedReferenceData`) first. Only what is new is written: facts and anchors of clusters created
 * now, memberships and people of organisations created now.
 */
export async function seedDemoDirectory(executor: Executor = getDb()): Promise<DemoDirectoryCounts> {
  const demo = buildDemoDirectory();
  return executor.transaction(async (tx) => {
    const newOrganisations = new Set(await insertNewOrganisations(tx, demo.organisations));
    const newClusters = new Set(await insertNewClusters(tx, demo.clusters));
    const organisationIds = await organisationIdsBySlug(
      tx,
      demo.organisations.map((row) => row.slug),
    );
    const clusterIds = await clusterIdsBySlug(
      tx,
      demo.clusters.map((row) => row.slug),
    );
    const idOf = (ids: Map<string, string>, slug: string) => {
      const id = ids.get(slug);
      if (!id) throw new Error(`demo directory: ${slug} is missing after insertion`);
      return id;
    };

    const facts = await insertClusterFacts(
      tx,
      demo.facts
        .filter((fact) => newClusters.has(fact.clusterSlug))
        .map(({ clusterSlug, ...fact }) => ({ ...fact, clusterId: idOf(clusterIds, clusterSlug) })),
    );
    const memberships = await insertNewMemberships(
      tx,
      demo.memberships
        .filter((membership) => newClusters.has(membership.clusterSlug) || newOrganisations.has(membership.organisationSlug))
        .map((membership) => ({
          clusterId: idOf(clusterIds, membership.clusterSlug),
          organisationId: idOf(organisationIds, membership.organisationSlug),
          role: membership.role,
        })),
    );
    for (const anchor of demo.anchors) {
      if (newClusters.has(anchor.clusterSlug)) {
        await setAnchorIfMissing(tx, idOf(clusterIds, anchor.clusterSlug), idOf(organisationIds, anchor.organisationSlug));
      }
    }
    const people = await insertPeople(
      tx,
      demo.people
        .filter((row) => newOrganisations.has(row.organisationSlug))
        .map(({ organisationSlug, ...row }) => ({ ...row, organisationId: idOf(organisationIds, organisationSlug) })),
    );
    return { clusters: newClusters.size, facts, organisations: newOrganisations.size, memberships, people };
  });
}

export interface SyntheticProgress {
  done: number;
  total: number;
  inserted: number;
}

/**
 * Makes sure synthetic organisations 1 to `count` exist (demo-flagged), writing them in batches
 * of multi-row inserts; `onProgress` is called after each batch. Returns how many were new.
 */
export async function seedSyntheticDirectory(
  count: number,
  options: { executor?: Executor; onProgress?: (progress: SyntheticProgress) => void } = {},
): Promise<number> {
  const executor = options.executor ?? getDb();
  let inserted = 0;
  for (let from = 1; from <= count; from += INSERT_BATCH) {
    const size = Math.min(INSERT_BATCH, count - from + 1);
    const rows = syntheticOrganisations(from, size);
    // Looking the slugs up first is much cheaper than inserting rows that all conflict (a top-up run).
    const existing = await organisationIdsBySlug(
      executor,
      rows.map((row) => row.slug),
    );
    const missing = rows.filter((row) => !existing.has(row.slug));
    if (missing.length > 0) inserted += (await insertNewOrganisations(executor, missing)).length;
    options.onProgress?.({ done: from + size - 1, total: count, inserted });
  }
  return inserted;
}
