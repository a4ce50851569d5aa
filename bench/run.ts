/**
 * Mosaic's performance goals, measured on the built server over real HTTP (see bench/README.md):
 *   start-up to first served page, PGlite with existing data    <= 5 s
 *   resident memory of the idle server on PGlite                 <= 300 MB
 *   GET /api/health on one process, 32 connections              >= 2,000 requests/s
 *   GET /en/ (home page) on one process, 32 connections         >= 500 requests/s
 * Usage: npx node bench/run.ts [--runs 5] [--duration 20] [--out bench/results/FILE.md]
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt, projectRoot, startServer } from '#server/process-harness.ts';
import {
  CONNECTIONS,
  describeLoad,
  type LoadResult,
  load,
  machineFacts,
  machineSection,
  median,
  rssMb,
  sleep,
  verdict,
} from './support.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    duration: { type: 'string', default: '20' },
    out: { type: 'string' },
  },
});
const runs = Number(args.runs);
const durationSeconds = Number(args.duration);

const GOALS = {
  startupMs: 5_000,
  idleRssMb: 300,
  healthRps: 2_000,
  homeRps: 500,
};

async function main() {
  const facts = machineFacts();
  console.log(`Mosaic benchmarks on ${facts.host} (${facts.nproc} CPUs, load ${facts.loadBefore})`);
  ensureBuilt();

  const dataDir = path.join(projectRoot, 'bench', '.tmp', `data-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true });
  // Production mode, as deployed; demo accounts off so every start finds the same data.
  const env = {
    MOSAIC_DATA_DIR: dataDir,
    NODE_ENV: 'production',
    AUTH_SECRET: randomBytes(32).toString('hex'),
    MOSAIC_DEMO: 'never',
    LOG_LEVEL: 'info',
  };
  try {
    // The first start creates and migrates the database: not what the goal measures.
    const creation = await startServer(env, '/en/', 60_000);
    console.log(`first start (creates the embedded database): ${Math.round(creation.startedInMs)} ms`);
    await creation.stop();

    const startups: number[] = [];
    for (let run = 0; run < runs; run++) {
      const server = await startServer(env);
      startups.push(server.startedInMs);
      console.log(`start-up ${run + 1}/${runs}: ${Math.round(server.startedInMs)} ms`);
      await server.stop();
    }

    const server = await startServer(env);
    let idleRss: number;
    let idleRssAfterLoad: number;
    let health: LoadResult;
    let home: LoadResult;
    let homeRendered: LoadResult;
    try {
      // Serve each page a few times, one request at a time, so the idle figure includes every
      // module a page loads, then let the server sit.
      for (const urlPath of ['/api/health', '/en/', '/fr/', '/ar/', '/en/account/sign-in']) {
        for (let i = 0; i < 10; i++) await (await fetch(`${server.url}${urlPath}`)).arrayBuffer();
      }
      await sleep(10_000);
      idleRss = rssMb(server.child.pid as number);
      console.log(`idle RSS after serving the pages: ${idleRss.toFixed(0)} MB`);
      // Warm-up under load (JIT), not measured.
      await load(server, '/api/health', 2);
      await load(server, '/en/', 2);
      health = await load(server, '/api/health', durationSeconds);
      console.log(`/api/health: ${describeLoad(health)}`);
      home = await load(server, '/en/', durationSeconds);
      console.log(`/en/: ${describeLoad(home)}`);
      // Any cookie bypasses the public page cache (decision 0007): every request is rendered.
      homeRendered = await load(server, '/en/', durationSeconds, { Cookie: 'mosaic_bench=1' });
      console.log(`/en/ rendered every time: ${describeLoad(homeRendered)}`);
      await sleep(10_000);
      idleRssAfterLoad = rssMb(server.child.pid as number);
      console.log(`idle RSS 10 s after the load: ${idleRssAfterLoad.toFixed(0)} MB`);
    } finally {
      await server.stop();
    }

    const startupMedian = median(startups);
    const report = [
      `# Benchmark results, ${facts.date.slice(0, 10)}`,
      '',
      ...machineSection(facts),
      '',
      '## Setup',
      '',
      `Built server (\`node server.js\`), NODE_ENV=production, embedded PGlite with an existing data directory, request logs at info level to a pipe, one process. Load from autocannon in the benchmark process on the same machine (it competes for the same ${facts.nproc} CPUs), ${CONNECTIONS} connections, ${durationSeconds} s per path after a 2 s warm-up.`,
      '',
      '## Results',
      '',
      '| measure | goal | result | verdict |',
      '|---|---|---|---|',
      `| start-up to first served page (\`/en/\`), median of ${runs} | <= ${GOALS.startupMs / 1000} s | ${(startupMedian / 1000).toFixed(2)} s (min ${(Math.min(...startups) / 1000).toFixed(2)}, max ${(Math.max(...startups) / 1000).toFixed(2)}) | ${verdict(startupMedian <= GOALS.startupMs)} |`,
      `| idle resident memory, after serving each page 10 times and 10 s of rest | <= ${GOALS.idleRssMb} MB | ${idleRss.toFixed(0)} MB (${idleRssAfterLoad.toFixed(0)} MB 10 s after the load tests) | ${verdict(idleRss <= GOALS.idleRssMb)} |`,
      `| \`GET /api/health\` | >= ${GOALS.healthRps} req/s | ${describeLoad(health)} | ${verdict(health.requestsPerSecond >= GOALS.healthRps)} |`,
      `| \`GET /en/\` (home page, anonymous visitors: public page cache, decision 0007) | >= ${GOALS.homeRps} req/s | ${describeLoad(home)} | ${verdict(home.requestsPerSecond >= GOALS.homeRps)} |`,
      `| \`GET /en/\` rendered on every request (a cookie bypasses the cache) | (for reference) | ${describeLoad(homeRendered)} | - |`,
      '',
      `Start-up runs (ms): ${startups.map((ms) => Math.round(ms)).join(', ')}; first start creating the database: ${Math.round(creation.startedInMs)} ms.`,
      '',
    ].join('\n');
    const out = args.out ?? path.join('bench', 'results', `${facts.date.slice(0, 16).replace(/[:T]/g, '-')}-${facts.host}.md`);
    mkdirSync(path.dirname(path.resolve(projectRoot, out)), { recursive: true });
    writeFileSync(path.resolve(projectRoot, out), report);
    console.log(`\n${report}\nWritten to ${out}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
