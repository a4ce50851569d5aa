/**
 * The priority synthesis's exports (issue 4, item 6): every table of a scope as an XLSX workbook,
 * a PDF brief, and open data. Who gets which figures is decided here, as for the priorities:
 * `needs.read` over the scope (staff, the country's focal points, the cluster's managers) gets every
 * count, everyone else the public figures (groups under the minimum hidden). Open data is always
 * the public figures, whoever asks. Exports of the staff figures are audited.
 */
import { listClusters, listCountries } from '#app/modules/directory/index.ts';
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { createCountsCache } from '#app/shared/cache/counts-cache.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { AppError } from '#app/shared/errors.ts';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { parseInput } from '#app/shared/validation.ts';
import { listChallengeThemes } from './needs.service.server.ts';
import {
  type ExportQuery,
  exportQuerySchema,
  type OpenData,
  type OpenDataQuery,
  openDataQuerySchema,
  type SynthesisTablesQuery,
  synthesisTablesQuerySchema,
} from './needs-exports.contracts.ts';
import { selectTrainingCounts } from './needs-exports.repository.server.ts';
import { briefFileName, renderBrief } from './needs-exports-brief.server.ts';
import { toOpenData } from './needs-exports-open-data.ts';
import { type Audience, type ExportLabels, type SynthesisTables, synthesisTables, type TrainingCell } from './needs-exports-tables.ts';
import { synthesisWorkbook, workbookFileName } from './needs-exports-xlsx.server.ts';
import { ANY_FORMAT, TRAINING_FORMATS, TRAINING_TOPICS } from './needs-survey.ts';
import { loadSynthesisEvidence, readsNeedsDetail } from './priorities.service.server.ts';
import { GENDERS, type Gender, parseScope, type Scope, SIZE_CLASSES, type SizeClass } from './synthesis/evidence.ts';
import { NO_FORMAT } from './synthesis/training-catalogue.ts';

const isGender = (value: string | null): value is Gender => (GENDERS as readonly string[]).includes(value ?? '');
const isSize = (value: string | null): value is SizeClass => (SIZE_CLASSES as readonly string[]).includes(value ?? '');

function scopeOf(text: string): Scope {
  const scope = parseScope(text);
  if (!scope) throw new AppError('NEEDS_SCOPE_INVALID', 400, { fields: [{ field: 'scope', code: 'NEEDS_SCOPE_INVALID' }] });
  return scope;
}

async function trainingCells(): Promise<TrainingCell[]> {
  const rows = await selectTrainingCounts(getDb());
  return rows.map((row) => ({
    cluster: row.cluster,
    country: row.country,
    gender: isGender(row.gender) ? row.gender : null,
    size: isSize(row.size) ? row.size : null,
    topic: row.topic,
    format: row.format === ANY_FORMAT ? null : row.format,
    people: row.people,
  }));
}

type Thresholds = { minClusters?: number; minCountries?: number };

interface CountedTraining {
  cells: TrainingCell[];
  countedAt: string;
}

async function countTraining(): Promise<CountedTraining> {
  const countedAt = new Date().toISOString();
  return { cells: await trainingCells(), countedAt };
}

/**
 * The board's training catalogue, counted at most every 30 s (stale-while-revalidate): counting
 * reads every submitted answer (about 0.8 s for 70,000 answers on a loaded server), which a page
 * view should not wait for. The board says when they were counted; the exports count afresh.
 */
const boardTraining = createCountsCache({ freshMs: 30_000, staleMs: 10 * 60_000, maxEntries: 1 });

/** Every table of a scope for this actor (`forcePublic`: the public figures whoever asks). */
async function tablesFor(
  actor: Actor,
  scope: Scope,
  thresholds: Thresholds,
  options: { forcePublic?: boolean; cachedTraining?: boolean } = {},
): Promise<SynthesisTables> {
  const audience: Audience = !options.forcePublic && (await readsNeedsDetail(actor, scope)) ? 'staff' : 'public';
  const [evidence, training] = await Promise.all([
    loadSynthesisEvidence(),
    options.cachedTraining ? boardTraining.get('training', countTraining) : countTraining(),
  ]);
  return synthesisTables({
    evidence,
    training: training.cells,
    trainingCountedAt: training.countedAt,
    scope,
    audience,
    computedAt: new Date().toISOString(),
    commonChallenges: thresholds,
  });
}

