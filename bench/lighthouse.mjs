#!/usr/bin/env node
// Lighthouse on the built app, with its default (mobile) settings: simulated slow 4G and a 4x slower
// CPU, on headless Debian Chromium (chrome-launcher pointed at /usr/bin/chromium or CHROMIUM_PATH).
// Self-contained: builds the shared library, the server and the web app (BENCH_SKIP_BUILD skips
// it), starts its own embedded PostgreSQL and the built server serving the built app, with the demo
// data (the generated catalogue, so the product page has a real product), then audits the public
// catalogue (/catalogue) and a product page (/p/<slug>) BENCH_RUNS times each (3) and keeps the
// median run. Prints the scores, the main metrics and the JavaScript each page downloads, stops
// everything, and ends with one JSON line:
// {"catalogue":{"performance":0.9x,"accessibility":0.9x},"product":{…}}. BENCH_REPORT_DIR=<folder>
// also writes the median run's full report per page (catalogue.json, product.json).
// Goals: performance ≥ 0.90 and accessibility ≥ 0.95 on both pages. The performance score depends on the
// host: Lighthouse slows the CPU 4x from what it finds, and prints its reading of it (benchmarkIndex) with
// each run. On a machine of the same kind, catalogue 97 and product 92 one day, 73–81 and 67–72 another,
// with the same build (total blocking time 0.65–1.1 s instead of ~0.1 s).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildServer, loadAverage, requireInstall, root, startStack } from './harness.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const GOALS = { performance: 0.9, accessibility: 0.95 };
const log = (...args) => console.log('[bench:lighthouse]', ...args);

requireInstall();
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  process.exit(1);
}

buildServer(log);
if (!process.env.BENCH_SKIP_BUILD) {
  log('building @craftmatch/web…');
  execFileSync(process.execPath, [join(root, 'node_modules/.bin/vite'), 'build', '--logLevel', 'warn'], {
    cwd: join(root, 'apps/web'),
    stdio: 'inherit',
  });
}

/**
 * The JavaScript the first route needs according to the build's manifest: the entry and what it
 * imports, the catalogue page's chunk and what it imports, the public texts of one language; gzip -6.
 */
function firstRouteJs() {
  const dist = join(root, 'apps/web/dist');
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const seen = new Set();
  const visit = (key) => {
    if (!key || seen.has(key)) return;
    seen.add(key);
    for (const k of manifest[key].imports ?? []) visit(k);
  };
  visit(Object.keys(manifest).find((k) => manifest[k].isEntry));
  visit(Object.keys(manifest).find((k) => k.endsWith('features/catalogue/pages/CataloguePage.tsx')));
  visit(Object.keys(manifest).find((k) => k.endsWith('lib/locales/vi-public.ts')));
  let bytes = 0;
  for (const key of seen) {
    const file = manifest[key].file;
    if (file.endsWith('.js')) bytes += gzipSync(readFileSync(join(dist, file)), { level: 6 }).length;
  }
  return bytes;
}

async function audit(lighthouse, port, url) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    // Default config: mobile form factor, simulated throttling. Only the two categories we judge.
    // A run whose recording failed (e.g. NO_NAVSTART on a busy machine: "Please run Lighthouse
    // again") is run again, twice at most.
    let result;
    for (let attempt = 1; ; attempt++) {
      result = await lighthouse(url, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (!result.lhr.runtimeError) break;
      if (attempt === 3) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
      log(`${url}: ${result.lhr.runtimeError.code}, running it again`);
    }
    const { categories, audits } = result.lhr;
    const scripts = (audits['network-requests']?.details?.items ?? []).filter(
      (r) => r.resourceType === 'Script',
    );
    runs.push({
      lhr: result.lhr,
      performance: categories.performance.score,
      accessibility: categories.accessibility.score,
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      jsTransferBytes: scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
      jsRequests: scripts.length,
      // Lighthouse's own reading of this machine's CPU (its 4x slowdown is applied on top of it)
      benchmarkIndex: result.lhr.environment?.benchmarkIndex,
      failing: Object.values(audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
        .filter((a) =>
          result.lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0),
        )
        .map((a) => a.id),
    });
  }
  // The median run by performance score (accessibility does not vary between runs).
  const order = [...runs].sort((a, b) => a.performance - b.performance);
  const { lhr, ...median } = order[Math.floor(order.length / 2)];
  return {
    ...median,
    lhr,
    performanceRuns: runs.map((r) => r.performance),
    benchmarkIndexRuns: runs.map((r) => r.benchmarkIndex ?? NaN),
  };
}

