import { randomUUID } from 'node:crypto';
import { contractTotal, lineTotal, toUsd, type ContractDetail } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';

/**
 * The money test of issue 5: 10,000 generated contracts in VND, USD, EUR, JPY and KWD (1,000 through the
 * HTTP API, the rest priced by the same money.ts and stored in bulk), with adversarial values (many tiny amounts, amounts of many digits, 4-decimal unit prices, rates with 8
 * decimals). What PostgreSQL stores and sums must equal an independent BigInt computation to the minor unit.
 * Any float in the path (DTO, money.ts, SQL parameters) loses digits beyond 2^53 or mis-rounds a .5 and fails.
 */
const CONTRACTS = 10_000;
/** This many go through the HTTP API (DTO validation, money.ts, SQL); the rest are priced by the server's
 * money.ts and inserted in bulk, since 10,000 HTTP round trips take minutes on a 2-core machine. */
const VIA_HTTP = 1_000;
const CONCURRENCY = 6;
const CURRENCIES: Record<string, { digits: number; rate: string }> = {
  VND: { digits: 0, rate: '0.00003937' },
  USD: { digits: 2, rate: '1.00000000' },
  EUR: { digits: 2, rate: '1.08123457' },
  JPY: { digits: 0, rate: '0.00665001' },
  KWD: { digits: 3, rate: '3.25412345' },
};
const CODES = Object.keys(CURRENCIES);

// ---- the independent reference: integers in units of 10^-scale, half-up on non-negative values
const units = (value: string, scale: number): bigint => {
  const [int, frac = ''] = value.split('.');
  return BigInt(int + frac.padEnd(scale, '0'));
};
const roundDown = (value: bigint, by: number): bigint => {
  const d = 10n ** BigInt(by);
  return (value + d / 2n) / d;
};
const text = (value: bigint, scale: number): string => {
  const s = value.toString().padStart(scale + 1, '0');
  return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
};

/** Deterministic generator (mulberry32), so a failure reproduces. */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const digits = (n: number) => {
    let s = String(1 + int(9));
    for (let i = 1; i < n; i++) s += String(int(10));
    return s;
  };
  const frac = (n: number) => Array.from({ length: n }, () => String(int(10))).join('');
  return { int, digits, frac };
}

interface Line {
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
}

function generate(count: number): { currency: string; lines: Line[] }[] {
  const r = rng(20161120);
  const out: { currency: string; lines: Line[] }[] = [];
  for (let i = 0; i < count; i++) {
    const currency = CODES[i % CODES.length];
    const kind = i % 4;
    const lines: Line[] = [];
    for (let j = 0, n = 1 + r.int(4); j < n; j++) {
      let quantity: string;
      let unitPrice: string;
      if (kind === 0) {
        // many small amounts: sub-minor-unit prices that round to 0 or to one minor unit
        quantity = String(1 + r.int(3));
        unitPrice = `0.${r.frac(2).padStart(2, '0')}${r.int(2) ? '5' : r.frac(1)}${r.int(2) ? '0' : r.frac(1)}`;
      } else if (kind === 1) {
        // many digits: about 10^15–10^16 in the contract currency, far past 2^53 in minor units
        quantity = `${r.digits(9 + r.int(3))}.${r.frac(4)}`;
        unitPrice = `${r.digits(3 + r.int(2))}.${r.frac(4)}`;
      } else if (kind === 2) {
        // exact half minor units, the case a float or a banker's rounding gets wrong
        const d = CURRENCIES[currency].digits;
        quantity = r.int(2) ? '1' : String(1 + r.int(999));
        unitPrice = `${r.digits(1 + r.int(3))}.${`${r.frac(d)}5`.padEnd(4, '0')}`;
      } else {
        // ordinary 4-decimal unit prices and fractional quantities
        quantity = `${r.digits(1 + r.int(5))}.${r.frac(r.int(5))}`.replace(/\.$/, '');
        unitPrice = `${r.digits(1 + r.int(6))}.${r.frac(4)}`;
      }
      lines.push({ description: `Hàng ${i}-${j}`, quantity, unit: 'pcs', unitPrice });
    }
    out.push({ currency, lines });
  }
  return out;
}

