/**
 * `mosaic import` as an operator runs it: a child process on a throwaway data directory, checked
 * through its exit code and output, and through what a second run finds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode } from '#server/process-harness.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'mosaic-cli-import-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const FIXTURE = 'tests/fixtures/import/organisations.csv';
const STACK_TRACE = /\n\s+at /;

function mosaic(args: string[]) {
  return runNode(['scripts/mosaic.mjs', ...args], { MOSAIC_DATA_DIR: dataDir });
}

describe('mosaic import', () => {
  it('dry-runs, imports, and creates nothing when the file runs again', async () => {
    const dry = await mosaic(['import', FIXTURE, '--kind', 'organisations', '--locale', 'fr', '--dry-run']);
    expect(dry.code).toBe(0);
    // The fixture names a cluster this database does not have: that row is rejected, so its copy on row 7 is not a duplicate.
    expect(dry.stdout).toContain(
      'Dry run (nothing was written) of organisations from organisations.csv: 8 rows, 4 would create, 0 duplicates, 4 rejected',
    );
    expect(dry.stdout).toMatch(/row 4: rejected \(countryIso2 "Atlantis"\): This country is not in the directory's list/);
    expect(dry.stdout).toMatch(/row 5: rejected \(name\): This field is required\./);
    expect(dry.stdout).toMatch(/row 6: rejected \(email\): This value does not have the expected format\./);
    // Plain progress lines on standard error when it is not a terminal.
    expect(dry.stderr).toContain('Import: 0/8 rows (0 to create, 0 duplicates, 0 rejected)');
    expect(dry.stderr).toContain('Import: 8/8 rows (4 to create, 0 duplicates, 4 rejected)');

    const real = await mosaic(['import', FIXTURE, '--kind', 'organisations', '--locale', 'fr']);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('Import of organisations from organisations.csv: 8 rows, 4 created, 0 duplicates, 4 rejected');

    const again = await mosaic(['import', FIXTURE, '--kind', 'organisations', '--locale', 'fr', '--map', 'Cluster=']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('8 rows, 0 created, 5 duplicates, 3 rejected');
    expect(again.stdout).toMatch(/row 2: duplicate of atelier-nour \(name\)/);
  }, 180_000);

  it('refuses a file it cannot import, and a mapping naming a missing column, without a stack trace', async () => {
    const text = path.join(dataDir, 'notes.pdf');
    writeFileSync(text, 'not a table');
    const wrongType = await mosaic(['import', text, '--kind', 'organisations']);
    expect(wrongType.code).toBe(1);
    expect(wrongType.stderr).toContain('Only CSV and XLSX files can be imported. (DIRECTORY_IMPORT_FILE_TYPE)');
    expect(wrongType.stderr).not.toMatch(STACK_TRACE);

    const unknownColumn = await mosaic(['import', FIXTURE, '--kind', 'organisations', '--map', 'Raison sociale=name.fr']);
    expect(unknownColumn.code).toBe(1);
    expect(unknownColumn.stderr).toContain('(DIRECTORY_IMPORT_MAPPING_UNKNOWN_COLUMN)');

    const badKind = await mosaic(['import', FIXTURE, '--kind', 'people']);
    expect(badKind.code).not.toBe(0);
    expect(badKind.stderr).toContain('Allowed choices are organisations, clusters');
  }, 180_000);
});
