#!/usr/bin/env node
// Benchmarks the public catalogue search. Self-contained: builds the shared library and the server,
// starts its own embedded PostgreSQL in a temporary folder and the built server, both on free ports
// (never touching .data/), seeds BENCH_PRODUCTS products (100,000) across BENCH_EXHIBITORS exhibitors
// (1,500), then drives GET /api/catalogue/products with autocannon: 20 connections for 20 s, cycling
// through ASCII queries, queries with diacritics, typos and filters. Before that, each request of
// the mix is sent once, uncached; after it, EXPLAIN ANALYZE of the main query and the SQL time of
// each request on a cache miss (bench/search-sql-timing.mjs). Prints p50/p95/p99 latency and
// requests per second, stops everything, and ends with one JSON line.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer, percentile, require, requireInstall, root, startStack } from './harness.mjs';
import { REQUESTS } from './search-requests.mjs';
import { timeSearchSql } from './search-sql-timing.mjs';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const EXHIBITORS = Number(process.env.BENCH_EXHIBITORS ?? 1_500);
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const GOAL_P95_MS = 25;

const log = (...args) => console.log('[bench:search]', ...args);

// ---- the data: per category, product nouns (vi, en, material), and adjectives (vi, en)
const NOUNS = {
  CER: [
    ['Bình hoa gốm sứ', 'ceramic vase', 'clay'],
    ['Bộ ấm chén gốm', 'ceramic tea set', 'porcelain'],
    ['Đĩa gốm vẽ tay', 'hand-painted plate', 'stoneware'],
    ['Chậu gốm', 'ceramic planter', 'terracotta'],
    ['Bát gốm', 'ceramic bowl', 'clay'],
  ],
  LAC: [
    ['Khay sơn mài', 'lacquer tray', 'lacquer'],
    ['Hộp sơn mài', 'lacquer box', 'wood'],
    ['Tranh sơn mài', 'lacquer painting', 'eggshell'],
    ['Bình sơn mài', 'lacquer vase', 'bamboo'],
  ],
  BAS: [
    ['Giỏ mây', 'rattan basket', 'rattan'],
    ['Khay tre đan', 'bamboo tray', 'bamboo'],
    ['Túi cói', 'seagrass bag', 'seagrass'],
    ['Giỏ lục bình', 'water hyacinth basket', 'water hyacinth'],
    ['Đèn mây tre đan', 'rattan lamp shade', 'rattan'],
  ],
  WOD: [
    ['Tượng gỗ', 'wooden statue', 'jackfruit wood'],
    ['Hộp gỗ chạm khắc', 'carved wooden box', 'rosewood'],
    ['Khay gỗ', 'wooden tray', 'acacia'],
  ],
  FUR: [
    ['Ghế gỗ', 'wooden chair', 'teak'],
    ['Bàn trà', 'coffee table', 'acacia'],
    ['Tủ gỗ chạm', 'carved cabinet', 'rosewood'],
  ],
  TEX: [
    ['Khăn lụa tơ tằm', 'silk scarf', 'silk'],
    ['Gối thêu tay', 'embroidered cushion', 'linen'],
    ['Thảm dệt tay', 'hand-woven rug', 'jute'],
    ['Khăn trải bàn thêu', 'embroidered tablecloth', 'cotton'],
  ],
  HAT: [
    ['Nón lá', 'conical hat', 'palm leaf'],
    ['Nón bài thơ', 'poem conical hat', 'palm leaf'],
  ],
  PAP: [
    ['Tranh Đông Hồ', 'Dong Ho woodblock print', 'do paper'],
    ['Sổ giấy dó', 'do paper notebook', 'do paper'],
  ],
  HRN: [
    ['Lược sừng', 'horn comb', 'buffalo horn'],
    ['Thìa sừng', 'horn spoon', 'buffalo horn'],
  ],
  MOP: [
    ['Hộp khảm trai', 'mother-of-pearl box', 'mother-of-pearl'],
    ['Khay khảm trai', 'inlaid tray', 'mother-of-pearl'],
  ],
  STN: [
    ['Tượng đá', 'stone statue', 'marble'],
    ['Chậu đá', 'stone planter', 'granite'],
  ],
  JWL: [
    ['Vòng tay bạc', 'silver bracelet', 'silver'],
    ['Hoa tai bạc', 'silver earrings', 'silver'],
  ],
  MET: [
    ['Lư đồng', 'bronze incense burner', 'bronze'],
    ['Chuông đồng', 'bronze bell', 'bronze'],
  ],
  INC: [
    ['Hương trầm', 'agarwood incense', 'agarwood'],
    ['Nhang quế', 'cinnamon incense', 'cinnamon'],
  ],
  TOY: [
    ['Chuồn chuồn tre', 'bamboo dragonfly', 'bamboo'],
    ['Tò he', 'rice dough figurine', 'rice dough'],
  ],
  DEC: [
    ['Tranh dát vàng', 'gold leaf painting', 'gold leaf'],
    ['Đèn lồng lụa', 'silk lantern', 'silk'],
  ],
};
const ADJECTIVES = [
  ['men rạn', 'crackle glaze'],
  ['vẽ tay', 'hand-painted'],
  ['cổ điển', 'vintage'],
  ['hiện đại', 'modern'],
  ['cỡ lớn', 'large'],
  ['cỡ nhỏ', 'small'],
  ['màu chàm', 'indigo'],
  ['màu đỏ son', 'lacquer red'],
  ['tự nhiên', 'natural'],
  ['cao cấp', 'premium'],
  ['truyền thống', 'traditional'],
  ['thủ công', 'handmade'],
];
const CERT_SETS = [
  '{}',
  '{BSCI}',
  '{FSC_COC,BSCI}',
  '{OCOP_4}',
  '{}',
  '{SMETA}',
  '{WFTO,OCOP_3}',
  '{ISO_9001}',
  '{}',
];

