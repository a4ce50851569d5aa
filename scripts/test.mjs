// `npm test`: every test tier this machine can run, then one summary. Plain JavaScript (it may
// start on the system Node); the runners themselves go through npx/npm, which put the project's
// Node 24 first on PATH.
//
// Tiers: lint + typecheck, vitest unit, int on PGlite, int + api on PostgreSQL (when
// TEST_DATABASE_URL is set), api on PGlite, Playwright e2e (when Chromium is found). A tier that
// cannot run here is reported as skipped with the reason, and its tests are counted as skipped.
// The last line is `N passed, N failed, N skipped`; the exit code is 1 when anything failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const reportsDir = mkdtempSync(path.join(tmpdir(), 'mosaic-test-reports-'));
const summaryFile = path.join(root, 'tests', 'artifacts', 'test-summary.txt');
const baseEnv = { ...process.env, npm_config_update_notifier: 'false' };
delete baseEnv.MOSAIC_TEST_DB;

/** @typedef {{ name: string, passed: number, failed: number, skipped: number, note?: string, seconds?: number, failures?: string[] }} TierResult */
/** @type {TierResult[]} */
const results = [];

function banner(text) {
  console.log(`\n\x1b[1m=== ${text} ===\x1b[0m`);
}

/** Lines of a runner's output that explain a failure no test reported (unhandled errors, hook timeouts). */
const FAILURE_CLUE = /unhandled|error:|timed? ?out|failed to|\bFAIL\b|exception/i;
/** A passing test's line, whatever its title says. */
const PASSED = /^(✓|ok\b|\[ok\])/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what is stripped.
const stripColours = (line) => line.replace(/\x1b\[[0-9;]*m/g, '');

/**
 * Runs a command with its output visible (passed through as it comes) and returns its exit code,
 * how long it took and the lines that look like the cause of a failure, so that the summary can
 * name the cause when a runner fails without a failed test.
 */
function run(command, args, env = baseEnv) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['inherit', 'pipe', 'pipe'] });
    const clues = [];
    const keep = (stream, out) => {
      let partial = '';
      stream.on('data', (chunk) => {
        out.write(chunk);
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          const plain = stripColours(line).trim();
          if (FAILURE_CLUE.test(plain) && !PASSED.test(plain) && clues.length < 200) clues.push(plain.slice(0, 300));
        }
      });
    };
    keep(child.stdout, process.stdout);
    keep(child.stderr, process.stderr);
    child.on('error', (error) => console.error(`Could not run ${command}: ${error.message}`));
    child.on('close', (code) => {
      resolve({ status: code ?? 1, seconds: Math.round((Date.now() - started) / 100) / 10, clues });
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * A runner that failed without reporting a failed test (crash, unhandled error, a failing hook)
 * still counts as a failure; the note names the likely cause from the runner's own output.
 */
function withRunnerFailure(result, status, what, causes = []) {
  if (status !== 0 && result.failed === 0) {
    const cause = [...new Set(causes)].slice(0, 6).join(' | ');
    return {
      ...result,
      failed: 1,
      note: `${what} exited with code ${status} without a failed test${cause ? `: ${cause}` : ' (see its output above)'}`,
    };
  }
  return result;
}

/** Failed tests, named with their file and the first line of the error, from vitest's JSON report. */
function failedVitestTests(report) {
  return (report?.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((test) => test.status === 'failed')
      .map((test) => {
        const firstLine = stripColours((test.failureMessages ?? [])[0] ?? '').split('\n')[0];
        return `${path.relative(root, file.name)} > ${test.fullName}: ${firstLine.slice(0, 300)}`;
      }),
  );
}

/** Failed tests from Playwright's JSON report (suites nest; a test fails when its last result does). */
function failedPlaywrightTests(report) {
  const failed = [];
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const last = (test.results ?? []).at(-1);
        const firstLine = stripColours(last?.error?.message ?? '').split('\n')[0];
        failed.push(`${spec.file}:${spec.line} > ${spec.title}: ${firstLine.slice(0, 300)}`);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report?.suites ?? []) visit(suite);
  return failed;
}

/** Test files that failed outside any test (a hook, an import), from vitest's JSON report. */
function failedFiles(report) {
  return (report?.testResults ?? [])
    .filter((file) => file.status === 'failed' && (file.assertionResults ?? []).every((test) => test.status !== 'failed'))
    .map((file) => {
      const firstLine = stripColours(file.message ?? '').split('\n')[0];
      return `${path.relative(root, file.name)}: ${firstLine.slice(0, 200)}`;
    });
}

async function checkTier(name, command, args) {
  banner(name);
  const { status, seconds } = await run(command, args);
  results.push({ name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0, seconds });
}

async function vitestTier(name, project, env) {
  banner(name);
  const output = path.join(reportsDir, `${name.replace(/\W+/g, '-')}.json`);
  const args = [
    'vitest',
    'run',
    '--project',
    project,
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ];
  const { status, seconds, clues } = await run('npx', args, env);
  const report = readJson(output);
  const counts = report
    ? { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests }
    : { passed: 0, failed: 0, skipped: 0 };
  const result = withRunnerFailure({ name, ...counts, seconds }, status, 'vitest', [...failedFiles(report), ...clues]);
  result.failures = failedVitestTests(report);
  results.push(result);
  return result;
}

function skippedTier(name, reason, count) {
  banner(name);
  console.log(`skipped: ${reason}`);
  results.push({ name, passed: 0, failed: 0, skipped: count, note: `skipped: ${reason}` });
}

function chromiumPath() {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : undefined;
}

/** How many tests Playwright would run (for the skipped count when Chromium is missing). */
function countE2eTests() {
  const listed = spawnSync('npx', ['playwright', 'test', '--list', '--reporter=json'], { cwd: root, env: baseEnv, encoding: 'utf8' });
  try {
    const report = JSON.parse(listed.stdout);
    const countSpecs = (suite) =>
      (suite.specs ?? []).reduce((n, spec) => n + spec.tests.length, 0) + (suite.suites ?? []).reduce((n, s) => n + countSpecs(s), 0);
    return report.suites.reduce((n, suite) => n + countSpecs(suite), 0);
  } catch {
    return 0;
  }
}

async function e2eTier(chromium) {
  const name = 'e2e (Playwright, Chromium)';
  banner(`${name}: building the app`);
  const build = await run('npm', ['run', 'build']);
  if (build.status !== 0) {
    results.push({ name, passed: 0, failed: 1, skipped: 0, note: 'npm run build failed', seconds: build.seconds });
    return;
  }
  banner(name);
  const output = path.join(reportsDir, 'e2e.json');
  const env = { ...baseEnv, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: output };
  const { status, seconds, clues } = await run('npx', ['playwright', 'test', '--reporter=list,json'], env);
  const report = readJson(output);
  const stats = report?.stats ?? {};
  const counts = { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0 };
  const notes = [];
  if (stats.flaky) notes.push(`${stats.flaky} passed only on retry`);
  if (report?.errors?.length) notes.push(`${report.errors.length} error(s) outside tests (global setup or teardown)`);
  const failedOutside = report?.errors?.length && counts.failed === 0 ? 1 : 0;
  const result = withRunnerFailure(
    { name, ...counts, failed: counts.failed + failedOutside, seconds: Math.round((seconds + build.seconds) * 10) / 10 },
    status,
    'playwright',
    clues,
  );
  if (notes.length > 0) result.note = [result.note, ...notes].filter(Boolean).join('; ');
  result.failures = failedPlaywrightTests(report);
  results.push(result);
}

const started = Date.now();

await checkTier('lint (biome check)', 'npx', ['biome', 'check', '.']);
await checkTier('typecheck', 'npm', ['run', 'typecheck']);
await vitestTier('unit', 'unit', baseEnv);
const intPglite = await vitestTier('int (PGlite)', 'int', baseEnv);

const postgresUrl = process.env.TEST_DATABASE_URL;
let apiPglite;
if (postgresUrl) {
  const postgresEnv = { ...baseEnv, MOSAIC_TEST_DB: 'postgres', TEST_DATABASE_URL: postgresUrl };
  await vitestTier('int (PostgreSQL)', 'int', postgresEnv);
  await vitestTier('api (PostgreSQL)', 'api', postgresEnv);
  apiPglite = await vitestTier('api (PGlite)', 'api', baseEnv);
} else {
  apiPglite = await vitestTier('api (PGlite)', 'api', baseEnv);
  const reason = 'no PostgreSQL server (set TEST_DATABASE_URL)';
  const total = (r) => r.passed + r.failed + r.skipped;
  skippedTier('int (PostgreSQL)', reason, total(intPglite));
  skippedTier('api (PostgreSQL)', reason, total(apiPglite));
}

const chromium = chromiumPath();
if (chromium) await e2eTier(chromium);
else
  skippedTier(
    'e2e (Playwright, Chromium)',
    `Chromium not installed (looked for ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'}; set CHROMIUM_PATH)`,
    countE2eTests(),
  );

rmSync(reportsDir, { recursive: true, force: true });

const totals = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
const width = Math.max(...results.map((r) => r.name.length));
const lines = results.map((r) => {
  const counts = `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
  const time = r.seconds !== undefined ? ` (${r.seconds} s)` : '';
  const status = r.failed > 0 ? 'FAIL' : r.passed === 0 && r.skipped > 0 ? 'skip' : 'ok  ';
  return `${status} ${r.name.padEnd(width)}  ${counts}${time}${r.note ? `  -- ${r.note}` : ''}`;
});
const totalLine = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
const minutes = Math.round((Date.now() - started) / 6000) / 10;
// The failed tests by name, so that a CI printout that keeps only the summary still says what broke.
const failures = results.flatMap((r) => (r.failures ?? []).slice(0, 20).map((failure) => `  ${r.name}: ${failure}`));
const failureLines = failures.length > 0 ? ['Failed tests:', ...failures] : [];
const summary = [
  `Mosaic test summary (${minutes} min; lint and typecheck count as one check each):`,
  ...lines,
  ...failureLines,
  totalLine,
].join('\n');

mkdirSync(path.dirname(summaryFile), { recursive: true });
writeFileSync(summaryFile, `${summary}\n`);
console.log(`\n${summary}`);
process.exit(totals.failed > 0 ? 1 : 0);
