import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's contract figures as exact partial sums, kept in the writer's own transaction:
 *
 * - dashboard_contract_facts: what each contract adds to the dashboard, one row per dimension key — its signing
 *   day ('d'), the buyer's country ('c'), the exhibitor's province ('p') and village ('v'), and one row per
 *   category of its lines ('g'). A line's category is its product's category; a free-text line (or one whose
 *   product is gone) takes the exhibitor's main category (the profile's, else its village's); a contract without
 *   lines counts wholly under the exhibitor's main category. A contract counts once per category it touches;
 *   a category's USD value is round(Σ line totals of that category × the contract's rate, 2), so a contract
 *   in one category adds exactly its total_usd.
 * - dashboard_contract_rollup: those facts summed per fair, dimension, key, status and writer backend (`slot`,
 *   the backend pid), so concurrent writers never wait on each other's rollup rows (no hot row, no deadlock);
 *   readers sum the slots. Exact `numeric`, never float.
 * - cm_dashboard_facts(ids) recomputes the facts of some contracts and applies the difference to the rollup. It
 *   runs from statement triggers on contracts, contract_lines, exhibitor_profiles, buyer_profiles, companies
 *   (country) and products (category), so it is always in the same transaction as the write.
 * - dashboard_meeting_rollup: meetings requested, accepted, held, no-show, answered and answered within 24 h,
 *   per fair and writer backend, kept the same way by statement triggers on meetings.
 * - dashboard_versions replaces the dashboard_version sequence: per fair (the nil uuid for what every fair reads:
 *   companies and profiles) and writer backend, bumped in the writer's transaction by triggers that see which
 *   fairs a statement touched. A fair's version (its rows plus the nil uuid's) only grows with each commit that
 *   touches it, so a write to one fair leaves every other fair's cached answer valid; every fair together uses
 *   the sum of all. The reader takes the version in the same statement, hence the same snapshot, as the
 *   figures, so a cached answer is keyed by the version it really reflects (the sequence moved before the
 *   commit was visible, so a read racing a commit could cache a stale answer under the new version).
 *
 * - dashboard_firm_facts / dashboard_firm_rollup / dashboard_firm_totals: what each approved booth (exhibitor
 *   firm 'e', province 'p', legacy province 'l', village 'v', main category 'g') and each registration (buyer firm
 *   'b', country 'c') adds, per fair and key and over every fair, kept by cm_dashboard_firms(booths, registrations)
 *   from statement triggers on booths, fair_participants, exhibitor_profiles, buyer_profiles and companies; it
 *   first takes a share lock on the firms' profile (and company) rows, so a profile change in flight commits
 *   before the facts are read (and waits for them). A key is present while its count is above zero. A firm's own
 *   keys ('e', 'b') have one row (slot 0): the upsert sees when one appears or goes, and dashboard_firm_counts
 *   (per fair, and the nil uuid for every fair, per writer backend) keeps the number of distinct firms and of
 *   participations, so distinct firms need no scan. Shared keys are summed per writer backend (no hot row).
 * - dashboard_sample_rollup: samples per fair and status, per writer backend.
 *
 * Replaces contract_stats (by buyer/exhibitor id, mapped to countries and categories at every read).
 */
/** The version row of what every fair reads (companies, profiles): the nil uuid. */
const NIL = '00000000-0000-0000-0000-000000000000';
/** Tables with a fair_id (fairs: id) whose writes move only the fairs they touch. */
const FAIR_TABLES = ['fairs', 'fair_days', 'booths', 'fair_participants', 'meetings', 'samples', 'contracts'];

export class DashboardRollup1764600000300 implements MigrationInterface {
  name = 'DashboardRollup1764600000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER contracts_stats_delete ON contracts`);
    await q.query(`DROP TRIGGER contracts_stats_update ON contracts`);
    await q.query(`DROP TRIGGER contracts_stats_insert ON contracts`);
    await q.query(`DROP FUNCTION cm_contract_stats()`);
    await q.query(`DROP TABLE contract_stats`);

