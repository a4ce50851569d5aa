/**
 * The needs synthesis goal (issue 4): with 100,000 survey responses, the national and regional
 * priority synthesis in at most 200 ms on a PostgreSQL server and 1 s on PGlite.
 *
 *   npx node bench/needs/priorities.ts --database postgres --url postgres://postgres@127.0.0.1:55440/mosaic_bench
 *   npx node bench/needs/priorities.ts --database pglite --data-dir /tmp/mosaic-bench-needs-pglite
 *   [--responses 100000] [--iterations 20] [--out bench/results/FILE.md]
 *
 * It prepares the database as the server does (migrations, reference data, challenge themes), adds
 * the demo directory if the 14 real clusters are missing, then one needs survey per demo cluster
 * (made with the template and published, as `createNeedsSurvey` does) and submitted responses up to
 * `--responses` in all, spread over the clusters, written straight into `form_response` in batches
 * (so the tally trigger counts them as it counts any answer; the answers are what the engine stores for the template: gender, size, 1-4 themes with
 * severities, some left blank). Then it times `getPriorities` (the service the API and the board
 * call) for the region and for a country, `--iterations` times each after two warm-up calls, and
 * writes a report with the machine facts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { seedDemoDirectory } from '#app/modules/directory/index.ts';
import { getPriorities, needsSurveyTemplate, NEEDS_SURVEY_QUESTIONS as Q, seedChallengeThemes } from '#app/modules/needs/index.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { queryRows, setDatabase } from '#app/shared/db/client.server.ts';
import { prepareDatabase } from '#server/boot.ts';
import { projectRoot } from '#server/process-harness.ts';
import { type BenchTarget, openBenchDatabase } from '../directory/database.ts';
import { machineFacts, machineSection, median, verdict } from '../support.ts';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'postgres' },
    url: { type: 'string' },
    'data-dir': { type: 'string' },
    responses: { type: 'string', default: '100000' },
    iterations: { type: 'string', default: '20' },
    out: { type: 'string' },
  },
});

const target: BenchTarget =
  args.database === 'pglite'
    ? { kind: 'pglite', dataDir: args['data-dir'] ?? '/tmp/mosaic-bench-needs-pglite' }
    : { kind: 'postgres', url: args.url ?? 'postgres://postgres@127.0.0.1:55440/mosaic_bench' };
const wanted = Number(args.responses);
const iterations = Number(args.iterations);
const GOAL_MS = target.kind === 'postgres' ? 200 : 1000;
const GENDERS = ['woman', 'man', 'another', 'undisclosed'];
const SIZES = ['micro', 'small', 'medium', 'large'];

/** A deterministic generator, so every run writes the same answers. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const bench = await openBenchDatabase(target);
setDatabase(bench.database);
const db = bench.database.db;
try {
  await prepareDatabase(bench.database);
  await seedChallengeThemes(db);
  const [{ clusters = 0 } = {}] = await queryRows<{ clusters: number }>(db, sql`SELECT count(*)::int AS clusters FROM cluster`);
  if (clusters < 14) await seedDemoDirectory(db);
  const themes = (
    await queryRows<{ code: string }>(db, sql`SELECT code FROM challenge_theme WHERE archived_at IS NULL ORDER BY sort_order`)
  ).map((row) => row.code);
  const clusterRows = await queryRows<{ slug: string }>(db, sql`SELECT slug FROM cluster WHERE is_demo = false ORDER BY slug LIMIT 14`);
  const slugs =
    clusterRows.length > 0 ? clusterRows : await queryRows<{ slug: string }>(db, sql`SELECT slug FROM cluster ORDER BY slug LIMIT 14`);

  // One survey per cluster, as createNeedsSurvey makes it (without an actor: the benchmark is the system).
  for (const { slug } of slugs) {
    const code = `bench-needs-${slug}`.slice(0, 64);
    const definition = await needsSurveyTemplate(code);
    await db.execute(sql`
      WITH f AS (
        INSERT INTO form (code, scope_type, scope_id, title) VALUES (${code}, 'cluster', ${slug}, ${JSON.stringify(definition.title)}::jsonb)
        ON CONFLICT (code) DO NOTHING RETURNING id
      ), v AS (
        INSERT INTO form_version (form_id, version, definition, published_at) SELECT id, 1, ${JSON.stringify(definition)}::jsonb, now() FROM f
      )
      INSERT INTO needs_survey (form_id) SELECT id FROM f`);
  }
  const [{ existing = 0 } = {}] = await queryRows<{ existing: number }>(
    db,
    sql`SELECT count(*)::int AS existing FROM form_response r JOIN needs_survey s ON s.form_id = r.form_id`,
  );
  const forms = await queryRows<{ id: string }>(
    db,
    sql`SELECT s.form_id AS id FROM needs_survey s JOIN form f ON f.id = s.form_id WHERE f.code LIKE 'bench-needs-%' ORDER BY f.code`,
  );
  const random = generator(existing + 1);
  const started = performance.now();
  for (let written = existing; written < wanted; ) {
    const batch = Math.min(5_000, wanted - written);
    const rows = Array.from({ length: batch }, (_, n) => {
      const chosen = [
        ...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => themes[Math.floor(random() * themes.length)]!)),
      ];
      const severity = Object.fromEntries(
        chosen.filter(() => random() < 0.8).map((theme) => [theme, String(1 + Math.floor(random() * 4))]),
      );
      const answers: Record<string, unknown> = { [Q.challenges]: chosen, [Q.severity]: severity };
      if (random() < 0.9) answers[Q.gender] = GENDERS[Math.floor(random() * GENDERS.length)];
      if (random() < 0.85) answers[Q.size] = SIZES[Math.floor(random() * SIZES.length)];
      return { form_id: forms[(written + n) % forms.length]!.id, answers };
    });
    await db.execute(sql`
      INSERT INTO form_response (form_id, version, answers, status, submitted_at)
      SELECT r.form_id, 1, r.answers, 'submitted', now() FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(form_id text, answers jsonb)`);
    written += batch;
    console.log(`responses: ${written}/${wanted}`);
  }
  const seedSeconds = (performance.now() - started) / 1000;
  await db.execute(sql`ANALYZE form_response`);

  const [{ responses = 0 } = {}] = await queryRows<{ responses: number }>(
    db,
    sql`SELECT count(*)::int AS responses FROM form_response r JOIN needs_survey s ON s.form_id = r.form_id WHERE r.status = 'submitted'`,
  );
  const [{ country = 'TN' } = {}] = await queryRows<{ country: string }>(
    db,
    sql`SELECT c.country_iso2 AS country FROM cluster c JOIN form f ON f.scope_id = c.slug JOIN needs_survey s ON s.form_id = f.id GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );

  const measure = async (scope: string) => {
    for (let n = 0; n < 2; n++) await getPriorities(anonymous, { scope });
    const times: number[] = [];
    let themesRanked = 0;
    for (let n = 0; n < iterations; n++) {
      const start = performance.now();
      const result = await getPriorities(anonymous, { scope });
      times.push(performance.now() - start);
      themesRanked = result.priorities.length;
    }
    const sorted = [...times].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
    console.log(`${scope}: median ${median(times).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (${themesRanked} themes)`);
    return { scope, median: median(times), p95, max: sorted.at(-1)!, themesRanked };
  };
  const results = [await measure('region'), await measure(`country:${country}`)];

  const facts = machineFacts();
  const report = [
    `# Needs synthesis benchmark (${target.kind}), ${facts.date.slice(0, 10)}`,
    '',
    ...machineSection(facts),
    '',
    '## Setup',
    '',
    `- Database: ${target.kind === 'postgres' ? `PostgreSQL ${await bench.version()} server` : `PGlite (PostgreSQL ${await bench.version()})`}, holding ${responses} submitted needs survey responses over ${forms.length} cluster surveys (${Math.max(0, wanted - existing)} written by this run in ${seedSeconds.toFixed(0)} s).`,
    `- Measured: \`getPriorities\` (what \`GET /api/v1/needs/priorities\` and \`/{locale}/needs\` call): the survey read from its tally (kept by a trigger on each response, migration 0025), the endorsed diagnostics, the formula and the small-group protection; ${iterations} calls per scope after two warm-up calls, one at a time.`,
    '',
    `## Results (goal: at most ${GOAL_MS} ms)`,
    '',
    '| scope | median | p95 | max | themes ranked | verdict |',
    '|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.scope} | ${r.median.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${r.max.toFixed(0)} ms | ${r.themesRanked} | ${verdict(r.p95 <= GOAL_MS)} |`,
    ),
    '',
  ].join('\n');
  const out = args.out ?? path.join(projectRoot, 'bench', 'results', `needs-priorities-${target.kind}-${facts.date.slice(0, 10)}.md`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, report);
  console.log(`Written to ${out}`);
} finally {
  await bench.database.close();
}