async function seed(pg, url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = performance.now();
    await client.query(`CREATE TEMP TABLE bench_nouns (cat char(3), k int, vi text, en text, material text)`);
    await client.query(`CREATE TEMP TABLE bench_adj (k int, vi text, en text)`);
    for (const [cat, nouns] of Object.entries(NOUNS)) {
      for (const [k, [vi, en, material]] of nouns.entries()) {
        await client.query(`INSERT INTO bench_nouns VALUES ($1, $2, $3, $4, $5)`, [cat, k, vi, en, material]);
      }
    }
    for (const [k, [vi, en]] of ADJECTIVES.entries()) {
      await client.query(`INSERT INTO bench_adj VALUES ($1, $2, $3)`, [k, vi, en]);
    }
    // Exhibitors, spread over the real villages; one in fifty suspended (their products must stay hidden).
    await client.query(
      `CREATE TEMP TABLE bench_co AS
       SELECT i, gen_random_uuid() AS id, v.code AS village_code, v.name_vi AS village_name, v.category_code AS cat
         FROM generate_series(1, $1::int) i
         JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS k, * FROM craft_villages) v
           ON v.k = i % (SELECT count(*) FROM craft_villages)`,
      [EXHIBITORS],
    );
    await client.query(
      `INSERT INTO companies (id, kind, name, status, status_reason)
       SELECT id, 'exhibitor',
              (ARRAY['Cơ sở', 'HTX', 'Công ty TNHH', 'Xưởng'])[1 + i % 4] || ' ' || village_name || ' ' || i,
              CASE WHEN i % 50 = 0 THEN 'suspended' ELSE 'approved' END,
              CASE WHEN i % 50 = 0 THEN 'bench' END
         FROM bench_co`,
    );
    await client.query(
      `INSERT INTO exhibitor_profiles (company_id, legal_name, village_code)
       SELECT id, 'Công ty ' || village_name || ' số ' || i, village_code FROM bench_co`,
    );
    // Products: mostly the village's own craft, one in five from another category; status,
    // prices, MOQ and certifications drawn at random (seeded, so every run gets the same data).
    await client.query(`SELECT setseed(0.42)`);
    await client.query(
      `CREATE TEMP TABLE bench_p AS
       SELECT x.g, co.id AS company_id, x.r1, x.r2, x.r3, x.r4,
              CASE WHEN x.r5 < 0.2
                   THEN (SELECT array_agg(code ORDER BY code) FROM craft_categories)[1 + floor(x.r6 * 16)::int]
                   ELSE co.cat END AS cat
         FROM (SELECT g, 1 + floor(random() * $2::int)::int AS ci, random() AS r1, random() AS r2, random() AS r3,
                      random() AS r4, random() AS r5, random() AS r6
                 FROM generate_series(1, $1::int) g) x
         JOIN bench_co co ON co.i = x.ci`,
      [PRODUCTS, EXHIBITORS],
    );
    await client.query(
      `INSERT INTO products (company_id, slug, status, name_vi, name_en, category_code, materials, moq,
                             price_min, price_max, currency, certifications, published_at, created_at)
       SELECT b.company_id, 'bench-' || b.g, CASE WHEN b.r1 < 0.05 THEN 'draft' ELSE 'published' END,
              n.vi || ' ' || a.vi, initcap(a.en || ' ' || n.en), b.cat, ARRAY[n.material],
              (ARRAY[5, 10, 50, 100, 200, 500, 1000])[1 + floor(b.r2 * 7)::int],
              CASE WHEN b.r3 < 0.1 THEN round((100000 + b.r4 * 900000)::numeric, -3) ELSE round((1 + b.r4 * 80)::numeric, 2) END,
              CASE WHEN b.r3 < 0.1 THEN round((1000000 + b.r4 * 900000)::numeric, -3) ELSE round((2 + b.r4 * 150)::numeric, 2) END,
              CASE WHEN b.r3 < 0.1 THEN 'VND' ELSE 'USD' END,
              ($1::text[])[1 + floor(b.r2 * 997)::int % array_length($1::text[], 1)]::varchar[],
              now() - make_interval(secs => b.g * 37), now() - make_interval(secs => b.g * 37)
         FROM bench_p b
         JOIN bench_nouns n ON n.cat = b.cat
                           AND n.k = floor(b.r1 * 1000)::int % (SELECT count(*) FROM bench_nouns n2 WHERE n2.cat = b.cat)
         JOIN bench_adj a ON a.k = floor(b.r3 * 1000)::int % ${ADJECTIVES.length}`,
      [CERT_SETS],
    );
    await client.query(`SELECT cm_refresh_product_search(ARRAY(SELECT id FROM products))`);
    await client.query(`VACUUM ANALYZE`);
    const [{ n, visible }] = (
      await client.query(
        `SELECT count(*)::int AS n,
                count(*) FILTER (WHERE p.status = 'published' AND c.status = 'approved')::int AS visible
           FROM products p JOIN companies c ON c.id = p.company_id`,
      )
    ).rows;
    log(
      `seeded ${n} products (${visible} visible) across ${EXHIBITORS} exhibitors in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    return n;
  } finally {
    await client.end();
  }
}

/**
 * The demo seed's bulk generator (workshops, artisans, certifications, booths) when the build has
 * it; BENCH_OWN_SEED=1, or its absence, uses the generate_series seed above.
 */
async function seedProducts(pg, url) {
  const bulk = join(root, 'apps/server/dist/database/seeds/catalogue.js');
  const seedCatalogue =
    !process.env.BENCH_OWN_SEED && existsSync(bulk) ? require(bulk).seedCatalogue : undefined;
  if (typeof seedCatalogue !== 'function') return seed(pg, url);
  const t0 = performance.now();
  const result = await seedCatalogue(url, { exhibitors: EXHIBITORS, products: PRODUCTS, images: false });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`VACUUM ANALYZE`);
    const [{ n, visible }] = (
      await client.query(
        `SELECT count(*)::int AS n,
                count(*) FILTER (WHERE p.status = 'published' AND c.status = 'approved')::int AS visible
           FROM products p JOIN companies c ON c.id = p.company_id`,
      )
    ).rows;
    log(
      `seeded ${n} products (${visible} visible) across ${result.exhibitors} exhibitors with the demo seed's bulk generator in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    return n;
  } finally {
    await client.end();
  }
}

