/**
 * Serves the built client files. The list of files is read once at start, so a page request
 * never touches the disk to find out it is not a file.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(root, `${prefix}/${entry.name}`) : [`${prefix}/${entry.name}`],
  );
}

export function builtClientFiles(root = './build/client'): MiddlewareHandler {
  const files = new Set(listFiles(root));
  const serve = serveStatic({
    root,
    onFound: (filePath, c) => {
      // Hashed asset names never change content: cache them for a year.
      if (filePath.includes('/assets/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  return (c, next) => (files.has(c.req.path) ? serve(c, next) : next());
}
