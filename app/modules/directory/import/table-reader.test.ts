import { Readable, Transform } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { bytesSource, cellText, countCsvRows, detectDelimiter, formatOf, openTable, type TableSource } from './table-reader.server.ts';

const csv = (text: string): TableSource => ({ format: 'csv', open: async () => Readable.from([Buffer.from(text, 'utf8')]) });

async function rowsOf(source: TableSource) {
  const table = await openTable(source);
  const rows = [];
  for await (const row of table.rows) rows.push(row);
  return { headers: table.headers, rows };
}

describe('formatOf', () => {
  it('knows CSV and XLSX by name or media type, and nothing else', () => {
    expect(formatOf('Liste.CSV')).toBe('csv');
    expect(formatOf('export.tsv')).toBe('csv');
    expect(formatOf('upload', 'text/csv; charset=utf-8')).toBe('csv');
    expect(formatOf('Annuaire.xlsx')).toBe('xlsx');
    expect(formatOf('blob', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('xlsx');
    expect(formatOf('old.xls', 'application/vnd.ms-excel')).toBeNull();
    expect(formatOf('photo.png', 'image/png')).toBeNull();
  });
});

describe('detectDelimiter', () => {
  it('takes the separator the header line uses most, outside quotes', () => {
    expect(detectDelimiter('name,country,city')).toBe(',');
    expect(detectDelimiter('Nom;Pays;"Ville, quartier"')).toBe(';');
    expect(detectDelimiter('name\tcountry\tcity')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d')).toBe(',');
    expect(detectDelimiter('name')).toBe(',');
  });
});

describe('reading CSV', () => {
  it('drops the byte order mark, detects the delimiter, skips blank rows and numbers rows as a spreadsheet does', async () => {
    const { headers, rows } = await rowsOf(csv('\uFEFFNom;Pays\r\nAtelier;TN\r\n\r\n;\r\n"Dar; Nour";MA\r\n'));
    expect(headers).toEqual(['Nom', 'Pays']);
    expect(rows).toEqual([
      { number: 2, cells: ['Atelier', 'TN'] },
      { number: 5, cells: ['Dar; Nour', 'MA'] },
    ]);
  });

  it('refuses a file with no header as empty', async () => {
    await expect(openTable(csv('\n\n'))).rejects.toMatchObject({ code: 'DIRECTORY_IMPORT_FILE_EMPTY' });
  });

  it('counts the rows below the header from line ends outside quotes', async () => {
    expect(await countCsvRows(csv('a,b\n1,"two\nlines"\n3,4'))).toBe(2);
    expect(await countCsvRows(csv('a,b\n1,2\n'))).toBe(1);
  });
});

describe('cellText', () => {
  it('shows XLSX cell values as text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(35.68)).toBe('35.68');
    expect(cellText(true)).toBe('true');
    expect(cellText(new Date('2024-03-01T00:00:00Z'))).toBe('2024-03-01');
    expect(cellText({ richText: [{ text: 'Dar ' }, { text: 'Nour' }] })).toBe('Dar Nour');
    expect(cellText({ formula: 'A1*2', result: 4 })).toBe('4');
    expect(cellText({ text: 'site', hyperlink: 'https://nour.example' })).toBe('site');
  });
});

describe('bytesSource', () => {
  const arabicFile = (rows: number) =>
    ['الاسم,المدينة', ...Array.from({ length: rows }, (_, i) => `ورشة سلمى للمجوهرات ${i},"قسنطينة، الجزائر"`)].join('\n');

  it('reads every row of a file larger than its slices, with characters split across slices intact', async () => {
    const text = arabicFile(5_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 * 64 * 1024);
    const { headers, rows } = await rowsOf(bytesSource('csv', Buffer.from(text, 'utf8')));
    expect(headers).toEqual(['الاسم', 'المدينة']);
    expect(rows).toHaveLength(5_000);
    expect(rows.every((row, i) => row.cells[0] === `ورشة سلمى للمجوهرات ${i}` && row.cells[1] === 'قسنطينة، الجزائر')).toBe(true);
    expect(await countCsvRows(bytesSource('csv', Buffer.from(text, 'utf8')))).toBe(5_000);
  });

  it('reads the header without reading the rest of the file', async () => {
    const bytes = Buffer.from(arabicFile(100_000), 'utf8');
    let pulled = 0;
    const counted: TableSource = {
      format: 'csv',
      open: async () => {
        const counter = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            pulled += chunk.length;
            done(null, chunk);
          },
        });
        return (await bytesSource('csv', bytes).open()).pipe(counter);
      },
    };
    pulled = 0;
    const table = await openTable(counted);
    expect(table.headers).toEqual(['الاسم', 'المدينة']);
    // Two passes open the file (the delimiter's first line, then the parser): a few slices each.
    expect(pulled).toBeLessThan(bytes.length / 10);
  });
});
