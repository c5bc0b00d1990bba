import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = process.env.CRAFTMATCH_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Use the shared contract from source so a change there shows up without a rebuild.
    alias: {
      '@craftmatch/shared': fileURLToPath(new URL('../../libs/shared/src/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/socket.io': { target: server, ws: true },
    },
  },
  preview: { port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks each page needs (bench/lighthouse.mjs reports the first route's JS).
    manifest: true,
    rolldownOptions: {
      // The shared library's modules only declare things (a few build helpers at load time, e.g. the
      // money module's Decimal clone): one the app does not use is dropped, with what only it imports
      // (decimal.js, the currency and country tables stay out of the first route).
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]libs[\\/]shared[\\/]src[\\/]/.test(id) },
      output: {
        // Libraries change less often than our code: separate chunks cache better on slow fair-floor networks.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|react-is|use-sync-external-store)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
