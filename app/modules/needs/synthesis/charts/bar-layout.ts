/**
 * Geometry of the synthesis charts, pure so it is unit-tested and the components only draw: a
 * horizontal bar chart (priorities) and a horizontal stacked bar chart (counts by gender). Each row
 * is a label on its own line, then the bar under it, so long theme names never squeeze the bars at
 * 360 px. Bars grow from the inline start: from the left in French and English, from the right in
 * Arabic; the value is written just past the bar's end. Coordinates are in SVG user units; the
 * component scales the drawing to the width of its container through the viewBox.
 */

export type Direction = 'ltr' | 'rtl';

export interface ChartFrame {
  /** Width of the drawing. */
  width: number;
  /** Height of one row (label line and bar). */
  rowHeight: number;
  /** Thickness of a bar. */
  barHeight: number;
  /** Room kept past the longest bar for its value. */
  valueRoom: number;
  /** Space above the first row and below the last one. */
  padding: number;
}

export const DEFAULT_FRAME: ChartFrame = { width: 400, rowHeight: 44, barHeight: 16, valueRoom: 56, padding: 4 };

/** Where a text is anchored, physically: its left edge or its right edge at `x`. */
export type Edge = 'left' | 'right';

export interface TextBox {
  x: number;
  y: number;
  /** The edge of the text that sits at `x`. */
  edge: Edge;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarRow {
  key: string;
  label: TextBox;
  /** Null when the value is hidden (a suppressed count): no bar is drawn. */
  bar: Rect | null;
  value: TextBox;
}

export interface BarChartLayout {
  width: number;
  height: number;
  /** The inline-start edge bars grow from (x), for a baseline. */
  baselineX: number;
  rows: BarRow[];
}

/** The inline-start edge for `direction`. */
export function startEdge(direction: Direction): Edge {
  return direction === 'rtl' ? 'right' : 'left';
}

function rowFrame(frame: ChartFrame, index: number) {
  const top = frame.padding + index * frame.rowHeight;
  // Label baseline a little above the bar; the bar sits in the lower part of the row.
  return { labelY: top + 16, barY: top + 22 };
}

/** Places a bar of `length` units starting at the inline start, mirrored for right-to-left. */
export function placeSpan(frame: ChartFrame, direction: Direction, offset: number, length: number, y: number): Rect {
  const x = direction === 'rtl' ? frame.width - offset - length : offset;
  return { x, y, width: length, height: frame.barHeight };
}

/** A point `distance` units after the inline start, with the text's start edge at it. */
function afterStart(frame: ChartFrame, direction: Direction, distance: number, y: number): TextBox {
  return { x: direction === 'rtl' ? frame.width - distance : distance, y, edge: startEdge(direction) };
}

function plotWidth(frame: ChartFrame): number {
  return Math.max(0, frame.width - frame.valueRoom);
}

function chartHeight(frame: ChartFrame, rows: number): number {
  return 2 * frame.padding + rows * frame.rowHeight;
}

/**
 * A bar per item, its length `value / max` of the plot width (max defaults to the largest value,
 * or 100 for scores). A `null` value draws no bar and puts the value text at the inline start.
 */
export function layoutBarChart(
  items: readonly { key: string; value: number | null }[],
  direction: Direction,
  options: { max?: number; frame?: Partial<ChartFrame> } = {},
): BarChartLayout {
  const frame = { ...DEFAULT_FRAME, ...options.frame };
  const max = options.max ?? Math.max(0, ...items.map((i) => i.value ?? 0));
  const plot = plotWidth(frame);
  const rows = items.map((item, index): BarRow => {
    const { labelY, barY } = rowFrame(frame, index);
    const label = afterStart(frame, direction, 0, labelY);
    const valueY = barY + frame.barHeight - 4;
    if (item.value === null) return { key: item.key, label, bar: null, value: afterStart(frame, direction, 0, valueY) };
    const length = max > 0 ? (Math.min(Math.max(item.value, 0), max) / max) * plot : 0;
    return {
      key: item.key,
      label,
      bar: placeSpan(frame, direction, 0, length, barY),
      value: afterStart(frame, direction, length + 6, valueY),
    };
  });
  return { width: frame.width, height: chartHeight(frame, items.length), baselineX: direction === 'rtl' ? frame.width : 0, rows };
}

export interface StackedSegment {
  key: string;
  value: number;
  rect: Rect;
  /** Where the segment's number fits inside it (centred), or null when it is too narrow. */
  inside: { x: number; y: number } | null;
}

export interface StackedRow {
  key: string;
  label: TextBox;
  segments: StackedSegment[];
  /** People of hidden groups, after the shown segments, when the row's total is shown. */
  hidden: Rect | null;
  /** The row's total past the stack. */
  total: TextBox;
}

export interface StackedChartLayout {
  width: number;
  height: number;
  rows: StackedRow[];
}

/** Narrowest segment that still gets its number written inside. */
export const MIN_LABELLED_SEGMENT = 28;

/**
 * Stacked bars: each row's segments, in the order given, from the inline start. Hidden (null) and
 * zero segments take no room. The scale is the largest row total (`max` to force one), where a
 * row's total is `totals[key]` when given (a protected total), else the sum of its shown segments.
 */
export function layoutStackedChart(
  rows: readonly { key: string; segments: readonly { key: string; value: number | null }[]; total?: number | null }[],
  direction: Direction,
  options: { max?: number; frame?: Partial<ChartFrame> } = {},
): StackedChartLayout {
  const frame = { ...DEFAULT_FRAME, ...options.frame };
  const rowTotal = (row: (typeof rows)[number]) => row.total ?? row.segments.reduce((s, g) => s + (g.value ?? 0), 0);
  const max =
    options.max ??
    Math.max(
      0,
      ...rows.map((r) =>
        Math.max(
          rowTotal(r),
          r.segments.reduce((s, g) => s + (g.value ?? 0), 0),
        ),
      ),
    );
  const plot = plotWidth(frame);
  const scale = max > 0 ? plot / max : 0;
  return {
    width: frame.width,
    height: chartHeight(frame, rows.length),
    rows: rows.map((row, index): StackedRow => {
      const { labelY, barY } = rowFrame(frame, index);
      let offset = 0;
      const segments: StackedSegment[] = [];
      for (const segment of row.segments) {
        if (segment.value === null || segment.value <= 0) continue;
        const length = segment.value * scale;
        const rect = placeSpan(frame, direction, offset, length, barY);
        offset += length;
        segments.push({
          key: segment.key,
          value: segment.value,
          rect,
          inside: length >= MIN_LABELLED_SEGMENT ? { x: rect.x + length / 2, y: barY + frame.barHeight - 5 } : null,
        });
      }
      // A protected total larger than the shown segments leaves room for the hidden ones.
      const reach = Math.max(offset, rowTotal(row) * scale);
      return {
        key: row.key,
        label: afterStart(frame, direction, 0, labelY),
        segments,
        hidden: reach - offset > 0.01 ? placeSpan(frame, direction, offset, reach - offset, barY) : null,
        total: afterStart(frame, direction, reach + 6, barY + frame.barHeight - 4),
      };
    }),
  };
}
