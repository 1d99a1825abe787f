// `node web/build.mjs` builds this app into dist/web/graphiql, which the gateway serves at / (and at
// GET /graphql for browsers). Relative `base`, so the same files work under any mount point.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  // Monaco's workers (graphiql/setup-workers/vite) as ES module files beside the app: no blob:, no CDN.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web/graphiql', import.meta.url)),
    emptyOutDir: true,
    // Fonts and icons as files, so the CSP needs no data: for them (graphiql inlines its own fonts anyway).
    assetsInlineLimit: 0,
    // Monaco alone is several MB; the warning says nothing we can act on.
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
    rolldownOptions: {
      // graphiql's React Compiler output marks modules "use no memo"; a bundle cannot keep module directives.
      onwarn: (warning, warn) => {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  logLevel: 'warn',
});
