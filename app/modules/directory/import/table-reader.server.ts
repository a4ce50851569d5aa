/**
 * Reads an uploaded table as rows of strings, streaming: CSV (UTF-8 with or without a byte order
 * mark; `,`, `;` or tab, whichever the header line uses) or XLSX (the first sheet). Each row keeps
 * its number in the file as a spreadsheet shows it (the header is row 1), so a report points at
 * the line a person can find. An unreadable file is `DIRECTORY_IMPORT_FILE_UNREADABLE`.
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { AppError } from '#app/shared/errors.ts';
import { loadExcelJS } from '#app/shared/xlsx/xlsx.ts';
import type { ImportFormat } from './import.vocabulary.ts';

export interface TableSource {
  format: ImportFormat;
  /** Opens the bytes from the start; called once per pass over the file. */
  open: () => Promise<Readable>;
}

export interface TableRow {
  /** Row number in the file (the header is row 1). */
  number: number;
  cells: string[];
}

export interface Table {
  headers: string[];
  rows: AsyncIterable<TableRow>;
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Bytes in memory are handed to the reader in slices of this size. As one chunk, the CSV parser
 * would parse the whole file at its first read (a transform finishes its chunk whatever its
 * reader asks for): reading the header of 100,000 rows took 4-5 s, and every row sat in memory.
 */
const SLICE_BYTES = 64 * 1024;

/** A source over bytes already in memory (an upload, a file read from disk), read in slices. */
export function bytesSource(format: ImportFormat, bytes: Uint8Array): TableSource {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    format,
    open: async () =>
      Readable.from(
        (function* () {
          for (let at = 0; at < buffer.length; at += SLICE_BYTES) yield buffer.subarray(at, at + SLICE_BYTES);
        })(),
      ),
  };
}

/** The format a file name or media type says, or null for anything else. */
export function formatOf(fileName: string, contentType = ''): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx') || contentType.includes('spreadsheetml')) return 'xlsx';
  if (/\.(csv|tsv|txt)$/.test(name) || /^text\/(csv|plain|tab-separated-values)/.test(contentType)) return 'csv';
  return null;
}

/** The delimiter used most on the first line outside quotes (comma when none is). */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

async function readFirstLine(stream: Readable): Promise<string> {
  let text = '';
  // A character may straddle two chunks: the decoder keeps its first bytes for the next one.
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream) {
      text += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
      const end = text.search(/\r?\n/);
      if (end >= 0) return text.slice(0, end);
      if (text.length > 1_000_000) break;
    }
    return text;
  } finally {
    stream.destroy();
  }
}

function unreadable(cause: unknown): AppError {
  const line = typeof cause === 'object' && cause !== null && 'lines' in cause ? Number((cause as { lines: unknown }).lines) : undefined;
  return new AppError('DIRECTORY_IMPORT_FILE_UNREADABLE', 400, line ? { line } : undefined);
}

async function* csvRows(source: TableSource): AsyncGenerator<TableRow> {
  const delimiter = detectDelimiter((await readFirstLine(await source.open())).replace(/^\uFEFF/, ''));
  const parser = (await source.open()).pipe(
    parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { number: info.lines, cells: record };
    }
  } catch (error) {
    throw unreadable(error);
  }
}

/** A cell of the streaming XLSX reader as the text a person sees in it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; hyperlink?: string };
    if (cell.richText) return cell.richText.map((part) => part.text).join('');
    if ('result' in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.hyperlink) return cell.hyperlink;
  }
  return '';
}

async function* xlsxRows(source: TableSource): AsyncGenerator<TableRow> {
  const ExcelJS = await loadExcelJS();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(await source.open(), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        // Row values are 1-based and sparse.
        const values = (row.values as unknown[]).slice(1);
        yield { number: row.number, cells: Array.from(values, cellText) };
      }
      return;
    }
  } catch (error) {
    throw unreadable(error);
  }
}

function rowsOf(source: TableSource): AsyncGenerator<TableRow> {
  return source.format === 'csv' ? csvRows(source) : xlsxRows(source);
}

const isBlank = (row: TableRow) => row.cells.every((cell) => cell.trim() === '');

/** The header row and an iterator over the rows below it (blank rows skipped). */
export async function openTable(source: TableSource): Promise<Table> {
  const rows = rowsOf(source);
  let header: TableRow | undefined;
  for (;;) {
    const next = await rows.next();
    if (next.done) break;
    if (!isBlank(next.value)) {
      header = next.value;
      break;
    }
  }
  if (!header) throw new AppError('DIRECTORY_IMPORT_FILE_EMPTY', 400);
  const headers = header.cells.map((cell) => cell.trim());
  return {
    headers,
    rows: (async function* () {
      for await (const row of rows) if (!isBlank(row)) yield row;
    })(),
  };
}

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * Rows below the header of a CSV file, for the progress total, by a quick pass over its bytes
 * before the real one: line ends outside quotes (blank lines count too, so it may overshoot a
 * little; the run's final total is the rows it read).
 */
export async function countCsvRows(source: TableSource): Promise<number> {
  const stream = await source.open();
  let lines = 0;
  let quoted = false;
  let last = LINE_FEED;
  for await (const chunk of stream) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (byte === QUOTE) quoted = !quoted;
      else if (byte === LINE_FEED && !quoted) lines++;
    }
    if (bytes.length > 0) last = bytes[bytes.length - 1]!;
  }
  // A last line without a line end is a line too; the header is not a row.
  return Math.max(0, lines + (last === LINE_FEED ? 0 : 1) - 1);
}