function expected(currency: string, lines: Line[]) {
  const { digits, rate } = CURRENCIES[currency];
  const lineTotals = lines.map((l) => roundDown(units(l.quantity, 4) * units(l.unitPrice, 4), 8 - digits));
  const total = lineTotals.reduce((a, b) => a + b, 0n);
  const usd = roundDown(total * units(rate, 8), digits + 8 - 2);
  return { lineTotals, total, usd };
}

describe('contract money at scale', () => {
  let t: TestApp;
  let fairId: string;
  let buyer: TestUser;
  let exhibitor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t);
    const [fair] = await t.dataSource.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status) VALUES ($1, 'Hội chợ', 'Fair', 'SECC', 'live') RETURNING id`,
      [`fair-${randomUUID()}`],
    );
    fairId = fair.id;
    buyer = await f.member('buyer', 'approved');
    exhibitor = await f.member('exhibitor', 'approved');
    const organizer = await f.organizer();
    for (const [currency, { rate }] of Object.entries(CURRENCIES)) {
      if (currency === 'USD') continue;
      const res = await t.inject({
        method: 'PUT',
        url: '/api/fx-rates',
        headers: organizer.auth,
        payload: { currency, effectiveDate: '2026-12-01', rateToUsd: rate },
      });
      expect(res.statusCode).toBe(200);
    }
  });
  afterAll(() => t.close());

  it(`${CONTRACTS} generated contracts: stored totals and SQL sums equal a BigInt computation exactly`, async () => {
    const generated = generate(CONTRACTS);
    let next = 0;
    const worker = async () => {
      while (next < VIA_HTTP) {
        const i = next++;
        const g = generated[i];
        const res = await t.inject({
          method: 'POST',
          url: `/api/fairs/${fairId}/contracts`,
          headers: i % 2 ? buyer.auth : exhibitor.auth,
          payload: {
            counterpartCompanyId: i % 2 ? exhibitor.companyId : buyer.companyId,
            number: `M-${i}`,
            signedOn: '2026-12-03',
            kind: 'contract',
            currency: g.currency,
            incoterm: 'FOB',
            incotermPlace: 'Hai Phong',
            paymentTerms: 'open_account',
            lines: g.lines,
          },
        });
        if (res.statusCode !== 201) throw new Error(`contract ${i}: ${res.statusCode} ${res.body}`);
        expect(json<ContractDetail>(res).currency).toBe(g.currency);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    // the rest: priced by the server's money.ts, stored as numeric in bulk (strings all the way)
    for (let from = VIA_HTTP; from < CONTRACTS; from += 1000) {
      const batch = generated.slice(from, Math.min(from + 1000, CONTRACTS)).map((g, k) => {
        const total = contractTotal(g.lines, g.currency);
        return { i: from + k, ...g, total, usd: toUsd(total, CURRENCIES[g.currency].rate) };
      });
      await t.dataSource.transaction(async (m) => {
        await m.query(
          `INSERT INTO contracts (fair_id, exhibitor_company_id, buyer_company_id, number, signed_on, kind, currency,
                                  incoterm, incoterm_place, payment_terms, declared_by_company_id, total, fx_rate,
                                  fx_date, total_usd)
           SELECT $1, $2, $3, n, '2026-12-03', 'contract', cur, 'FOB', 'Hai Phong', 'open_account', $3, tot, rate,
                  '2026-12-01', usd
             FROM unnest($4::text[], $5::text[], $6::numeric[], $7::numeric[], $8::numeric[]) AS u(n, cur, tot, rate, usd)`,
          [
            fairId,
            exhibitor.companyId,
            buyer.companyId,
            batch.map((b) => `M-${b.i}`),
            batch.map((b) => b.currency),
            batch.map((b) => b.total),
            batch.map((b) => CURRENCIES[b.currency].rate),
            batch.map((b) => b.usd),
          ],
        );
        const lines = batch.flatMap((b) =>
          b.lines.map((l, k) => ({
            n: `M-${b.i}`,
            p: k + 1,
            ...l,
            total: lineTotal(l.quantity, l.unitPrice, b.currency),
          })),
        );
        await m.query(
          `INSERT INTO contract_lines (contract_id, position, description, quantity, unit, unit_price, line_total)
           SELECT c.id, u.p, u.d, u.q, 'pcs', u.up, u.lt
             FROM unnest($2::text[], $3::int[], $4::text[], $5::numeric[], $6::numeric[], $7::numeric[])
                  AS u(n, p, d, q, up, lt)
             JOIN contracts c ON c.fair_id = $1 AND c.number = u.n`,
          [
            fairId,
            lines.map((l) => l.n),
            lines.map((l) => l.p),
            lines.map((l) => l.description),
            lines.map((l) => l.quantity),
            lines.map((l) => l.unitPrice),
            lines.map((l) => l.total),
          ],
        );
      });
    }

    // every stored contract and line, as text straight from PostgreSQL
    const rows: { number: string; currency: string; total: string; total_usd: string; lines: string[] }[] =
      await t.dataSource.query(
        `SELECT c.number, c.currency, c.total::text AS total, c.total_usd::text AS total_usd,
                array_agg(l.line_total::text ORDER BY l.position) AS lines
           FROM contracts c JOIN contract_lines l ON l.contract_id = c.id
          WHERE c.fair_id = $1 GROUP BY c.id`,
        [fairId],
      );
    expect(rows).toHaveLength(CONTRACTS);
    const perCurrency = new Map<string, { total: bigint; usd: bigint; lines: bigint }>();
    let mismatches = 0;
    for (const row of rows) {
      const i = Number(row.number.slice(2));
      const g = generated[i];
      const e = expected(g.currency, g.lines);
      const got = {
        lines: row.lines.map((v) => units(v, 4)),
        total: units(row.total, 4),
        usd: units(row.total_usd, 2),
      };
      const scale = 10n ** BigInt(4 - CURRENCIES[g.currency].digits);
      const ok =
        row.currency === g.currency &&
        got.total === e.total * scale &&
        got.usd === e.usd &&
        got.lines.length === e.lineTotals.length &&
        got.lines.every((v, k) => v === e.lineTotals[k] * scale);
      if (!ok && mismatches++ < 5) {
        expect({ i, currency: g.currency, lines: g.lines, total: row.total, usd: row.total_usd }).toEqual({
          i,
          currency: g.currency,
          lines: g.lines,
          total: text(e.total * scale, 4),
          usd: text(e.usd, 2),
        });
      }
      const acc = perCurrency.get(g.currency) ?? { total: 0n, usd: 0n, lines: 0n };
      acc.total += e.total * scale;
      acc.usd += e.usd;
      acc.lines += e.lineTotals.reduce((a, b) => a + b, 0n) * scale;
      perCurrency.set(g.currency, acc);
    }
    expect(mismatches).toBe(0);

    // the sums PostgreSQL computes, per currency and in USD overall
    const sums: { currency: string; total: string; usd: string; lines: string }[] = await t.dataSource.query(
      `SELECT c.currency, sum(c.total)::text AS total, sum(c.total_usd)::text AS usd,
              (SELECT sum(l.line_total) FROM contract_lines l JOIN contracts c2 ON c2.id = l.contract_id
                WHERE c2.fair_id = $1 AND c2.currency = c.currency)::text AS lines
         FROM contracts c WHERE c.fair_id = $1 GROUP BY c.currency ORDER BY c.currency`,
      [fairId],
    );
    expect(sums).toEqual(
      [...perCurrency.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, acc]) => ({
          currency,
          total: text(acc.total, 4),
          usd: text(acc.usd, 2),
          lines: text(acc.lines, 4),
        })),
    );
    const [{ usd }] = await t.dataSource.query(
      `SELECT sum(total_usd)::text AS usd FROM contracts WHERE fair_id = $1`,
      [fairId],
    );
    expect(usd).toBe(
      text(
        [...perCurrency.values()].reduce((a, b) => a + b.usd, 0n),
        2,
      ),
    );
    // the generator really is adversarial: values past 2^53 minor units, and sub-cent amounts
    expect([...perCurrency.values()].some((v) => v.total > 2n ** 53n * 10n ** 4n)).toBe(true);
    const [{ zero }] = await t.dataSource.query(
      `SELECT count(*)::int AS zero FROM contract_lines l JOIN contracts c ON c.id = l.contract_id
        WHERE c.fair_id = $1 AND l.line_total = 0`,
      [fairId],
    );
    expect(zero).toBeGreaterThan(0);
  }, 600_000);
});
