import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CATEGORIES,
  CATEGORY_CODES,
  PROVINCES,
  VILLAGES,
  type CategoryCode,
  type CertificationType,
  type CraftVillage,
} from '@craftmatch/shared';
import { dataSourceOptions } from '../data-source';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { illustration, TINTS } from './catalogue/illustrations';
import {
  ARTISAN_TITLES,
  AWARDS,
  BRANDS,
  CRAFT_NAMES,
  DEFAULT_MARKETS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  LEGAL_FORMS,
  MARKETS_BY_CATEGORY,
  MIDDLE_NAMES,
  PRODUCT_TEMPLATES,
} from './catalogue/products';

export interface SeedCatalogueOptions {
  exhibitors?: number;
  products?: number;
  /** the day the demo is "about": the current fair runs from the day before */
  now?: Date;
  /** generate product photos (off for benchmarks) */
  images?: boolean;
  /** log progress */
  log?: (line: string) => void;
}

export interface SeedCatalogueResult {
  seeded: boolean;
  exhibitors: number;
  products: number;
  photos: number;
  fairs: { current: string; past: string; upcoming: string };
  ms: number;
}

const ZONE = 'Asia/Ho_Chi_Minh';
const DAY = 86_400_000;
const MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];
const MST_PROVINCE: Record<string, string> = {
  'Hà Nội': '01',
  'Bắc Ninh': '23',
  'Thái Bình': '10',
  'Ninh Bình': '27',
  'Nam Định': '06',
  'Hải Dương': '08',
};
const VND_PER_USD = 25_400;

/** Deterministic pseudo-random numbers, so every demo looks the same. */
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

/** A 10-digit MST with a valid check digit (REFERENCE.md §5), unique per index. */
export function demoTaxCode(index: number, provincePrefix = '01'): string {
  const first = (1_234_567 + index * 7919) % 5_000_000;
  for (const body of [first, first + 5_000_000]) {
    const nine = `${provincePrefix}${String(body).padStart(7, '0')}`;
    if (nine.slice(2) === '0000000') continue;
    const sum = MST_WEIGHTS.reduce((acc, w, i) => acc + Number(nine[i]) * w, 0);
    const check = 10 - (sum % 11);
    if (check < 10) return `${nine}${check}`;
  }
  throw new Error('unreachable: the alternate body always has a valid check digit');
}

function localDate(now: Date, zone = ZONE): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const villageShort = (v: CraftVillage) => v.nameVi.replace(/\s*\(.*\)\s*/, '');
const money = (n: number, decimals: number) => n.toFixed(decimals);

/** Inserts rows in batches through json_populate_recordset: one statement per batch, typed by the table. */
async function bulkInsert(
  m: EntityManager,
  table: string,
  rows: Record<string, unknown>[],
  batch = 5000,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).join(', ');
  for (let i = 0; i < rows.length; i += batch) {
    await m.query(
      `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)`,
      [JSON.stringify(rows.slice(i, i + batch))],
    );
  }
}

interface Rendered {
  data: Buffer;
  thumb: Buffer;
  sha256: string;
}

const PHOTO_PX = 640;
const THUMB_PX = 320;

/** Tints per category: four of the palette, shifted per category so all of them appear. */
const TINTS_PER_CATEGORY = 4;
const tintOf = (category: CategoryCode, n: number) =>
  (CATEGORY_CODES.indexOf(category) + (n % TINTS_PER_CATEGORY)) % TINTS.length;

/** Each category drawn once per tint and rasterised straight to WebP, photo and thumbnail. */
async function renderImages(): Promise<Map<string, Rendered>> {
  const out = new Map<string, Rendered>();
  const jobs = CATEGORY_CODES.flatMap((c) =>
    Array.from({ length: TINTS_PER_CATEGORY }, (_, n) => ({ c, t: tintOf(c, n) })),
  );
  // Two at a time: sharp works on libuv's thread pool, and these machines have two cores.
  for (let i = 0; i < jobs.length; i += 2) {
    await Promise.all(
      jobs.slice(i, i + 2).map(async ({ c, t }) => {
        const [data, thumb] = await Promise.all([
          sharp(Buffer.from(illustration(c, TINTS[t], PHOTO_PX)))
            .webp({ quality: 84, effort: 0 })
            .toBuffer(),
          sharp(Buffer.from(illustration(c, TINTS[t], THUMB_PX)))
            .webp({ quality: 80, effort: 0 })
            .toBuffer(),
        ]);
        out.set(`${c}:${t}`, { data, thumb, sha256: createHash('sha256').update(data).digest('hex') });
      }),
    );
  }
  return out;
}

