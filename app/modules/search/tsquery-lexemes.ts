/** The lexemes of a tsquery's text form, to mark on results what the index matched. Pure. */

/** `'bijoux':* | 'bethlehem' & 'l''atelier'` -> bijoux, bethlehem, l'atelier. */
export function tsqueryLexemes(tsquery: string): string[] {
  return [...tsquery.matchAll(/'((?:[^']|'')+)'/g)].map((match) => match[1]!.replaceAll("''", "'"));
}
