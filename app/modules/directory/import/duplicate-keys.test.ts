import { describe, expect, it } from 'vitest';
import { DuplicateRegister, emailKey, nameCityKeys, phoneKey } from './duplicate-keys.ts';
import { normaliseLabel } from './normalise.ts';

describe('normaliseLabel', () => {
  it('folds case, accents, Arabic letter forms, diacritics, tatweel and the article', () => {
    expect(normaliseLabel('  Coopérative  ÉTOILE ')).toBe('cooperative etoile');
    expect(normaliseLabel('التعاونيّة')).toBe(normaliseLabel('تعاونيه'));
    expect(normaliseLabel('أحمد')).toBe(normaliseLabel('احمد'));
    expect(normaliseLabel('مـــجوهرات')).toBe('مجوهرات');
    expect(normaliseLabel('Bois d’olivier')).toBe('bois d olivier');
    expect(normaliseLabel('١٢٣')).toBe('123');
  });
});

describe('duplicate keys', () => {
  it('pairs every language of the name with every language of the city', () => {
    expect(nameCityKeys({ fr: 'Atelier Nour', ar: 'ورشة نور' }, { fr: 'Tunis', ar: 'تونس' }).sort()).toEqual(
      ['atelier nour|tunis', 'atelier nour|تونس', 'ورشه نور|tunis', 'ورشه نور|تونس'].sort(),
    );
    expect(nameCityKeys({ en: 'Nour' }, null)).toEqual(['nour|']);
  });

  it('compares e-mails without case and phones by their digits', () => {
    expect(emailKey(' Contact@Nour.TN ')).toBe('contact@nour.tn');
    expect(emailKey('')).toBeNull();
    expect(phoneKey('+216 71 123 456')).toBe(phoneKey('(216) 71-123-456'));
    expect(phoneKey('12-34')).toBeNull();
  });
});

describe('DuplicateRegister', () => {
  const register = new DuplicateRegister();
  register.add(
    { name: { fr: 'Atelier Nour' }, city: { fr: 'Tunis' }, email: 'a@nour.tn', phone: '+216 71 000 111' },
    { slug: 'atelier-nour' },
  );
  register.add({ name: { en: 'Blue Loom' }, city: { en: 'Amman' } }, { row: 4 });

  it('finds a record by the same name in the same city, in another spelling', () => {
    expect(register.find({ name: { en: 'ATELIER  NOUR' }, city: { en: 'tunis' } })).toEqual({
      key: 'name',
      target: { slug: 'atelier-nour' },
    });
    expect(register.find({ name: { en: 'Blue loom' }, city: { fr: 'Amman' } })).toEqual({ key: 'name', target: { row: 4 } });
  });

  it('finds a record by e-mail or phone whatever the name', () => {
    expect(register.find({ name: { en: 'Other' }, email: 'A@Nour.tn' })).toEqual({ key: 'email', target: { slug: 'atelier-nour' } });
    expect(register.find({ name: { en: 'Other' }, phone: '0021671000111' })).toBeNull();
    expect(register.find({ name: { en: 'Other' }, phone: '216-71-000-111' })).toEqual({ key: 'phone', target: { slug: 'atelier-nour' } });
  });

  it('does not match the same name in another city', () => {
    expect(register.find({ name: { fr: 'Atelier Nour' }, city: { fr: 'Sfax' } })).toBeNull();
  });
});