async function explainMainQuery(pg, url) {
  const { productSearchSql, QUERY_WORDS_SQL } = require(
    join(root, 'apps/server/dist/modules/catalogue/search-sql.js'),
  );
  const { buildTsQuery } = require(join(root, 'apps/server/dist/modules/catalogue/search-query.js'));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = 'bát tràng';
    const tsq = buildTsQuery((await client.query(QUERY_WORDS_SQL, [q])).rows);
    const { items, facets } = productSearchSql({}, tsq, 'relevance', null, 24);
    for (const [name, stmt] of [
      [`items, q="${q}" (${tsq}), sort=relevance`, items],
      ['facets, same query', facets],
    ]) {
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${stmt.sql}`, stmt.params);
      console.log(`\nEXPLAIN ANALYZE: ${name}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  } finally {
    await client.end();
  }
}

async function main() {
  buildServer(log);
  const pg = require('pg');
  const autocannon = require(join(root, 'node_modules/autocannon'));
  const { url, base, cleanup } = await startStack({ name: 'search', log });
  try {
    const products = await seedProducts(pg, url);
    if (process.env.BENCH_KEEP) {
      // For profiling by hand: keep the database and the server until Ctrl-C.
      log(`keeping ${base} and ${url} until Ctrl-C`);
      await new Promise((resolve) => process.once('SIGINT', resolve));
      await cleanup();
      return;
    }

    // First pass, one request at a time: every request of the mix answered cold (nothing cached),
    // each checked for 200. Results are cached per catalogue version afterwards.
    const cold = [];
    for (const path of REQUESTS) {
      const t0 = performance.now();
      const res = await fetch(base + path);
      const body = await res.json();
      const ms = performance.now() - t0;
      cold.push(ms);
      if (res.status !== 200) throw new Error(`${path} → ${res.status} ${JSON.stringify(body)}`);
      log(
        `cold ${ms.toFixed(1).padStart(7)} ms ${`${body.total}${body.totalIsEstimate ? '+' : ''}`.padStart(6)} matches  ${decodeURIComponent(path.replace('/api/catalogue/products?', ''))}`,
      );
    }
    cold.sort((a, b) => a - b);
    const [coldP50, coldP95] = [percentile(cold, 50), percentile(cold, 95)];
    log(
      `cold (uncached) single requests: p50 ${percentile(cold, 50).toFixed(1)} ms · p95 ${percentile(cold, 95).toFixed(1)} ms · max ${cold[cold.length - 1].toFixed(1)} ms`,
    );

    let next = 0;
    const times = [];
    let errors = 0;
    const instance = autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [
        {
          setupRequest: (req) => {
            req.path = REQUESTS[next++ % REQUESTS.length];
            return req;
          },
        },
      ],
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode !== 200) errors++;
    });
    const result = await new Promise((resolve, reject) =>
      instance.once('done', resolve).once('error', reject),
    );
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    const p99 = percentile(times, 99);
    const rps = result.requests.average;

    await explainMainQuery(pg, url);

    // What PostgreSQL spends on each request of the mix when it is not cached, one at a time.
    const sql = await timeSearchSql(url, REQUESTS, 5);
    console.log('\nSQL per request on a cache miss (median of 5, warm, one at a time):');
    for (const r of sql) {
      console.log(
        `${r.total_ms.toFixed(1).padStart(7)} ms (words ${r.words_ms.toFixed(1)}, items ${r.items_ms.toFixed(1)}, facets ${r.facets_ms.toFixed(1)})  ${decodeURIComponent(r.path.replace('/api/catalogue/products?', ''))}`,
      );
    }
    const sqlTotals = sql.map((r) => r.total_ms).sort((a, b) => a - b);

    console.log('');
    log(`${CONNECTIONS} connections, ${DURATION} s, ${REQUESTS.length} request kinds, ${products} products`);
    log(
      `requests: ${times.length} (${errors} not 200, ${result.errors} errors, ${result.timeouts} timeouts)`,
    );
    log(
      `latency p50 ${p50.toFixed(1)} ms · p95 ${p95.toFixed(1)} ms · p99 ${p99.toFixed(1)} ms (goal p95 ≤ ${GOAL_P95_MS} ms)`,
    );
    log(`throughput ${rps.toFixed(0)} req/s`);
    log(
      `uncached: single requests p50 ${coldP50.toFixed(1)} ms · p95 ${coldP95.toFixed(1)} ms; SQL per request median ${percentile(sqlTotals, 50).toFixed(1)} ms · max ${sqlTotals[sqlTotals.length - 1].toFixed(1)} ms`,
    );
    await cleanup();
    console.log(
      JSON.stringify({
        products,
        p50_ms: Number(p50.toFixed(2)),
        p95_ms: Number(p95.toFixed(2)),
        p99_ms: Number(p99.toFixed(2)),
        rps: Number(rps.toFixed(0)),
        cold_p50_ms: Number(coldP50.toFixed(2)),
        cold_p95_ms: Number(coldP95.toFixed(2)),
        sql_median_ms: Number(percentile(sqlTotals, 50).toFixed(2)),
      }),
    );
    if (errors || result.errors) process.exitCode = 1;
  } catch (error) {
    await cleanup();
    throw error;
  }
}

requireInstall();
await main();
