/** The import's closed vocabularies and the shapes stored with a run. Pure: shared by the schema, the engine, the pages and the CLI. */

export const IMPORT_KINDS = ['organisations', 'clusters'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** `draft`: uploaded, waiting for its column mapping to be confirmed. */
export const IMPORT_RUN_STATUSES = ['draft', 'pending', 'running', 'succeeded', 'failed'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

/** What happened to one row (or, in a dry run, what would happen). */
export const ROW_OUTCOMES = ['created', 'duplicate', 'rejected'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** For each column of the file, by position: its header and the field it fills (null: ignored). */
export type ColumnMapping = { header: string; field: string | null }[];

/**
 * A row that was not written, and why. `code` is an error code (`DIRECTORY_IMPORT_UNKNOWN_COUNTRY`,
 * `COMMON_VALIDATION_FAILED`...) or, for a field that failed validation, a field code
 * (`required`, `invalid_format`, shown as `errors.field.<code>`). `value` is the offending cell;
 * `duplicateOf` names what the row duplicates: an existing record's slug or an earlier row.
 */
export interface ImportIssue {
  row: number;
  outcome: Exclude<RowOutcome, 'created'>;
  field: string | null;
  code: string;
  value?: string;
  duplicateOf?: { slug: string } | { row: number };
}

/** Rows with issues kept in a run's report; beyond it they are only counted. */
export const REPORT_CAP = 2_000;
