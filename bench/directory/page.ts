/**
 * The directory page under load (issue 3: at most 100 ms p99 with 32 concurrent connections, on a
 * PostgreSQL server holding 100,000 organisations), on the built server as production runs it.
 *
 *   npx node bench/directory/page.ts --database postgres --url postgres://... [--duration 20] [--out FILE.md]
 *   npx node bench/directory/page.ts --database pglite --data-dir DIR ...
 *
 * Three measures, each with autocannon at 32 connections on the same machine:
 * 1. as anonymous readers get it: through the public page cache (decision 0007, 2 s fresh and up
 *    to 10 s stale while one request renders it anew), one view at a time; this is the goal;
 * 2. the same cache under a mix of 26 views (three languages, countries, subsectors, the flag,
 *    pages, a search), each request picking one at random: every view expires and is rendered
 *    again while the others are read;
 * 3. rendered for every request (`PAGE_CACHE_SECONDS=0`, as signed-in readers get it), for
 *    reference, with the time one reader alone waits for each view.
 * The database must already hold the directory (`run.ts` or `seed --synthetic` builds it).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt, projectRoot, type RunningServer, startServer } from '#server/process-harness.ts';
import { CONNECTIONS, describeLoad, type LoadResult, load, loadMix, machineFacts, machineSection, verdict } from '../support.ts';
import { type BenchTarget, openBenchDatabase } from './database.ts';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'postgres' },
    url: { type: 'string' },
    'data-dir': { type: 'string' },
    duration: { type: 'string', default: '20' },
    out: { type: 'string' },
  },
});

const GOAL_P99_MS = 100;

/** The views measured one at a time: the landing page, a three-filter view, a search with a filter. */
export const DIRECTORY_PAGES = [
  '/en/organisations',
  '/ar/organisations?country=MA&subsector=habitat&womenLed=true',
  '/fr/organisations?q=bijoux&country=DZ',
];

/** The mix: views a day of readers asks for, in the three languages. */
export const DIRECTORY_VIEWS = [
  ...['ar', 'fr', 'en'].flatMap((lang) => [
    `/${lang}/organisations`,
    `/${lang}/organisations?page=2`,
    `/${lang}/organisations?country=TN`,
    `/${lang}/organisations?country=LB&subsector=fashion`,
    `/${lang}/organisations?subsector=habitat&womenLed=true`,
    `/${lang}/organisations?material=silver`,
  ]),
  '/ar/organisations?country=DZ&material=silver&type=cooperative',
  '/fr/organisations?country=MA&size=small',
  '/en/organisations?country=EG&subsector=heritage&page=3',
  '/ar/organisations?country=JO&womenLed=true',
  '/fr/organisations?country=PS&subsector=visual-arts',
  '/en/organisations?type=support-institution',
  '/fr/organisations?q=bijoux',
  '/ar/organisations?cluster=el-jem-mosaic',
];

function targetFromArgs(): BenchTarget {
  if (args.database === 'postgres') {
    if (!args.url) throw new Error('--database postgres needs --url postgres://...');
    return { kind: 'postgres', url: args.url };
  }
  if (args.database === 'pglite') {
    if (!args['data-dir']) throw new Error('--database pglite needs --data-dir DIR');
    return { kind: 'pglite', dataDir: path.resolve(args['data-dir']) };
  }
  throw new Error(`--database must be postgres or pglite, not ${args.database}`);
}

function databaseEnv(target: BenchTarget): Record<string, string | undefined> {
  return target.kind === 'postgres' ? { DATABASE_URL: target.url } : { DATABASE_URL: undefined, MOSAIC_DATA_DIR: target.dataDir };
}

async function withServer<T>(target: BenchTarget, cacheSeconds: number, run: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await startServer(
    {
      ...databaseEnv(target),
      NODE_ENV: 'production',
      AUTH_SECRET: randomBytes(32).toString('hex'),
      MOSAIC_DEMO: 'never',
      LOG_LEVEL: 'warn',
      PAGE_CACHE_SECONDS: String(cacheSeconds),
    },
    '/en/organisations',
    120_000,
  );
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

async function fetchOk(server: RunningServer, urlPath: string, headers: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${server.url}${urlPath}`, { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${urlPath} answered ${response.status}`);
  return performance.now() - started;
}

interface Alone {
  path: string;
  first: number;
  p50: number;
  max: number;
}

/** One reader alone, rendered every time: the first request of a view, then 10 more. */
async function readerAlone(server: RunningServer, urlPath: string): Promise<Alone> {
  const first = await fetchOk(server, urlPath);
  const times: number[] = [];
  for (let i = 0; i < 10; i++) times.push(await fetchOk(server, urlPath));
  times.sort((a, b) => a - b);
  return { path: urlPath, first, p50: times[5] as number, max: times[9] as number };
}