const { cleanup, base } = await startStack({
  name: 'lighthouse',
  log,
  env: { DEMO_DATA: 'true', LOG_LEVEL: 'warn' },
});
let chrome;
const results = {};
try {
  const list = await fetch(`${base}/api/catalogue/products?limit=1`).then((r) => r.json());
  const slug = list.items?.[0]?.slug;
  if (!slug) throw new Error('the demo catalogue has no published product');

  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-sync',
      '--no-first-run',
      '--mute-audio',
    ],
  });
  log(`Chromium ${CHROMIUM} on port ${chrome.port}; ${RUNS} run(s) per page; load ${loadAverage()}`);

  for (const [name, path] of [
    ['catalogue', '/catalogue'],
    ['product', `/p/${encodeURIComponent(slug)}`],
  ]) {
    const { lhr, ...r } = await audit(lighthouse, chrome.port, `${base}${path}`);
    results[name] = r;
    // BENCH_REPORT_DIR: the median run's full Lighthouse report, <page>.json (opportunities, chains, trace details).
    if (process.env.BENCH_REPORT_DIR) {
      mkdirSync(process.env.BENCH_REPORT_DIR, { recursive: true });
      writeFileSync(join(process.env.BENCH_REPORT_DIR, `${name}.json`), JSON.stringify(lhr));
    }
    log(
      `${name.padEnd(9)} ${path}: performance ${Math.round(r.performance * 100)} (runs ${r.performanceRuns
        .map((s) => Math.round(s * 100))
        .join(
          ', ',
        )}), accessibility ${Math.round(r.accessibility * 100)}; FCP ${(r.fcp / 1000).toFixed(2)} s, ` +
        `LCP ${(r.lcp / 1000).toFixed(2)} s, TBT ${Math.round(r.tbt)} ms, CLS ${r.cls.toFixed(3)}; ` +
        `JS ${(r.jsTransferBytes / 1024).toFixed(1)} KiB over the wire in ${r.jsRequests} requests; ` +
        `host CPU benchmarkIndex ${r.benchmarkIndexRuns.map((b) => Math.round(b)).join(', ')}`,
    );
    if (r.failing.length) log(`  accessibility audits below 0.9: ${r.failing.join(', ')}`);
  }
} finally {
  await chrome?.kill();
  await cleanup();
}

const firstRoute = firstRouteJs();
log(
  `first route's JS (build manifest, gzip -6): ${(firstRoute / 1024).toFixed(1)} KiB (${firstRoute} bytes)`,
);
let ok = firstRoute <= 250_000;
for (const [name, r] of Object.entries(results)) {
  for (const [metric, goal] of Object.entries(GOALS)) {
    if (r[metric] < goal) {
      ok = false;
      log(`GOAL MISSED: ${name} ${metric} ${r[metric]} < ${goal}`);
    }
  }
}
log(ok ? 'all goals met' : 'some goals missed');
console.log(
  JSON.stringify({
    ...Object.fromEntries(
      Object.entries(results).map(([name, r]) => [
        name,
        { performance: r.performance, accessibility: r.accessibility },
      ]),
    ),
    firstRouteJsGzipBytes: firstRoute,
  }),
);
process.exitCode = ok ? 0 : 1;
