/**
 * The board's downloads for its scope and the common challenges' thresholds it shows: every table
 * as XLSX, the PDF brief, the open data through the API.
 */
import { useLocale, useT } from '#app/shared/i18n/react.tsx';

export function BoardDownloads({ scope, minClusters, minCountries }: { scope: string; minClusters: number; minCountries: number }) {
  const t = useT();
  const locale = useLocale();
  const query = new URLSearchParams({ scope, minClusters: String(minClusters), minCountries: String(minCountries) }).toString();
  return (
    <section className="needs-board__downloads" aria-labelledby="needs-board-downloads">
      <h2 id="needs-board-downloads">{t('needs.exports.download.heading')}</h2>
      <ul>
        <li>
          <a href={`/${locale}/needs/priorities.xlsx?${query}`} download>
            {t('needs.exports.download.xlsx')}
          </a>
        </li>
        <li>
          <a href={`/${locale}/needs/priorities.pdf?${query}`} download>
            {t('needs.exports.download.pdf')}
          </a>
        </li>
        <li>
          <a href={`/api/v1/needs/open-data?${query}`}>{t('needs.exports.download.openData')}</a>
        </li>
      </ul>
    </section>
  );
}
