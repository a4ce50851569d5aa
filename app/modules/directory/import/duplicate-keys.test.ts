import { describe, expect, it } from 'vitest';
import { DuplicateRegister, emailKey, nameCityKeys, phoneKey } from './duplicate-keys.ts';
import { labelOfAnyText, normaliseLabel } from './normalise.ts';

/** 10,000 random labels of 1-30 characters from `alphabet` (seeded): the fast paths give what the rule for any text gives. */
function expectFastPathsAgree(alphabet: readonly string[], seed: number): void {
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let n = 0; n < 10_000; n++) {
    const length = 1 + Math.floor(random() * 30);
    const label = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    expect(normaliseLabel(label), JSON.stringify(label)).toBe(labelOfAnyText(label));
  }
}

describe('normaliseLabel', () => {
  it('folds case, accents, Arabic letter forms, diacritics, tatweel and the article', () => {
    expect(normaliseLabel('  Coopérative  ÉTOILE ')).toBe('cooperative etoile');
    expect(normaliseLabel('التعاونيّة')).toBe(normaliseLabel('تعاونيه'));
    expect(normaliseLabel('أحمد')).toBe(normaliseLabel('احمد'));
    expect(normaliseLabel('مـــجوهرات')).toBe('مجوهرات');
    expect(normaliseLabel('Bois d’olivier')).toBe('bois d olivier');
    expect(normaliseLabel('١٢٣')).toBe('123');
  });

  it('gives on ASCII, Arabic and Latin-1 text what the rule for any text gives (10,000 random labels)', () => {
    // Plain letters (the fast paths), and some that must leave them: hamza forms, tatweel, a
    // mark, ة and ى, Arabic punctuation and digits, accents.
    const alphabet = [
      ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
      ...'ابتثجحخدذرسشصضطظعغفقكلمنهويءةى',
      ' ال',
      ' وال',
      'ال',
      ...'أإآؤئـًّ،٣éÉٱ',
      // Every character of U+0621-U+0669 (the one-pass Arabic path folds or drops them, or leaves the text to the rule for any text).
      ...Array.from({ length: 0x66a - 0x621 }, (_, i) => String.fromCharCode(0x621 + i)),
      // All of Latin-1 (its own fast path), several times over so that labels often hold some.
      ...Array.from({ length: 3 * 0x60 }, (_, i) => String.fromCharCode(0xa0 + (i % 0x60))),
    ];
    expectFastPathsAgree(alphabet, 42);
  });
});

describe('normaliseLabel on ASCII and Arabic', () => {
  it('gives what the rule for any text gives for every character of U+0621-U+0669, alone and in 10,000 random labels', () => {
    const arabic = Array.from({ length: 0x66a - 0x621 }, (_, i) => String.fromCharCode(0x621 + i));
    for (const character of arabic) expect(normaliseLabel(`ب${character}ت`), character).toBe(labelOfAnyText(`ب${character}ت`));
    // Words with the article and its clitic forms, so the article rule meets the folded letters.
    const alphabet = [
      ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
      ...arabic,
      ...arabic,
      ' ال',
      ' وال',
      'ال',
      ' و',
    ];
    expectFastPathsAgree(alphabet, 11);
  });
});

describe('normaliseLabel on Latin-1', () => {
  it('gives what the rule for any text gives for every Latin-1 character, alone and in 10,000 random labels', () => {
    const alphabet = [
      ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
      ...Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i)),
    ];
    for (const character of alphabet) expect(normaliseLabel(`a${character}b`), character).toBe(labelOfAnyText(`a${character}b`));
    expectFastPathsAgree(alphabet, 7);
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
