import { describe, expect, it } from 'vitest';
import { tsqueryLexemes } from './tsquery-lexemes.ts';

describe('tsqueryLexemes', () => {
  it('lists the lexemes of a tsquery, prefixes and operators dropped', () => {
    expect(tsqueryLexemes("( 'betlehem':* | 'bethlehem':* ) & 'الفسيفساء':*")).toEqual(['betlehem', 'bethlehem', 'الفسيفساء']);
  });

  it('unescapes doubled quotes and gives nothing for an empty query', () => {
    expect(tsqueryLexemes("'l''atelier'")).toEqual(["l'atelier"]);
    expect(tsqueryLexemes('')).toEqual([]);
  });
});
