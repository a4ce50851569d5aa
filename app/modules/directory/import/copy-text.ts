/**
 * Rows in PostgreSQL's COPY text format (one line a row, tab-separated, `\N` for NULL), which a
 * bulk writer streams to the server instead of one large JSON parameter (decision 0010): the
 * server reads the values as they are, where `jsonb_to_recordset` first parses the whole batch as
 * JSON and then converts every field. Only the column types the import writes are known here; any
 * other type is refused rather than guessed. Pure.
 */

/** The SQL types this format is written for (as drizzle's `getSQLType()` names them). */
export type CopyType = 'text' | 'jsonb' | 'text[]' | 'integer' | 'double precision' | 'boolean';

const COPY_TYPES = new Set<string>(['text', 'jsonb', 'text[]', 'integer', 'double precision', 'boolean']);

export function isCopyType(type: string): type is CopyType {
  return COPY_TYPES.has(type);
}

export interface CopyColumn {
  /** The row's key for the column. */
  key: string;
  type: CopyType;
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value's text with COPY's own escapes (backslash, tab, newline, carriage return). */
export function escapeCopyText(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (character) => ESCAPES[character]!) : text;
}

const ARRAY_SPECIAL = /["\\]/g;

/** A text array as an array literal, every element quoted (so commas, braces and spaces need no care). */
function arrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((value) =>
    value === null || value === undefined ? 'NULL' : `"${String(value).replace(ARRAY_SPECIAL, '\\$&')}"`,
  );
  return `{${elements.join(',')}}`;
}

/** One field: NULL for null or a missing key (as `jsonb_to_recordset` reads a missing key). */
export function copyField(value: unknown, type: CopyType): string {
  if (value === null || value === undefined) return '\\N';
  switch (type) {
    case 'text':
      return escapeCopyText(String(value));
    case 'jsonb':
      return escapeCopyText(JSON.stringify(value));
    case 'text[]':
      if (!Array.isArray(value)) throw new TypeError('copyField: a text[] value must be an array');
      return escapeCopyText(arrayLiteral(value));
    case 'integer':
    case 'double precision':
      if (typeof value !== 'number') throw new TypeError(`copyField: a ${type} value must be a number`);
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
  }
}

/** The rows as COPY text, columns in the given order, each line ending in a newline. */
export function copyText(columns: readonly CopyColumn[], rows: readonly Record<string, unknown>[]): string {
  let text = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      line += (i === 0 ? '' : '\t') + copyField(row[column.key], column.type);
    }
    text += `${line}\n`;
  }
  return text;
}
