/**
 * The synthesis charts as server-rendered SVG (decision 0012): a bar chart of priorities and a bar
 * stacked by gender or by organisation size. Readable without JavaScript and by assistive technology: the figure has a
 * caption, the <svg> is `role="img"` named by its <title> and described by its <desc>, every number
 * is written as text in the drawing and each bar or segment has a <title>; the same figures follow
 * in a table (inside <details>, open it without JavaScript). Bars grow from the inline start (right
 * in Arabic). The stacked charts only take protected counts (disclosure.ts), so a small group cannot
 * reach it.
 */
import { type ReactNode, useId } from 'react';
import { useDirection, useFormatCount, useT } from '#app/shared/i18n/react.tsx';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import type { ProtectedCount, ProtectedTable } from '../disclosure.ts';
import { GENDER_GROUPS, type GenderGroup, SIZE_GROUPS, type SizeGroup } from '../evidence.ts';
import { type Direction, type Edge, layoutBarChart, layoutStackedChart, type TextBox } from './bar-layout.ts';
import './charts.css';

/** Coordinates to two decimals: the drawing is the same, the markup shorter. */
const n = (value: number) => Math.round(value * 100) / 100;

/** text-anchor for a text whose `edge` sits at x, in a text of direction `direction`. */
export function textAnchor(edge: Edge, direction: Direction): 'start' | 'end' {
  return (edge === 'left') === (direction === 'ltr') ? 'start' : 'end';
}

function SvgText({ box, direction, className, children }: { box: TextBox; direction: Direction; className: string; children: string }) {
  return (
    <text x={n(box.x)} y={n(box.y)} direction={direction} textAnchor={textAnchor(box.edge, direction)} className={className}>
      {children}
    </text>
  );
}

/**
 * The frame both charts share: a figure with its caption, the drawing as a named and described
 * image, what follows it (legend, note), and the same figures as a table in <details>.
 */