/**
 * Every table of a scope's synthesis as the board shows them (the ranking's disaggregation, the
 * common challenges with the reader's thresholds, the training needs catalogue as last counted,
 * `trainingCountedAt`): public figures unless the actor holds `needs.read` over the scope, as for
 * the exports.
 */
export async function getSynthesisTables(actor: Actor, query: SynthesisTablesQuery): Promise<SynthesisTables> {
  const { scope: text, ...thresholds } = parseInput(synthesisTablesQuerySchema, query);
  return tablesFor(actor, scopeOf(text), thresholds, { cachedTraining: true });
}

/** Names in the reader's language for what the tables carry as codes. */
async function labelsFor(actor: Actor, scope: Scope, locale: Locale): Promise<ExportLabels> {
  const [themes, countries, clusters] = await Promise.all([listChallengeThemes(actor), listCountries(), listClusters(actor)]);
  const themeNames = new Map(themes.map((t) => [t.code, textIn(t.name, locale, null, t.code)]));
  const countryNames = new Map(countries.map((c) => [c.iso2, textIn(c.name, locale, null, c.iso2)]));
  const clusterNames = new Map(clusters.items.map((c) => [c.slug, textIn(c.name, locale, c.sourceLocale, c.slug)]));
  const topicNames = new Map(TRAINING_TOPICS.map((t) => [t.code, textIn(t.label, locale, null, t.code)]));
  const formatNames = new Map(
    TRAINING_FORMATS.map((f) => [f.code === ANY_FORMAT ? NO_FORMAT : f.code, textIn(f.label, locale, null, f.code)]),
  );
  const scopeName =
    scope.kind === 'region'
      ? translate(locale, 'needs.exports.scope.region')
      : scope.kind === 'country'
        ? (countryNames.get(scope.country) ?? scope.country)
        : (clusterNames.get(scope.cluster) ?? scope.cluster);
  return {
    locale,
    scopeName,
    t: (id, values) => translate(locale, id, values),
    theme: (code) => themeNames.get(code) ?? code,
    country: (code) => countryNames.get(code) ?? code,
    cluster: (slug) => clusterNames.get(slug) ?? slug,
    topic: (code) => topicNames.get(code) ?? code,
    format: (code) => formatNames.get(code) ?? code,
  };
}

export interface ExportedFile {
  fileName: string;
  body: Buffer;
  audience: Audience;
}

async function auditStaffExport(actor: Actor, tables: SynthesisTables, format: 'xlsx' | 'pdf', locale: Locale): Promise<void> {
  if (tables.audience !== 'staff') return;
  await getDb().transaction((tx) =>
    recordAudit(tx, actor, {
      action: 'needs.synthesis.export',
      subjectType: 'needs_scope',
      subjectId: tables.scope,
      data: { format, locale },
    }),
  );
}

/** The XLSX workbook of every table of a scope, in `locale`. */
export async function exportSynthesisWorkbook(actor: Actor, query: ExportQuery & { locale: Locale }): Promise<ExportedFile> {
  const { scope: text, minClusters, minCountries } = parseInput(exportQuerySchema, query);
  const scope = scopeOf(text);
  const [tables, labels] = await Promise.all([
    tablesFor(actor, scope, { minClusters, minCountries }),
    labelsFor(actor, scope, query.locale),
  ]);
  const body = await synthesisWorkbook(tables, labels);
  await auditStaffExport(actor, tables, 'xlsx', query.locale);
  return { fileName: workbookFileName(tables), body, audience: tables.audience };
}

/** The PDF brief of a scope, in `locale`. */
export async function exportSynthesisBrief(actor: Actor, query: ExportQuery & { locale: Locale }): Promise<ExportedFile> {
  const { scope: text, minClusters, minCountries } = parseInput(exportQuerySchema, query);
  const scope = scopeOf(text);
  const [tables, labels] = await Promise.all([
    tablesFor(actor, scope, { minClusters, minCountries }),
    labelsFor(actor, scope, query.locale),
  ]);
  const body = renderBrief(tables, labels);
  await auditStaffExport(actor, tables, 'pdf', query.locale);
  return { fileName: briefFileName(tables, query.locale), body, audience: tables.audience };
}

/** The open data of a scope: the public figures whoever asks, with their licence. */
export async function getNeedsOpenData(actor: Actor, query: OpenDataQuery = {}): Promise<OpenData> {
  const { scope: text, minClusters, minCountries } = parseInput(openDataQuerySchema, query);
  return toOpenData(await tablesFor(actor, scopeOf(text), { minClusters, minCountries }, { forcePublic: true }));
}
