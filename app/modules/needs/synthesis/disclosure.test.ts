/**
 * Small-group suppression: no figure below the minimum is shown, and an attacker who knows that rows
 * and columns add up cannot recompute a hidden figure from the figures shown.
 */
import { describe, expect, it } from 'vitest';
import { type CountTable, type ProtectedTable, protectCount, protectLinkedTables, protectTable } from './disclosure.ts';
import { GENDER_GROUPS, type GenderGroup, SIZE_GROUPS } from './evidence.ts';
import { random } from './synthesis.fixture.ts';

type G = GenderGroup;

function table(rows: Record<string, number[]>): CountTable<G> {
  return {
    columns: GENDER_GROUPS,
    rows: Object.entries(rows).map(([key, counts]) => ({
      key,
      cells: Object.fromEntries(GENDER_GROUPS.map((g, i) => [g, counts[i] ?? 0])) as Record<G, number>,
    })),
  };
}

/**
 * The attack: the published table as unknowns (null) and knowns; every row, column and the totals
 * add up. Solve any line with a single unknown, repeat until nothing more can be solved, and return
 * what was recovered ("row/column" → value).
 */
function recover(published: ProtectedTable<G>): Map<string, number> {
  const cols = published.columns;
  const grid = new Map<string, number | null>();
  for (const [i, row] of published.rows.entries()) {
    for (const c of cols) grid.set(`${i}/${c}`, row.cells[c].value);
    grid.set(`${i}/total`, row.total.value);
  }
  for (const c of cols) grid.set(`total/${c}`, published.columnTotals[c].value);
  grid.set('total/total', published.total.value);
  const rowKeys = [...published.rows.map((_, i) => `${i}`), 'total'];
  const colKeys = [...cols, 'total'];
  const lines: { members: string[]; total: string }[] = [
    ...rowKeys.map((r) => ({ members: cols.map((c) => `${r}/${c}`), total: `${r}/total` })),
    ...colKeys.map((c) => ({ members: published.rows.map((_, i) => `${i}/${c}`), total: `total/${c}` })),
  ];
  const recovered = new Map<string, number>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const line of lines) {
      const unknown = [...line.members, line.total].filter((k) => grid.get(k) === null);
      if (unknown.length !== 1) continue;
      const key = unknown[0]!;
      const known = line.members.filter((k) => k !== key).reduce((s, k) => s + grid.get(k)!, 0);
      const value = key === line.total ? known : grid.get(line.total)! - known;
      grid.set(key, value);
      recovered.set(key, value);
      progress = true;
    }
  }
  return recovered;
}

function shownFigures(published: ProtectedTable<G>): number[] {
  return [
    ...published.rows.flatMap((r) => [...Object.values<{ value: number | null }>(r.cells), r.total]),
    ...Object.values<{ value: number | null }>(published.columnTotals),
    published.total,
  ]
    .map((f) => f.value)
    .filter((v): v is number => v !== null);
}

describe('protectCount', () => {
  it('hides 1 to 4 people, shows zero and 5 or more, and follows the minimum given', () => {
    expect([0, 1, 4, 5, 12].map((n) => protectCount(n).value)).toEqual([0, null, null, 5, 12]);
    expect(protectCount(3)).toEqual({ value: null, suppressed: true });
    expect(protectCount(7, { minGroupSize: 10 }).suppressed).toBe(true);
    expect(protectCount(0, { hideZeros: true }).suppressed).toBe(true);
    expect(() => protectCount(3, { minGroupSize: 0 })).toThrow(RangeError);
  });
});

