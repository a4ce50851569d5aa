/**
 * The board's tables beyond the ranking (issue 4, item 5): who names each theme by gender and by
 * size, the common challenges with thresholds the reader sets (a plain GET form), and the training
 * needs catalogue by topic and format, by gender and by size. The figures come as the exports get
 * them (`getSynthesisTables`): hidden counts (groups under the minimum) read "hidden".
 */
import type { ReactNode } from 'react';
import type { SynthesisTables } from '#app/modules/needs/index.ts';
import { useFormatCount, useLocale, useT } from '#app/shared/i18n/react.tsx';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';

type Count = SynthesisTables['respondents'];
type GroupTable = SynthesisTables['byGender'] | SynthesisTables['bySize'];

export interface BoardNames {
  theme: (code: string) => string;
  cluster: (slug: string) => string;
  country: (code: string) => string;
  topic: (code: string) => string;
  format: (code: string) => string;
}

function useCount() {
  const t = useT();
  const format = useFormatCount();
  return (value: Count | undefined) =>
    value === undefined || value.value === null ? t('needs.synthesis.suppressed') : format(value.value);
}

/** One row per key, one column per group, then the total. */
function GroupRows({
  table,
  label,
  group,
  rowHeader,
}: {
  table: GroupTable;
  label: (key: string) => ReactNode;
  group: 'gender' | 'size';
  rowHeader: string;
}) {
  const t = useT();
  const count = useCount();
  const columns = table.columns as readonly string[];
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {columns.map((column) => (
            <th key={column} scope="col">
              {t(`needs.synthesis.${group}.${column}`)}
            </th>
          ))}
          <th scope="col">{t('needs.board.tables.total')}</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{label(row.key)}</th>
            {columns.map((column) => (
              <td key={column}>{count((row.cells as Record<string, Count>)[column])}</td>
            ))}
            <td>{count(row.total)}</td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

export function BoardTables({ tables, names, scopeName }: { tables: SynthesisTables; names: BoardNames; scopeName: string }) {
  const t = useT();
  const locale = useLocale();
  const count = useCount();
  const common = tables.commonChallenges;
  const trainingLabel = (key: string) => {
    const [topic = key, format = ''] = key.split('/');
    return t('needs.board.tables.topicFormat', { topic: names.topic(topic), format: names.format(format) });
  };
  return (
    <>
      {tables.byGender.rows.length > 0 && (
        <section aria-labelledby="needs-disaggregation">
          <h2 id="needs-disaggregation">{t('needs.board.tables.disaggregation')}</h2>
          <ScrollTable id="needs-by-gender" caption={t('needs.board.tables.byGender', { scope: scopeName })} className="needs-board__table">
            <GroupRows table={tables.byGender} label={names.theme} group="gender" rowHeader={t('needs.board.tables.theme')} />
          </ScrollTable>
          <ScrollTable id="needs-by-size" caption={t('needs.board.tables.bySize', { scope: scopeName })} className="needs-board__table">
            <GroupRows table={tables.bySize} label={names.theme} group="size" rowHeader={t('needs.board.tables.theme')} />
          </ScrollTable>
        </section>
      )}

      <section aria-labelledby="needs-common">
        <h2 id="needs-common">{t('needs.board.tables.common')}</h2>
        <form method="get" className="needs-board__thresholds">
          <input type="hidden" name="scope" value={tables.scope} />
          <label htmlFor="needs-min-clusters">{t('needs.board.tables.minClusters')}</label>
          <input id="needs-min-clusters" name="minClusters" type="number" min={1} max={50} defaultValue={common.minClusters} />
          <label htmlFor="needs-min-countries">{t('needs.board.tables.minCountries')}</label>
          <input id="needs-min-countries" name="minCountries" type="number" min={1} max={7} defaultValue={common.minCountries} />
          <button type="submit" className="button">
            {t('needs.board.tables.apply')}
          </button>
        </form>
        {common.rows.length === 0 ? (
          <p>{t('needs.exports.pdf.noCommon', { clusters: common.minClusters, countries: common.minCountries })}</p>
        ) : (
          <ScrollTable
            id="needs-common-table"
            caption={t('needs.board.tables.commonCaption', { clusters: common.minClusters, countries: common.minCountries })}
            className="needs-board__table"
          >
            <thead>
              <tr>
                <th scope="col">{t('needs.board.tables.theme')}</th>
                <th scope="col">{t('needs.exports.column.clusterNames')}</th>
                <th scope="col">{t('needs.exports.column.countryNames')}</th>
                <th scope="col">{t('needs.exports.column.clustersInScope')}</th>
              </tr>
            </thead>
            <tbody>
              {common.rows.map((row) => (
                <tr key={row.theme}>
                  <th scope="row">{names.theme(row.theme)}</th>
                  <td>{row.clusters.map(names.cluster).join(t('needs.board.separator'))}</td>
                  <td>{row.countries.map(names.country).join(t('needs.board.separator'))}</td>
                  <td>{count({ value: row.clustersInScope, suppressed: false })}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </section>

      <section aria-labelledby="needs-training">
        <h2 id="needs-training">{t('needs.board.tables.training')}</h2>
        <p className="needs-board__freshness">
          {t('needs.board.tables.trainingFreshness', { time: new Date(tables.trainingCountedAt).toLocaleString(locale) })}
        </p>
        {tables.training.rows.length === 0 ? (
          <p>{t('needs.exports.pdf.noTraining')}</p>
        ) : (
          <>
            <ScrollTable
              id="needs-training-table"
              caption={t('needs.board.tables.trainingCaption', { scope: scopeName })}
              className="needs-board__table"
            >
              <thead>
                <tr>
                  <th scope="col">{t('needs.exports.column.topic')}</th>
                  <th scope="col">{t('needs.exports.column.format')}</th>
                  <th scope="col">{t('needs.exports.column.people')}</th>
                </tr>
              </thead>
              <tbody>
                {tables.training.rows.map((row) => (
                  <tr key={`${row.topic}/${row.format}`}>
                    <th scope="row">{names.topic(row.topic)}</th>
                    <td>{names.format(row.format)}</td>
                    <td>{count(row.people)}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
            <ScrollTable
              id="needs-training-gender"
              caption={t('needs.board.tables.trainingByGender', { scope: scopeName })}
              className="needs-board__table"
            >
              <GroupRows
                table={tables.training.byGender}
                label={trainingLabel}
                group="gender"
                rowHeader={t('needs.board.tables.training')}
              />
            </ScrollTable>
            <ScrollTable
              id="needs-training-size"
              caption={t('needs.board.tables.trainingBySize', { scope: scopeName })}
              className="needs-board__table"
            >
              <GroupRows table={tables.training.bySize} label={trainingLabel} group="size" rowHeader={t('needs.board.tables.training')} />
            </ScrollTable>
          </>
        )}
      </section>
    </>
  );
}
