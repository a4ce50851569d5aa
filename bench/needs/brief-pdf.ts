/**
 * How long the PDF brief of the needs synthesis takes to typeset (issue 4, item 6; brief: "record
 * the PDF generation time if it is more than a second"): the first brief of a process (which loads
 * the bundled fonts into the Typst compiler) and the following ones, in Arabic and in French, for
 * the region's tables of the synthesis fixture with a training catalogue. The figures do not depend
 * on the database: the tables are built in memory as the service builds them.
 *
 *   npx node bench/needs/brief-pdf.ts [--iterations 20] [--out bench/results/FILE.md]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderBrief } from '#app/modules/needs/needs-exports-brief.server.ts';
import { synthesisTables, type TrainingCell } from '#app/modules/needs/needs-exports-tables.ts';
import { FIXTURE } from '#app/modules/needs/synthesis/synthesis.fixture.ts';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import { projectRoot } from '#server/process-harness.ts';
import { machineFacts, machineSection, median } from '../support.ts';

const { values: args } = parseArgs({ options: { iterations: { type: 'string', default: '20' }, out: { type: 'string' } } });
const iterations = Number(args.iterations);
const facts = machineFacts();

const topics = ['product-design', 'export', 'digital-marketing', 'pricing', 'quality', 'ip', 'management', 'craft-skills', 'branding'];
const training: TrainingCell[] = topics.flatMap((topic, t) =>
  ['workshop', 'online', 'coaching', null].map((format, f) => ({
    cluster: t % 2 ? 'el-jem' : 'fes',
    country: t % 2 ? 'TN' : 'MA',
    gender: f % 2 ? 'woman' : 'man',
    size: 'micro',
    topic,
    format,
    people: 3 + ((t * 7 + f * 5) % 11),
  })),
);
const tables = synthesisTables({
  evidence: FIXTURE,
  training,
  scope: { kind: 'region' },
  audience: 'public',
  computedAt: new Date().toISOString(),
});
const render = (locale: 'ar' | 'fr') =>
  renderBrief(tables, {
    locale,
    scopeName: translate(locale, 'needs.exports.scope.region'),
    t: (id, values) => translate(locale, id, values),
    theme: (code) => code,
    country: (code) => code,
    cluster: (code) => code,
    topic: (code) => code,
    format: (code) => code,
  });
const time = (run: () => unknown) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

const first = time(() => render('ar'));
const warm: Record<'ar' | 'fr', number[]> = { ar: [], fr: [] };
for (let i = 0; i < iterations; i++) for (const locale of ['ar', 'fr'] as const) warm[locale].push(time(() => render(locale)));
const ms = (value: number) => `${Math.round(value)} ms`;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? Number.NaN;

const report = [
  '# Needs PDF brief: typesetting time',
  '',
  ...machineSection(facts),
  '',
  '## Result',
  '',
  `The region's brief of the synthesis fixture (7 themes, 36 training rows, the chart), ${iterations} times per language after the first.`,
  '',
  '| brief | median | p95 |',
  '| --- | --- | --- |',
  `| first of the process (Arabic; loads the 4 bundled fonts into the compiler) | ${ms(first)} | |`,
  `| Arabic, following | ${ms(median(warm.ar))} | ${ms(p95(warm.ar))} |`,
  `| French, following | ${ms(median(warm.fr))} | ${ms(p95(warm.fr))} |`,
  '',
  `The first brief of a server process ${first > 1000 ? 'takes over' : 'stays under'} a second (the compiler and its fonts are made once per process);`,
  'the following ones take the time of the layout and the PDF.',
  '',
].join('\n');
console.log(report);
if (args.out) {
  const file = path.resolve(projectRoot, args.out);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, report);
}
