// `npm run mosaic -- <command>`: runs the command line from a bundle of its modules, built here
// when a source is newer than the bundle (decision 0014). Run from its TypeScript sources, a
// command resolves and loads about 900 modules one by one before doing anything, about 2 s of an
// import: Node re-reads drizzle-orm's 180 KB package.json for each of its 110 files. The bundle
// holds our code, drizzle-orm and better-auth (the one package that uses drizzle-orm, so there is
// one copy of it) in a few files; every other package is loaded from node_modules as usual.
//
// Builds are published atomically, so concurrent commands never load a half-written bundle: each
// goes to a folder of its own, then a pointer file naming it is replaced by rename. When the
// bundle cannot be built (esbuild missing, read-only checkout), the command runs from its sources.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { newestOf, projectRoot } from './sources.mjs';

/** What the bundle is made from: a change to any of them rebuilds it. */
const SOURCES = ['cli', 'app', 'server', 'package.json', 'package-lock.json'];
/** Packages bundled with our code; every other bare import stays an import from node_modules. */
const BUNDLED_PACKAGES = /^(?:drizzle-orm|better-auth|@better-auth\/[^/]+)(?:\/|$)/;
/** Superseded builds are removed once they are this old (a command still running may use one). */
const OLD_BUILD_MS = 60 * 60 * 1000;

const buildRoot = process.env.MOSAIC_CLI_BUILD_DIR ?? path.join(projectRoot, 'build', 'cli');
const pointerFile = path.join(buildRoot, 'current.json');

/** The current build ({ folder, sourcesAt }) or null. */
function readPointer() {
  try {
    const pointer = JSON.parse(readFileSync(pointerFile, 'utf8'));
    return existsSync(path.join(buildRoot, pointer.folder, 'mosaic.js')) ? pointer : null;
  } catch {
    return null;
  }
}

async function build(sourcesAt) {
  const { build: esbuild } = await import('esbuild');
  const folder = `${Date.now()}-${process.pid}`;
  await esbuild({
    absWorkingDir: projectRoot,
    entryPoints: ['cli/mosaic.ts'],
    bundle: true,
    // Commands keep loading their modules on demand (better-auth and ExcelJS on first use).
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    outdir: path.join(buildRoot, folder),
    logLevel: 'error',
    plugins: [
      {
        name: 'node-modules-except-bundled',
        setup(builder) {
          builder.onResolve({ filter: /^[^./#]/ }, (args) =>
            BUNDLED_PACKAGES.test(args.path) ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  const temporary = `${pointerFile}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify({ folder, sourcesAt }));
  renameSync(temporary, pointerFile);
  removeOldBuilds(folder);
  return { folder, sourcesAt };
}

/** Best effort: a folder another command is removing, or one we may not remove, stays. */
function removeOldBuilds(current) {
  for (const entry of readdirSync(buildRoot, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === current) continue;
    const folder = path.join(buildRoot, entry.name);
    try {
      if (Date.now() - statSync(folder).mtimeMs > OLD_BUILD_MS) rmSync(folder, { recursive: true, force: true });
    } catch {
      // Left for a later build to remove.
    }
  }
}

/** The entry module to run: the bundle, rebuilt first when stale; the sources when it cannot be built. */
async function entryModule() {
  // Sources are read before building: one changed during the build makes the next run rebuild.
  const sourcesAt = newestOf(SOURCES);
  let pointer = readPointer();
  if (!pointer || pointer.sourcesAt < sourcesAt) {
    try {
      mkdirSync(buildRoot, { recursive: true });
      pointer = await build(sourcesAt);
    } catch (error) {
      console.error(`mosaic: running from the sources (the command line bundle could not be built: ${error.message})`);
      return path.join(projectRoot, 'cli', 'mosaic.ts');
    }
  }
  return path.join(buildRoot, pointer.folder, 'mosaic.js');
}

// Before any module of the command is compiled, so all of them are cached.
enableCompileCache();
await import(pathToFileURL(await entryModule()).href);
