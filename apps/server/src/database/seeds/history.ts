import { DataSource, type EntityManager } from 'typeorm';
import {
  CATEGORY_CODES,
  LEGACY_PROVINCES,
  VILLAGES,
  contractTotal,
  lineTotal,
  minorUnits,
  roundHalfUp,
  sumDecimals,
  toUsd,
} from '@craftmatch/shared';
import { dataSourceOptions } from '../data-source';

/**
 * The brief's five past fairs (Hanoi, 2016–2020), generated from a fixed seed so every load gives the same rows:
 * 1,250 exhibitor participations (booths) by firms from Hanoi and 38 other legacy provinces, 3,200 importer
 * participations from exactly 40 countries and territories, and confirmed contracts worth just over 20M USD in
 * the currencies and FX rates of those years. Historical people have no password: nobody signs in as them, and
 * no argon2 hash slows the first start.
 */
export const HISTORY = {
  years: [2016, 2017, 2018, 2019, 2020],
  exhibitorParticipations: [230, 240, 250, 260, 270],
  importerParticipations: [600, 620, 640, 660, 680],
  contracts: [52, 58, 62, 66, 72],
  exhibitorFirms: 640,
  importerFirms: 1500,
  otherLegacyProvinces: 38,
  countries: 40,
  /** the contracts' USD values are drawn to add up to about this, then rounded per contract */
  targetUsd: 20_150_000,
  slug: (year: number) => `hanoi-handicraft-export-fair-${year}`,
} as const;

export const HISTORY_COUNTRIES = [
  'US', 'JP', 'DE', 'FR', 'GB', 'AU', 'KR', 'NL', 'IT', 'ES',
  'CA', 'BE', 'SE', 'DK', 'NO', 'FI', 'CH', 'AT', 'PL', 'CZ',
  'IE', 'PT', 'NZ', 'SG', 'MY', 'TH', 'PH', 'ID', 'IN', 'AE',
  'SA', 'IL', 'TR', 'ZA', 'BR', 'MX', 'CL', 'TW', 'HK', 'CN',
] as const; // prettier-ignore

const EURO = new Set(['DE', 'FR', 'NL', 'IT', 'ES', 'BE', 'FI', 'AT', 'IE', 'PT']);

/** Annual average rates to USD of those years (8 decimals), kept as of 1 January. */
const RATES: Record<string, string[]> = {
  EUR: ['1.10690000', '1.12970000', '1.18100000', '1.11950000', '1.14220000'],
  GBP: ['1.35540000', '1.28890000', '1.33490000', '1.27670000', '1.28370000'],
  JPY: ['0.00920000', '0.00892000', '0.00906000', '0.00917000', '0.00937000'],
  AUD: ['0.74350000', '0.76670000', '0.74780000', '0.69520000', '0.69060000'],
  KRW: ['0.00086000', '0.00088500', '0.00090900', '0.00085800', '0.00084900'],
  VND: ['0.00004480', '0.00004410', '0.00004370', '0.00004310', '0.00004310'],
};

const FIRST_DAYS = ['2016-10-19', '2017-10-18', '2018-10-17', '2019-10-16', '2020-11-11'];
const FAIR_DAYS = 4;

const FIRM_WORDS = [
  ['Gốm', 'ceramics'],
  ['Mây tre', 'rattan'],
  ['Sơn mài', 'lacquer'],
  ['Gỗ mỹ nghệ', 'woodcraft'],
  ['Lụa', 'silk'],
  ['Thêu', 'embroidery'],
  ['Cói', 'sedge'],
  ['Đá mỹ nghệ', 'stone'],
  ['Đồng', 'bronze'],
  ['Khảm trai', 'inlay'],
] as const;
const FIRM_KINDS = ['Công ty TNHH', 'HTX', 'Cơ sở', 'Công ty CP'];
const IMPORTER_WORDS = ['Home', 'Living', 'Decor', 'Crafts', 'Trading', 'Interiors', 'Design', 'Imports'];
const IMPORTER_NAMES = [
  'Aster',
  'Birch',
  'Cedar',
  'Delta',
  'Elm',
  'Fjord',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped UUID from the generator, so the same seed gives the same ids. */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function bulkInsert(m: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).join(', ');
  for (let i = 0; i < rows.length; i += 5000) {
    await m.query(
      `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)`,
      [JSON.stringify(rows.slice(i, i + 5000))],
    );
  }
}

