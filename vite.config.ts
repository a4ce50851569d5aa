import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

// The server build's entry is our Hono app (server/app.ts), which imports React Router's
// virtual server build: one bundle, one module graph, one database handle per process.
export default defineConfig({
  build: { target: 'es2024' },
  environments: {
    ssr: { build: { rollupOptions: { input: './server/app.ts' } } },
  },
  server: { hmr: { port: 24679 } },
  plugins: [reactRouter()],
});
