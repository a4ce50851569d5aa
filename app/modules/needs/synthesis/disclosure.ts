/**
 * Small-group suppression (issue 4: "a group of fewer than the minimum size never appears in a
 * public figure or export"). Every public count of people goes through `protectTable` (a table
 * with totals) or `protectCount` (a lone figure) before it is shown, charted or exported.
 *
 * 1. Primary suppression: a figure (cell or total) counting at least one and fewer than
 *    `minGroupSize` people (default 5) is hidden: `value: null, suppressed: true`. Zero is shown: it
 *    describes nobody (set `hideZeros` to hide it too).
 * 2. Complementary suppression: a row, a column, the row of column totals or the column of row totals
 *    is a line whose figures add up to its total. When a line has exactly one hidden figure, it could
 *    be recomputed as the total minus the others, so the smallest shown non-zero figure of the line
 *    is hidden too (else a shown zero, else its total). This repeats until no line has exactly one
 *    hidden figure, since a second suppression may open another line.
 * Pure.
 */

export interface DisclosureOptions {
  /** Groups smaller than this are hidden (default 5). */
  minGroupSize: number;
  /** Hide zero counts as well (default false). */
  hideZeros: boolean;
}

export const DEFAULT_MIN_GROUP_SIZE = 5;

export const DEFAULT_DISCLOSURE_OPTIONS: DisclosureOptions = { minGroupSize: DEFAULT_MIN_GROUP_SIZE, hideZeros: false };

export type ProtectedCount = { value: number; suppressed: false } | { value: null; suppressed: true };

const shown = (value: number): ProtectedCount => ({ value, suppressed: false });
const hidden: ProtectedCount = { value: null, suppressed: true };

function isSmall(count: number, o: DisclosureOptions): boolean {
  return count < o.minGroupSize && (count > 0 || o.hideZeros);
}

function resolve(options: Partial<DisclosureOptions>): DisclosureOptions {
  const o = { ...DEFAULT_DISCLOSURE_OPTIONS, ...options };
  if (!Number.isInteger(o.minGroupSize) || o.minGroupSize < 1) throw new RangeError('minGroupSize must be a positive integer');
  return o;
}

/** A lone figure (a total of respondents, a count in a sentence). */
export function protectCount(count: number, options: Partial<DisclosureOptions> = {}): ProtectedCount {
  return isSmall(count, resolve(options)) ? hidden : shown(count);
}

export interface CountTable<C extends string> {
  columns: readonly C[];
  rows: readonly { key: string; cells: Readonly<Record<C, number>> }[];
}

export interface ProtectedTable<C extends string> {
  columns: readonly C[];
  rows: { key: string; cells: Record<C, ProtectedCount>; total: ProtectedCount }[];
  columnTotals: Record<C, ProtectedCount>;
  total: ProtectedCount;
  /** The minimum the table was protected with (what a note under it must say). */
  minGroupSize: number;
  /** Figures hidden because they were small, and hidden only to protect them. */
  primary: number;
  complementary: number;
}

/**
 * Protects a table of counts whose rows and columns add up (each person in one cell per row, e.g.
 * respondents naming a theme by gender). Row totals, column totals and the grand total are the
 * sums of the cells and are protected with them.
 */
export function protectTable<C extends string>(
  table: CountTable<C>,
  options: Partial<DisclosureOptions> & {
    /** Row totals to hide whatever their size (the same total hidden in a linked table). */
    hideRowTotals?: ReadonlySet<string>;
  } = {},
): ProtectedTable<C> {
  const o = resolve(options);
  const { columns, rows } = table;
  // Figures by index: cells row-major, then row totals, then column totals, then the grand total.
  const cols = columns.length;
  const values: number[] = [];
  for (const row of rows) for (const c of columns) values.push(row.cells[c] ?? 0);
  const rowTotalAt = values.length;
  for (let i = 0; i < rows.length; i += 1) values.push(sum(values.slice(i * cols, (i + 1) * cols)));
  const columnTotalAt = values.length;
  for (let j = 0; j < cols; j += 1) values.push(sum(rows.map((_, i) => values[i * cols + j]!)));
  const grandAt = values.length;
  values.push(sum(values.slice(rowTotalAt, columnTotalAt)));

  // Lines: the figures of a line add up to its total.
  const lines: { members: number[]; total: number }[] = [];
  for (let i = 0; i < rows.length; i += 1) lines.push({ members: range(cols).map((j) => i * cols + j), total: rowTotalAt + i });
  for (let j = 0; j < cols; j += 1) lines.push({ members: range(rows.length).map((i) => i * cols + j), total: columnTotalAt + j });
  lines.push({ members: range(rows.length).map((i) => rowTotalAt + i), total: grandAt });
  lines.push({ members: range(cols).map((j) => columnTotalAt + j), total: grandAt });

  const isHidden = values.map((v) => isSmall(v, o));
  const primary = isHidden.filter(Boolean).length;
  let complementary = 0;
  for (const [i, row] of rows.entries()) {
    if (options.hideRowTotals?.has(row.key) && !isHidden[rowTotalAt + i]) {
      isHidden[rowTotalAt + i] = true;
      complementary += 1;
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const figures = [...line.members, line.total];
      if (figures.filter((f) => isHidden[f]).length !== 1) continue;
      const candidates = line.members.filter((f) => !isHidden[f]);
      const pick =
        smallest(
          candidates.filter((f) => values[f]! > 0),
          values,
        ) ??
        smallest(candidates, values) ??
        (isHidden[line.total] ? undefined : line.total);
      if (pick === undefined) continue;
      isHidden[pick] = true;
      complementary += 1;
      changed = true;
    }
  }

  const figure = (index: number): ProtectedCount => (isHidden[index] ? hidden : shown(values[index]!));
  return {
    columns,
    rows: rows.map((row, i) => ({
      key: row.key,
      cells: Object.fromEntries(columns.map((c, j) => [c, figure(i * cols + j)])) as Record<C, ProtectedCount>,
      total: figure(rowTotalAt + i),
    })),
    columnTotals: Object.fromEntries(columns.map((c, j) => [c, figure(columnTotalAt + j)])) as Record<C, ProtectedCount>,
    total: figure(grandAt),
    minGroupSize: o.minGroupSize,
    primary,
    complementary,
  };
}

/**
 * Protects tables that share their row totals (the same people by gender and by size): a row total
 * hidden in one is hidden in all, and the tables are protected again until they agree.
 */
export function protectLinkedTables<T extends CountTable<string>[]>(
  tables: [...T],
  options: Partial<DisclosureOptions> = {},
): { [K in keyof T]: T[K] extends CountTable<infer C> ? ProtectedTable<C> : never } {
  const hideRowTotals = new Set<string>();
  for (;;) {
    const protectedTables = tables.map((table) => protectTable(table, { ...options, hideRowTotals }));
    const before = hideRowTotals.size;
    for (const t of protectedTables) for (const row of t.rows) if (row.total.suppressed) hideRowTotals.add(row.key);
    if (hideRowTotals.size === before) return protectedTables as never;
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** The index of the smallest value (the first on equal values), or undefined for none. */
function smallest(indexes: readonly number[], values: readonly number[]): number | undefined {
  let best: number | undefined;
  for (const i of indexes) if (best === undefined || values[i]! < values[best]!) best = i;
  return best;
}
