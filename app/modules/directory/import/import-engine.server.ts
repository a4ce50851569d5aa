/**
 * The import engine: reads a table row by row, turns each row into a directory input, validates
 * it with the directory's contracts and the reference data, checks it against the directory and
 * the file's earlier rows for duplicates, and writes the good rows in multi-row inserts of
 * `BATCH_SIZE` (one transaction each; a batch that fails is written again row by row, so one bad
 * row cannot sink its batch). A rejected or duplicate row writes nothing and is reported with its
 * reason. A dry run goes through the same steps without writing, so it reports what a real run
 * would do. Every key the check needs is read once up front: no query per row.
 */
import type { z } from 'zod';
import type { Actor } from '#app/shared/auth/actor.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { loadCatalog } from '#app/shared/i18n/catalog.server.ts';
import { LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import { deferSearchIndexing, indexSearchDocuments } from '#app/shared/search/index.ts';
import { toFieldIssues } from '#app/shared/validation.ts';
import { clusterInputSchema, organisationInputSchema } from '../directory.contracts.ts';
import { listCountries, listMaterials, listSectors } from '../directory.service.server.ts';
import { CLUSTER_STAGES, MARKETS, ORGANISATION_TYPES, SIZE_CLASSES, VALUE_CHAIN_ROLES } from '../directory.vocabulary.ts';
import { slugBase, uniqueSlug } from '../organisation-admin.slug.ts';
import { DuplicateRegister, type DuplicateTarget, recordKeys } from './duplicate-keys.ts';
import type { ImportCounts } from './import.contracts.ts';
import { canImportInto } from './import.policy.ts';
import {
  countInsertedFacets,
  deferFacetCounts,
  type ImportedRecord,
  insertClusterRows,
  insertImportAudit,
  insertMembershipRows,
  insertOrganisationRows,
  type MembershipInsert,
  selectClusterKeys,
  selectOrganisationKeys,
} from './import.repository.server.ts';
import { type ColumnMapping, type ImportIssue, type ImportKind, REPORT_CAP } from './import.vocabulary.ts';
import { languageTable, lookupTable, readRow, type ValueLookup } from './import-values.ts';
import type { Table, TableRow } from './table-reader.server.ts';

export const BATCH_SIZE = 1_000;
/**
 * Batches written at once (decision 0010). Three on a two-core machine: while one batch waits (its
 * commit's flush, the facet counts' lock at its end, Node sending its next statement), another
 * uses the core; three pairs of runs against two were 1-6% faster, each of the three.
 */
export const WRITES_IN_FLIGHT = 3;
/** Rows checked between two turns of the event loop (so answers of batches in flight are read). */
const YIELD_EVERY = 50;

/** Field codes with a translated text (`errors.field.<code>`); others read as `invalid`. */
const FIELD_CODES = new Set(['required', 'too_small', 'too_big', 'invalid_format', 'invalid_type', 'invalid_value']);

export interface EngineOptions {
  kind: ImportKind;
  mapping: ColumnMapping;
  /** Language of the run: names without a language are in it, and it comes first when choosing a source language. */
  locale: Locale;
  dryRun: boolean;
  /** The run the rows belong to (named in the audit entries). */
  runId: string;
  total: number | null;
  onProgress?: (counts: ImportCounts) => Promise<void> | void;
}

export interface EngineResult extends ImportCounts {
  report: ImportIssue[];
  reportOmitted: number;
}

/** Vocabulary labels in the three languages from the catalogs, reference names from their tables. */
export async function loadValueLookup(executor: Executor): Promise<ValueLookup> {
  const [countries, sectors, materials] = await Promise.all([listCountries(executor), listSectors(executor), listMaterials(executor)]);
  const catalogs = LOCALES.map((locale) => loadCatalog(locale));
  const labelled = (codes: readonly string[], prefix: string) =>
    lookupTable(codes.map((code) => ({ code, names: catalogs.map((catalog) => catalog[`directory.${prefix}.${code}`]) })));
  const named = (rows: { code: string; name: Partial<Record<Locale, string>> }[]) =>
    lookupTable(rows.map((row) => ({ code: row.code, names: Object.values(row.name) })));
  return {
    countries: named(countries.map((c) => ({ code: c.iso2, name: c.name }))),
    subsectors: named(sectors.flatMap((family) => family.subsectors)),
    materials: named(materials),
    organisationTypes: labelled(ORGANISATION_TYPES, 'type'),
    sizeClasses: labelled(SIZE_CLASSES, 'size'),
    clusterStages: labelled(CLUSTER_STAGES, 'stage'),
    markets: labelled(MARKETS, 'market'),
    valueChainRoles: labelled(VALUE_CHAIN_ROLES, 'valueChain'),
    languages: languageTable(),
  };
}

/** What the directory already holds, keyed for the checks. */
interface Known {
  register: DuplicateRegister;
  /** Slugs in use, by the directory's records and the file's accepted rows... */
  slugs: Set<string>;
  /** ...and what uses each, for a row that gives a slug already taken. */
  slugOwners: Map<string, DuplicateTarget>;
  /** Slug -> id of clusters (an organisation row may name its cluster) or organisations (a cluster row may name its anchor). */
  linkable: Map<string, string>;
}

async function loadKnown(executor: Executor, kind: ImportKind): Promise<Known> {
  const register = new DuplicateRegister();
  const slugs = new Set<string>();
  const slugOwners = new Map<string, DuplicateTarget>();
  const linkable = new Map<string, string>();
  const [organisations, clusters] = await Promise.all([selectOrganisationKeys(executor), selectClusterKeys(executor)]);
  const own = kind === 'organisations' ? organisations : clusters;
  for (const row of own) {
    register.add(row, { slug: row.slug });
    slugs.add(row.slug);
    slugOwners.set(row.slug, { slug: row.slug });
  }
  for (const row of kind === 'organisations' ? clusters : organisations) linkable.set(row.slug, row.id);
  return { register, slugs, slugOwners, linkable };
}

/** The language the record was written in: the run's, if the name is in it, else the first the name has. */
function sourceLocaleOf(name: Partial<Record<Locale, string>> | undefined, runLocale: Locale): Locale {
  if (!name || name[runLocale]) return runLocale;
  return LOCALES.find((locale) => name[locale]) ?? runLocale;
}

/** A row as its kind's input contract returns it. */
type ValidRecord = Record<string, unknown> & {
  name: Partial<Record<Locale, string>>;
  city?: Partial<Record<Locale, string>>;
  email?: string;
  phone?: string;
  countryIso2: string;
  slug?: string;
  anchorOrganisationSlug?: string;
};

interface AcceptedRow {
  row: number;
  /** Organisation or cluster values to insert. */
  values: ImportedRecord;
  /** The cluster an organisation row joins (its id). */
  clusterId?: string;
}

type RowVerdict = { accepted: AcceptedRow } | { issues: Omit<ImportIssue, 'row'>[] };

function reject(field: string | null, code: string, value?: string): RowVerdict {
  return { issues: [{ outcome: 'rejected', field, code, ...(value === undefined ? {} : { value }) }] };
}

function duplicate(field: string, target: DuplicateTarget): RowVerdict {
  return { issues: [{ outcome: 'duplicate', field, code: 'DIRECTORY_IMPORT_DUPLICATE', duplicateOf: target }] };
}

/** Checks one row; an accepted row's keys join the register, so a later copy of it is a duplicate. */
function judgeRow(actor: Actor, options: EngineOptions, lookup: ValueLookup, known: Known, row: TableRow): RowVerdict {
  const { kind, mapping, locale } = options;
  const reading = readRow(kind, mapping, row.cells, lookup);
  if (reading.issues.length > 0) {
    return { issues: reading.issues.map((issue) => ({ outcome: 'rejected', field: issue.field, code: issue.code, value: issue.value })) };
  }
  const { clusterSlug, ...input } = reading.input as { clusterSlug?: string } & Record<string, unknown>;
  input.sourceLocale ??= sourceLocaleOf(input.name as Partial<Record<Locale, string>> | undefined, locale);
  const schema: z.ZodType = kind === 'organisations' ? organisationInputSchema : clusterInputSchema;
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    return {
      issues: toFieldIssues(parsed.error).map((issue) => ({
        outcome: 'rejected',
        field: issue.field,
        code: `field.${FIELD_CODES.has(issue.code) ? issue.code : 'invalid'}`,
      })),
    };
  }
  const record = parsed.data as ValidRecord;
  if (!canImportInto(actor, kind, record.countryIso2))
    return reject('countryIso2', 'DIRECTORY_IMPORT_COUNTRY_NOT_ALLOWED', record.countryIso2);

  let clusterId: string | undefined;
  if (clusterSlug) {
    clusterId = known.linkable.get(clusterSlug);
    if (!clusterId) return reject('clusterSlug', 'DIRECTORY_IMPORT_UNKNOWN_CLUSTER', clusterSlug);
  }
  // A cluster's facts and anchor slug are not columns: facts are not imported, the anchor is linked by id.
  const { anchorOrganisationSlug, facts: _facts, ...columns } = record;
  let anchorOrganisationId: string | undefined;
  if (anchorOrganisationSlug) {
    anchorOrganisationId = known.linkable.get(anchorOrganisationSlug);
    if (!anchorOrganisationId) return reject('anchorOrganisationSlug', 'DIRECTORY_IMPORT_UNKNOWN_ORGANISATION', anchorOrganisationSlug);
  }

  const sameSlug = record.slug ? known.slugOwners.get(record.slug) : undefined;
  if (sameSlug) return duplicate('slug', sameSlug);
  const keys = recordKeys(record);
  const match = known.register.find(record, keys);
  if (match) return duplicate(match.key === 'name' ? 'name' : match.key, match.target);

  const slug = record.slug ?? uniqueSlug(slugBase(record.name, String(record.sourceLocale)), known.slugs);
  known.slugs.add(slug);
  known.slugOwners.set(slug, { row: row.number });
  known.register.add(record, { row: row.number }, keys);
  const values: ImportedRecord =
    kind === 'organisations'
      ? { ...columns, slug, status: 'published', photoFileIds: [], isDemo: false }
      : { ...columns, slug, anchorOrganisationId, photoFileIds: [], isDemo: false };
  return { accepted: { row: row.number, values, clusterId } };
}

