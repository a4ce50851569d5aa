/** The demo diagnostics are valid input, name real clusters and shipped themes, and share themes across countries. */
import { describe, expect, it } from 'vitest';
import clustersFile from '../../../../reference-data/clusters.json' with { type: 'json' };
import { SHIPPED_CHALLENGE_THEMES } from '../challenge-themes.ts';
import { DEMO_DIAGNOSTICS, demoContents } from './demo-diagnostics.ts';
import { challengeInputSchema, swotItemInputSchema } from './diagnostics.contracts.ts';

const clusters = (Array.isArray(clustersFile) ? clustersFile : (clustersFile as { clusters: unknown[] }).clusters) as {
  slug: string;
  country: string;
}[];

describe('demo diagnostics', () => {
  it('name real clusters, once each, and shipped themes, with texts in Arabic, French and English', () => {
    const slugs = DEMO_DIAGNOSTICS.map((demo) => demo.cluster);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(clusters.map((c) => c.slug)).toContain(slug);
    const themeCodes = SHIPPED_CHALLENGE_THEMES.map((theme) => theme.code);
    for (const demo of DEMO_DIAGNOSTICS) {
      const contents = demoContents(demo);
      for (const challenge of contents.challenges) {
        expect(themeCodes).toContain(challenge.themeCode);
        expect(Object.keys(challenge.description).sort()).toEqual(['ar', 'en', 'fr']);
        challengeInputSchema.parse(challenge);
      }
      for (const item of contents.swot) swotItemInputSchema.parse(item);
      expect(contents.swot.map((item) => item.kind)).toEqual(['strength', 'weakness', 'opportunity', 'threat']);
    }
  });

  it('gives the synthesis common challenges: access to finance and markets appear in at least four countries', () => {
    const countryOf = new Map(clusters.map((c) => [c.slug, c.country]));
    const countriesWith = (theme: string) =>
      new Set(
        DEMO_DIAGNOSTICS.filter((demo) => demo.challenges.some((c) => c.themeCode === theme)).map((demo) => countryOf.get(demo.cluster)),
      );
    expect(countriesWith('access-to-finance').size).toBeGreaterThanOrEqual(4);
    expect(countriesWith('markets-and-buyers').size).toBeGreaterThanOrEqual(4);
  });
});