    await q.query(`
      CREATE TABLE dashboard_versions (
        fair_id uuid NOT NULL,
        slot integer NOT NULL,
        v bigint NOT NULL,
        PRIMARY KEY (fair_id, slot)
      )`);
    await q.query(`INSERT INTO dashboard_versions (fair_id, slot, v) VALUES ('${NIL}', 0, 1)`);
    await q.query(`
      CREATE FUNCTION cm_dashboard_bump_fairs(fairs uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO dashboard_versions AS s (fair_id, slot, v)
        SELECT DISTINCT f, pg_backend_pid(), 1 FROM unnest(fairs) f WHERE f IS NOT NULL ORDER BY 1
        ON CONFLICT (fair_id, slot) DO UPDATE SET v = s.v + 1
      $$`);
    // companies, profiles and any TRUNCATE: every fair
    await q.query(`
      CREATE OR REPLACE FUNCTION cm_dashboard_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM cm_dashboard_bump_fairs(ARRAY['${NIL}'::uuid]);
        RETURN NULL;
      END $$`);
    for (const [fn, col] of [
      ['cm_dashboard_bump_fair_rows', 'fair_id'],
      ['cm_dashboard_bump_fairs_rows', 'id'],
    ])
      await q.query(`
        CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            PERFORM cm_dashboard_bump_fairs(ARRAY(SELECT ${col} FROM new_rows));
          ELSIF TG_OP = 'DELETE' THEN
            PERFORM cm_dashboard_bump_fairs(ARRAY(SELECT ${col} FROM old_rows));
          ELSE
            PERFORM cm_dashboard_bump_fairs(ARRAY(SELECT ${col} FROM new_rows UNION SELECT ${col} FROM old_rows));
          END IF;
          RETURN NULL;
        END $$`);
    for (const table of FAIR_TABLES) {
      const fn = table === 'fairs' ? 'cm_dashboard_bump_fairs_rows' : 'cm_dashboard_bump_fair_rows';
      await q.query(`DROP TRIGGER ${table}_dashboard_version ON ${table}`);
      await q.query(`CREATE TRIGGER ${table}_dashboard_version_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_dashboard_version_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_dashboard_version_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_dashboard_version_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_bump()`);
    }

    await q.query(`
      CREATE TABLE dashboard_contract_facts (
        contract_id uuid NOT NULL,
        fair_id uuid NOT NULL,
        dim char(1) NOT NULL,
        key text NOT NULL,
        status varchar(12) NOT NULL,
        n integer NOT NULL,
        usd numeric NOT NULL
      )`);
    await q.query(
      `CREATE INDEX dashboard_contract_facts_contract_idx ON dashboard_contract_facts (contract_id)`,
    );
    await q.query(`
      CREATE TABLE dashboard_contract_rollup (
        fair_id uuid NOT NULL,
        dim char(1) NOT NULL CHECK (dim IN ('d','c','p','v','g')),
        key text NOT NULL,
        status varchar(12) NOT NULL,
        slot integer NOT NULL,
        n bigint NOT NULL,
        usd numeric NOT NULL,
        PRIMARY KEY (fair_id, dim, key, status, slot)
      )`);
    // '' stands for "not recorded" (a key cannot be NULL in the primary key)
    await q.query(`
      CREATE FUNCTION cm_dashboard_new_facts(ids uuid[])
        RETURNS TABLE (contract_id uuid, fair_id uuid, dim char(1), key text, status varchar(12), n integer, usd numeric)
        LANGUAGE sql STABLE AS $$
        WITH c AS (
          SELECT c.id, c.fair_id, c.status, c.signed_on, c.total_usd, c.fx_rate,
                 coalesce(bp.country, bc.country_code)::text AS country,
                 ep.province_code, ep.village_code,
                 coalesce(ep.category_code, v.category_code)::text AS main_category
            FROM contracts c
            JOIN companies bc ON bc.id = c.buyer_company_id
            LEFT JOIN buyer_profiles bp ON bp.company_id = c.buyer_company_id
            LEFT JOIN exhibitor_profiles ep ON ep.company_id = c.exhibitor_company_id
            LEFT JOIN craft_villages v ON v.code = ep.village_code
           WHERE c.id = ANY(ids)
        )
        SELECT c.id, c.fair_id, x.dim::char(1), coalesce(x.key, '')::text, c.status::varchar(12), 1::integer,
               c.total_usd::numeric
          FROM c CROSS JOIN LATERAL (VALUES ('d', c.signed_on::text), ('c', c.country), ('p', c.province_code::text),
                                            ('v', c.village_code::text)) x(dim, key)
        UNION ALL
        SELECT c.id, c.fair_id, 'g'::char(1), coalesce(g.category, '')::text, c.status::varchar(12), 1::integer,
               g.usd::numeric
          FROM c CROSS JOIN LATERAL (
            SELECT coalesce(p.category_code::text, c.main_category) AS category,
                   round(sum(l.line_total * c.fx_rate), 2) AS usd
              FROM contract_lines l LEFT JOIN products p ON p.id = l.product_id
             WHERE l.contract_id = c.id
             GROUP BY 1
            UNION ALL
            SELECT c.main_category, c.total_usd
             WHERE NOT EXISTS (SELECT 1 FROM contract_lines l WHERE l.contract_id = c.id)) g
      $$`);
    await q.query(`
      CREATE FUNCTION cm_dashboard_facts(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
        WITH old AS (
          DELETE FROM dashboard_contract_facts f WHERE f.contract_id = ANY(ids)
          RETURNING f.fair_id, f.dim, f.key, f.status, -f.n AS n, -f.usd AS usd
        ), new AS (
          INSERT INTO dashboard_contract_facts (contract_id, fair_id, dim, key, status, n, usd)
          SELECT * FROM cm_dashboard_new_facts(ids)
          RETURNING fair_id, dim, key, status, n, usd
        )
        INSERT INTO dashboard_contract_rollup AS r (fair_id, dim, key, status, slot, n, usd)
        SELECT d.fair_id, d.dim, d.key, d.status, pg_backend_pid(), sum(d.n), sum(d.usd)
          FROM (SELECT * FROM old UNION ALL SELECT * FROM new) d
         GROUP BY 1, 2, 3, 4
        HAVING sum(d.n) <> 0 OR sum(d.usd) <> 0
         ORDER BY 1, 2, 3, 4
        ON CONFLICT (fair_id, dim, key, status, slot) DO UPDATE SET n = r.n + excluded.n, usd = r.usd + excluded.usd;
        -- lines, profiles and products change contracts without a write to contracts: bump their fairs
        PERFORM cm_dashboard_bump_fairs(ARRAY(SELECT fair_id FROM contracts WHERE id = ANY(ids)));
      END $$`);

