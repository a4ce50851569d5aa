/**
 * Imports of organisations and clusters from CSV and XLSX files. From the staff pages: upload
 * (a draft run with a guessed column mapping), confirm the mapping, then a background job runs
 * the file (dry run or real) and keeps the run's counters current for the progress bar. From the
 * command line: the same engine on a file on disk, in the foreground. Only programme staff may
 * import (see import.policy.ts); each real run is audited, and each record it creates too.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { actorForUser } from '#app/modules/identity/index.ts';
import { recordAudit } from '#app/shared/audit/index.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors, isAppError } from '#app/shared/errors.ts';
import { openStoredFile, storeFile } from '#app/shared/files/index.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { enqueueJob, PermanentJobError, registerJobHandler } from '#app/shared/jobs/index.ts';
import { parseInput } from '#app/shared/validation.ts';
import {
  type ImportCounts,
  type ImportPreview,
  type ImportRunSummary,
  type ImportRunsPage,
  type ImportRunView,
  type ImportStart,
  importStartSchema,
  importUploadSchema,
  MAX_IMPORT_FILE_BYTES,
} from './import.contracts.ts';
import { canImport, canSeeImports } from './import.policy.ts';
import { findImportRun, type ImportRunRow, insertImportRun, selectImportRuns, updateImportRun } from './import.repository.server.ts';
import type { ColumnMapping, ImportKind } from './import.vocabulary.ts';
import { runEngine } from './import-engine.server.ts';
import { guessMapping, mappingProblem, missingRequiredTargets, overrideMapping, targetsOf } from './import-fields.ts';
import { bytesSource, countCsvRows, formatOf, openTable, type TableSource } from './table-reader.server.ts';

export const IMPORT_JOB = 'directory.import';
export const IMPORT_RUNS_PAGE_SIZE = 20;
const SAMPLE_ROWS = 3;

function requireImporter(actor: Actor, kind: ImportKind): void {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  if (!canImport(actor, kind)) throw CommonErrors.forbidden();
}

function requireViewer(actor: Actor): void {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  if (!canSeeImports(actor)) throw CommonErrors.forbidden();
}

function summaryOf(row: ImportRunSummary): ImportRunSummary {
  const { id, kind, fileName, dryRun, status, total, processed, created, duplicates, rejected, createdAt, finishedAt } = row;
  return { id, kind, fileName, dryRun, status, total, processed, created, duplicates, rejected, createdAt, finishedAt };
}

function viewOf(row: ImportRunRow): ImportRunView {
  return {
    ...summaryOf(row),
    format: row.format,
    locale: row.locale,
    mapping: row.mapping,
    report: row.report,
    reportOmitted: row.reportOmitted,
    errorCode: row.errorCode,
    startedAt: row.startedAt,
  };
}

function checkMapping(kind: ImportKind, mapping: ColumnMapping): void {
  const problem = mappingProblem(kind, mapping);
  if (problem) throw new AppError(problem.code, 400, { targets: problem.targets });
}

function storedSource(run: ImportRunRow): TableSource {
  const fileId = run.fileId;
  if (!fileId) throw new AppError('DIRECTORY_IMPORT_FILE_GONE', 410);
  return {
    format: run.format,
    open: async () => Readable.fromWeb((await openStoredFile(getDb(), fileId)).body as import('node:stream/web').ReadableStream),
  };
}

async function loadRun(id: string): Promise<ImportRunRow> {
  const run = await findImportRun(getDb(), id);
  if (!run) throw new AppError('DIRECTORY_IMPORT_RUN_NOT_FOUND', 404);
  return run;
}

/**
 * Stores an uploaded file and makes a draft run with the mapping guessed from its headers. A file
 * of the wrong type, empty, too big or unreadable is refused and nothing is kept.
 */
