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

describe('uniqueSlug', () => {
  it('adds the first free numeric suffix', () => {
    expect(uniqueSlug('atelier', new Set())).toBe('atelier');
    expect(uniqueSlug('atelier', new Set(['atelier']))).toBe('atelier-2');
    expect(uniqueSlug('atelier', new Set(['atelier', 'atelier-2', 'atelier-3']))).toBe('atelier-4');
  });
});
