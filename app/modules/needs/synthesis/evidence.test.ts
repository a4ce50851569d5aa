/** Scopes as the API writes them, and who counts as a respondent of a scope. */
import { describe, expect, it } from 'vitest';
import { formatScope, parseScope, respondentsInScope, type SurveyMention } from './evidence.ts';

describe('parseScope', () => {
  it('reads region, country:XX and cluster:<slug>, and round-trips through formatScope', () => {
    for (const text of ['region', 'country:TN', 'cluster:el-jem-mosaic']) expect(formatScope(parseScope(text)!)).toBe(text);
    expect(parseScope('country:TN')).toEqual({ kind: 'country', country: 'TN' });
    expect(parseScope('cluster:el-jem-mosaic')).toEqual({ kind: 'cluster', cluster: 'el-jem-mosaic' });
  });

  it('refuses anything else', () => {
    for (const text of ['', 'world', 'country:tn', 'country:TUN', 'cluster:', 'cluster:El-Jem', 'cluster:a--b', 'region:TN']) {
      expect(parseScope(text)).toBeNull();
    }
  });
});

describe('respondentsInScope', () => {
  const mention = (id: string, respondentId: string, cluster: string, gender: SurveyMention['gender']): SurveyMention => ({
    id,
    respondentId,
    cluster,
    country: cluster === 'fes' ? 'MA' : 'TN',
    gender,
    size: null,
    theme: 't',
    severity: null,
  });

  it('adds respondents known only from their mentions; a response’s attributes win, then the smallest mention id', () => {
    const evidence = {
      responses: [{ respondentId: 'r1', cluster: 'el-jem', country: 'TN', gender: 'woman' as const, size: 'micro' as const }],
      mentions: [mention('m2', 'r1', 'fes', 'man'), mention('m9', 'r2', 'fes', 'man'), mention('m3', 'r2', 'el-jem', 'woman')],
    };
    const all = respondentsInScope(evidence, { kind: 'region' });
    expect(all.get('r1')).toMatchObject({ cluster: 'el-jem', gender: 'woman' });
    expect(all.get('r2')).toMatchObject({ cluster: 'el-jem', gender: 'woman' });
    expect([...respondentsInScope(evidence, { kind: 'cluster', cluster: 'fes' }).keys()]).toEqual([]);
    expect([...respondentsInScope(evidence, { kind: 'country', country: 'TN' }, { genders: ['woman'] }).keys()]).toEqual(['r1', 'r2']);
  });
});
