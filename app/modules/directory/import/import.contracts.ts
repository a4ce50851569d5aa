/** What the import's callers send and get back: the upload, the confirmed mapping, a run and its report. */
import { z } from 'zod';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import {
  type ColumnMapping,
  IMPORT_FORMATS,
  IMPORT_KINDS,
  IMPORT_RUN_STATUSES,
  type ImportFormat,
  type ImportIssue,
  type ImportKind,
  type ImportRunStatus,
} from './import.vocabulary.ts';

export const importKindSchema = z.enum(IMPORT_KINDS);
export const importFormatSchema = z.enum(IMPORT_FORMATS);
export const importRunStatusSchema = z.enum(IMPORT_RUN_STATUSES);

/** Uploads larger than this are refused with DIRECTORY_IMPORT_FILE_TOO_LARGE (100,000 rows of a wide CSV fit). */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

export const importUploadSchema = z.object({
  kind: importKindSchema,
  /** Language of text columns whose header names none. */
  locale: z.enum(LOCALES),
});
export type ImportUpload = z.infer<typeof importUploadSchema>;

/** The mapping confirmed on the form: for each column, by position, its target or null (ignored). */
export const importStartSchema = z.object({
  targets: z.array(z.string().max(60).nullable()).max(500),
  dryRun: z.boolean(),
});
export type ImportStart = z.infer<typeof importStartSchema>;

export interface ImportCounts {
  total: number | null;
  processed: number;
  created: number;
  duplicates: number;
  rejected: number;
}

export interface ImportRunSummary extends ImportCounts {
  id: string;
  kind: ImportKind;
  fileName: string;
  dryRun: boolean;
  status: ImportRunStatus;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface ImportRunView extends ImportRunSummary {
  format: ImportFormat;
  locale: string;
  mapping: ColumnMapping;
  report: ImportIssue[];
  /** Rows with issues beyond the report's cap. */
  reportOmitted: number;
  /** Why the run failed as a whole (an unreadable file), as an error code. */
  errorCode: string | null;
  startedAt: Date | null;
}

export interface ImportRunsPage {
  runs: ImportRunSummary[];
  page: number;
  hasNext: boolean;
}

/** A draft's columns: header, guessed or chosen target, a few sample values; and every target on offer. */
export interface ImportPreview {
  columns: { header: string; target: string | null; samples: string[] }[];
  targets: string[];
  /** Targets a mapping must fill (at least one language for translatable ones). */
  required: string[];
}