export interface SeedHistoryResult {
  seeded: boolean;
  fairs: number;
  booths: number;
  participants: number;
  contracts: number;
  totalUsd: string;
  ms: number;
}

/** Loads the five past fairs once: does nothing when the 2016 fair exists. */
export async function seedHistory(target: DataSource | string): Promise<SeedHistoryResult> {
  const started = Date.now();
  const ds = typeof target === 'string' ? new DataSource(dataSourceOptions(target)) : target;
  const own = typeof target === 'string';
  if (own) await ds.initialize();
  try {
    const [{ exists }] = await ds.query(`SELECT EXISTS (SELECT 1 FROM fairs WHERE slug = $1) AS exists`, [
      HISTORY.slug(HISTORY.years[0]),
    ]);
    if (exists)
      return { seeded: false, fairs: 0, booths: 0, participants: 0, contracts: 0, totalUsd: '0.00', ms: 0 };
    const result = await ds.transaction((m) => generate(m));
    return { ...result, seeded: true, ms: Date.now() - started };
  } finally {
    if (own) await ds.destroy();
  }
}

async function generate(m: EntityManager): Promise<Omit<SeedHistoryResult, 'seeded' | 'ms'>> {
  const random = rng(20162020);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const sample = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(random() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  };
  const [organizer] = await m.query(
    `SELECT id FROM users WHERE role = 'organizer' ORDER BY created_at LIMIT 1`,
  );
  const organizerId: string | null = organizer?.id ?? null;

  // ---- FX rates of those years (an organizer's own rate for the same day wins)
  const fxRows = Object.entries(RATES).flatMap(([currency, rates]) =>
    HISTORY.years.map((y, i) => ({ currency, effective_date: `${y}-01-01`, rate_to_usd: rates[i] })),
  );
  await m.query(
    `INSERT INTO fx_rates (currency, effective_date, rate_to_usd, set_by)
     SELECT r.currency, r.effective_date, r.rate_to_usd, $2 FROM json_populate_recordset(NULL::fx_rates, $1::json) r
     ON CONFLICT (currency, effective_date) DO NOTHING`,
    [JSON.stringify(fxRows), organizerId],
  );
  const storedRates: { currency: string; effective_date: string; rate: string }[] = await m.query(
    `SELECT currency, to_char(effective_date, 'YYYY-MM-DD') AS effective_date, rate_to_usd::text AS rate
       FROM fx_rates WHERE currency = ANY($1) AND effective_date = ANY($2::date[])`,
    [Object.keys(RATES), HISTORY.years.map((y) => `${y}-01-01`)],
  );
  const rateOf = (currency: string, year: number) =>
    currency === 'USD'
      ? '1.00000000'
      : storedRates.find((r) => r.currency === currency && r.effective_date === `${year}-01-01`)!.rate;

  // ---- exhibitor firms: Hanoi and 38 other legacy provinces, each of those at least once
  const hanoi = LEGACY_PROVINCES.find((p) => p.provinceCode === 'ha-noi')!;
  const others = sample(
    LEGACY_PROVINCES.filter((p) => p !== hanoi),
    HISTORY.otherLegacyProvinces,
  );
  const companies: Record<string, unknown>[] = [];
  const profiles: Record<string, unknown>[] = [];
  const firms: string[] = [];
  for (let i = 0; i < HISTORY.exhibitorFirms; i++) {
    const legacy = i < others.length ? others[i] : random() < 0.4 ? hanoi : pick(others);
    const villages = VILLAGES.filter((v) => v.provinceLegacy === legacy.nameVi);
    const village = villages.length > 0 && random() < 0.7 ? pick(villages) : null;
    const word = pick(FIRM_WORDS);
    const id = uuidFrom(random);
    const since = `${between(2010, 2015)}-0${between(1, 9)}-1${between(0, 9)}T03:00:00Z`;
    firms.push(id);
    companies.push({
      id,
      kind: 'exhibitor',
      name: `${pick(FIRM_KINDS)} ${word[0]} ${village?.nameVi ?? legacy.nameVi} ${String(i + 1).padStart(3, '0')}`,
      status: 'approved',
      country_code: 'VN',
      reviewed_at: since,
      reviewed_by: organizerId,
      created_at: since,
      updated_at: since,
    });
    profiles.push({
      company_id: id,
      village_code: village?.code ?? null,
      province_code: legacy.provinceCode,
      province_legacy: legacy.nameVi,
      category_code: village?.category ?? pick(CATEGORY_CODES),
      languages: ['vi'],
    });
  }

  // ---- importers: exactly 40 countries and territories, one person each, without a password
  const users: Record<string, unknown>[] = [];
  const memberships: Record<string, unknown>[] = [];
  const buyerProfiles: Record<string, unknown>[] = [];
  const importers: { id: string; userId: string; country: string }[] = [];
  for (let i = 0; i < HISTORY.importerFirms; i++) {
    const country = i < HISTORY_COUNTRIES.length ? HISTORY_COUNTRIES[i] : pick(HISTORY_COUNTRIES);
    const id = uuidFrom(random);
    const userId = uuidFrom(random);
    const n = String(i + 1).padStart(4, '0');
    const since = `${between(2014, 2015)}-0${between(1, 9)}-1${between(0, 9)}T08:00:00Z`;
    importers.push({ id, userId, country });
    companies.push({
      id,
      kind: 'buyer',
      name: `${pick(IMPORTER_NAMES)} ${pick(IMPORTER_WORDS)} ${country} ${n}`,
      status: 'approved',
      country_code: country,
      reviewed_at: since,
      reviewed_by: organizerId,
      created_at: since,
      updated_at: since,
    });
    users.push({
      id: userId,
      email: `importer-${n}@history.craftmatch.example`,
      password_hash: null,
      full_name: `Importer ${n}`,
      role: 'buyer',
      locale: 'en',
      created_at: since,
      updated_at: since,
    });
    memberships.push({ company_id: id, user_id: userId, role: 'owner', created_at: since });
    buyerProfiles.push({ company_id: id, country, languages: ['en'], created_at: since, updated_at: since });
  }
  await bulkInsert(m, 'companies', companies);
  await bulkInsert(m, 'exhibitor_profiles', profiles);
  await bulkInsert(m, 'users', users);
  await bulkInsert(m, 'company_memberships', memberships);
  await bulkInsert(m, 'buyer_profiles', buyerProfiles);

  // ---- the fairs, their booths and importer registrations
  const fairRows: Record<string, unknown>[] = [];
  const dayRows: Record<string, unknown>[] = [];
  const hallRows: Record<string, unknown>[] = [];
  const booths: Record<string, unknown>[] = [];
  const participants: Record<string, unknown>[] = [];
  const deals: {
    fairId: string;
    year: number;
    index: number;
    exhibitors: string[];
    buyers: typeof importers;
  }[] = [];
  HISTORY.years.forEach((year, index) => {
    const fairId = uuidFrom(random);
    const hallId = uuidFrom(random);
    const first = FIRST_DAYS[index];
    const created = `${year}-03-01T02:00:00Z`;
    fairRows.push({
      id: fairId,
      slug: HISTORY.slug(year),
      name_vi: `Hội chợ Thủ công Mỹ nghệ Xuất khẩu Hà Nội ${year}`,
      name_en: `Hanoi Handicraft Export Fair ${year}`,
      venue: 'Trung tâm Triển lãm Quốc tế I.C.E Hà Nội',
      address: '91 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội',
      time_zone: 'Asia/Ho_Chi_Minh',
      contract_target_usd: '4000000.00',
      status: 'closed',
      created_by: organizerId,
      created_at: created,
      updated_at: `${addDays(first, FAIR_DAYS + 7)}T02:00:00Z`,
    });
    for (let d = 0; d < FAIR_DAYS; d++)
      dayRows.push({ fair_id: fairId, day: addDays(first, d), opens_at: '08:30', closes_at: '17:00' });
    hallRows.push({ id: hallId, fair_id: fairId, code: 'A', name: 'Hall A', grid_rows: 20, grid_cols: 20 });
    const reviewed = `${addDays(first, -30)}T02:00:00Z`;
    const exhibitors = sample(firms, HISTORY.exhibitorParticipations[index]);
    exhibitors.forEach((companyId, n) =>
      booths.push({
        id: uuidFrom(random),
        fair_id: fairId,
        company_id: companyId,
        status: 'approved',
        preferred_hall_id: hallId,
        hall_id: hallId,
        size: n % 9 === 0 ? '3x6' : '3x3',
        code: `A-${String(n + 1).padStart(3, '0')}`,
        reviewed_at: reviewed,
        reviewed_by: organizerId,
        created_at: reviewed,
        updated_at: reviewed,
      }),
    );
    const buyers = sample(importers, HISTORY.importerParticipations[index]);
    buyers.forEach((b) =>
      participants.push({
        id: uuidFrom(random),
        fair_id: fairId,
        company_id: b.id,
        user_id: b.userId,
        hosted_buyer: random() < 0.15,
        created_at: reviewed,
      }),
    );
    deals.push({ fairId, year, index, exhibitors, buyers });
  });
  await bulkInsert(m, 'fairs', fairRows);
  await bulkInsert(m, 'fair_days', dayRows);
  await bulkInsert(m, 'halls', hallRows);
  await bulkInsert(m, 'booths', booths);
  await bulkInsert(m, 'fair_participants', participants);

  // ---- confirmed contracts: values drawn skewed (a few large deals), scaled to the target, priced per line
  const count = HISTORY.contracts.reduce((a, b) => a + b, 0);
  const weights = Array.from({ length: count }, () => Math.exp(random() * 2.2));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const contracts: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  const usdValues: string[] = [];
  let k = 0;
  for (const deal of deals) {
    for (let c = 0; c < HISTORY.contracts[deal.index]; c++, k++) {
      const buyer = pick(deal.buyers);
      const exhibitorId = pick(deal.exhibitors);
      const currency =
        random() < 0.12
          ? 'VND'
          : EURO.has(buyer.country)
            ? 'EUR'
            : (({ GB: 'GBP', JP: 'JPY', AU: 'AUD', KR: 'KRW' } as Record<string, string>)[buyer.country] ??
              'USD');
      const rate = rateOf(currency, deal.year);
      const digits = minorUnits(currency);
      const usd = (HISTORY.targetUsd * weights[k]) / weightSum;
      const split = [0.55 + random() * 0.2];
      split.push(1 - split[0]);
      const priced = split.map((share) => {
        const quantity = String(between(2, 60) * 50);
        const unitPrice = roundHalfUp(String((usd * share) / Number(rate) / Number(quantity)), digits);
        return { quantity, unitPrice };
      });
      const total = contractTotal(priced, currency);
      const totalUsd = toUsd(total, rate);
      usdValues.push(totalUsd);
      const id = uuidFrom(random);
      const signedOn = addDays(FIRST_DAYS[deal.index], between(0, FAIR_DAYS - 1));
      const tt = random() < 0.7;
      contracts.push({
        id,
        fair_id: deal.fairId,
        exhibitor_company_id: exhibitorId,
        buyer_company_id: buyer.id,
        number: `HEF${deal.year}-${String(c + 1).padStart(3, '0')}`,
        signed_on: signedOn,
        kind: random() < 0.85 ? 'contract' : 'loi',
        currency,
        incoterm: pick(['FOB', 'FOB', 'CIF', 'EXW', 'FCA']),
        incoterm_place: pick(['Hải Phòng', 'Cát Lái, TP. Hồ Chí Minh', 'Nội Bài', 'Hà Nội']),
        payment_terms: tt ? 'tt' : pick(['lc_sight', 'dp', 'open_account']),
        deposit_percent: tt ? pick(['30.00', '30.00', '50.00', '20.00']) : null,
        status: 'confirmed',
        declared_by_company_id: buyer.id,
        declared_by: buyer.userId,
        total,
        fx_rate: rate,
        fx_date: `${deal.year}-01-01`,
        total_usd: totalUsd,
        created_at: `${signedOn}T07:00:00Z`,
        updated_at: `${addDays(signedOn, 2)}T03:00:00Z`,
        confirmed_at: `${addDays(signedOn, 2)}T03:00:00Z`,
      });
      priced.forEach((p, i) =>
        lines.push({
          contract_id: id,
          position: i + 1,
          description: `${pick(FIRM_WORDS)[1]} ${i === 0 ? 'collection' : 'assortment'}`,
          quantity: p.quantity,
          unit: 'pcs',
          unit_price: p.unitPrice,
          line_total: lineTotal(p.quantity, p.unitPrice, currency),
        }),
      );
    }
  }
  await bulkInsert(m, 'contracts', contracts);
  await bulkInsert(m, 'contract_lines', lines);
  return {
    fairs: fairRows.length,
    booths: booths.length,
    participants: participants.length,
    contracts: contracts.length,
    totalUsd: sumDecimals(usdValues, 2),
  };
}
