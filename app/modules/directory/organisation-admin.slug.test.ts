import { slugify } from 'transliteration';
import { describe, expect, it } from 'vitest';
import { slugSchema } from './directory.contracts.ts';
import { slugBase, uniqueSlug } from './organisation-admin.slug.ts';

describe('slugBase', () => {
  it('uses the English or French name when there is one', () => {
    expect(slugBase({ ar: 'مجوهرات باتنة', en: 'Batna Silver Workshop' }, 'ar')).toBe('batna-silver-workshop');
    expect(slugBase({ fr: 'Bijoux de l’Aurès — Batna' }, 'fr')).toBe('bijoux-de-l-aures-batna');
  });

  it('transliterates an Arabic-only name to ASCII', () => {
    const slug = slugBase({ ar: 'مجوهرات باتنة' }, 'ar');
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.length).toBeGreaterThanOrEqual(2);
  });

  it('always gives a valid slug, even from symbols or a very long name', () => {
    expect(slugBase({ en: '!!!' }, 'en')).toBe('organisation');
    const long = slugBase({ en: 'word '.repeat(60) }, 'en');
    expect(long.length).toBeLessThanOrEqual(74);
    expect(slugSchema.safeParse(long).success).toBe(true);
    expect(slugSchema.safeParse(`${long}-12`).success).toBe(true);
  });
});

describe('slugBase without the transliteration library for Latin text', () => {
  /** What slugBase gave when every name went through the transliteration library. */
  function transliterated(text: string): string {
    const slug = slugify(text, { lowercase: true, separator: '-', trim: true })
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 74)
      .replace(/-$/, '');
    return slug.length >= 2 ? slug : 'organisation';
  }

  it('gives the same slug as the library for 5,000 random names of ASCII and accented letters', () => {
    // A fixed-seed generator, so a failure can be reproduced.
    let seed = 20261122;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = [
      ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
      ...'éèêëàâäîïôöùûüçÉÈÀÇÔñÑáíóúÁÍÓÚãõÃÕåÅ'.split(''),
      'e\u0301',
      '\t',
    ];
    for (let n = 0; n < 5_000; n++) {
      const length = 1 + Math.floor(random() * 40);
      const name = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(slugBase({ fr: name }, 'fr'), JSON.stringify(name)).toBe(transliterated(name));
    }
  });
});

describe('uniqueSlug', () => {
  it('adds the first free numeric suffix', () => {
    expect(uniqueSlug('atelier', new Set())).toBe('atelier');
    expect(uniqueSlug('atelier', new Set(['atelier']))).toBe('atelier-2');
    expect(uniqueSlug('atelier', new Set(['atelier', 'atelier-2', 'atelier-3']))).toBe('atelier-4');
  });
});