/**
 * Inserts accepted rows of one kind, with their audit entries and the memberships organisation
 * rows ask for, and indexes them for search and counts them in the facets in the same transaction
 * (decision 0010: the triggers are off for it, and one set-based call does each). What takes the
 * facet counts' lock (memberships, counts) comes last, so batches written at once overlap until then.
 */
async function insertAccepted(tx: Executor, actor: Actor, options: EngineOptions, rows: AcceptedRow[]): Promise<void> {
  const organisations = options.kind === 'organisations';
  await deferSearchIndexing(tx);
  if (organisations) await deferFacetCounts(tx);
  const values = rows.map((row) => row.values);
  const inserted = organisations ? await insertOrganisationRows(tx, values) : await insertClusterRows(tx, values);
  const ids = inserted.map((row) => row.id);
  await indexSearchDocuments(tx, organisations ? 'organisation' : 'cluster', ids);
  const idBySlug = new Map(inserted.map((row) => [row.slug, row.id]));
  await insertImportAudit(
    tx,
    actor,
    rows.map((row) => ({
      action: organisations ? 'directory.organisation.import' : 'directory.cluster.import',
      subjectType: organisations ? 'organisation' : 'cluster',
      subjectId: idBySlug.get(row.values.slug)!,
      data: { importRunId: options.runId, row: row.row, slug: row.values.slug },
    })),
  );
  const memberships: MembershipInsert[] = rows.flatMap((row) =>
    row.clusterId ? [{ clusterId: row.clusterId, organisationId: idBySlug.get(row.values.slug)!, role: 'member' as const }] : [],
  );
  await insertMembershipRows(tx, memberships);
  if (organisations) await countInsertedFacets(tx, ids);
}

