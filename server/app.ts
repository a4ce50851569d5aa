/**
 * The server bundle's entry (vite builds it with React Router's virtual server build inside, so
 * the pages, the API and the services share one module graph and one database handle).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { ServerBuild } from 'react-router';
import { boot } from './boot.ts';
import { createHttpApp } from './http-app.ts';
import { builtClientFiles } from './static-files.ts';

type Connect = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface StartOptions {
  /** Vite's dev middlewares (development only). */
  viteMiddlewares?: Connect;
  loadBuild?: () => Promise<ServerBuild>;
}

export async function start(options: StartOptions = {}): Promise<void> {
  const booted = await boot();
  const { config } = booted;
  // In production the build is passed as an object: given a function, React Router re-derives its
  // routes and handlers on every request (right for development's hot reload, costly otherwise).
  const build = options.loadBuild ?? ((await import('virtual:react-router/server-build')) as ServerBuild);
  const app = createHttpApp({
    config,
    build,
    staticHandler: options.viteMiddlewares ? undefined : builtClientFiles(),
  });
  const listener = getRequestListener(app.fetch);
  const vite = options.viteMiddlewares;
  const server = createServer(vite ? (req, res) => vite(req, res, () => listener(req, res)) : listener);
  server.listen(config.port, config.host, () => {
    console.log(`Mosaic ${config.version} is serving ${config.publicUrl} (database: ${booted.database.kind})`);
  });
  const stop = async (signal: string) => {
    console.log(`Mosaic received ${signal}, stopping.`);
    server.close();
    await booted.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
