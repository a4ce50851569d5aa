import { describe, expect, it } from 'vitest';
import { normaliseForSearch, searchTerms, stripArabicPrefixes } from './normalise.ts';

describe('normaliseForSearch: Arabic', () => {
  it('folds the hamza and alef forms to bare alef', () => {
    expect(normaliseForSearch('أحمد إسلام آمال ٱسم')).toBe('احمد اسلام امال اسم');
  });

  it('folds hamza on waw and on yeh, and alef maqsura', () => {
    expect(normaliseForSearch('مؤتمر سائل مستشفى')).toBe('موتمر سايل مستشفي');
  });

  it('folds ta marbuta to heh', () => {
    expect(normaliseForSearch('مدرسة باتنة')).toBe('مدرسه باتنه');
  });

  it('removes harakat, tanween, shadda, sukun and the dagger alef', () => {
    expect(normaliseForSearch('عَنْقُودٌ مُجَوَّهَرَاتٍ هٰذا')).toBe('عنقود مجوهرات هذا');
  });

  it('removes tatweel', () => {
    expect(normaliseForSearch('عــــربي')).toBe('عربي');
  });

  it('strips the article ال when two letters remain', () => {
    expect(normaliseForSearch('الفسيفساء')).toBe('فسيفساء');
    expect(normaliseForSearch('الجم')).toBe('جم');
    expect(normaliseForSearch('ال')).toBe('ال');
    expect(normaliseForSearch('الم')).toBe('الم');
  });

  it('strips the clitic forms of the article: وال بال كال فال لل', () => {
    expect(normaliseForSearch('والفسيفساء بالذهب كالفضة فالحرف للفنون')).toBe('فسيفساء ذهب فضه حرف فنون');
  });

  it('strips a leading و when three letters remain, per word', () => {
    expect(normaliseForSearch('وباتنة وعمان ورد')).toBe('باتنه عمان ورد');
  });

  it('applies the prefix rules to every word, not only the first', () => {
    expect(normaliseForSearch('عنقود المجوهرات في باتنة')).toBe('عنقود مجوهرات في باتنه');
  });

  it('turns Arabic punctuation into spaces and Arabic-Indic digits into digits', () => {
    expect(normaliseForSearch('حلي، فضة؛ ذهب؟ ١٢٣ ۴۵')).toBe('حلي فضه ذهب 123 45');
  });
});

describe('normaliseForSearch: Latin', () => {
  it('lower-cases and removes French accents', () => {
    expect(normaliseForSearch('Trésors de BETHLÉEM, à Noël ; ça')).toBe('tresors de bethleem a noel ca');
  });

  it('removes combining accents typed as separate characters', () => {
    expect(normaliseForSearch('Bethle\u0301em')).toBe('bethleem');
  });

  it('folds ligatures and letters without a decomposition', () => {
    expect(normaliseForSearch('ŒUVRE Straße Ærø Łódź')).toBe('oeuvre strasse aero lodz');
  });

  it('turns punctuation and symbols into single spaces and trims', () => {
    expect(normaliseForSearch("  Cluster de la mosaïque d'El Jem — « 2016 »! ")).toBe('cluster de la mosaique d el jem 2016');
  });

  it('gives an empty string for punctuation only', () => {
    expect(normaliseForSearch(' ?!… ')).toBe('');
  });
});

describe('searchTerms and stripArabicPrefixes', () => {
  it('gives the distinct words in order', () => {
    expect(searchTerms('Bijoux BIJOUX de Batna')).toEqual(['bijoux', 'de', 'batna']);
  });

  it('makes the article forms and the bare word the same term', () => {
    expect(searchTerms('الفسيفساء')).toEqual(searchTerms('فسيفساء'));
    expect(stripArabicPrefixes('والمجوهرات')).toBe('مجوهرات');
  });
});
