import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rollup } from 'vite';

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

/**
 * Moves the stylesheet from <head> to after the static shell: the shell in index.html (styled
 * inline) is drawn as soon as the page has arrived, without waiting for the stylesheet, which still
 * loads at once and comes before any script runs (scripts wait for it, so React never draws
 * unstyled). The entry and its chunks are not needed for that first paint: asked for at low priority.
 */
function stylesheetAfterShell(): Plugin {
  return {
    name: 'craftmatch-stylesheet-after-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = html.match(/[ \t]*<link rel="stylesheet"[^>]*>\n?/g) ?? [];
        const shellEnd = html.indexOf('<!-- end of the static shell -->');
        if (!links.length || shellEnd < 0) return html;
        let out = html;
        for (const link of links) out = out.replace(link, '');
        out = out.replace('<!-- end of the static shell -->', links.map((l) => l.trim()).join('\n    '));
        // The scripts draw nothing the shell needs: they come after the stylesheet and the fonts.
        return out.replace(/<(script type="module"|link rel="modulepreload") /g, '<$1 fetchpriority="low" ');
      },
    },
  };
}

interface BootPlan {
  /** The chunks each public page needs beyond the entry's (which index.html preloads already). */
  pages: { catalogue: string[]; product: string[] };
  /** The chunks of each public language's texts. */
  locales: Record<string, string[]>;
}

/**
 * Runs in the browser as soon as index.html is parsed (an async classic script, long before the
 * entry and its chunks have arrived): it asks for what the first page needs next, which otherwise
 * waits for the entry to arrive and run. The catalogue and product pages' chunks and the visitor's
 * texts (modulepreload), the page's data (handed over to app/first-page.ts through
 * window.__craftmatchEarly) and then its first photo. Serialised into a file: no outer references.
 */
function boot(plan: BootPlan) {
  const head = document.head;
  const hint = (rel: string, href: string, as?: string) => {
    const link = document.createElement('link');
    link.rel = rel;
    link.href = href;
    if (as) {
      link.as = as;
      link.fetchPriority = 'high';
    } else link.crossOrigin = '';
    head.appendChild(link);
  };
  // The language as lib/i18n.ts will detect it: the stored choice, the browser's, the page's (vi).
  let stored: string | null = null;
  try {
    stored = localStorage.getItem('craftmatch.language');
  } catch {
    // storage unavailable: the browser's language decides
  }
  const wanted = [stored ?? '', ...(navigator.languages ?? [navigator.language]), 'vi'];
  const language = wanted.map((l) => l.split('-')[0]).find((l) => plan.locales[l]);
  for (const file of plan.locales[language ?? 'vi'] ?? []) hint('modulepreload', file);

  const path = location.pathname;
  const product = /^\/p\/([^/]+)\/?$/.exec(path);
  const catalogue = /^\/catalogue\/?$/.test(path);
  for (const file of catalogue ? plan.pages.catalogue : product ? plan.pages.product : []) {
    hint('modulepreload', file);
  }
  // The catalogue's data as first opened (a search in the URL is left to the page), or the product's.
  const url = product
    ? `/api/catalogue/products/${product[1]}`
    : catalogue && !location.search
      ? '/api/catalogue/products'
      : null;
  if (!url) return;
  const data = fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? (response.json() as Promise<Record<string, unknown>>) : null))
    .catch(() => null);
  (window as { __craftmatchEarly?: unknown }).__craftmatchEarly = { url, data };
  void data.then((body) => {
    const first = product
      ? (body?.photoFileIds as string[] | undefined)?.[0]
      : (body?.items as { photoFileId: string | null }[] | undefined)?.[0]?.photoFileId;
    if (!first) return;
    const photo = product ? `/api/files/${first}` : `/api/files/${first}/thumb`;
    hint('preload', photo, 'image');
    // The product page's first photo is drawn in the static shell, where the page will show it: on a
    // slow network it is there before the app's code has arrived and run (the page replaces the shell).
    const main = product ? document.querySelector('#cm-shell main') : null;
    if (!main) return;
    const bar = document.createElement('i');
    bar.style.cssText = 'height: 20px; width: 30%';
    const frame = document.createElement('div');
    frame.className = 'cm-shell-photo';
    const img = document.createElement('img');
    img.src = photo;
    img.alt = '';
    img.fetchPriority = 'high';
    frame.appendChild(img);
    main.replaceChildren(bar, frame);
  });
}