interface Exhibitor {
  id: string;
  name: string;
  village: CraftVillage;
  category: CategoryCode;
  existing: boolean;
  workshops: { id: string; artisans: string[] }[];
  products: string[];
}

/**
 * Demo catalogue: a live fair dated around `now` (plus a closed and an upcoming one), approved
 * exhibitors from real craft villages with profiles, workshops, artisans and certifications,
 * published products across all 16 categories with generated photos, and booths in halls A–D.
 * Loads once: does nothing when the current fair already exists. Scale it up for benchmarks
 * (`{ exhibitors: 1500, products: 100000, images: false }`) into a database of its own.
 */
export async function seedCatalogue(
  target: DataSource | string,
  options: SeedCatalogueOptions = {},
): Promise<SeedCatalogueResult> {
  const started = Date.now();
  const exhibitorCount = Math.max(1, options.exhibitors ?? 60);
  const productCount = Math.max(0, options.products ?? 400);
  const now = options.now ?? new Date();
  const images = options.images ?? true;
  const log = options.log ?? (() => undefined);
  const ds = typeof target === 'string' ? new DataSource(dataSourceOptions(target)) : target;
  const own = typeof target === 'string';
  if (own) await ds.initialize();
  try {
    const today = localDate(now);
    const year = Number(today.slice(0, 4));
    const currentStart = addDays(today, -1);
    const pastStart = addDays(today, -182);
    const upcomingStart = addDays(today, 119);
    const fairs = {
      current: `hanoi-gift-show-${year}`,
      past: `lifestyle-vietnam-${pastStart.slice(0, 4)}`,
      upcoming: `vietnam-gift-home-decor-${upcomingStart.slice(0, 4)}`,
    };
    const empty = { seeded: false, exhibitors: 0, products: 0, photos: 0, fairs, ms: 0 };
    const [{ exists }] = await ds.query(`SELECT EXISTS (SELECT 1 FROM fairs WHERE slug = $1) AS exists`, [
      fairs.current,
    ]);
    if (exists) return { ...empty, ms: Date.now() - started };

    const rendered = images ? await renderImages() : null;
    if (rendered) log(`rendered ${rendered.size} illustrations in ${Date.now() - started} ms`);

    const result = await ds.transaction(async (m) => {
      const random = rng(20261127);
      const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
      const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
      const [organizer] = await m.query(
        `SELECT id FROM users WHERE role = 'organizer' ORDER BY created_at LIMIT 1`,
      );
      const organizerId: string | null = organizer?.id ?? null;

      // ---- exhibitors: the demo accounts' companies first, then one village per missing category, then the rest
      const demoNames = DEMO_ACCOUNTS.filter((a) => a.company?.kind === 'exhibitor').map(
        (a) => a.company!.name,
      );
      const demoRows: { id: string; name: string }[] = await m.query(
        `SELECT c.id, c.name FROM companies c
          WHERE c.kind = 'exhibitor' AND c.name = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM products p WHERE p.company_id = c.id)`,
        [demoNames],
      );
      const demoVillage: Record<string, string> = {
        [demoNames[0]]: 'bat-trang',
        [demoNames[1]]: 'phu-vinh',
      };
      const byCode = new Map(VILLAGES.map((v) => [v.code, v]));
      const order: CraftVillage[] = [];
      const covered = new Set<CategoryCode>();
      for (const d of demoRows) covered.add(byCode.get(demoVillage[d.name])!.category);
      for (const v of VILLAGES) {
        if (!covered.has(v.category)) {
          covered.add(v.category);
          order.push(v);
        }
      }
      for (const v of VILLAGES) if (!order.includes(v)) order.push(v);

      const exhibitors: Exhibitor[] = [];
      for (const d of demoRows.slice(0, exhibitorCount)) {
        const village = byCode.get(demoVillage[d.name])!;
        exhibitors.push({
          id: d.id,
          name: d.name,
          village,
          category: village.category,
          existing: true,
          workshops: [],
          products: [],
        });
      }
      const companyRows: Record<string, unknown>[] = [];
      for (let i = 0; exhibitors.length < exhibitorCount; i++) {
        const village = order[i % order.length];
        const form = LEGAL_FORMS[(i * 7 + 3) % LEGAL_FORMS.length];
        const brand = BRANDS[(i * 5 + Math.floor(i / order.length)) % BRANDS.length];
        const craft = craftName(village);
        const round = Math.floor(i / (order.length * BRANDS.length));
        const name = `${form.short} ${craft} ${brand} ${villageShort(village)}${round ? ` ${round + 1}` : ''}`;
        const id = randomUUID();
        exhibitors.push({
          id,
          name,
          village,
          category: village.category,
          existing: false,
          workshops: [],
          products: [],
        });
        const reviewed = new Date(now.getTime() - between(30, 400) * DAY).toISOString();
        companyRows.push({
          id,
          kind: 'exhibitor',
          name,
          status: 'approved',
          country_code: 'VN',
          reviewed_at: reviewed,
          reviewed_by: organizerId,
          created_at: reviewed,
          updated_at: reviewed,
        });
      }
      await bulkInsert(m, 'companies', companyRows);

      // ---- profiles, certifications, workshops, artisans
      const profiles: Record<string, unknown>[] = [];
      const certs: Record<string, unknown>[] = [];
      const workshops: Record<string, unknown>[] = [];
      const artisans: Record<string, unknown>[] = [];
      const companyCerts = new Map<string, CertificationType[]>();
      exhibitors.forEach((e, i) => {
        const v = e.village;
        const province = PROVINCES.find((p) => p.code === v.provinceCode);
        const form = LEGAL_FORMS.find((f) => e.name.startsWith(f.short)) ?? LEGAL_FORMS[1];
        const employees = between(8, 320);
        const markets = [...(MARKETS_BY_CATEGORY[e.category] ?? DEFAULT_MARKETS)]
          .sort(() => random() - 0.5)
          .slice(0, between(2, 5));
        profiles.push({
          company_id: e.id,
          legal_name: e.name.startsWith(form.short)
            ? e.name.replace(form.short, form.vi)
            : `Công ty TNHH ${e.name}`,
          tax_code: demoTaxCode(i, MST_PROVINCE[v.provinceLegacy] ?? '01'),
          village_code: v.code,
          province_code: v.provinceCode,
          year_founded: between(1978, 2019),
          employees,
          monthly_capacity: employees * between(40, 200),
          capacity_unit: 'pcs',
          export_markets: markets,
          languages: random() < 0.3 ? ['vi', 'en', 'ja'] : ['vi', 'en'],
          description_vi: `${e.name} là cơ sở ${CRAFT_NAMES[e.category].vi.toLowerCase()} tại làng ${v.nameVi}, ${v.provinceLegacy}, xuất khẩu sang ${markets.length} thị trường.`,
          description_en: `${e.name} makes ${CRAFT_NAMES[e.category].en.toLowerCase()} in the craft village of ${v.nameAscii}, ${province?.nameEn ?? v.provinceLegacy}, and exports to ${markets.length} markets.`,
          website: `https://${slugify(e.name).replace(/-/g, '')}.vn`.slice(0, 300),
          phone: `+84 ${between(200, 299)} ${between(100, 999)} ${between(1000, 9999)}`,
          address: `Thôn ${villageShort(v)}, ${v.districtLegacy ? `${v.districtLegacy}, ` : ''}${v.provinceLegacy}`,
          updated_at: now.toISOString(),
        });
        const types = new Set<CertificationType>();
        if (random() < 0.6) types.add(pick(['OCOP_3', 'OCOP_4', 'OCOP_4', 'OCOP_5'] as const));
        if (random() < 0.3) types.add('BSCI');
        if (random() < 0.12) types.add('SMETA');
        if (random() < 0.25) types.add('ISO_9001');
        if (e.category === 'WOD' || e.category === 'FUR') types.add('FSC_COC');
        if ((e.category === 'BAS' || e.category === 'TEX') && random() < 0.4) types.add('WFTO');
        if (e.category === 'CER') types.add('EU_84_500');
        companyCerts.set(e.id, [...types]);
        for (const type of types) {
          certs.push({
            id: randomUUID(),
            company_id: e.id,
            type,
            number: `${type.replace('_', '-')}-${String(between(10000, 99999))}`,
            issuer: ISSUERS[type] ?? 'Bureau Veritas',
            // a few have lapsed, as in real life
            expires_on: addDays(today, random() < 0.06 ? -between(10, 90) : between(120, 900)),
            created_at: now.toISOString(),
          });
        }
        // Market-specific certificates the demo buyers ask for (US: Lacey Act, Prop 65; EU: REACH;
        // wooden packaging: ISPM 15). Chosen by position, not by the random stream, so the rest of the
        // generated catalogue stays as it was.
        const marketCerts: CertificationType[] = [];
        if ((e.category === 'WOD' || e.category === 'FUR') && i % 2 === 0)
          marketCerts.push('LACEY', 'PROP_65');
        if ((e.category === 'CER' || e.category === 'LAC') && i % 2 === 0) marketCerts.push('REACH');
        if ((e.category === 'WOD' || e.category === 'FUR' || e.category === 'BAS') && i % 3 !== 2)
          marketCerts.push('ISPM_15');
        for (const type of marketCerts.filter((t) => !types.has(t))) {
          certs.push({
            id: randomUUID(),
            company_id: e.id,
            type,
            number: `${type.replace('_', '-')}-${String(10000 + ((i * 7919) % 90000))}`,
            issuer: ISSUERS[type] ?? 'Bureau Veritas',
            expires_on: addDays(today, 200 + (i % 500)),
            created_at: now.toISOString(),
          });
        }
        const n = 1 + (i % 3 === 0 ? 2 : i % 2);
        for (let w = 0; w < n; w++) {
          const owner = `${pick(FAMILY_NAMES)} ${pick(MIDDLE_NAMES)} ${pick(GIVEN_NAMES)}`;
          const workshop = { id: randomUUID(), artisans: [] as string[] };
          workshops.push({
            id: workshop.id,
            company_id: e.id,
            name: `Xưởng ${CRAFT_NAMES[e.category].vi.toLowerCase()} gia đình ${owner}`,
            village_code: v.code,
            province_code: v.provinceCode,
            description: `Hộ sản xuất ${w + 1} của ${e.name} tại ${v.nameVi}.`,
            created_at: now.toISOString(),
          });
          for (let a = 0; a < 1 + ((i + w) % 2); a++) {
            const id = randomUUID();
            workshop.artisans.push(id);
            const title = pick(ARTISAN_TITLES);
            artisans.push({
              id,
              company_id: e.id,
              workshop_id: workshop.id,
              name: a === 0 ? owner : `${pick(FAMILY_NAMES)} ${pick(MIDDLE_NAMES)} ${pick(GIVEN_NAMES)}`,
              title,
              bio: `${title}, ${between(12, 45)} năm trong nghề ${CRAFT_NAMES[e.category].vi.toLowerCase()}.`,
              created_at: now.toISOString(),
            });
          }
          e.workshops.push(workshop);
        }
      });
      await m.query(`DELETE FROM exhibitor_profiles WHERE company_id = ANY($1)`, [
        exhibitors.filter((e) => e.existing).map((e) => e.id),
      ]);
      await bulkInsert(m, 'exhibitor_profiles', profiles);
      await bulkInsert(m, 'company_certifications', certs);
      await bulkInsert(m, 'workshops', workshops);
      await bulkInsert(m, 'artisans', artisans);
      log(`${exhibitors.length} exhibitors, ${workshops.length} workshops, ${artisans.length} artisans`);

      // ---- products: the demo companies get a few more, so signing in shows a full catalogue
      const perCompany = exhibitors.map(() => Math.floor(productCount / exhibitors.length));
      let rest = productCount - perCompany.reduce((a, b) => a + b, 0);
      for (let i = 0; rest > 0; i = (i + 1) % exhibitors.length, rest--) perCompany[i]++;
      exhibitors.forEach((e, i) => {
        if (e.existing && perCompany[i] < 10 && productCount >= exhibitors.length * 4) {
          // taken from the largest others
          const need = 10 - perCompany[i];
          for (let k = 0; k < need; k++) {
            let j = -1;
            exhibitors.forEach((o, x) => {
              if (!o.existing && (j < 0 || perCompany[x] > perCompany[j])) j = x;
            });
            if (j < 0 || perCompany[j] <= 1) break;
            perCompany[j]--;
            perCompany[i]++;
          }
        }
      });
      const products: Record<string, unknown>[] = [];
      const photos: { productId: string; companyId: string; key: string; position: number }[] = [];
      let serial = 0;
      exhibitors.forEach((e, i) => {
        const template = PRODUCT_TEMPLATES[e.category];
        const owned = companyCerts.get(e.id) ?? [];
        for (let k = 0; k < perCompany[i]; k++) {
          serial++;
          const item = template.items[(k + i) % template.items.length];
          const finishIndex = (k * 3 + i + Math.floor(k / template.items.length)) % template.finishes.length;
          const finish = template.finishes[finishIndex];
          const nameEn = capitalize(`${finish.en} ${item.en}`);
          const nameVi = `${item.vi} ${finish.vi}`;
          const factor = 1 + finishIndex * 0.12 + random() * 0.2;
          const vnd = random() < 0.15;
          const [lo, hi] = [item.usd[0] * factor, item.usd[1] * factor];
          const priceMin = vnd ? money(Math.round((lo * VND_PER_USD) / 1000) * 1000, 0) : money(lo, 2);
          const priceMax = vnd ? money(Math.round((hi * VND_PER_USD) / 1000) * 1000, 0) : money(hi, 2);
          const moq = between(1, 10) * 50;
          const shop = e.workshops[k % e.workshops.length];
          const certsForProduct = template.certs.filter(
            (c) => (!c.startsWith('OCOP') || owned.includes(c)) && random() < 0.45,
          );
          const awards = random() < 0.12 ? [{ ...pick(AWARDS), year: year - between(1, 4) }] : [];
          const published = new Date(
            now.getTime() - between(2, 300) * DAY - between(0, 86_000) * 1000,
          ).toISOString();
          const id = randomUUID();
          const scale = 0.85 + random() * 0.3;
          products.push({
            id,
            company_id: e.id,
            slug: `${slugify(nameEn).slice(0, 140)}-${serial.toString(36)}`,
            status: 'published',
            name_vi: nameVi,
            name_en: nameEn,
            description_vi: `${capitalize(nameVi)}. ${template.descVi} Sản xuất tại làng nghề ${e.village.nameVi}, ${e.village.provinceLegacy}.`,
            description_en: `${nameEn}. ${template.descEn} Made in the craft village of ${e.village.nameAscii}.`,
            category_code: e.category,
            materials: item.materials,
            material_origin: template.origin,
            hs_code: item.hs,
            length_cm: money(item.cm[0] * scale, 2),
            width_cm: money(item.cm[1] * scale, 2),
            height_cm: money(item.cm[2] * scale, 2),
            weight_kg: money(Math.max(0.001, item.kg * scale), 3),
            unit: item.unit ?? 'pcs',
            moq,
            price_min: priceMin,
            price_max: priceMax,
            currency: vnd ? 'VND' : 'USD',
            lead_time_days: between(6, 18) * 5,
            monthly_capacity: moq * between(4, 40),
            certifications: certsForProduct,
            awards,
            workshop_id: shop.id,
            artisan_id: shop.artisans[k % shop.artisans.length],
            published_at: published,
            created_at: published,
            updated_at: published,
          });
          e.products.push(id);
          if (images) {
            const n = i + k * 3;
            photos.push({
              productId: id,
              companyId: e.id,
              key: `${e.category}:${tintOf(e.category, n)}`,
              position: 0,
            });
            if (random() < 0.25) {
              photos.push({
                productId: id,
                companyId: e.id,
                key: `${e.category}:${tintOf(e.category, n + 2)}`,
                position: 1,
              });
            }
          }
        }
      });
      const t0 = Date.now();
      // Bulk mode: building the secondary indexes once is far cheaper than growing them row by row
      // through the insert and the search-text update. Constraint indexes (key, slug) stay.
      const bulk = products.length > 5000;
      const secondary: { indexname: string; indexdef: string }[] = bulk
        ? await m.query(
            `SELECT i.indexname, i.indexdef FROM pg_indexes i
              WHERE i.schemaname = current_schema() AND i.tablename IN ('products', 'catalogue_products')
                AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I', i.indexname)::regclass)`,
          )
        : [];
      for (const index of secondary) await m.query(`DROP INDEX ${index.indexname}`);
      // The search rows (catalogue_products) are written once at the end rather than by the
      // triggers on every insert and search-text update.
      if (bulk) await m.query(`ALTER TABLE products DISABLE TRIGGER products_catalogue_insert`);
      if (bulk) await m.query(`ALTER TABLE products DISABLE TRIGGER products_catalogue_update`);
      await bulkInsert(m, 'products', products, 10000);
      log(`${products.length} products (${Date.now() - t0} ms)`);

      // ---- photos: one stored file per photo, sharing the rendered bytes
      if (rendered) {
        for (let i = 0; i < photos.length; i += 100) {
          const chunk = photos.slice(i, i + 100);
          const values: unknown[] = [];
          const tuples = chunk.map((p) => {
            const img = rendered.get(p.key)!;
            const fileId = randomUUID();
            (p as { fileId?: string }).fileId = fileId;
            values.push(fileId, p.companyId, img.data.length, img.sha256, img.data, img.thumb, now);
            const b = values.length - 7;
            return `($${b + 1}, $${b + 2}, 'photo', 'image/webp', $${b + 3}, $${b + 4}, ${PHOTO_PX}, ${PHOTO_PX}, $${b + 5}, $${b + 6}, $${b + 7})`;
          });
          await m.query(
            `INSERT INTO files (id, company_id, purpose, mime, size_bytes, sha256, width, height, data, thumb, created_at)
             VALUES ${tuples.join(', ')}`,
            values,
          );
        }
        await bulkInsert(
          m,
          'product_photos',
          photos.map((p) => ({
            product_id: p.productId,
            file_id: (p as { fileId?: string }).fileId,
            position: p.position,
          })),
        );
        log(`${photos.length} photos`);
      }

      // ---- fairs
      const hallsOf = (n: number, booths: number) => {
        const cols = 10;
        const rows = Math.min(100, Math.max(6, Math.ceil(booths / n / cols)));
        return ['A', 'B', 'C', 'D']
          .slice(0, n)
          .map((code) => ({ id: randomUUID(), code, name: `Hall ${code}`, rows, cols }));
      };
      const fairRows: Record<string, unknown>[] = [];
      const dayRows: Record<string, unknown>[] = [];
      const hallRows: Record<string, unknown>[] = [];
      const addFair = (f: {
        slug: string;
        nameVi: string;
        nameEn: string;
        venue: string;
        address: string;
        status: string;
        start: string;
        days: number;
        target: string;
        halls: ReturnType<typeof hallsOf>;
      }) => {
        const id = randomUUID();
        fairRows.push({
          id,
          slug: f.slug,
          name_vi: f.nameVi,
          name_en: f.nameEn,
          venue: f.venue,
          address: f.address,
          time_zone: ZONE,
          slot_minutes: 30,
          buffer_minutes: 5,
          contract_target_usd: f.target,
          status: f.status,
          created_by: organizerId,
          created_at: new Date(Date.parse(`${f.start}T00:00:00Z`) - 120 * DAY).toISOString(),
          updated_at: now.toISOString(),
        });
        for (let d = 0; d < f.days; d++) {
          dayRows.push({
            fair_id: id,
            day: addDays(f.start, d),
            opens_at: '08:30',
            closes_at: d === f.days - 1 ? '16:00' : '17:30',
          });
        }
        for (const h of f.halls)
          hallRows.push({
            id: h.id,
            fair_id: id,
            code: h.code,
            name: h.name,
            grid_rows: h.rows,
            grid_cols: h.cols,
          });
        return { id, halls: f.halls };
      };
      const current = addFair({
        slug: fairs.current,
        nameVi: `Hội chợ Quà tặng Hà Nội ${year}`,
        nameEn: `Hanoi Gift Show ${year}`,
        venue: 'Trung tâm Triển lãm Quốc tế I.C.E Hà Nội',
        address: '91 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội',
        status: 'live',
        start: currentStart,
        days: 4,
        target: '5000000.00',
        halls: hallsOf(4, exhibitors.length),
      });
      // the last day of the current fair closes at 17:30 like the others
      for (const d of dayRows) if (d.fair_id === current.id) d.closes_at = '17:30';
      const past = addFair({
        slug: fairs.past,
        nameVi: `Hội chợ Lifestyle Việt Nam ${pastStart.slice(0, 4)}`,
        nameEn: `Lifestyle Vietnam ${pastStart.slice(0, 4)}`,
        venue: 'Trung tâm Hội chợ và Triển lãm Sài Gòn (SECC)',
        address: '799 Nguyễn Văn Linh, Tân Mỹ, TP. Hồ Chí Minh',
        status: 'closed',
        start: pastStart,
        days: 3,
        target: '3500000.00',
        halls: hallsOf(3, exhibitors.length),
      });
      const upcoming = addFair({
        slug: fairs.upcoming,
        nameVi: `Hội chợ Quốc tế Quà tặng và Đồ trang trí Việt Nam ${upcomingStart.slice(0, 4)}`,
        nameEn: `Vietnam International Gift & Home Decor Fair ${upcomingStart.slice(0, 4)}`,
        venue: 'Trung tâm Hội chợ Triển lãm Việt Nam (VEC)',
        address: 'Đông Anh, Hà Nội',
        status: 'registration',
        start: upcomingStart,
        days: 3,
        target: '4000000.00',
        halls: hallsOf(2, exhibitors.length),
      });
      await bulkInsert(m, 'fairs', fairRows);
      await bulkInsert(m, 'fair_days', dayRows);
      await bulkInsert(m, 'halls', hallRows);

      // ---- booths: everyone at the live fair, grouped by craft; half at the past one; a few waiting at the next
      const boothRows: Record<string, unknown>[] = [];
      const boothProducts: Record<string, unknown>[] = [];
      const place = (
        fair: { id: string; halls: ReturnType<typeof hallsOf> },
        list: Exhibitor[],
        reviewed: string,
      ) => {
        const perHall = Math.ceil(list.length / fair.halls.length);
        list.forEach((e, n) => {
          const hall = fair.halls[Math.min(fair.halls.length - 1, Math.floor(n / perHall))];
          const slot = n % perHall;
          const row = Math.floor(slot / hall.cols) + 1;
          const col = (slot % hall.cols) + 1;
          const id = randomUUID();
          boothRows.push({
            id,
            fair_id: fair.id,
            company_id: e.id,
            status: 'approved',
            preferred_hall_id: hall.id,
            hall_id: hall.id,
            size: n % 7 === 0 ? '3x6' : '3x3',
            code: `${hall.code}-${String(slot + 1).padStart(2, '0')}`,
            grid_row: row,
            grid_col: col,
            reviewed_at: reviewed,
            reviewed_by: organizerId,
            created_at: reviewed,
            updated_at: reviewed,
          });
          for (const productId of e.products.slice(0, 6))
            boothProducts.push({ booth_id: id, product_id: productId });
        });
      };
      const byCraft = [...exhibitors].sort(
        (a, b) =>
          CATEGORY_CODES.indexOf(a.category) - CATEGORY_CODES.indexOf(b.category) ||
          a.name.localeCompare(b.name),
      );
      place(current, byCraft, new Date(Date.parse(`${currentStart}T00:00:00Z`) - 20 * DAY).toISOString());
      place(
        past,
        byCraft.filter((_, n) => n % 2 === 0),
        new Date(Date.parse(`${pastStart}T00:00:00Z`) - 20 * DAY).toISOString(),
      );
      byCraft
        .filter((e) => !e.existing)
        .filter((_, n) => n % 6 === 1)
        .forEach((e, n) => {
          const hall = upcoming.halls[n % upcoming.halls.length];
          const created = new Date(now.getTime() - between(1, 20) * DAY).toISOString();
          const id = randomUUID();
          boothRows.push({
            id,
            fair_id: upcoming.id,
            company_id: e.id,
            status: 'pending',
            preferred_hall_id: hall.id,
            size: n % 3 === 0 ? '3x6' : '3x3',
            note: n % 2 === 0 ? 'Xin gian góc gần lối vào nếu còn.' : null,
            created_at: created,
            updated_at: created,
          });
          for (const productId of e.products.slice(0, 4))
            boothProducts.push({ booth_id: id, product_id: productId });
        });
      await bulkInsert(m, 'booths', boothRows);
      await bulkInsert(m, 'booth_products', boothProducts, 10000);
      log(`${boothRows.length} booths`);

      // What the products are found by, in one pass.
      const t1 = Date.now();
      // One call per company: the function matches ids with = ANY(array), so small arrays let it use
      // the primary key instead of comparing every row with every id.
      if (bulk) await m.query(`ANALYZE products`);
      await m.query(
        `SELECT count(cm_refresh_product_search(ids)) FROM (
           SELECT array_agg(id) AS ids FROM products WHERE company_id = ANY($1) GROUP BY company_id) per_company`,
        [exhibitors.map((e) => e.id)],
      );
      log(`search text (${Date.now() - t1} ms)`);
      if (bulk) {
        await m.query(`ALTER TABLE products ENABLE TRIGGER products_catalogue_insert`);
        await m.query(`ALTER TABLE products ENABLE TRIGGER products_catalogue_update`);
        await m.query(
          `SELECT cm_sync_catalogue_products(ARRAY(SELECT id FROM products WHERE company_id = ANY($1)))`,
          [exhibitors.map((e) => e.id)],
        );
      }
      if (secondary.length) {
        const t2 = Date.now();
        await m.query(`SET LOCAL maintenance_work_mem = '256MB'`);
        for (const index of secondary) await m.query(index.indexdef);
        await m.query(`ANALYZE products`);
        await m.query(`ANALYZE catalogue_products`);
        log(`${secondary.length} indexes rebuilt (${Date.now() - t2} ms)`);
      }
      return { exhibitors: exhibitors.length, products: products.length, photos: photos.length };
    });
    return { seeded: true, ...result, fairs, ms: Date.now() - started };
  } finally {
    if (own) await ds.destroy();
  }
}

