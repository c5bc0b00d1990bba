import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * FX rates to USD, sample requests and contracts with their lines. Money is `numeric`, never float:
 * unit prices 4 decimals, totals rounded by the server to the currency's minor unit, rates 8 decimals,
 * USD values 2. A contract keeps the rate it used (fx_rate, fx_date); later rates never rewrite it.
 */
export class Contracts1764600000000 implements MigrationInterface {
  name = 'Contracts1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fx_rates (
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        effective_date date NOT NULL,
        rate_to_usd numeric(20,8) NOT NULL CHECK (rate_to_usd > 0),
        set_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fx_rates_one_per_day PRIMARY KEY (currency, effective_date)
      )`);

    await q.query(`
      CREATE TABLE samples (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        meeting_id uuid REFERENCES meetings(id) ON DELETE SET NULL,
        exhibitor_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        buyer_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        requested_by_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        status varchar(12) NOT NULL DEFAULT 'requested'
          CHECK (status IN ('requested','sent','received','approved','rejected')),
        courier varchar(100),
        tracking_number varchar(100),
        cost numeric(20,4) CHECK (cost >= 0),
        currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
        notes text CHECK (char_length(notes) <= 4000),
        reject_reason text CHECK (char_length(reject_reason) <= 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT samples_two_companies CHECK (buyer_company_id <> exhibitor_company_id),
        CONSTRAINT samples_requester_is_party CHECK (requested_by_company_id IN (buyer_company_id, exhibitor_company_id)),
        CONSTRAINT samples_cost_has_currency CHECK (cost IS NULL OR currency IS NOT NULL),
        CONSTRAINT samples_sent_has_tracking CHECK (
          status = 'requested' OR (courier IS NOT NULL AND tracking_number IS NOT NULL)),
        CONSTRAINT samples_rejection_has_reason CHECK (status <> 'rejected' OR reject_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX samples_fair_status_idx ON samples (fair_id, status)`);
    await q.query(`CREATE INDEX samples_buyer_idx ON samples (buyer_company_id, fair_id)`);
    await q.query(`CREATE INDEX samples_exhibitor_idx ON samples (exhibitor_company_id, fair_id)`);
    await q.query(`
      CREATE TABLE sample_items (
        sample_id uuid NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position >= 1),
        product_id uuid REFERENCES products(id) ON DELETE SET NULL,
        description varchar(500) NOT NULL CHECK (length(btrim(description)) > 0),
        quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
        PRIMARY KEY (sample_id, position)
      )`);

    await q.query(`
      CREATE TABLE contracts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        meeting_id uuid REFERENCES meetings(id) ON DELETE SET NULL,
        exhibitor_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        buyer_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        number varchar(64) NOT NULL CHECK (length(btrim(number)) > 0),
        signed_on date NOT NULL,
        kind varchar(8) NOT NULL CHECK (kind IN ('loi','contract')),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        incoterm char(3) NOT NULL
          CHECK (incoterm IN ('EXW','FCA','CPT','CIP','DAP','DPU','DDP','FAS','FOB','CFR','CIF')),
        incoterm_place varchar(200) NOT NULL CHECK (length(btrim(incoterm_place)) > 0),
        payment_terms varchar(16) NOT NULL CHECK (payment_terms IN ('tt','lc_sight','dp','da','open_account')),
        deposit_percent numeric(5,2) CHECK (deposit_percent BETWEEN 0 AND 100),
        notes text CHECK (char_length(notes) <= 4000),
        attachment_file_id uuid REFERENCES files(id) ON DELETE SET NULL,
        status varchar(12) NOT NULL DEFAULT 'declared' CHECK (status IN ('declared','confirmed','disputed','cancelled')),
        declared_by_company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        declared_by uuid REFERENCES users(id) ON DELETE SET NULL,
        dispute_reason text CHECK (char_length(dispute_reason) <= 1000),
        cancel_reason text CHECK (char_length(cancel_reason) <= 1000),
        total numeric(24,4) NOT NULL CHECK (total >= 0),
        fx_rate numeric(20,8) NOT NULL CHECK (fx_rate > 0),
        fx_date date NOT NULL,
        total_usd numeric(20,2) NOT NULL CHECK (total_usd >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        CONSTRAINT contracts_two_companies CHECK (buyer_company_id <> exhibitor_company_id),
        CONSTRAINT contracts_declarer_is_party CHECK (declared_by_company_id IN (buyer_company_id, exhibitor_company_id)),
        CONSTRAINT contracts_deposit_only_tt CHECK (deposit_percent IS NULL OR payment_terms = 'tt'),
        CONSTRAINT contracts_usd_rate_is_one CHECK (currency <> 'USD' OR fx_rate = 1),
        CONSTRAINT contracts_dispute_has_reason CHECK (status <> 'disputed' OR dispute_reason IS NOT NULL),
        CONSTRAINT contracts_confirmed_has_time CHECK (status <> 'confirmed' OR confirmed_at IS NOT NULL),
        CONSTRAINT contracts_number_unique UNIQUE (fair_id, exhibitor_company_id, buyer_company_id, number)
      )`);
    await q.query(`CREATE INDEX contracts_fair_status_idx ON contracts (fair_id, status)`);
    await q.query(`CREATE INDEX contracts_buyer_idx ON contracts (buyer_company_id, fair_id)`);
    await q.query(`CREATE INDEX contracts_exhibitor_idx ON contracts (exhibitor_company_id, fair_id)`);
    await q.query(`
      CREATE TABLE contract_lines (
        contract_id uuid NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position >= 1),
        product_id uuid REFERENCES products(id) ON DELETE SET NULL,
        description varchar(500) NOT NULL CHECK (length(btrim(description)) > 0),
        quantity numeric(18,4) NOT NULL CHECK (quantity > 0),
        unit varchar(16) NOT NULL,
        unit_price numeric(20,4) NOT NULL CHECK (unit_price >= 0),
        line_total numeric(24,4) NOT NULL CHECK (line_total >= 0),
        PRIMARY KEY (contract_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE contract_lines`);
    await q.query(`DROP TABLE contracts`);
    await q.query(`DROP TABLE sample_items`);
    await q.query(`DROP TABLE samples`);
    await q.query(`DROP TABLE fx_rates`);
  }
}