export async function createImportDraft(
  actor: Actor,
  /** Checked here against `importUploadSchema`, so a form's raw values can be passed. */
  upload: { kind: string; locale: string },
  file: { name: string; contentType: string; bytes: Uint8Array },
): Promise<{ runId: string }> {
  const { kind, locale } = parseInput(importUploadSchema, upload);
  requireImporter(actor, kind);
  const format = formatOf(file.name, file.contentType);
  if (!format) throw new AppError('DIRECTORY_IMPORT_FILE_TYPE', 400);
  if (file.bytes.byteLength === 0) throw new AppError('DIRECTORY_IMPORT_FILE_EMPTY', 400);
  if (file.bytes.byteLength > MAX_IMPORT_FILE_BYTES)
    throw new AppError('DIRECTORY_IMPORT_FILE_TOO_LARGE', 413, { maxBytes: MAX_IMPORT_FILE_BYTES });
  const table = await openTable(bytesSource(format, file.bytes));
  const mapping = guessMapping(kind, table.headers, locale);
  const run = await getDb().transaction(async (tx) => {
    const stored = await storeFile(tx, actor, {
      name: file.name,
      contentType: file.contentType || 'application/octet-stream',
      bytes: file.bytes,
    });
    return insertImportRun(tx, {
      kind,
      fileId: stored.id,
      fileName: stored.originalName,
      format,
      locale,
      mapping,
      status: 'draft',
      startedById: actor.kind === 'user' ? actor.userId : null,
    });
  });
  return { runId: run.id };
}

export async function getImportRun(actor: Actor, id: string): Promise<ImportRunView> {
  requireViewer(actor);
  return viewOf(await loadRun(id));
}

/** A run's columns with their mapping and sample values, for the mapping form. */
export async function previewImportRun(actor: Actor, id: string): Promise<ImportPreview> {
  requireViewer(actor);
  const run = await loadRun(id);
  const table = await openTable(storedSource(run));
  const samples: string[][] = [];
  for await (const row of table.rows) {
    samples.push(row.cells);
    if (samples.length >= SAMPLE_ROWS) break;
  }
  return {
    columns: run.mapping.map((column, index) => ({
      header: column.header,
      target: column.field,
      samples: samples.map((cells) => cells[index] ?? '').filter(Boolean),
    })),
    targets: targetsOf(run.kind),
    required: missingRequiredTargets(run.kind, []),
  };
}

/**
 * Starts a run with the confirmed mapping, as a background job. A draft becomes the run; a
 * finished run (typically a dry run) is repeated as a new run of the same file. Returns the id
 * of the run to follow.
 */
export async function startImportRun(actor: Actor, id: string, start: ImportStart): Promise<{ runId: string }> {
  const { targets, dryRun } = parseInput(importStartSchema, start);
  const run = await loadRun(id);
  requireImporter(actor, run.kind);
  if (run.status === 'pending' || run.status === 'running') throw new AppError('DIRECTORY_IMPORT_RUN_BUSY', 409);
  if (!run.fileId) throw new AppError('DIRECTORY_IMPORT_FILE_GONE', 410);
  const mapping = run.mapping.map((column, index) => ({ header: column.header, field: targets[index] || null }));
  checkMapping(run.kind, mapping);
  const startedById = actor.kind === 'user' ? actor.userId : null;
  return getDb().transaction(async (tx) => {
    let runId = run.id;
    if (run.status === 'draft') {
      await updateImportRun(tx, run.id, { mapping, dryRun, status: 'pending', startedById });
    } else {
      const { kind, fileId, fileName, format, locale } = run;
      runId = (await insertImportRun(tx, { kind, fileId, fileName, format, locale, mapping, dryRun, status: 'pending', startedById })).id;
    }
    await enqueueJob(tx, IMPORT_JOB, { runId }, { maxAttempts: 1 });
    return { runId };
  });
}

export async function listImportRuns(actor: Actor, query: { page?: number } = {}): Promise<ImportRunsPage> {
  requireViewer(actor);
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const rows = await selectImportRuns(getDb(), IMPORT_RUNS_PAGE_SIZE + 1, (page - 1) * IMPORT_RUNS_PAGE_SIZE);
  return { runs: rows.slice(0, IMPORT_RUNS_PAGE_SIZE).map(summaryOf), page, hasNext: rows.length > IMPORT_RUNS_PAGE_SIZE };
}

/**
 * Runs a recorded run over its file: counts the rows (CSV), then reads, checks and writes them,
 * keeping the counters current; records the outcome, and an audit entry for a real run. A file
 * that cannot be read fails the run with its error code.
 */
