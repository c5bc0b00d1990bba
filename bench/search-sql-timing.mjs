// Server-side time of the catalogue search statements, one at a time, outside HTTP and the cache:
// for each request of the mix, the SQL the server runs on a cache miss (query words, page of items,
// facet counts), repeated, warm. Independent of how busy the HTTP side is, so changes can be judged
// on a shared machine. Used by bench/search.mjs; runs alone too:
//   node bench/search-sql-timing.mjs postgres://…/craftmatch_bench [repeats]
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'apps/server/package.json'));

const NUMERIC = new Set(['moqMax']);

/** The DTO the server would build from a query string (only what the SQL reads). */
function parse(qs) {
  const query = {};
  for (const [k, v] of new URLSearchParams(qs)) query[k] = NUMERIC.has(k) ? Number(v) : v;
  return query;
}

/** `{ path, words_ms, items_ms, facets_ms, total_ms }` per request: medians of `repeats` runs. */
export async function timeSearchSql(url, requests, repeats = 5) {
  const pg = require('pg');
  const { productSearchSql, QUERY_WORDS_SQL } = require(
    join(root, 'apps/server/dist/modules/catalogue/search-sql.js'),
  );
  const { buildTsQuery, effectiveSort } = require(
    join(root, 'apps/server/dist/modules/catalogue/search-query.js'),
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const timed = async (sql, params) => {
    const t0 = performance.now();
    const res = await client.query(sql, params);
    return { ms: performance.now() - t0, rows: res.rows };
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const results = [];
  try {
    for (const path of requests) {
      const { q, sort, cursor: _cursor, limit, ...filters } = parse(path.split('?')[1] ?? '');
      const runs = { words: [], items: [], facets: [] };
      for (let i = 0; i < repeats; i++) {
        const words = await timed(QUERY_WORDS_SQL, [q ?? '']);
        const tsq = buildTsQuery(words.rows);
        const stmt = productSearchSql(filters, tsq, effectiveSort(sort, tsq !== null), null, limit ?? 24);
        runs.words.push(words.ms);
        runs.items.push((await timed(stmt.items.sql, stmt.items.params)).ms);
        runs.facets.push((await timed(stmt.facets.sql, stmt.facets.params)).ms);
      }
      const [w, it, f] = [median(runs.words), median(runs.items), median(runs.facets)];
      results.push({
        path,
        words_ms: Number(w.toFixed(2)),
        items_ms: Number(it.toFixed(2)),
        facets_ms: Number(f.toFixed(2)),
        total_ms: Number((w + it + f).toFixed(2)),
      });
    }
  } finally {
    await client.end();
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { REQUESTS } = await import('./search-requests.mjs');
  const rows = await timeSearchSql(process.argv[2], REQUESTS, Number(process.argv[3] ?? 5));
  for (const r of rows) {
    console.log(
      `${r.total_ms.toFixed(1).padStart(7)} ms (words ${r.words_ms.toFixed(1)}, items ${r.items_ms.toFixed(1)}, facets ${r.facets_ms.toFixed(1)})  ${decodeURIComponent(r.path.replace('/api/catalogue/products?', ''))}`,
    );
  }
  const totals = rows.map((r) => r.total_ms).sort((a, b) => a - b);
  console.log(
    `median ${totals[Math.floor(totals.length / 2)].toFixed(1)} ms · max ${totals[totals.length - 1].toFixed(1)} ms`,
  );
}
