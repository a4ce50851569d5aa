/**
 * For tests: whether an XLSX opens in LibreOffice, by converting it headless to CSV (its first
 * sheet). `null` when LibreOffice is not installed (the test says it skipped).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((candidate) => existsSync(candidate)) ?? null;
export const SOFFICE_MISSING = 'LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui to run this check';

/** The first sheet of the workbook as CSV text, as LibreOffice converts it. */
export function xlsxToCsvWithLibreOffice(workbook: Uint8Array): string | null {
  if (!SOFFICE) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'mosaic-xlsx-'));
  try {
    const file = path.join(dir, 'book.xlsx');
    writeFileSync(file, workbook);
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76',
        '--outdir',
        dir,
        file,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    return readFileSync(path.join(dir, 'book.csv'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
