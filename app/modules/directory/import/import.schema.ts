/**
 * One row per import of a CSV or XLSX file into the directory: what was asked (kind, file, column
 * mapping, dry run), how far it got (live counters the run page polls) and its report (the rows
 * that were rejected or found to be duplicates, with their reasons, capped; the count beyond the
 * cap is kept so the summary stays exact).
 */
import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../../shared/db/columns.ts';
import { storedFile } from '../../../shared/files/files.schema.ts';
import type { ColumnMapping, ImportFormat, ImportIssue, ImportKind, ImportRunStatus } from './import.vocabulary.ts';

export const importRun = pgTable(
  'import_run',
  {
    id: id(),
    kind: text('kind').$type<ImportKind>().notNull(),
    /** The uploaded file (null for a CLI run, which reads the file from disk). */
    fileId: text('file_id').references(() => storedFile.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    format: text('format').$type<ImportFormat>().notNull(),
    /** Language of text columns whose header names none (`Nom` rather than `name_fr`). */
    locale: text('locale').notNull().default('en'),
    mapping: jsonb('mapping').$type<ColumnMapping>().notNull(),
    dryRun: boolean('dry_run').notNull().default(false),
    status: text('status').$type<ImportRunStatus>().notNull().default('pending'),
    total: integer('total'),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    report: jsonb('report').$type<ImportIssue[]>().notNull().default([]),
    /** Issues beyond the report's cap: counted, not listed. */
    reportOmitted: integer('report_omitted').notNull().default(0),
    /** Why the whole run failed (an unreadable file), as an error code. */
    errorCode: text('error_code'),
    startedById: text('started_by_id'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_run_created_idx').on(t.createdAt)],
);