async function main() {
  const target = targetFromArgs();
  const seconds = Number(args.duration);
  const facts = machineFacts();
  const bench = await openBenchDatabase(target);
  const version = await bench.version();
  const [{ count }] = (await bench.raw({ sql: 'SELECT count(*)::int AS count FROM organisation', params: [] })) as [{ count: number }];
  await bench.database.close();
  ensureBuilt();

  const cached: LoadResult[] = [];
  let mix: LoadResult | undefined;
  await withServer(target, 2, async (server) => {
    for (const urlPath of DIRECTORY_PAGES) {
      await fetchOk(server, urlPath);
      await load(server, urlPath, 3);
      const result = await load(server, urlPath, seconds);
      console.log(`cached ${urlPath}: ${describeLoad(result)}`);
      cached.push(result);
    }
    for (const urlPath of DIRECTORY_VIEWS) await fetchOk(server, urlPath);
    mix = await loadMix(server, `${DIRECTORY_VIEWS.length} views at random`, DIRECTORY_VIEWS, seconds);
    console.log(`cached mix: ${describeLoad(mix)}`);
  });

  const rendered: LoadResult[] = [];
  const alone: Alone[] = [];
  await withServer(target, 0, async (server) => {
    for (const urlPath of DIRECTORY_PAGES) alone.push(await readerAlone(server, urlPath));
    for (const urlPath of DIRECTORY_PAGES) {
      await load(server, urlPath, 3);
      const result = await load(server, urlPath, seconds);
      console.log(`rendered ${urlPath}: ${describeLoad(result)}`);
      rendered.push(result);
    }
  });

  const onServer = target.kind === 'postgres';
  const judged = (r: LoadResult) => {
    const met = r.p99 <= GOAL_P99_MS && r.non2xx === 0 && r.errors === 0;
    return onServer ? verdict(met) : `(${met ? 'would meet' : 'would miss'})`;
  };
  const databaseLine =
    target.kind === 'postgres'
      ? `PostgreSQL ${version} server (\`${new URL(target.url).host}\`, a throwaway cluster on the same machine, shared_buffers 256MB)`
      : `embedded PGlite (PostgreSQL ${version}) in a data directory`;
  const report = [
    `# Directory page under load (${target.kind}), ${facts.date.slice(0, 10)}`,
    '',
    ...machineSection(facts),
    '',
    '## Setup',
    '',
    `- Database: ${databaseLine}, holding ${count} organisations.`,
    `- Server: the built server (\`node server.js\`, NODE_ENV=production, one process); autocannon in the benchmark process on the same machine, ${CONNECTIONS} connections, ${seconds} s per measure after 3 s of warm-up.`,
    '- Cached: `PAGE_CACHE_SECONDS=2` (the production default) and `PAGE_CACHE_STALE_SECONDS=10`: what anonymous readers get (decision 0007).',
    '- Rendered every time: `PAGE_CACHE_SECONDS=0`, as signed-in readers get it (their cookie bypasses the cache).',
    '',
    '## Results',
    '',
    `### Anonymous readers, through the page cache (goal on PostgreSQL: p99 <= ${GOAL_P99_MS} ms at ${CONNECTIONS} connections)`,
    '',
    '| view | result | verdict |',
    '|---|---|---|',
    ...cached.map((r) => `| \`${r.path}\` | ${describeLoad(r)} | ${judged(r)} |`),
    ...(mix ? [`| ${mix.path}: ${DIRECTORY_VIEWS.map((v) => `\`${v}\``).join(', ')} | ${describeLoad(mix)} | ${judged(mix)} |`] : []),
    '',
    '### Rendered for every request (for reference)',
    '',
    '| view | one reader alone: first, p50, max of 10 | 32 connections | within the goal? |',
    '|---|---|---|---|',
    ...rendered.map((r, index) => {
      const one = alone[index] as Alone;
      return `| \`${r.path}\` | ${one.first.toFixed(0)} ms, ${one.p50.toFixed(0)} ms, ${one.max.toFixed(0)} ms | ${describeLoad(r)} | ${r.p99 <= GOAL_P99_MS ? 'yes' : 'no'} |`;
    }),
    '',
  ].join('\n');
  const out = args.out ?? path.join('bench', 'results', `directory-page-${target.kind}-${facts.date.slice(0, 10)}.md`);
  mkdirSync(path.dirname(path.resolve(projectRoot, out)), { recursive: true });
  writeFileSync(path.resolve(projectRoot, out), report);
  console.log(`\nWritten to ${out}`);
}

await main();
