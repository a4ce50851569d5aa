import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvGiveUp, type CsvRecord, CsvRecordReader } from './csv-records.ts';

/** What the import's csv-parse options read, or null where csv-parse fails. */
function reference(text: string, delimiter: string): CsvRecord[] | null {
  try {
    const options = { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true } as const;
    const rows = parse(text, options) as unknown as { record: string[]; info: { lines: number } }[];
    return rows.map((row) => ({ line: row.info.lines, cells: row.record }));
  } catch {
    return null;
  }
}

/** The reader's records given `text` in pieces cut at `cuts`, or 'gave up'. */
function fast(text: string, delimiter: string, cuts: number[]): CsvRecord[] | 'gave up' {
  const reader = new CsvRecordReader(delimiter);
  const records: CsvRecord[] = [];
  let from = 0;
  try {
    for (const cut of [...cuts, text.length]) {
      records.push(...reader.push(text.slice(from, cut), cut === text.length));
      from = cut;
    }
    return records;
  } catch (error) {
    if (error instanceof CsvGiveUp) return 'gave up';
    throw error;
  }
}

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('CsvRecordReader', () => {
  it('reads ordinary files as csv-parse does, in any pieces, without giving up', () => {
    const files = [
      'a,b\n1,2\n',
      'Nom;Pays\r\nAtelier;TN\r\n\r\n;\r\n"Dar; Nour";MA\r\n',
      'name,city\n"Atelier ""Nour""",Tunis\n"two\nlines",x\n\n\nlast,no line end',
      'a\tb\nwith "quotes" inside\t"quoted, comma"\n,\n',
      'ورشة,فاس\nÉmaux de Fès,"Fès, Maroc"\n',
    ];
    for (const text of files) {
      const delimiter = text.includes('\t') ? '\t' : text.includes(';') ? ';' : ',';
      for (let cut = 0; cut <= text.length; cut++) expect(fast(text, delimiter, [cut])).toEqual(reference(text, delimiter));
    }
  });

  it('agrees with csv-parse on 20,000 random texts wherever it does not give up, and gives up wherever csv-parse fails', () => {
    const next = random(20261123);
    const pieces = ['a', 'b', 'é', 'ب', ' ', ',', ',', ';', '"', '"', '""', '\n', '\n', '\r\n', '\r', '\uFEFF'];
    let read = 0;
    for (let n = 0; n < 20_000; n++) {
      const length = Math.floor(next() * 30);
      let text = '';
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      // Most files use one line end throughout.
      if (n % 2 === 0) text = text.replaceAll('\r', '');
      else if (n % 4 === 1) text = text.replaceAll('\r\n', '\n').replaceAll('\r', '').replaceAll('\n', '\r\n');
      const cuts = [Math.floor(next() * (text.length + 1))].concat(next() < 0.5 ? [] : [text.length]).sort((x, y) => x - y);
      const delimiter = next() < 0.5 ? ',' : ';';
      const ours = fast(text, delimiter, cuts);
      const theirs = reference(text, delimiter);
      if (ours === 'gave up') continue;
      read++;
      expect({ text, records: ours }).toEqual({ text, records: theirs });
    }
    // The comparison means something only if most texts were read.
    expect(read).toBeGreaterThan(8_000);
  });
});
