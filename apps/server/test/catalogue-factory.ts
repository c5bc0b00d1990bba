import { randomBytes } from 'node:crypto';
import type { TestApp } from './app';
import { Factory, type TestUser } from './factories';

export interface ProductSeed {
  nameVi?: string;
  nameEn?: string;
  category?: string;
  status?: 'draft' | 'published' | 'unpublished';
  materials?: string[];
  materialOrigin?: string | null;
  moq?: number | null;
  priceMin?: string | null;
  priceMax?: string | null;
  currency?: string | null;
  certifications?: string[];
  awards?: unknown[];
  workshopId?: string | null;
  artisanId?: string | null;
  publishedAt?: Date;
}

export interface ExhibitorSeed {
  name?: string;
  status?: 'pending' | 'approved' | 'rejected' | 'suspended';
  village?: string | null;
  province?: string | null;
  legalName?: string;
}

let seq = 0;
const unique = () => `${(seq++).toString(36)}${randomBytes(3).toString('hex')}`;

/**
 * Catalogue data written straight in SQL (products belong to another module), then
 * cm_refresh_product_search, as the products module does after every write.
 */
export class CatalogueFactory {
  readonly f: Factory;

  constructor(private readonly t: TestApp) {
    this.f = new Factory(t);
  }

  async exhibitor(seed: ExhibitorSeed = {}): Promise<{ companyId: string; owner: TestUser }> {
    const companyId = await this.f.company({ kind: 'exhibitor', status: 'approved', name: seed.name });
    if (seed.status && seed.status !== 'approved') await this.setStatus(companyId, seed.status);
    await this.t.dataSource.query(
      `INSERT INTO exhibitor_profiles (company_id, legal_name, village_code, province_code) VALUES ($1, $2, $3, $4)`,
      [
        companyId,
        seed.legalName ?? null,
        seed.village === undefined ? 'bat-trang' : seed.village,
        seed.province ?? null,
      ],
    );
    const owner = await this.f.user({ role: 'exhibitor', companyId });
    return { companyId, owner };
  }

  async setStatus(companyId: string, status: string): Promise<void> {
    await this.t.dataSource.query(
      `UPDATE companies SET status = $2::varchar, status_reason = CASE WHEN $2::varchar IN ('rejected','suspended') THEN 'test' END WHERE id = $1`,
      [companyId, status],
    );
  }

  async product(companyId: string, seed: ProductSeed = {}): Promise<{ id: string; slug: string }> {
    const slug = `p-${unique()}`;
    const status = seed.status ?? 'published';
    const hasPrice = seed.priceMin !== undefined || seed.priceMax !== undefined;
    const [row] = await this.t.dataSource.query(
      `INSERT INTO products (company_id, slug, status, name_vi, name_en, category_code, materials, material_origin,
                             moq, price_min, price_max, currency, certifications, awards, workshop_id, artisan_id,
                             published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [
        companyId,
        slug,
        status,
        seed.nameVi ?? `Sản phẩm ${slug}`,
        seed.nameEn ?? `Product ${slug}`,
        seed.category ?? 'CER',
        seed.materials ?? [],
        seed.materialOrigin ?? null,
        seed.moq === undefined ? 100 : seed.moq,
        seed.priceMin ?? null,
        seed.priceMax ?? null,
        seed.currency ?? (hasPrice ? 'USD' : null),
        seed.certifications ?? [],
        JSON.stringify(seed.awards ?? []),
        seed.workshopId ?? null,
        seed.artisanId ?? null,
        status === 'published' ? (seed.publishedAt ?? new Date()) : null,
      ],
    );
    await this.t.dataSource.query(`SELECT cm_refresh_product_search(ARRAY[$1]::uuid[])`, [row.id]);
    return { id: row.id, slug };
  }
}