const ISSUERS: Partial<Record<CertificationType, string>> = {
  OCOP_3: 'UBND cấp tỉnh',
  OCOP_4: 'UBND cấp tỉnh',
  OCOP_5: 'Bộ Nông nghiệp và Môi trường',
  BSCI: 'amfori',
  SMETA: 'Sedex',
  WFTO: 'World Fair Trade Organization',
  FSC_COC: 'Forest Stewardship Council',
  ISO_9001: 'Bureau Veritas',
  EU_84_500: 'SGS Vietnam',
};

function craftName(v: CraftVillage): string {
  const craft = v.craft.toLowerCase();
  if (v.category === 'TEX')
    return craft.includes('carpet') ? 'Thảm len' : craft.includes('silk') ? 'Lụa tơ tằm' : 'Thêu ren';
  if (v.category === 'BAS')
    return craft.includes('sedge') && !craft.includes('rattan') ? 'Cói' : 'Mây tre đan';
  if (v.category === 'WOD' && craft.includes('fan')) return 'Quạt và đồ gỗ';
  if (v.category === 'DEC') return 'Sơn thếp';
  return CRAFT_NAMES[v.category].vi;
}

/** Category codes in REFERENCE order, for callers that report coverage. */
export const SEEDED_CATEGORIES = CATEGORIES.map((c) => c.code);
