import { describe, expect, it } from 'vitest';
import { displayText, inLocaleOnly, textIn } from './translatable.ts';

describe('displayText', () => {
  it('shows the requested locale when present', () => {
    expect(displayText({ ar: 'باتنة', fr: 'Batna' }, 'ar', 'fr')).toEqual({ text: 'باتنة', lang: 'ar', isFallback: false });
  });

  it('falls back to the source locale before any other', () => {
    expect(displayText({ en: 'Jewellers', fr: 'Bijoutiers' }, 'ar', 'fr')).toEqual({ text: 'Bijoutiers', lang: 'fr', isFallback: true });
  });

  it('falls back to any language when neither the requested nor the source one is there', () => {
    expect(displayText({ en: 'Jewellers' }, 'ar', 'fr')).toEqual({ text: 'Jewellers', lang: 'en', isFallback: true });
    expect(displayText({ fr: 'Bijoutiers' }, 'en', 'nonsense')).toEqual({ text: 'Bijoutiers', lang: 'fr', isFallback: true });
  });

  it('treats empty strings as absent and returns null for no text', () => {
    expect(displayText({ en: '', fr: 'Bijoutiers' }, 'en')).toMatchObject({ lang: 'fr' });
    expect(displayText({}, 'en')).toBeNull();
    expect(displayText(null, 'en')).toBeNull();
    expect(textIn(undefined, 'fr', null, '—')).toBe('—');
  });
});

describe('inLocaleOnly', () => {
  it('keeps only the language the page shows, so displaying it again gives the same text and note', () => {
    const name = { ar: 'مجوهرات باتنة', fr: 'Bijoux de Batna', en: 'Batna Jewellery' };
    expect(inLocaleOnly(name, 'fr', 'ar')).toEqual({ fr: 'Bijoux de Batna' });
    const fallback = inLocaleOnly({ fr: 'Bijoutiers', en: 'Jewellers' }, 'ar', 'fr');
    expect(fallback).toEqual({ fr: 'Bijoutiers' });
    expect(displayText(fallback, 'ar', 'fr')).toEqual(displayText({ fr: 'Bijoutiers', en: 'Jewellers' }, 'ar', 'fr'));
    expect(inLocaleOnly({ en: '' }, 'en')).toBeNull();
    expect(inLocaleOnly(null, 'en')).toBeNull();
  });
});
