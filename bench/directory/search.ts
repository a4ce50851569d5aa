/**
 * Search timings: for each term, `search()` of the search module (as the page and the API call
 * it) and the bare SQL it sends (recorded once, then sent again through the driver's client in
 * the same order and with the same concurrency), alternated call by call so that both meet the
 * same load on a shared machine.
 */
import { search } from '#app/modules/search/index.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import type { BenchDatabase, CapturedQuery } from './database.ts';

export interface SearchTerm {
  language: 'ar' | 'fr' | 'en';
  kind: 'common' | 'selective' | 'typo';
  q: string;
}

/**
 * Common terms match thousands of the synthetic organisations (jewellers of every country);
 * selective ones a few dozen (one brand of microfinance); the typo is the acceptance term.
 */
export const SEARCH_TERMS: readonly SearchTerm[] = [
  { language: 'en', kind: 'common', q: 'jewellery' },
  { language: 'fr', kind: 'common', q: 'bijoux' },
  { language: 'ar', kind: 'common', q: 'مجوهرات' },
  { language: 'en', kind: 'selective', q: 'Salsabil Microfinance' },
  { language: 'fr', kind: 'selective', q: 'Microcrédit Salsabil' },
  { language: 'ar', kind: 'selective', q: 'سلسبيل للتمويل الأصغر' },
  { language: 'en', kind: 'typo', q: 'Betlehem' },
];

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface SearchTiming {
  term: SearchTerm;
  total: number;
  statements: number;
  service: Percentiles;
  bare: Percentiles;
  /** EXPLAIN ANALYZE of the statement that took longest once. */
  slowestPlan: string;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** The first statement builds the query; the service sends the following ones together. */
async function replay(bench: BenchDatabase, queries: readonly CapturedQuery[]): Promise<void> {
  const [first, ...rest] = queries;
  if (first) await bench.raw(first);
  await Promise.all(rest.map((query) => bench.raw(query)));
}

async function slowestPlan(bench: BenchDatabase, queries: readonly CapturedQuery[]): Promise<string> {
  let slowest = { ms: -1, query: queries[0] };
  for (const query of queries) {
    const ms = await timed(() => bench.raw(query));
    if (ms > slowest.ms) slowest = { ms, query };
  }
  if (!slowest.query) return '(no statement)';
  const rows = await bench.raw({ sql: `EXPLAIN (ANALYZE, BUFFERS) ${slowest.query.sql}`, params: slowest.query.params });
  const plan = rows.map((row) => Object.values(row as Record<string, string>)[0]).join('\n');
  return `${slowest.query.sql.replace(/\s+/g, ' ').trim()}\n\n${plan}`;
}

export async function benchSearch(bench: BenchDatabase, iterations: number, warmup = 10): Promise<SearchTiming[]> {
  const results: SearchTiming[] = [];
  for (const term of SEARCH_TERMS) {
    let total = 0;
    const queries = await bench.capture(async () => {
      total = (await search(anonymous, { q: term.q })).total;
    });
    for (let i = 0; i < warmup; i++) {
      await search(anonymous, { q: term.q });
      await replay(bench, queries);
    }
    const serviceMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < iterations; i++) {
      serviceMs.push(await timed(() => search(anonymous, { q: term.q })));
      bareMs.push(await timed(() => replay(bench, queries)));
    }
    const timing: SearchTiming = {
      term,
      total,
      statements: queries.length,
      service: percentiles(serviceMs),
      bare: percentiles(bareMs),
      slowestPlan: await slowestPlan(bench, queries),
    };
    console.log(
      `search ${term.language} ${term.kind} "${term.q}": ${total} results; service p95 ${timing.service.p95.toFixed(1)} ms, bare SQL p95 ${timing.bare.p95.toFixed(1)} ms`,
    );
    results.push(timing);
  }
  return results;
}
