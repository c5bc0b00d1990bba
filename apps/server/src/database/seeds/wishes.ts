import type { DataSource } from 'typeorm';

/**
 * Demo matchmaking wishes at the live fair, so the recommendations and the scheduler have real work.
 * Every buyer company registered at the fair (with a buyer profile) wishes to meet 6–12 exhibitors
 * whose published products are in the buyer's categories, those it has not met yet first (the best
 * matches as must-meet, the rest would-meet) and says no-thanks to one or two exhibitors outside its categories. Some exhibitors
 * answer: must or would back (mutual wishes), and one in three buyers gets a no-thanks from one of
 * the exhibitors it would have met. Deterministic: everything is ordered by names and booth codes.
 *
 * Loaded once: does nothing without a live demo fair, or when the fair already has wishes.
 */

type Level = 'must' | 'would' | 'no_thanks';

export interface SeedWishesResult {
  seeded: boolean;
  wishes: number;
  buyers: number;
  mutual: number;
}

interface Candidate {
  company: string;
  user: string | null;
  overlap: number;
}

export async function seedWishes(
  ds: DataSource,
  options: { log?: (line: string) => void } = {},
): Promise<SeedWishesResult> {
  const log = options.log ?? (() => undefined);
  const none: SeedWishesResult = { seeded: false, wishes: 0, buyers: 0, mutual: 0 };
  if (!(await ds.query(`SELECT to_regclass('public.fair_wishes') AS t`))[0].t) return none;
  const [fair] = await ds.query(
    `SELECT id FROM fairs WHERE status = 'live' AND slug LIKE 'hanoi-gift-show-%' ORDER BY created_at DESC LIMIT 1`,
  );
  if (!fair) return none;
  const [{ has }] = await ds.query(`SELECT EXISTS (SELECT 1 FROM fair_wishes WHERE fair_id = $1) AS has`, [
    fair.id,
  ]);
  if (has) return none;

  return ds.transaction(async (m) => {
    // one row per buyer company at the fair: its first registered person and its categories
    const buyers: { company: string; user: string; categories: string[] }[] = await m.query(
      `SELECT DISTINCT ON (c.name, c.id) c.id AS company, p.user_id AS user, bp.categories
         FROM fair_participants p
         JOIN companies c ON c.id = p.company_id AND c.kind = 'buyer' AND c.status = 'approved'
         JOIN buyer_profiles bp ON bp.company_id = c.id
        WHERE p.fair_id = $1 AND cardinality(bp.categories) > 0
        ORDER BY c.name, c.id, p.created_at, p.user_id`,
      [fair.id],
    );
    if (buyers.length === 0) {
      log('wishes: no buyers with profiles at the live fair; no demo wishes');
      return none;
    }

    const rows: { from: string; to: string; level: Level; by: string | null }[] = [];
    const seen = new Set<string>();
    const add = (from: string, to: string, level: Level, by: string | null) => {
      const key = `${from}:${to}`;
      if (seen.has(key)) return;
      seen.add(key);
      rows.push({ from, to, level, by });
    };
    let mutual = 0;

    for (const [i, buyer] of buyers.entries()) {
      // exhibitors with an approved booth, by how many of their published products are in the
      // buyer's categories; an exhibitor's staff (if any) answers for it
      const exhibitors: Candidate[] = await m.query(
        `SELECT b.company_id AS company,
                (SELECT cm.user_id FROM company_memberships cm WHERE cm.company_id = b.company_id
                  ORDER BY cm.role DESC, cm.created_at, cm.user_id LIMIT 1) AS user,
                (SELECT count(*)::int FROM products pr
                  WHERE pr.company_id = b.company_id AND pr.status = 'published'
                    AND pr.category_code = ANY($2::text[])) AS overlap
           FROM booths b
          WHERE b.fair_id = $1 AND b.status = 'approved'
          ORDER BY overlap DESC, b.code`,
        [fair.id, buyer.categories],
      );
      // already met or booked pairs stay out of the no-thanks list
      const metRows: { company: string }[] = await m.query(
        `SELECT DISTINCT exhibitor_company_id AS company FROM meetings
          WHERE fair_id = $1 AND buyer_company_id = $2`,
        [fair.id, buyer.company],
      );
      const met = new Set(metRows.map((r) => r.company));

      // exhibitors it has not met yet come first (a met pair is never scheduled again), best match first
      const matching = exhibitors
        .filter((e) => e.overlap > 0)
        .sort((a, b) => Number(met.has(a.company)) - Number(met.has(b.company)));
      const count = Math.min(matching.length, 6 + ((i * 5) % 7));
      const chosen = matching.slice(0, count);
      const mustCount = i % 2 === 0 ? 4 : 3;
      for (const [k, e] of chosen.entries()) {
        add(buyer.company, e.company, k < mustCount ? 'must' : 'would', buyer.user);
      }
      // answers: the best match wishes back must, two more would; every third buyer gets one no-thanks
      for (const [k, level] of [
        [0, 'must'],
        [2, 'would'],
        [4, 'would'],
      ] as const) {
        const e = chosen[k];
        if (!e) continue;
        add(e.company, buyer.company, level, e.user);
        mutual++;
      }
      if (i % 3 === 1 && chosen.length > 5) {
        const e = chosen[chosen.length - 1];
        if (!met.has(e.company)) add(e.company, buyer.company, 'no_thanks', e.user);
      }
      // no-thanks to exhibitors outside the buyer's categories (never one it already meets)
      const outside = exhibitors.filter((e) => e.overlap === 0 && !met.has(e.company));
      const noThanks = 1 + (i % 2);
      for (let k = 0; k < noThanks && outside.length > 0; k++) {
        const e = outside[(i * 3 + k * 7) % outside.length];
        add(buyer.company, e.company, 'no_thanks', buyer.user);
      }
    }

    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      const params: unknown[] = [fair.id];
      const values = chunk.map((r) => {
        params.push(r.from, r.to, r.level, r.by);
        const n = params.length;
        return `($1, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
      });
      await m.query(
        `INSERT INTO fair_wishes (fair_id, from_company_id, to_company_id, level, created_by)
         VALUES ${values.join(', ')} ON CONFLICT (fair_id, from_company_id, to_company_id) DO NOTHING`,
        params,
      );
    }
    log(`wishes: ${rows.length} at the live fair (${buyers.length} buyers, ${mutual} answered)`);
    return { seeded: true, wishes: rows.length, buyers: buyers.length, mutual };
  });
}
