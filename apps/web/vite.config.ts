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
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks cache better on slow fair-floor networks.
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/]@mantine/ },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|react-is|use-sync-external-store)[\\/]/,
            },
            // recharts and what only it uses: loaded with the dashboard's chart, never on the first route
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|decimal\.js-light|es-toolkit|eventemitter3|@reduxjs|redux|react-redux|redux-thunk|reselect|immer|tiny-invariant)[\\/]/,
            },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
});
