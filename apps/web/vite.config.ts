import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const server = process.env.CRAFTMATCH_API ?? 'http://localhost:3000';

/**
 * Writes x.br and x.gz next to every text asset of the build: the server sends them as they are
 * (@fastify/static preCompressed), with no compression work per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'craftmatch-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
        );
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file) || file.includes(`${outDir}/.vite`)) continue;
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
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
