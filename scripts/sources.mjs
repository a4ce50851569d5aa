// Modification times of the project's sources, for the scripts that rebuild what is older than
// them (prepare.mjs for the server, mosaic.mjs for the command line). Plain JavaScript, like them.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The newest modification time (ms) of a file or, recursively, of a folder and its files; 0 when missing. */
export function newestMtime(entry) {
  const full = path.join(projectRoot, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** The newest of several entries. */
export function newestOf(entries) {
  return Math.max(0, ...entries.map(newestMtime));
}