/** Writes the boot script (above) with this build's chunk names and loads it from index.html. */
function earlyStart(): Plugin {
  let outDir = 'dist';
  let base = '/';
  let script: { fileName: string; source: string } | undefined;
  return {
    name: 'craftmatch-early-start',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter(
          (c): c is Rollup.OutputChunk => c.type === 'chunk',
        );
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (chunk: Rollup.OutputChunk | undefined, into = new Set<string>()) => {
          if (!chunk || into.has(chunk.fileName)) return into;
          into.add(chunk.fileName);
          for (const file of chunk.imports) closure(byFile.get(file), into);
          return into;
        };
        const entry = closure(chunks.find((c) => c.isEntry));
        const files = (ending: RegExp) => {
          const chunk = chunks.find((c) => c.moduleIds.some((id) => ending.test(id)));
          if (!chunk) throw new Error(`craftmatch-early-start: no chunk holds ${ending.source}`);
          return [...closure(chunk)].filter((file) => !entry.has(file)).map((file) => base + file);
        };
        const plan: BootPlan = {
          pages: {
            catalogue: files(/features[\\/]catalogue[\\/]pages[\\/]CataloguePage\.tsx$/),
            product: files(/features[\\/]catalogue[\\/]pages[\\/]ProductPage\.tsx$/),
          },
          locales: Object.fromEntries(
            ['vi', 'en', 'ja', 'ko', 'zh', 'fr'].map((l) => [
              l,
              files(
                new RegExp(`lib[\\\\/]locales[\\\\/]${l}${l === 'vi' || l === 'en' ? '-public' : ''}\\.ts$`),
              ),
            ]),
          ),
        };
        const source = `(${boot.toString()})(${JSON.stringify(plan)});\n`;
        const hash = createHash('sha256').update(source).digest('hex').slice(0, 8);
        script = { fileName: `assets/boot-${hash}.js`, source };
        return html.replace(
          '</title>',
          `</title>\n    <script async src="${base}${script.fileName}"></script>`,
        );
      },
    },
    writeBundle() {
      if (script) writeFileSync(join(outDir, script.fileName), script.source);
    },
  };
}

/** The modules of the chunks the first page loads, and of those the product page loads besides. */
interface ChunkPlan {
  first: string[];
  product: string[];
}

/** Set in the planning build (below): it writes its ChunkPlan to this file. */
const PLAN_FILE = process.env.CRAFTMATCH_CHUNK_PLAN;

/**
 * Planning build only: which modules ended up in the chunks the first page (the entry and the
 * catalogue page) loads, and in those the product page loads besides, once tree-shaken.
 */
function writeChunkPlan(file: string): Plugin {
  return {
    name: 'craftmatch-chunk-plan',
    apply: 'build',
    generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (chunk: Rollup.OutputChunk | undefined, into = new Set<Rollup.OutputChunk>()) => {
        if (!chunk || into.has(chunk)) return into;
        into.add(chunk);
        for (const f of chunk.imports) closure(byFile.get(f), into);
        return into;
      };
      const holding = (ending: RegExp) => chunks.find((c) => c.moduleIds.some((id) => ending.test(id)));
      const first = closure(chunks.find((c) => c.isEntry));
      closure(holding(/features[\\/]catalogue[\\/]pages[\\/]CataloguePage\.tsx$/), first);
      const product = [...closure(holding(/features[\\/]catalogue[\\/]pages[\\/]ProductPage\.tsx$/))];
      // Rolldown's own runtime keeps its chunk (the React chunk needs it too).
      const ids = (list: Iterable<Rollup.OutputChunk>) =>
        [...list].flatMap((c) => c.moduleIds).filter((id) => !id.startsWith('\0'));
      writeFileSync(
        file,
        JSON.stringify({
          first: ids(first),
          product: ids(product.filter((c) => !first.has(c))),
        } satisfies ChunkPlan),
      );
    },
  };
}

/**
 * Rolldown splits the modules shared by the entry and the pages into dozens of small chunks, each a
 * request of its own: on a phone's network over HTTP/1.1 (six at a time, a round trip each) they
 * cost the first page more than their bytes. So the build first plans (a quick build without
 * source maps, CRAFTMATCH_CHUNK_PLAN) which modules the first page and the product page load, then
 * puts them in one chunk each (see codeSplitting below): the same code for the first page, in a
 * handful of requests. Other pages load the first page's chunk anyway, and many the product's too
 * (it holds the inputs they share with it: select, text area…).
 */
function planChunks(): ChunkPlan {
  const dir = mkdtempSync(join(tmpdir(), 'craftmatch-chunk-plan-'));
  try {
    const file = join(dir, 'plan.json');
    execFileSync(
      process.execPath,
      [
        join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js'),
        'build',
        '--outDir',
        join(dir, 'dist'),
        '--emptyOutDir',
        '--sourcemap',
        'false',
        '--logLevel',
        'error',
      ],
      {
        cwd: fileURLToPath(new URL('.', import.meta.url)),
        stdio: 'inherit',
        env: { ...process.env, CRAFTMATCH_CHUNK_PLAN: file },
      },
    );
    return JSON.parse(readFileSync(file, 'utf8')) as ChunkPlan;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default defineConfig(({ command }) => {
  const plan = command === 'build' && !PLAN_FILE ? planChunks() : undefined;
  const first = new Set(plan?.first);
  const product = new Set(plan?.product);
  return {
    plugins: PLAN_FILE
      ? [react(), writeChunkPlan(PLAN_FILE)]
      : [react(), earlyStart(), stylesheetAfterShell(), precompress()],
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
                priority: 3,
              },
              // The rest of what the first page loads, and what the product page loads besides (planChunks).
              {
                name: 'app',
                test: (id: string) => first.has(id),
                priority: 2,
                includeDependenciesRecursively: false,
              },
              {
                name: 'product',
                // The country names stay apart: the many pages that share the product page's inputs
                // (select, text area…) and so load this chunk do not need them.
                test: (id: string) =>
                  product.has(id) && !/i18n-iso-countries|diacritics|reference[\\/]countries/.test(id),
                priority: 1,
                includeDependenciesRecursively: false,
              },
            ],
          },
        },
      },
    },
  };
});