/** Runs the rows of `table` through the checks and, unless a dry run, writes the good ones. */
export async function runEngine(actor: Actor, table: Table, options: EngineOptions): Promise<EngineResult> {
  const db = getDb();
  const [lookup, known] = await Promise.all([loadValueLookup(db), loadKnown(db, options.kind)]);
  const counts: ImportCounts = { total: options.total, processed: 0, created: 0, duplicates: 0, rejected: 0 };
  const report: ImportIssue[] = [];
  let reportOmitted = 0;
  let batch: AcceptedRow[] = [];

  const note = (issue: ImportIssue) => {
    if (report.length < REPORT_CAP) report.push(issue);
    else reportOmitted++;
  };

  const write = async (rows: AcceptedRow[]) => {
    try {
      await db.transaction((tx) => insertAccepted(tx, actor, options, rows));
    } catch {
      // One bad row fails its whole batch: write the rows one by one to keep the good ones.
      for (const row of rows) {
        try {
          await db.transaction((tx) => insertAccepted(tx, actor, options, [row]));
        } catch {
          counts.created--;
          counts.rejected++;
          note({ row: row.row, outcome: 'rejected', field: null, code: 'DIRECTORY_IMPORT_WRITE_FAILED' });
        }
      }
    }
  };

  // The database writes batches while the next one is read and checked. On a server, up to
  // WRITES_IN_FLIGHT batches are written at once, each on its own connection, so the server's
  // work (indexes, search documents) spreads over its cores while Node checks rows on its own;
  // PGlite runs one transaction at a time and simply queues them.
  const inFlight = new Set<Promise<void>>();
  const flush = async () => {
    const rows = batch;
    batch = [];
    if (rows.length === 0 || options.dryRun) return;
    while (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
    const writing: Promise<void> = write(rows).finally(() => inFlight.delete(writing));
    inFlight.add(writing);
  };

  for await (const row of table.rows) {
    const verdict = judgeRow(actor, options, lookup, known, row);
    counts.processed++;
    if ('accepted' in verdict) {
      counts.created++;
      batch.push(verdict.accepted);
      if (batch.length >= BATCH_SIZE) await flush();
    } else {
      if (verdict.issues[0]!.outcome === 'duplicate') counts.duplicates++;
      else counts.rejected++;
      for (const issue of verdict.issues) note({ row: row.number, ...issue });
    }
    if (counts.processed % BATCH_SIZE === 0) await options.onProgress?.({ ...counts });
    // Rows already parsed come through promises alone, which never let the event loop read the
    // database's answers: a batch in flight would wait, idle in its transaction, for every
    // statement's answer until the parser needs more of the file. Let it in now and then.
    if (counts.processed % YIELD_EVERY === 0) await new Promise(setImmediate);
  }
  await flush();
  await Promise.all(inFlight);
  counts.total = counts.processed;
  await options.onProgress?.({ ...counts });
  // Rows that failed to write are noted when their batch comes back: put the report in file order.
  report.sort((a, b) => a.row - b.row);
  return { ...counts, report, reportOmitted };
}
