/** Geometry of the synthesis charts: proportional bars from the inline start, mirrored in Arabic. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAME, layoutBarChart, layoutStackedChart, MIN_LABELLED_SEGMENT } from './bar-layout.ts';

// Plot width = 400 − 56 (room for the value) = 344 units.
const W = DEFAULT_FRAME.width;
const PLOT = W - DEFAULT_FRAME.valueRoom;

describe('layoutBarChart', () => {
  const items = [
    { key: 'a', value: 100 },
    { key: 'b', value: 50 },
    { key: 'c', value: null },
    { key: 'd', value: 0 },
  ];

  it('draws bars proportional to the value on a 0..max scale, from the left in left-to-right', () => {
    const layout = layoutBarChart(items, 'ltr', { max: 100 });
    expect(layout.width).toBe(W);
    expect(PLOT).toBe(344);
    expect(layout.height).toBe(2 * 4 + 4 * 44);
    expect(layout.rows.map((r) => r.bar && [r.bar.x, r.bar.width])).toEqual([[0, PLOT], [0, PLOT / 2], null, [0, 0]]);
    // Rows stack downwards, one row height apart; label above its bar.
    expect(layout.rows.map((r) => r.label.y)).toEqual([20, 64, 108, 152]);
    expect(layout.rows[0]!.bar!.y).toBeGreaterThan(layout.rows[0]!.label.y);
    // The value sits past the bar's end, its left edge there; a hidden value at the start.
    expect(layout.rows[1]!.value).toMatchObject({ x: PLOT / 2 + 6, edge: 'left' });
    expect(layout.rows[2]!.value).toMatchObject({ x: 0, edge: 'left' });
    expect(layout.rows[0]!.label).toMatchObject({ x: 0, edge: 'left' });
  });

  it('mirrors everything in right-to-left: bars grow from the right edge', () => {
    const ltr = layoutBarChart(items, 'ltr', { max: 100 });
    const rtl = layoutBarChart(items, 'rtl', { max: 100 });
    expect(rtl.baselineX).toBe(W);
    for (const [i, row] of rtl.rows.entries()) {
      const mirror = ltr.rows[i]!;
      if (row.bar && mirror.bar) {
        expect(row.bar.x + row.bar.width).toBeCloseTo(W, 10);
        expect(row.bar.x).toBeCloseTo(W - mirror.bar.x - mirror.bar.width, 10);
      }
      expect(row.value.x).toBeCloseTo(W - mirror.value.x, 10);
      expect(row.value.edge).toBe('right');
      expect(row.label).toMatchObject({ x: W, edge: 'right' });
    }
  });

  it('scales to the largest value by default and clamps values outside 0..max', () => {
    const layout = layoutBarChart(
      [
        { key: 'a', value: 8 },
        { key: 'b', value: 2 },
      ],
      'ltr',
    );
    expect(layout.rows[1]!.bar!.width).toBeCloseTo(PLOT / 4, 10);
    const clamped = layoutBarChart(
      [
        { key: 'a', value: 140 },
        { key: 'b', value: -3 },
      ],
      'ltr',
      { max: 100 },
    );
    expect(clamped.rows.map((r) => r.bar!.width)).toEqual([PLOT, 0]);
  });
});

describe('layoutStackedChart', () => {
  const rows = [
    {
      key: 'finance',
      segments: [
        { key: 'woman', value: 30 },
        { key: 'man', value: 10 },
        { key: 'another', value: null },
        { key: 'undisclosed', value: 0 },
        { key: 'unknown', value: null },
      ],
      total: 50,
    },
    { key: 'markets', segments: [{ key: 'woman', value: 25 }], total: 25 },
  ];

  it('lays segments end to end from the inline start, skipping hidden and zero ones, on the largest total', () => {
    const layout = layoutStackedChart(rows, 'ltr');
    const finance = layout.rows[0]!;
    expect(finance.segments.map((s) => s.key)).toEqual(['woman', 'man']);
    const [woman, man] = finance.segments;
    expect(woman!.rect.x).toBe(0);
    expect(woman!.rect.width).toBeCloseTo((PLOT * 30) / 50, 10);
    expect(man!.rect.x).toBeCloseTo((PLOT * 30) / 50, 10);
    expect(man!.rect.width).toBeCloseTo((PLOT * 10) / 50, 10);
    // The total is written past the whole row's reach (its protected total, 50, including hidden people).
    expect(finance.total.x).toBeCloseTo(PLOT + 6, 10);
    // The 10 hidden people (50 − 30 − 10) fill the rest of the row, after the shown segments.
    expect(finance.hidden!.x).toBeCloseTo((PLOT * 40) / 50, 10);
    expect(finance.hidden!.width).toBeCloseTo((PLOT * 10) / 50, 10);
    expect(layout.rows[1]!.hidden).toBeNull();
    expect(layout.rows[1]!.segments[0]!.rect.width).toBeCloseTo(PLOT / 2, 10);
  });

  it('mirrors the stack in right-to-left: the first segment touches the right edge', () => {
    const layout = layoutStackedChart(rows, 'rtl');
    const [woman, man] = layout.rows[0]!.segments;
    expect(woman!.rect.x + woman!.rect.width).toBeCloseTo(W, 10);
    expect(man!.rect.x + man!.rect.width).toBeCloseTo(woman!.rect.x, 10);
    expect(layout.rows[0]!.total).toMatchObject({ edge: 'right' });
    expect(layout.rows[0]!.total.x).toBeCloseTo(W - PLOT - 6, 10);
  });

  it('writes a number inside a segment only when it fits', () => {
    const layout = layoutStackedChart(
      [
        {
          key: 'r',
          segments: [
            { key: 'woman', value: 97 },
            { key: 'man', value: 3 },
          ],
        },
      ],
      'ltr',
    );
    const [wide, narrow] = layout.rows[0]!.segments;
    expect(narrow!.rect.width).toBeLessThan(MIN_LABELLED_SEGMENT);
    expect(narrow!.inside).toBeNull();
    expect(wide!.inside!.x).toBeCloseTo(wide!.rect.width / 2, 10);
  });
});