async function executeRun(
  actor: Actor,
  run: ImportRunRow,
  source: TableSource,
  onProgress?: (counts: ImportCounts) => void,
): Promise<ImportRunView> {
  const db = getDb();
  await updateImportRun(db, run.id, { status: 'running', startedAt: new Date() });
  try {
    // XLSX is too slow to read twice: its progress has no total until the end.
    const total = source.format === 'csv' ? await countCsvRows(source) : null;
    await updateImportRun(db, run.id, { total });
    onProgress?.({ total, processed: 0, created: 0, duplicates: 0, rejected: 0 });
    const table = await openTable(source);
    const result = await runEngine(actor, table, {
      kind: run.kind,
      mapping: run.mapping,
      locale: run.locale as Locale,
      dryRun: run.dryRun,
      runId: run.id,
      total,
      onProgress: async (counts) => {
        onProgress?.(counts);
        await updateImportRun(db, run.id, counts);
      },
    });
    await db.transaction(async (tx) => {
      await updateImportRun(tx, run.id, { ...result, status: 'succeeded', finishedAt: new Date() });
      if (!run.dryRun) {
        await recordAudit(tx, actor, {
          action: 'directory.import.run',
          subjectType: 'import_run',
          subjectId: run.id,
          data: {
            kind: run.kind,
            fileName: run.fileName,
            created: result.created,
            duplicates: result.duplicates,
            rejected: result.rejected,
          },
        });
      }
    });
  } catch (error) {
    await updateImportRun(db, run.id, {
      status: 'failed',
      errorCode: isAppError(error) ? error.code : 'COMMON_INTERNAL',
      finishedAt: new Date(),
    });
    if (!isAppError(error)) throw error;
  }
  return viewOf(await loadRun(run.id));
}

export interface FileImportOptions {
  file: string;
  kind: ImportKind;
  locale: Locale;
  dryRun: boolean;
  /** `Header` -> target choices over the guessed mapping; an empty target ignores the column. */
  mapping?: Readonly<Record<string, string>>;
  onProgress?: (counts: ImportCounts) => void;
}

/**
 * Imports a file from disk in the foreground (the command line), recorded as a run like the
 * pages' imports. Mapping and file problems are thrown before any row is read.
 */
export async function importFile(actor: Actor, options: FileImportOptions): Promise<ImportRunView> {
  requireImporter(actor, options.kind);
  const format = formatOf(options.file);
  if (!format) throw new AppError('DIRECTORY_IMPORT_FILE_TYPE', 400);
  const bytes = await readFile(options.file).catch(() => {
    throw new AppError('DIRECTORY_IMPORT_FILE_NOT_FOUND', 400, { file: options.file });
  });
  if (bytes.byteLength === 0) throw new AppError('DIRECTORY_IMPORT_FILE_EMPTY', 400);
  const source = bytesSource(format, bytes);
  const { headers } = await openTable(source);
  const mapping = overrideMapping(guessMapping(options.kind, headers, options.locale), options.mapping ?? {});
  checkMapping(options.kind, mapping);
  const run = await insertImportRun(getDb(), {
    kind: options.kind,
    fileName: path.basename(options.file),
    format,
    locale: options.locale,
    mapping,
    dryRun: options.dryRun,
    status: 'pending',
    startedById: actor.kind === 'user' ? actor.userId : null,
  });
  return executeRun(actor, run, source, options.onProgress);
}

/** Runs a queued run as the person who started it (their grants decide which countries they may write). */
export async function runQueuedImport(runId: string): Promise<void> {
  const run = await findImportRun(getDb(), runId);
  if (!run) throw new PermanentJobError(`import run ${runId} does not exist`);
  if (run.status !== 'pending') return;
  const actor: Actor = run.startedById ? await actorForUser(run.startedById, 'session') : { kind: 'system' };
  await executeRun(actor, run, storedSource(run));
}

registerJobHandler(IMPORT_JOB, async (payload) => {
  if (typeof payload.runId !== 'string') throw new PermanentJobError('directory.import needs a runId');
  await runQueuedImport(payload.runId);
});
