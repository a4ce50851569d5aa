import { describe, expect, it } from 'vitest';
import { tsqueryLexemes } from './tsquery-lexemes.ts';

describe('tsqueryLexemes', () => {
  it('lists the lexemes of a tsquery, prefixes and operators dropped', () => {
    expect(tsqueryLexemes("( 'betlehem':* | 'bethlehem':* ) & 'الفسيفساء':*")).toEqual(['betlehem', 'bethlehem', 'الفسيفساء']);
  });

  it('leaves out taxonomy tokens, which name a code and no word of any text', () => {
    expect(tsqueryLexemes("( 'bijou':* | 'bijoux':* | '~subsector~jewellery' | '~material~olive-wood' )")).toEqual(['bijou', 'bijoux']);
  });

  it('unescapes doubled quotes and gives nothing for an empty query', () => {
    expect(tsqueryLexemes("'l''atelier'")).toEqual(["l'atelier"]);
    expect(tsqueryLexemes('')).toEqual([]);
  });
});
