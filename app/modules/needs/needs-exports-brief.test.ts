import { describe, expect, it } from 'vitest';
import { briefData, priorityChartSvg } from './needs-exports-brief.ts';
import { type ExportLabels, synthesisTables, type TrainingCell } from './needs-exports-tables.ts';
import { FIXTURE } from './synthesis/synthesis.fixture.ts';

const training: TrainingCell[] = [
  { cluster: 'el-jem', country: 'TN', gender: 'woman', size: 'micro', topic: 'pricing', format: 'coaching', people: 2 },
  { cluster: 'fes', country: 'MA', gender: 'man', size: 'small', topic: 'export', format: 'online', people: 9 },
];
const labels = (locale: 'ar' | 'en'): ExportLabels => ({
  locale,
  scopeName: 'R',
  t: (id, values) => `${id}${values ? JSON.stringify(values) : ''}`,
  theme: (code) => (code === 'access-to-finance' ? 'Finance <&> "credit"' : code),
  country: (code) => code,
  cluster: (code) => code,
  topic: (code) => code,
  format: (code) => code,
});
const tables = (audience: 'public' | 'staff') =>
  synthesisTables({ evidence: FIXTURE, training, scope: { kind: 'region' }, audience, computedAt: '2026-11-23T00:00:00.000Z' });

describe('briefData', () => {
  it('shows the public no figure of people under the minimum: hidden counts are the word for hidden', () => {
    const data = briefData(tables('public'), labels('en'));
    const pricing = data.training.rows.find((row) => row[0] === 'pricing')!;
    expect(pricing[2]).toBe('needs.synthesis.suppressed');
    // The 9 asking for export is hidden too: shown, it would give the 2 away from the total (11).
    expect(data.training.rows.find((row) => row[0] === 'export')![2]).toBe('needs.synthesis.suppressed');
    for (const row of data.priorities.rows) expect(['needs.synthesis.suppressed', '0'].includes(row[3]!) || Number(row[3]) >= 5).toBe(true);
    expect(data.audienceNote).toBe('needs.exports.audience.public{"min":5}');
  });

  it('shows staff every count, right-to-left in Arabic', () => {
    const data = briefData(tables('staff'), labels('ar'));
    expect(data.dir).toBe('rtl');
    expect(data.training.rows.find((row) => row[0] === 'pricing')![2]).toBe('2');
    expect(data.priorities.rows.length).toBeLessThanOrEqual(10);
  });
});

describe('priorityChartSvg', () => {
  it('escapes labels and grows bars from the right in Arabic, from the left otherwise', () => {
    const rtl = priorityChartSvg(tables('public'), labels('ar'), 'rtl');
    expect(rtl).toContain('Finance &#60;&#38;&#62; &#34;credit&#34;');
    expect(rtl).not.toContain('<&>');
    const barEnds = (svg: string) =>
      [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2]));
    expect(barEnds(rtl).every((end) => Math.abs(end - 480) < 0.01)).toBe(true);
    const ltr = priorityChartSvg(tables('public'), labels('en'), 'ltr');
    expect([...ltr.matchAll(/<rect x="([\d.]+)"/g)].every((m) => Number(m[1]) === 0)).toBe(true);
  });
});
