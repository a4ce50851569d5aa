/** Pieces shared by the diagnostic page and its editor: dates, severity badges, challenges grouped by theme, the baseline table. */
import type { ReactNode } from 'react';
import type { BaselineFigure, Challenge } from '#app/modules/needs/index.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import type { TranslatableValue } from '#app/shared/i18n/translatable.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';

export type ThemeNames = { code: string; name: TranslatableValue; archived: boolean }[];

/** A `YYYY-MM-DD` day in the page's language (read as UTC so it never shifts a day). */
export function formatDay(day: string, locale: Locale): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

const SEVERITY_KEYS: Record<number, string> = { 1: 'low', 2: 'moderate', 3: 'high', 4: 'critical' };

export function SeverityBadge({ severity }: { severity: number }) {
  const t = useT();
  const key = SEVERITY_KEYS[severity] ?? 'low';
  return (
    <span className={`severity severity--${key}`}>
      {t('needs.diagnostics.severityBadge', { severity: t(`needs.diagnostics.severity.${key}`) })}
    </span>
  );
}

/** Challenges grouped by theme in the taxonomy's order, most severe first within a theme (then as recorded). */
export function themeGroups<C extends Pick<Challenge, 'themeCode' | 'severity' | 'sortOrder'>>(
  challenges: readonly C[],
  themes: ThemeNames,
): { code: string; name: TranslatableValue | null; challenges: C[] }[] {
  const order = new Map(themes.map((theme, index) => [theme.code, index]));
  const byTheme = new Map<string, C[]>();
  for (const challenge of challenges) byTheme.set(challenge.themeCode, [...(byTheme.get(challenge.themeCode) ?? []), challenge]);
  return [...byTheme.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b))
    .map(([code, list]) => ({
      code,
      name: themes.find((theme) => theme.code === code)?.name ?? null,
      challenges: [...list].sort((a, b) => b.severity - a.severity || a.sortOrder - b.sortOrder),
    }));
}

/** A figure's value with its unit, in the page's language. */
export function formatFigure(figure: Pick<BaselineFigure, 'value' | 'unit'>, locale: Locale): string {
  if (figure.unit === 'percent')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(figure.value / 100);
  if (figure.unit === 'count') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(figure.value);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: figure.unit, maximumFractionDigits: 0 }).format(figure.value);
  } catch {
    return `${new Intl.NumberFormat(locale).format(figure.value)} ${figure.unit}`;
  }
}

export function BaselineTable({
  figures,
  captionId,
  action,
}: {
  figures: readonly BaselineFigure[];
  /** The heading that names the table. */
  captionId: string;
  /** A last cell per row (the editor's remove button). */
  action?: (figure: BaselineFigure) => ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="table-wrap">
      <table className="diagnostic__baseline" aria-labelledby={captionId}>
        <thead>
          <tr>
            <th scope="col">{t('needs.diagnostics.field.indicatorCode')}</th>
            <th scope="col">{t('needs.diagnostics.field.value')}</th>
            <th scope="col">{t('needs.diagnostics.field.year')}</th>
            <th scope="col">{t('needs.diagnostics.field.source')}</th>
            {action && (
              <th scope="col">
                <span className="visually-hidden">{t('needs.diagnostics.edit.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {figures.map((figure) => (
            <tr key={figure.id}>
              <th scope="row">{t(`needs.diagnostics.indicator.${figure.indicatorCode}`)}</th>
              <td>
                <bdi>{formatFigure(figure, locale)}</bdi>
              </td>
              <td>{figure.year}</td>
              <td dir="auto">{figure.source ?? ''}</td>
              {action && <td>{action(figure)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Challenges grouped by theme (a heading each), each with its severity and description, then `detail` (facts, or the editor's controls). */
export function ChallengesByTheme({
  challenges,
  themes,
  idPrefix,
  detail,
}: {
  challenges: readonly Challenge[];
  themes: ThemeNames;
  /** Makes the headings' ids unique on the page. */
  idPrefix: string;
  detail: (challenge: Challenge) => ReactNode;
}) {
  return themeGroups(challenges, themes).map((group) => (
    <section key={group.code} aria-labelledby={`${idPrefix}-${group.code}`} className="diagnostic__theme">
      <h3 id={`${idPrefix}-${group.code}`}>
        <TranslatedText value={group.name} empty={group.code} />
      </h3>
      <ul className="diagnostic__challenges">
        {group.challenges.map((challenge) => (
          <li key={challenge.id} className="diagnostic__challenge">
            <SeverityBadge severity={challenge.severity} />
            <TranslatedText as="p" value={challenge.description} sourceLocale={challenge.sourceLocale} />
            {detail(challenge)}
          </li>
        ))}
      </ul>
    </section>
  ));
}