function ChartFigure(props: {
  caption: string;
  description: string;
  size: { width: number; height: number };
  direction: Direction;
  drawing: ReactNode;
  after?: ReactNode;
  table: ReactNode;
}) {
  const t = useT();
  const id = useId();
  return (
    <figure className="synthesis-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="synthesis-chart__caption">
        {props.caption}
      </figcaption>
      <svg
        className="synthesis-chart__svg"
        viewBox={`0 0 ${props.size.width} ${props.size.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        direction={props.direction}
      >
        <title id={`${id}-title`}>{props.caption}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        {props.drawing}
      </svg>
      {props.after}
      <details className="synthesis-chart__details">
        <summary>{t('needs.synthesis.chart.table')}</summary>
        {/* Scrolls sideways at phone width rather than breaking words. */}
        <ScrollTable id={`${id}-table`} caption={props.caption} tableClassName="synthesis-chart__table" captionClassName="visually-hidden">
          {props.table}
        </ScrollTable>
      </details>
    </figure>
  );
}

export interface PriorityChartItem {
  theme: string;
  /** The theme's name in the page's language. */
  label: string;
  rank: number;
  score: number;
  /** The drill-down to the theme's evidence, linked from the table. */
  href?: string;
}

/** Priorities as horizontal bars on a 0..100 scale, with the table of ranks and scores. */
export function PriorityBarChart({ items, caption }: { items: readonly PriorityChartItem[]; caption: string }) {
  const t = useT();
  const direction = useDirection();
  const format = useFormatCount();
  const layout = layoutBarChart(
    items.map((i) => ({ key: i.theme, value: i.score })),
    direction,
    { max: 100 },
  );
  return (
    <ChartFigure
      caption={caption}
      description={t('needs.synthesis.chart.priority.description', { low: format(0), high: format(100) })}
      size={layout}
      direction={direction}
      drawing={
        <>
          <line className="synthesis-chart__baseline" x1={layout.baselineX} x2={layout.baselineX} y1={0} y2={layout.height} />
          {layout.rows.map((row, index) => {
            const item = items[index]!;
            const value = format(item.score);
            return (
              <g key={row.key}>
                <SvgText box={row.label} direction={direction} className="synthesis-chart__label">
                  {item.label}
                </SvgText>
                {row.bar && (
                  <rect className="synthesis-chart__bar" x={n(row.bar.x)} y={n(row.bar.y)} width={n(row.bar.width)} height={row.bar.height}>
                    <title>{t('needs.synthesis.chart.item', { label: item.label, value })}</title>
                  </rect>
                )}
                <SvgText box={row.value} direction={direction} className="synthesis-chart__value">
                  {value}
                </SvgText>
              </g>
            );
          })}
        </>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{t('needs.synthesis.column.rank')}</th>
              <th scope="col">{t('needs.synthesis.column.theme')}</th>
              <th scope="col">{t('needs.synthesis.column.score')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.theme}>
                <td>{format(item.rank)}</td>
                <th scope="row" dir="auto">
                  {item.href ? <a href={item.href}>{item.label}</a> : item.label}
                </th>
                <td>{format(item.score)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  );
}

interface StackedChartText {
  /** Row key → label in the page's language. */
  labels: Readonly<Record<string, string>>;
  caption: string;
  /** Header of the rows' column in the table ("Theme", "Training topic"...). */
  rowHeader: string;
}

export interface GenderChartProps extends StackedChartText {
  /** Counts by gender, protected by `protectTable`: hidden groups arrive as null. */
  table: ProtectedTable<GenderGroup>;
}

export interface SizeChartProps extends StackedChartText {
  /** Counts by organisation size, protected by `protectTable`: hidden groups arrive as null. */
  table: ProtectedTable<SizeGroup>;
}

/** People by gender per row as stacked bars, hidden groups left out and marked in the table. */
export function GenderStackedChart(props: GenderChartProps) {
  return <GroupStackedChart {...props} by="gender" groups={GENDER_GROUPS} />;
}

/** People by organisation size per row as stacked bars, hidden groups left out and marked in the table. */
export function SizeStackedChart(props: SizeChartProps) {
  return <GroupStackedChart {...props} by="size" groups={SIZE_GROUPS} />;
}

function GroupStackedChart<G extends string>({
  table,
  labels,
  caption,
  rowHeader,
  by,
  groups,
}: StackedChartText & { table: ProtectedTable<G>; by: 'gender' | 'size'; groups: readonly G[] }) {
  const { minGroupSize } = table;
  const t = useT();
  const direction = useDirection();
  const format = useFormatCount();
  const layout = layoutStackedChart(
    table.rows.map((row) => ({
      key: row.key,
      segments: groups.map((g) => ({ key: g, value: row.cells[g].value })),
      total: row.total.value,
    })),
    direction,
  );
  const groupName = (g: G) => t(`needs.synthesis.${by}.${g}`);
  const shown = (count: ProtectedCount) => (count.suppressed ? t('needs.synthesis.suppressed') : format(count.value));
  const anySuppressed = table.rows.some((row) => row.total.suppressed || groups.some((g) => row.cells[g].suppressed));
  return (
    <ChartFigure
      caption={caption}
      description={t(`needs.synthesis.chart.${by}.description`, { min: format(minGroupSize) })}
      size={layout}
      direction={direction}
      drawing={layout.rows.map((row, index) => {
        const source = table.rows[index]!;
        const label = labels[row.key] ?? row.key;
        return (
          <g key={row.key}>
            <SvgText box={row.label} direction={direction} className="synthesis-chart__label">
              {label}
            </SvgText>
            {row.segments.map((segment) => (
              <g key={segment.key}>
                <rect
                  className={`synthesis-chart__segment synthesis-chart__segment--${segment.key}`}
                  x={n(segment.rect.x)}
                  y={n(segment.rect.y)}
                  width={n(segment.rect.width)}
                  height={segment.rect.height}
                >
                  <title>{t('needs.synthesis.chart.item', { label: groupName(segment.key as G), value: format(segment.value) })}</title>
                </rect>
                {segment.inside && (
                  <text x={n(segment.inside.x)} y={n(segment.inside.y)} textAnchor="middle" className="synthesis-chart__inside">
                    {format(segment.value)}
                  </text>
                )}
              </g>
            ))}
            {row.hidden && (
              <rect
                className="synthesis-chart__segment synthesis-chart__segment--hidden"
                x={n(row.hidden.x)}
                y={n(row.hidden.y)}
                width={n(row.hidden.width)}
                height={row.hidden.height}
              >
                <title>{t('needs.synthesis.suppressed')}</title>
              </rect>
            )}
            <SvgText box={row.total} direction={direction} className="synthesis-chart__value">
              {shown(source.total)}
            </SvgText>
          </g>
        );
      })}
      after={
        <>
          <ul className="synthesis-chart__legend" aria-label={t('needs.synthesis.chart.legend')}>
            {groups.map((g) => (
              <li key={g}>
                <span className={`synthesis-chart__swatch synthesis-chart__segment--${g}`} aria-hidden="true" />
                {groupName(g)}
              </li>
            ))}
          </ul>
          {anySuppressed && <p className="synthesis-chart__note">{t('needs.synthesis.suppressedNote', { min: format(minGroupSize) })}</p>}
        </>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {groups.map((g) => (
                <th key={g} scope="col">
                  {groupName(g)}
                </th>
              ))}
              <th scope="col">{t('needs.synthesis.column.total')}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" dir="auto">
                  {labels[row.key] ?? row.key}
                </th>
                {groups.map((g) => (
                  <td key={g}>{shown(row.cells[g])}</td>
                ))}
                <td>{shown(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  );
}