describe('protectTable', () => {
  it('hides a small cell and, alone in its row, the next smallest one too', () => {
    // woman, man, another, undisclosed, unknown
    const published = protectTable(table({ finance: [12, 3, 0, 7, 6], markets: [20, 15, 0, 5, 9] }));
    const finance = published.rows[0]!;
    expect(finance.cells.man).toEqual({ value: null, suppressed: true });
    // 3 is hidden; the next smallest non-zero figure of the row (6) is hidden with it, not the zero.
    expect(finance.cells.unknown.suppressed).toBe(true);
    expect(finance.cells.another).toEqual({ value: 0, suppressed: false });
    expect(finance.total).toEqual({ value: 28, suppressed: false });
    // The columns man and unknown now have one hidden figure each: markets' man (15) and unknown (9) go too.
    expect(published.rows[1]!.cells.man.suppressed).toBe(true);
    expect(published.rows[1]!.cells.unknown.suppressed).toBe(true);
    expect(published.primary).toBe(1);
    expect(published.complementary).toBe(3);
    expect(recover(published).size).toBe(0);
  });

  it('hides a row whose total is small, with its cells, and protects it among the row totals', () => {
    const published = protectTable(table({ a: [2, 1, 0, 0, 0], b: [10, 8, 0, 0, 0], c: [9, 6, 0, 0, 0] }));
    expect(published.rows[0]!.total.suppressed).toBe(true);
    expect(published.rows[0]!.cells.woman.suppressed).toBe(true);
    expect(published.rows[0]!.cells.man.suppressed).toBe(true);
    expect(published.total.value).toBe(36);
    expect(recover(published).size).toBe(0);
  });

  it('never shows a figure below the minimum, and no hidden figure can be recomputed (many tables)', () => {
    const next = random(42);
    for (let round = 0; round < 300; round += 1) {
      const rows: Record<string, number[]> = {};
      const rowCount = 1 + Math.floor(next() * 5);
      for (let r = 0; r < rowCount; r += 1) {
        rows[`t${r}`] = GENDER_GROUPS.map(() => (next() < 0.3 ? 0 : Math.floor(next() * (next() < 0.5 ? 6 : 30))));
      }
      const minGroupSize = 2 + Math.floor(next() * 9);
      const published = protectTable(table(rows), { minGroupSize });
      for (const value of shownFigures(published)) expect(value === 0 || value >= minGroupSize).toBe(true);
      expect(recover(published)).toEqual(new Map());
    }
  });

  it('leaves a table without small groups untouched', () => {
    const published = protectTable(table({ a: [10, 8, 5, 0, 6] }));
    expect(published.primary + published.complementary).toBe(0);
    expect(published.rows[0]!.total.value).toBe(29);
    expect(published.columnTotals.another.value).toBe(5);
  });
});

describe('protectLinkedTables', () => {
  it('hides a row total asked for, and protects it in its row and among the totals', () => {
    const published = protectTable(table({ a: [10, 8, 0, 0, 6], b: [20, 15, 0, 0, 9] }), { hideRowTotals: new Set(['b']) });
    expect(published.rows[1]!.total.suppressed).toBe(true);
    expect(recover(published)).toEqual(new Map());
  });

  it('hides a total in both tables when either hides it (the same people by gender and by size)', () => {
    const next = random(9);
    for (let round = 0; round < 200; round += 1) {
      // People, each with a gender and a size, naming one of three themes.
      const gender: Record<string, number[]> = {};
      const size: Record<string, number[]> = {};
      for (const theme of ['t1', 't2', 't3']) {
        gender[theme] = GENDER_GROUPS.map(() => 0);
        size[theme] = SIZE_GROUPS.map(() => 0);
        const people = Math.floor(next() * 25);
        for (let p = 0; p < people; p += 1) {
          gender[theme]![Math.floor(next() * 5)]! += 1;
          size[theme]![Math.floor(next() * 5)]! += 1;
        }
      }
      const sizeTable = {
        columns: SIZE_GROUPS,
        rows: Object.entries(size).map(([key, counts]) => ({
          key,
          cells: Object.fromEntries(SIZE_GROUPS.map((g, i) => [g, counts[i]!])) as Record<(typeof SIZE_GROUPS)[number], number>,
        })),
      };
      const [byGender, bySize] = protectLinkedTables([table(gender), sizeTable]);
      expect(byGender.rows.map((r) => r.total.suppressed)).toEqual(bySize.rows.map((r) => r.total.suppressed));
      expect(recover(byGender)).toEqual(new Map());
    }
  });
});
