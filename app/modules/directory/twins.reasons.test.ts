import { describe, expect, it } from 'vitest';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { describeTwinReason, type TwinNames } from './twins.reasons.ts';
import type { TwinReason } from './twins.ts';

const names: TwinNames = {
  subsectors: { fashion: { en: 'Fashion', fr: 'Mode', ar: 'الموضة' } },
  families: { 'design-industries': { en: 'Design-based industries', fr: 'Industries du design', ar: 'الصناعات القائمة على التصميم' } },
  materials: { silver: { en: 'Silver', fr: 'Argent', ar: 'الفضة' }, enamel: { en: 'Enamel', fr: 'Émail', ar: 'المينا' } },
  countries: {},
};

function sentence(reason: TwinReason, locale: Locale) {
  return describeTwinReason(reason, locale, names, (id, values) => translate(locale, id, values));
}

describe('describeTwinReason', () => {
  it('says each reason as a sentence in the reader’s language', () => {
    const subsector: TwinReason = { code: 'same-subsector', points: 40, subsectors: ['fashion'] };
    const materials: TwinReason = { code: 'shared-materials', points: 20, materials: ['enamel', 'silver'] };
    const language: TwinReason = { code: 'shared-language', points: 5, languages: ['fr'] };
    expect(sentence(subsector, 'en')).toBe('Same subsector: Fashion');
    expect(sentence(materials, 'en')).toBe('Shared materials and techniques: Enamel and Silver');
    expect(sentence(materials, 'fr')).toBe('Matériaux et techniques en commun : Émail et Argent');
    expect(sentence(language, 'en')).toBe('Works in French');
    expect(sentence(language, 'fr')).toBe('Travaille en français');
    expect(sentence(subsector, 'ar')).toBe('القطاع الفرعي نفسه: الموضة');
    expect(sentence(language, 'ar')).toContain('الفرنسية');
  });

  it('names both sides of a complementary value chain and the kind of market reason', () => {
    const chain: TwinReason = { code: 'complementary-value-chain', points: 10, pairs: [{ source: 'production', twin: 'export' }] };
    expect(sentence(chain, 'en')).toBe('Complementary in the value chain: Production here, Export there');
    const both: TwinReason = { code: 'complementary-markets', points: 10, newMarkets: ['gulf'], sharedExportMarkets: ['europe'] };
    expect(sentence(both, 'en')).toBe('Also sells to: Gulf; both export to: Europe');
    const shared: TwinReason = { code: 'complementary-markets', points: 5, newMarkets: [], sharedExportMarkets: ['europe'] };
    expect(sentence(shared, 'fr')).toBe('Exportent tous deux vers : Europe');
  });

  it('falls back to another language, then to the code, for a name it lacks', () => {
    const reason: TwinReason = { code: 'shared-materials', points: 10, materials: ['silver', 'unknown-material'] };
    expect(sentence(reason, 'en')).toBe('Shared materials and techniques: Silver and unknown-material');
    const size: TwinReason = { code: 'similar-size', points: 5, sizeClass: 'micro' };
    expect(sentence(size, 'en')).toBe('Same size: Micro (under 10 staff)');
  });
});
