/** The lexemes of a tsquery's text form, to mark on results what the index matched. Pure. */

/**
 * Taxonomy terms enter a query as tokens (`'~material~silver'`, migration
 * `search-taxonomy-at-query-time`); they name a code, not a word of any text, so nothing marks them.
 */
const TAXONOMY_TOKEN = '~';

/** `'bijoux':* | 'bethlehem' & 'l''atelier' | '~subsector~jewellery'` -> bijoux, bethlehem, l'atelier. */
export function tsqueryLexemes(tsquery: string): string[] {
  return [...tsquery.matchAll(/'((?:[^']|'')+)'/g)]
    .map((match) => match[1]!.replaceAll("''", "'"))
    .filter((lexeme) => !lexeme.startsWith(TAXONOMY_TOKEN));
}
