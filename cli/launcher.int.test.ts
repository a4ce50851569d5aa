/**
 * `npm run mosaic` runs `scripts/mosaic.mjs`, which builds the command line bundle when a source
 * is newer than it, publishes it atomically and runs it; without a bundle it runs the sources.
 * Each case builds into a folder of its own (MOSAIC_CLI_BUILD_DIR), not the project's bundle; it
 * is inside the project, as the bundle imports the packages it does not hold from node_modules.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runNode } from '#server/process-harness.ts';

mkdirSync(path.join(projectRoot, 'build'), { recursive: true });
const scratch = mkdtempSync(path.join(projectRoot, 'build', 'cli-launcher-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function mosaic(buildDir: string, args: string[]) {
  return runNode(['scripts/mosaic.mjs', ...args], { MOSAIC_CLI_BUILD_DIR: buildDir });
}

function pointer(buildDir: string): { folder: string; sourcesAt: number } {
  return JSON.parse(readFileSync(path.join(buildDir, 'current.json'), 'utf8'));
}

describe('the mosaic launcher', () => {
  it('builds the bundle once, runs it, and rebuilds it when the sources are newer', async () => {
    const buildDir = path.join(scratch, 'bundle');
    const first = await mosaic(buildDir, ['--help']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Usage: mosaic');
    expect(first.stderr).not.toContain('running from the sources');
    const built = pointer(buildDir);
    expect(readdirSync(path.join(buildDir, built.folder))).toContain('mosaic.js');

    const second = await mosaic(buildDir, ['import', '--help']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Usage: mosaic import');
    expect(pointer(buildDir)).toEqual(built);

    // As if a source had changed since the build.
    writeFileSync(path.join(buildDir, 'current.json'), JSON.stringify({ ...built, sourcesAt: 0 }));
    const third = await mosaic(buildDir, ['--help']);
    expect(third.code).toBe(0);
    const rebuilt = pointer(buildDir);
    expect(rebuilt.folder).not.toBe(built.folder);
    expect(rebuilt.sourcesAt).toBe(built.sourcesAt);
    // The superseded build stays for commands that may still be running from it...
    expect(readdirSync(buildDir)).toEqual(expect.arrayContaining([built.folder, rebuilt.folder]));

    // ...until it is an hour old, when the next build removes it.
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(path.join(buildDir, built.folder), twoHoursAgo, twoHoursAgo);
    writeFileSync(path.join(buildDir, 'current.json'), JSON.stringify({ ...rebuilt, sourcesAt: 0 }));
    expect((await mosaic(buildDir, ['--help'])).code).toBe(0);
    const latest = pointer(buildDir);
    expect(readdirSync(buildDir).sort()).toEqual([rebuilt.folder, latest.folder, 'current.json'].sort());
  });

  it('runs the command from its sources when the bundle cannot be built', async () => {
    const notAFolder = path.join(scratch, 'file');
    writeFileSync(notAFolder, '');
    const result = await mosaic(notAFolder, ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: mosaic');
    expect(result.stderr).toContain('running from the sources');
  });
});
