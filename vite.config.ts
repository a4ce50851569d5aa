import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

/**
 * Bundled into the production server instead of loaded from node_modules at start: Node reads a
 * package's package.json again for every file it loads, and drizzle-orm's is 179 kB across ~450
 * files (better-auth pulls in drizzle-orm and kysely the same way). Bundling them took the server's
 * start-up from ~6 s to ~2.5 s and its memory after loading from ~410 MB to ~110 MB (bench/).
 * Packages that locate files next to their own code (PGlite's WASM, swagger-ui-dist) stay external.
 */
const BUNDLED_IN_SERVER = ['drizzle-orm', 'better-auth', /^@better-auth\//, 'kysely', 'better-call', 'jose', '@better-fetch/fetch'];

// The server build's entry is our Hono app (server/app.ts), which imports React Router's
// virtual server build: one bundle, one module graph, one database handle per process.
export default defineConfig(({ command }) => ({
  build: { target: 'es2024' },
  environments: {
    ssr: {
      build: { rollupOptions: { input: './server/app.ts' } },
      resolve: { noExternal: command === 'build' ? BUNDLED_IN_SERVER : [] },
    },
  },
  server: { hmr: { port: 24679 } },
  plugins: [reactRouter()],
}));
