// Entry point, plain JavaScript so it runs before anything is built.
// Production: runs the built bundle. Development (NODE_ENV=development and MOSAIC_DEV=1): Vite in
// middleware mode with hot reload.
if (process.env.MOSAIC_DEV === '1') {
  const { createServer } = await import('vite');
  const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom' });
  const { start } = await vite.ssrLoadModule('./server/app.ts');
  await start({
    viteMiddlewares: vite.middlewares,
    loadBuild: () => vite.ssrLoadModule('virtual:react-router/server-build'),
  });
} else {
  const { start } = await import('./build/server/index.js');
  await start();
}
