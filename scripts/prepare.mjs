// Makes a fresh clone runnable: installs dependencies when they are missing or stale, and builds
// when the sources are newer than the last build. Plain JavaScript: it may run on any Node
// before the project's own Node 24 (a dev dependency) is installed.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newestOf, projectRoot as root } from './sources.mjs';

const skipBuild = process.argv.includes('--no-build');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_update_notifier: 'false' } });

function lockHash() {
  return createHash('sha256')
    .update(readFileSync(path.join(root, 'package-lock.json')))
    .digest('hex');
}

const stampFile = path.join(root, 'node_modules', '.mosaic-install');
const installed = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === lockHash();
if (!installed) {
  console.log('Mosaic: installing dependencies (npm install)...');
  run('npm install --no-audit --no-fund --loglevel=error');
  writeFileSync(stampFile, lockHash());
}

if (!skipBuild) {
  const buildStamp = path.join(root, 'build', '.stamp');
  const sources = ['app', 'server', 'locales', 'public', 'package-lock.json', 'vite.config.ts', 'react-router.config.ts'];
  const builtAt = existsSync(buildStamp) ? statSync(buildStamp).mtimeMs : 0;
  if (newestOf(sources) > builtAt) {
    console.log('Mosaic: building...');
    run('npm run build');
    writeFileSync(buildStamp, new Date().toISOString());
  }
}
