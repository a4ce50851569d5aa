/**
 * The statistics' tables: the funnel, then one captioned table per breakdown (each scrolls sideways
 * at phone width). Counts and shares are formatted in the page's language; group names come from
 * the loader (country names from the directory).
 */
import { useFormatCount, useLocale, useT } from '#app/shared/i18n/react.tsx';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';

export type Counts = Record<string, number | null>;

export interface LabelledBreakdown {
  dimension: string;
  rows: { key: string; label: string; counts: Counts }[];
}

export function useFormatShare(): (part: number | null, whole: number | null) => string {
  const locale = useLocale();
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return (part, whole) => (part === null || whole === null || whole === 0 ? '—' : format.format(part / whole));
}

export function FunnelTable({
  id,
  totals,
  measures,
  caption,
}: {
  id: string;
  totals: Counts;
  measures: readonly string[];
  caption: string;
}) {
  const t = useT();
  const count = useFormatCount();
  const share = useFormatShare();
  return (
    <ScrollTable id={id} caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('events.statistics.measure.heading')}</th>
          <th scope="col">{t('events.statistics.count')}</th>
          <th scope="col">{t('events.statistics.share')}</th>
        </tr>
      </thead>
      <tbody>
        {measures.map((m) => (
          <tr key={m}>
            <th scope="row">{t(`events.statistics.measure.${m}`)}</th>
            <td className="statistics-number">{totals[m] === null ? '—' : count(totals[m] ?? 0)}</td>
            <td className="statistics-number">
              {m === 'registered' || m === 'invited' ? '' : share(totals[m] ?? null, totals.registered ?? null)}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function BreakdownTables({
  breakdowns,
  measures,
  totals,
}: {
  breakdowns: LabelledBreakdown[];
  measures: readonly string[];
  totals: Counts;
}) {
  const t = useT();
  const count = useFormatCount();
  const share = useFormatShare();
  return (
    <>
      {breakdowns.map((b) => (
        <ScrollTable
          key={b.dimension}
          id={`statistics-${b.dimension}`}
          caption={t('events.statistics.page.breakdownCaption', { dimension: t(`events.statistics.dimension.${b.dimension}`) })}
        >
          <thead>
            <tr>
              <th scope="col">{t(`events.statistics.dimension.${b.dimension}`)}</th>
              {measures.map((m) => (
                <th scope="col" key={m}>
                  {t(`events.statistics.measure.${m}`)}
                </th>
              ))}
              <th scope="col">{t('events.statistics.page.attendedShare')}</th>
            </tr>
          </thead>
          <tbody>
            {b.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {measures.map((m) => (
                  <td key={m} className="statistics-number">
                    {row.counts[m] === null ? '—' : count(row.counts[m] ?? 0)}
                  </td>
                ))}
                <td className="statistics-number">{share(row.counts.attended ?? null, totals.attended ?? null)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ))}
    </>
  );
}