    // contracts: every inserted or deleted one; an update only when something the dashboard reads changed
    await q.query(`
      CREATE FUNCTION cm_dashboard_contracts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM cm_dashboard_facts(ARRAY(SELECT id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM cm_dashboard_facts(ARRAY(SELECT id FROM old_rows));
        ELSE
          PERFORM cm_dashboard_facts(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.fair_id, n.status, n.signed_on, n.total_usd, n.fx_rate, n.buyer_company_id, n.exhibitor_company_id)
                   IS DISTINCT FROM
                   (o.fair_id, o.status, o.signed_on, o.total_usd, o.fx_rate, o.buyer_company_id, o.exhibitor_company_id)));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION cm_dashboard_lines() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM cm_dashboard_facts(ARRAY(SELECT DISTINCT contract_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM cm_dashboard_facts(ARRAY(SELECT DISTINCT contract_id FROM old_rows));
        ELSE
          PERFORM cm_dashboard_facts(ARRAY(SELECT contract_id FROM new_rows UNION SELECT contract_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    // the exhibitor's province, village and main category; the buyer's country
    await q.query(`
      CREATE FUNCTION cm_dashboard_profiles() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        firms uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          firms := ARRAY(SELECT company_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN
          firms := ARRAY(SELECT company_id FROM old_rows);
        ELSIF TG_TABLE_NAME = 'exhibitor_profiles' THEN
          firms := ARRAY(SELECT n.company_id FROM new_rows n JOIN old_rows o USING (company_id)
                              WHERE (n.province_code, n.village_code, n.category_code)
                                    IS DISTINCT FROM (o.province_code, o.village_code, o.category_code));
        ELSE
          firms := ARRAY(SELECT n.company_id FROM new_rows n JOIN old_rows o USING (company_id)
                              WHERE n.country IS DISTINCT FROM o.country);
        END IF;
        IF cardinality(firms) > 0 THEN
          IF TG_TABLE_NAME = 'exhibitor_profiles' THEN
            PERFORM cm_dashboard_facts(ARRAY(SELECT id FROM contracts WHERE exhibitor_company_id = ANY(firms)));
          ELSE
            PERFORM cm_dashboard_facts(ARRAY(SELECT id FROM contracts WHERE buyer_company_id = ANY(firms)));
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION cm_dashboard_companies() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM cm_dashboard_facts(ARRAY(
          SELECT c.id FROM contracts c
           WHERE c.buyer_company_id IN (SELECT n.id FROM new_rows n JOIN old_rows o USING (id)
                                         WHERE n.country_code IS DISTINCT FROM o.country_code)));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION cm_dashboard_products() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM cm_dashboard_facts(ARRAY(
          SELECT DISTINCT l.contract_id FROM contract_lines l
           WHERE l.product_id IN (SELECT n.id FROM new_rows n JOIN old_rows o USING (id)
                                   WHERE n.category_code IS DISTINCT FROM o.category_code)));
        RETURN NULL;
      END $$`);
    for (const [table, fn] of [
      ['contracts', 'cm_dashboard_contracts'],
      ['contract_lines', 'cm_dashboard_lines'],
      ['exhibitor_profiles', 'cm_dashboard_profiles'],
      ['buyer_profiles', 'cm_dashboard_profiles'],
    ]) {
      await q.query(`CREATE TRIGGER ${table}_dashboard_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_dashboard_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_dashboard_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    await q.query(`CREATE TRIGGER companies_dashboard_update AFTER UPDATE ON companies
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_companies()`);
    await q.query(`CREATE TRIGGER products_dashboard_update AFTER UPDATE ON products
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_products()`);

    // meetings counted per fair and writer backend, by the same statement-trigger pattern
    await q.query(`
      CREATE TABLE dashboard_meeting_rollup (
        fair_id uuid NOT NULL,
        slot integer NOT NULL,
        requested bigint NOT NULL,
        accepted bigint NOT NULL,
        held bigint NOT NULL,
        no_show bigint NOT NULL,
        answered bigint NOT NULL,
        within bigint NOT NULL,
        PRIMARY KEY (fair_id, slot)
      )`);
    const meetingCounts = (rows: string, sign: string) => `
          SELECT fair_id, ${sign}1 AS requested,
                 ${sign}(status IN ('accepted','held','no_show'))::int AS accepted,
                 ${sign}(status = 'held')::int AS held, ${sign}(status = 'no_show')::int AS no_show,
                 ${sign}(answered_at IS NOT NULL)::int AS answered,
                 ${sign}coalesce(answered_at <= created_at + interval '24 hours', false)::int AS within
            FROM ${rows}`;
    const meetingDelta = (source: string) => `
          INSERT INTO dashboard_meeting_rollup AS r (fair_id, slot, requested, accepted, held, no_show, answered, within)
          SELECT fair_id, pg_backend_pid(), sum(requested), sum(accepted), sum(held), sum(no_show), sum(answered), sum(within)
            FROM (${source}) d
           GROUP BY fair_id
          HAVING (sum(requested), sum(accepted), sum(held), sum(no_show), sum(answered), sum(within)) <> (0, 0, 0, 0, 0, 0)
           ORDER BY fair_id
          ON CONFLICT (fair_id, slot) DO UPDATE SET requested = r.requested + excluded.requested,
            accepted = r.accepted + excluded.accepted, held = r.held + excluded.held,
            no_show = r.no_show + excluded.no_show, answered = r.answered + excluded.answered,
            within = r.within + excluded.within;`;
    await q.query(`
      CREATE FUNCTION cm_dashboard_meetings() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${meetingDelta(meetingCounts('new_rows', ''))}
        ELSIF TG_OP = 'DELETE' THEN
          ${meetingDelta(meetingCounts('old_rows', '-'))}
        ELSE
          ${meetingDelta(`${meetingCounts('old_rows', '-')} UNION ALL ${meetingCounts('new_rows', '')}`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER meetings_dashboard_insert AFTER INSERT ON meetings
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_meetings()`);
    await q.query(`CREATE TRIGGER meetings_dashboard_update AFTER UPDATE ON meetings
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_meetings()`);
    await q.query(`CREATE TRIGGER meetings_dashboard_delete AFTER DELETE ON meetings
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_meetings()`);
    await q.query(`
      INSERT INTO dashboard_meeting_rollup (fair_id, slot, requested, accepted, held, no_show, answered, within)
      SELECT fair_id, 0, sum(requested), sum(accepted), sum(held), sum(no_show), sum(answered), sum(within)
        FROM (${meetingCounts('meetings', '')}) m GROUP BY fair_id`);

    await q.query(`
      INSERT INTO dashboard_contract_facts (contract_id, fair_id, dim, key, status, n, usd)
      SELECT * FROM cm_dashboard_new_facts(ARRAY(SELECT id FROM contracts))`);
    await q.query(`
      INSERT INTO dashboard_contract_rollup (fair_id, dim, key, status, slot, n, usd)
      SELECT fair_id, dim, key, status, 0, sum(n), sum(usd) FROM dashboard_contract_facts GROUP BY 1, 2, 3, 4`);

    // participations and samples, so no read scans booths, registrations or samples (see firmSql below)
    await q.query(`
      CREATE TABLE dashboard_firm_facts (
        src_id uuid NOT NULL,
        company_id uuid NOT NULL,
        fair_id uuid NOT NULL,
        kind char(1) NOT NULL,
        key text NOT NULL
      )`);
    await q.query(`CREATE INDEX dashboard_firm_facts_src_idx ON dashboard_firm_facts (src_id)`);
    await q.query(`
      CREATE TABLE dashboard_firm_rollup (
        fair_id uuid NOT NULL,
        kind char(1) NOT NULL CHECK (kind IN ('e','p','l','v','g','b','c')),
        key text NOT NULL,
        slot integer NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (fair_id, kind, key, slot)
      )`);
    await q.query(`
      CREATE TABLE dashboard_firm_totals (
        kind char(1) NOT NULL CHECK (kind IN ('e','p','l','v','g','b','c')),
        key text NOT NULL,
        slot integer NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (kind, key, slot)
      )`);
    await q.query(`
      CREATE TABLE dashboard_firm_counts (
        fair_id uuid NOT NULL,
        kind char(1) NOT NULL CHECK (kind IN ('e','b')),
        slot integer NOT NULL,
        keys bigint NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (fair_id, kind, slot)
      )`);
    await q.query(`
      CREATE FUNCTION cm_dashboard_new_firm_facts(booth_ids uuid[], participant_ids uuid[])
        RETURNS TABLE (src_id uuid, company_id uuid, fair_id uuid, kind char(1), key text)
        LANGUAGE sql STABLE AS $$
        SELECT b.id, b.company_id, b.fair_id, x.kind::char(1), coalesce(x.key, '')::text
          FROM booths b
          LEFT JOIN exhibitor_profiles ep ON ep.company_id = b.company_id
          LEFT JOIN craft_villages v ON v.code = ep.village_code
         CROSS JOIN LATERAL (VALUES ('e', b.company_id::text), ('p', ep.province_code::text),
                                    ('l', ep.province_legacy::text), ('v', ep.village_code::text),
                                    ('g', coalesce(ep.category_code, v.category_code)::text)) x(kind, key)
         WHERE b.id = ANY(booth_ids) AND b.status = 'approved'
        UNION ALL
        SELECT p.id, p.company_id, p.fair_id, x.kind::char(1), coalesce(x.key, '')::text
          FROM fair_participants p
          JOIN companies c ON c.id = p.company_id
          LEFT JOIN buyer_profiles bp ON bp.company_id = p.company_id
         CROSS JOIN LATERAL (VALUES ('b', p.company_id::text), ('c', coalesce(bp.country, c.country_code)::text)) x(kind, key)
         WHERE p.id = ANY(participant_ids)
      $$`);
    await q.query(`
      CREATE FUNCTION cm_dashboard_firms(booth_ids uuid[], participant_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[] := coalesce(booth_ids, '{}') || coalesce(participant_ids, '{}');
      BEGIN
        IF cardinality(ids) = 0 THEN RETURN; END IF;
        -- a profile or country change of these firms in flight commits first (and waits for this transaction):
        -- the facts below are then read from a snapshot taken after it
        PERFORM 1 FROM exhibitor_profiles
          WHERE company_id IN (SELECT company_id FROM booths WHERE id = ANY(booth_ids)) ORDER BY company_id FOR SHARE;
        PERFORM 1 FROM buyer_profiles
          WHERE company_id IN (SELECT company_id FROM fair_participants WHERE id = ANY(participant_ids))
          ORDER BY company_id FOR SHARE;
        PERFORM 1 FROM companies
          WHERE id IN (SELECT company_id FROM fair_participants WHERE id = ANY(participant_ids)) ORDER BY id FOR SHARE;
        -- a firm's own keys ('e', 'b': one firm at one fair, no hot row) keep one row (slot 0), so the upsert
        -- sees the committed count and tells when a key appears or goes: the per-fair and every-fair numbers of
        -- distinct firms move by those transitions in dashboard_firm_counts (per writer backend). Shared keys
        -- (countries, provinces, villages, categories: few, hot) are summed per writer backend.
        WITH old AS (
          DELETE FROM dashboard_firm_facts f WHERE f.src_id = ANY(ids)
          RETURNING f.fair_id, f.kind, f.key, -1 AS n
        ), new AS (
          INSERT INTO dashboard_firm_facts (src_id, company_id, fair_id, kind, key)
          SELECT * FROM cm_dashboard_new_firm_facts(booth_ids, participant_ids)
          RETURNING fair_id, kind, key, 1 AS n
        ), d AS (
          SELECT x.fair_id, x.kind, x.key, sum(x.n)::bigint AS n
            FROM (SELECT * FROM old UNION ALL SELECT * FROM new) x
           GROUP BY 1, 2, 3
          HAVING sum(x.n) <> 0
        ), dt AS (
          SELECT d.kind, d.key, sum(d.n)::bigint AS n FROM d GROUP BY 1, 2 HAVING sum(d.n) <> 0
        ), fr AS (
          INSERT INTO dashboard_firm_rollup AS r (fair_id, kind, key, slot, n)
          SELECT d.fair_id, d.kind, d.key, CASE WHEN d.kind IN ('e', 'b') THEN 0 ELSE pg_backend_pid() END, d.n
            FROM d ORDER BY 1, 2, 3
          ON CONFLICT (fair_id, kind, key, slot) DO UPDATE SET n = r.n + excluded.n
          RETURNING r.fair_id, r.kind, r.key, r.n
        ), tr AS (
          INSERT INTO dashboard_firm_totals AS t (kind, key, slot, n)
          SELECT dt.kind, dt.key, CASE WHEN dt.kind IN ('e', 'b') THEN 0 ELSE pg_backend_pid() END, dt.n
            FROM dt ORDER BY 1, 2
          ON CONFLICT (kind, key, slot) DO UPDATE SET n = t.n + excluded.n
          RETURNING t.kind, t.key, t.n
        ), moves AS (
          SELECT fr.fair_id, fr.kind, d.n,
                 CASE WHEN fr.n > 0 AND fr.n - d.n <= 0 THEN 1 WHEN fr.n <= 0 AND fr.n - d.n > 0 THEN -1 ELSE 0 END AS keys
            FROM fr JOIN d USING (fair_id, kind, key) WHERE fr.kind IN ('e', 'b')
          UNION ALL
          SELECT '${NIL}'::uuid, tr.kind, dt.n,
                 CASE WHEN tr.n > 0 AND tr.n - dt.n <= 0 THEN 1 WHEN tr.n <= 0 AND tr.n - dt.n > 0 THEN -1 ELSE 0 END
            FROM tr JOIN dt USING (kind, key) WHERE tr.kind IN ('e', 'b')
        )
        INSERT INTO dashboard_firm_counts AS c (fair_id, kind, slot, keys, n)
        SELECT fair_id, kind, pg_backend_pid(), sum(keys), sum(n) FROM moves GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (fair_id, kind, slot) DO UPDATE SET keys = c.keys + excluded.keys, n = c.n + excluded.n;
      END $$`);
    for (const [table, fn, cols] of [
      ['booths', 'cm_dashboard_booths', 'fair_id, company_id, status'],
      ['fair_participants', 'cm_dashboard_participants', 'fair_id, company_id'],
    ]) {
      const call = (ids: string) =>
        table === 'booths' ? `cm_dashboard_firms(${ids}, '{}')` : `cm_dashboard_firms('{}', ${ids})`;
      const changed = cols
        .split(', ')
        .map((c) => `n.${c}`)
        .join(', ');
      await q.query(`
        CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            PERFORM ${call('ARRAY(SELECT id FROM new_rows)')};
          ELSIF TG_OP = 'DELETE' THEN
            PERFORM ${call('ARRAY(SELECT id FROM old_rows)')};
          ELSE
            PERFORM ${call(`ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o USING (id)
              WHERE (${changed}) IS DISTINCT FROM (${changed.replace(/n\./g, 'o.')}))`)};
          END IF;
          RETURN NULL;
        END $$`);
      await q.query(`CREATE TRIGGER ${table}_dashboard_firms_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_dashboard_firms_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_dashboard_firms_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    // a firm's province, legacy province, village, main category or country moves its participations along
    await q.query(`
      CREATE FUNCTION cm_dashboard_firm_profiles() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        firms uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          firms := ARRAY(SELECT company_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN
          firms := ARRAY(SELECT company_id FROM old_rows);
        ELSIF TG_TABLE_NAME = 'exhibitor_profiles' THEN
          firms := ARRAY(SELECT n.company_id FROM new_rows n JOIN old_rows o USING (company_id)
                          WHERE (n.province_code, n.province_legacy, n.village_code, n.category_code)
                                IS DISTINCT FROM (o.province_code, o.province_legacy, o.village_code, o.category_code));
        ELSE
          firms := ARRAY(SELECT n.company_id FROM new_rows n JOIN old_rows o USING (company_id)
                          WHERE n.country IS DISTINCT FROM o.country);
        END IF;
        IF cardinality(firms) > 0 THEN
          IF TG_TABLE_NAME = 'exhibitor_profiles' THEN
            PERFORM cm_dashboard_firms(ARRAY(SELECT id FROM booths WHERE company_id = ANY(firms)), '{}');
          ELSE
            PERFORM cm_dashboard_firms('{}', ARRAY(SELECT id FROM fair_participants WHERE company_id = ANY(firms)));
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['exhibitor_profiles', 'buyer_profiles']) {
      await q.query(`CREATE TRIGGER ${table}_dashboard_firms_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_firm_profiles()`);
      await q.query(`CREATE TRIGGER ${table}_dashboard_firms_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_firm_profiles()`);
      await q.query(`CREATE TRIGGER ${table}_dashboard_firms_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_firm_profiles()`);
    }
    await q.query(`
      CREATE FUNCTION cm_dashboard_firm_companies() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM cm_dashboard_firms('{}', ARRAY(
          SELECT p.id FROM fair_participants p
           WHERE p.company_id IN (SELECT n.id FROM new_rows n JOIN old_rows o USING (id)
                                   WHERE n.country_code IS DISTINCT FROM o.country_code)));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER companies_dashboard_firms_update AFTER UPDATE ON companies
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_firm_companies()`);

    await q.query(`
      CREATE TABLE dashboard_sample_rollup (
        fair_id uuid NOT NULL,
        status varchar(12) NOT NULL,
        slot integer NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (fair_id, status, slot)
      )`);
    const sampleDelta = (source: string) => `
          INSERT INTO dashboard_sample_rollup AS r (fair_id, status, slot, n)
          SELECT fair_id, status, pg_backend_pid(), sum(n) FROM (${source}) d
           GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
          ON CONFLICT (fair_id, status, slot) DO UPDATE SET n = r.n + excluded.n;`;
    await q.query(`
      CREATE FUNCTION cm_dashboard_samples() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${sampleDelta(`SELECT fair_id, status, 1 AS n FROM new_rows`)}
        ELSIF TG_OP = 'DELETE' THEN
          ${sampleDelta(`SELECT fair_id, status, -1 AS n FROM old_rows`)}
        ELSE
          ${sampleDelta(`SELECT fair_id, status, -1 AS n FROM old_rows UNION ALL SELECT fair_id, status, 1 FROM new_rows`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER samples_dashboard_insert AFTER INSERT ON samples
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_samples()`);
    await q.query(`CREATE TRIGGER samples_dashboard_update AFTER UPDATE ON samples
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_samples()`);
    await q.query(`CREATE TRIGGER samples_dashboard_delete AFTER DELETE ON samples
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_samples()`);
    await q.query(`
      INSERT INTO dashboard_sample_rollup (fair_id, status, slot, n)
      SELECT fair_id, status, 0, count(*) FROM samples GROUP BY 1, 2`);
    await q.query(`
      INSERT INTO dashboard_firm_facts (src_id, company_id, fair_id, kind, key)
      SELECT * FROM cm_dashboard_new_firm_facts(ARRAY(SELECT id FROM booths), ARRAY(SELECT id FROM fair_participants))`);
    await q.query(`
      INSERT INTO dashboard_firm_rollup (fair_id, kind, key, slot, n)
      SELECT fair_id, kind, key, 0, count(*) FROM dashboard_firm_facts GROUP BY 1, 2, 3`);
    await q.query(`
      INSERT INTO dashboard_firm_totals (kind, key, slot, n)
      SELECT kind, key, 0, count(*) FROM dashboard_firm_facts GROUP BY 1, 2`);
    await q.query(`
      INSERT INTO dashboard_firm_counts (fair_id, kind, slot, keys, n)
      SELECT fair_id, kind, 0, count(*), sum(n) FROM dashboard_firm_rollup WHERE kind IN ('e', 'b') GROUP BY 1, 2
      UNION ALL
      SELECT '${NIL}'::uuid, kind, 0, count(*), sum(n) FROM dashboard_firm_totals WHERE kind IN ('e', 'b') GROUP BY 2`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER samples_dashboard_${op} ON samples`);
      for (const table of ['booths', 'fair_participants', 'exhibitor_profiles', 'buyer_profiles'])
        await q.query(`DROP TRIGGER ${table}_dashboard_firms_${op} ON ${table}`);
    }
    await q.query(`DROP TRIGGER companies_dashboard_firms_update ON companies`);
    await q.query(`DROP FUNCTION cm_dashboard_samples()`);
    await q.query(`DROP TABLE dashboard_sample_rollup`);
    await q.query(`DROP FUNCTION cm_dashboard_firm_companies()`);
    await q.query(`DROP FUNCTION cm_dashboard_firm_profiles()`);
    await q.query(`DROP FUNCTION cm_dashboard_participants()`);
    await q.query(`DROP FUNCTION cm_dashboard_booths()`);
    await q.query(`DROP FUNCTION cm_dashboard_firms(uuid[], uuid[])`);
    await q.query(`DROP FUNCTION cm_dashboard_new_firm_facts(uuid[], uuid[])`);
    await q.query(`DROP TABLE dashboard_firm_counts`);
    await q.query(`DROP TABLE dashboard_firm_totals`);
    await q.query(`DROP TABLE dashboard_firm_rollup`);
    await q.query(`DROP TABLE dashboard_firm_facts`);
    for (const op of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER meetings_dashboard_${op} ON meetings`);
    await q.query(`DROP FUNCTION cm_dashboard_meetings()`);
    await q.query(`DROP TABLE dashboard_meeting_rollup`);
    await q.query(`DROP TRIGGER products_dashboard_update ON products`);
    await q.query(`DROP TRIGGER companies_dashboard_update ON companies`);
    for (const table of ['contracts', 'contract_lines', 'exhibitor_profiles', 'buyer_profiles'])
      for (const op of ['insert', 'update', 'delete'])
        await q.query(`DROP TRIGGER ${table}_dashboard_${op} ON ${table}`);
    await q.query(`DROP FUNCTION cm_dashboard_products()`);
    await q.query(`DROP FUNCTION cm_dashboard_companies()`);
    await q.query(`DROP FUNCTION cm_dashboard_profiles()`);
    await q.query(`DROP FUNCTION cm_dashboard_lines()`);
    await q.query(`DROP FUNCTION cm_dashboard_contracts()`);
    await q.query(`DROP FUNCTION cm_dashboard_facts(uuid[])`);
    await q.query(`DROP FUNCTION cm_dashboard_new_facts(uuid[])`);
    await q.query(`DROP TABLE dashboard_contract_rollup`);
    await q.query(`DROP TABLE dashboard_contract_facts`);
    await q.query(`
      CREATE OR REPLACE FUNCTION cm_dashboard_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM nextval('dashboard_version');
        RETURN NULL;
      END $$`);
    for (const table of FAIR_TABLES) {
      for (const op of ['insert', 'update', 'delete', 'truncate'])
        await q.query(`DROP TRIGGER ${table}_dashboard_version_${op} ON ${table}`);
      await q.query(
        `CREATE TRIGGER ${table}_dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION cm_dashboard_bump()`,
      );
    }
    await q.query(`DROP FUNCTION cm_dashboard_bump_fairs_rows()`);
    await q.query(`DROP FUNCTION cm_dashboard_bump_fair_rows()`);
    await q.query(`DROP FUNCTION cm_dashboard_bump_fairs(uuid[])`);
    await q.query(`DROP TABLE dashboard_versions`);

    await q.query(`
      CREATE TABLE contract_stats (
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        dim char(1) NOT NULL CHECK (dim IN ('b','e','d')),
        key text NOT NULL,
        status varchar(12) NOT NULL,
        n integer NOT NULL,
        usd numeric(22,2) NOT NULL,
        PRIMARY KEY (fair_id, dim, key, status)
      )`);
    const body = (source: string) => `
          INSERT INTO contract_stats AS s (fair_id, dim, key, status, n, usd)
          SELECT d.fair_id, x.dim, x.key, d.status, sum(d.n), sum(d.usd)
            FROM (${source}) d
            CROSS JOIN LATERAL (VALUES ('b', d.buyer_company_id::text), ('e', d.exhibitor_company_id::text),
                                       ('d', d.signed_on::text)) x(dim, key)
           GROUP BY 1, 2, 3, 4
          HAVING sum(d.n) <> 0 OR sum(d.usd) <> 0
           ORDER BY 1, 2, 3, 4
          ON CONFLICT (fair_id, dim, key, status) DO UPDATE SET n = s.n + excluded.n, usd = s.usd + excluded.usd;`;
    const cols = 'fair_id, buyer_company_id, exhibitor_company_id, signed_on, status';
    await q.query(`
      CREATE FUNCTION cm_contract_stats() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${body(`SELECT ${cols}, 1 AS n, total_usd AS usd FROM new_rows`)}
        ELSIF TG_OP = 'UPDATE' THEN
          ${body(`SELECT ${cols}, -1 AS n, -total_usd AS usd FROM old_rows UNION ALL SELECT ${cols}, 1, total_usd FROM new_rows`)}
        ELSE
          ${body(`SELECT ${cols}, -1 AS n, -total_usd AS usd FROM old_rows`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER contracts_stats_insert AFTER INSERT ON contracts
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_contract_stats()`);
    await q.query(`CREATE TRIGGER contracts_stats_update AFTER UPDATE ON contracts
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_contract_stats()`);
    await q.query(`CREATE TRIGGER contracts_stats_delete AFTER DELETE ON contracts
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cm_contract_stats()`);
    await q.query(`
      INSERT INTO contract_stats (fair_id, dim, key, status, n, usd)
      SELECT c.fair_id, x.dim, x.key, c.status, count(*), sum(c.total_usd)
        FROM contracts c
        CROSS JOIN LATERAL (VALUES ('b', c.buyer_company_id::text), ('e', c.exhibitor_company_id::text),
                                   ('d', c.signed_on::text)) x(dim, key)
       GROUP BY 1, 2, 3, 4`);
  }
}
