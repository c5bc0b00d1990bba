import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import {
  ErrorCode,
  FieldErrorCode,
  MAX_PRODUCT_PHOTOS,
  fileThumbUrl,
  fileUrl,
  normalizeHsCode,
  type Page,
  type Product,
  type ProductPhoto,
  type ProductSummary,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { pageOf, pageParams } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { CompaniesService, type Company } from '../companies';
import { FilesService } from '../files';
import { compareDecimal, decimalOut, isPositiveDecimal } from './decimals';
import type { CreateProductDto, UpdateProductDto } from './dto/product.dto';
import type { ListProductsDto } from './dto/list-products.dto';
import { ProductRow } from './product.entity';
import { nextFreeSlug, slugify } from './slug';

type Fields = Record<string, FieldErrorCode>;

const SIZE_FIELDS = ['lengthCm', 'widthCm', 'heightCm', 'weightKg'] as const;
const TEXT_FIELDS = ['descriptionVi', 'descriptionEn', 'materialOrigin'] as const;
const NUMBER_FIELDS = ['moq', 'leadTimeDays', 'monthlyCapacity'] as const;

/**
 * Products of exhibitor companies. Only members of the owning company change a product or its
 * photos; publishing needs an approved company. Every write refreshes the product's search text.
 */
@Injectable()
export class ProductsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly files: FilesService,
    private readonly clock: Clock,
  ) {}

  // ---- reading

  async list(auth: AuthUser, query: ListProductsDto): Promise<Page<ProductSummary>> {
    const company = await this.ownCompany(auth);
    const params = pageParams(query);
    const values: unknown[] = [company.id];
    let filter = 'p.company_id = $1';
    if (query.status) {
      values.push(query.status);
      filter += ` AND p.status = $${values.length}`;
    }
    if (query.q?.trim()) {
      values.push(query.q.trim());
      filter += ` AND strpos(cm_search_text(p.name_vi || ' ' || p.name_en), cm_search_text($${values.length})) > 0`;
    }
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM products p WHERE ${filter}`,
      values,
    );
    const rows = await this.dataSource.query<SummaryRow[]>(
      `SELECT p.id, p.slug, p.status, p.moderation_reason, p.name_vi, p.name_en, p.category_code, p.unit, p.moq,
              p.price_min, p.price_max, p.currency, p.published_at, p.updated_at,
              (SELECT count(*)::int FROM product_photos ph WHERE ph.product_id = p.id) AS photo_count,
              (SELECT ph.file_id FROM product_photos ph WHERE ph.product_id = p.id ORDER BY ph.position LIMIT 1) AS cover_id
         FROM products p
        WHERE ${filter}
        ORDER BY p.updated_at DESC, p.id
        LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, params.pageSize, (params.page - 1) * params.pageSize],
    );
    return pageOf(rows.map(toSummary), total, params);
  }

  /** Members of the owning company, and organizers, read any product in any status. */
  async get(auth: AuthUser, id: string): Promise<Product> {
    const row = await this.dataSource.getRepository(ProductRow).findOneBy({ id });
    if (!row) throw DomainError.notFound();
    await this.companies.assertCanRead(auth, row.companyId);
    return this.toProduct(row);
  }

  /** The API shape of a product, photos included; for other modules too. */
  async toProduct(row: ProductRow, manager: EntityManager = this.dataSource.manager): Promise<Product> {
    const photos = await this.photos(manager, row.id);
    return {
      id: row.id,
      companyId: row.companyId,
      slug: row.slug,
      status: row.status,
      moderationReason: row.moderationReason,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      descriptionVi: row.descriptionVi,
      descriptionEn: row.descriptionEn,
      categoryCode: row.categoryCode.trim(),
      materials: row.materials,
      materialOrigin: row.materialOrigin,
      hsCode: row.hsCode,
      lengthCm: decimalOut(row.lengthCm),
      widthCm: decimalOut(row.widthCm),
      heightCm: decimalOut(row.heightCm),
      weightKg: decimalOut(row.weightKg),
      unit: row.unit,
      moq: row.moq,
      priceMin: decimalOut(row.priceMin),
      priceMax: decimalOut(row.priceMax),
      currency: row.currency,
      leadTimeDays: row.leadTimeDays,
      monthlyCapacity: row.monthlyCapacity,
      certifications: row.certifications,
      awards: row.awards,
      workshopId: row.workshopId,
      artisanId: row.artisanId,
      photos,
      publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  // ---- writing

  async create(auth: AuthUser, dto: CreateProductDto): Promise<Product> {
    const company = await this.ownCompany(auth);
    const now = this.clock.now();
    const row = this.dataSource.getRepository(ProductRow).create({
      id: randomUUID(),
      companyId: company.id,
      status: 'draft',
      moderationReason: null,
      descriptionVi: null,
      descriptionEn: null,
      materials: [],
      materialOrigin: null,
      hsCode: null,
      lengthCm: null,
      widthCm: null,
      heightCm: null,
      weightKg: null,
      unit: 'pcs',
      moq: null,
      priceMin: null,
      priceMax: null,
      currency: null,
      leadTimeDays: null,
      monthlyCapacity: null,
      certifications: [],
      awards: [],
      workshopId: null,
      artisanId: null,
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    this.apply(row, dto);
    await this.checkMaker(row);
    // Two products with the same name may race for a slug; the unique index decides and we try again.
    for (let attempt = 0; ; attempt++) {
      try {
        const saved = await this.dataSource.transaction(async (manager) => {
          row.slug = await this.freeSlug(manager, row.nameEn || row.nameVi);
          await manager.insert(ProductRow, row);
          await this.refreshSearch(manager, row.id);
          return manager.findOneByOrFail(ProductRow, { id: row.id });
        });
        return this.toProduct(saved);
      } catch (error) {
        if (attempt < 3 && constraintOf(error, '23505') === 'products_slug_key') continue;
        throw makerError(error);
      }
    }
  }

  async update(auth: AuthUser, id: string, dto: UpdateProductDto): Promise<Product> {
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const row = await this.lockOwned(manager, auth, id);
        this.apply(row, dto);
        await this.checkMaker(row, manager);
        // An edit answers the organizer's objection; the owner may then publish again.
        if (row.status === 'unpublished') row.status = 'draft';
        row.updatedAt = this.clock.now();
        await manager.save(ProductRow, row);
        await this.refreshSearch(manager, id);
        return manager.findOneByOrFail(ProductRow, { id });
      });
      return this.toProduct(saved);
    } catch (error) {
      throw makerError(error);
    }
  }

  async remove(auth: AuthUser, id: string): Promise<void> {
    const paths = await this.dataSource.transaction(async (manager) => {
      await this.lockOwned(manager, auth, id);
      const photos = await this.photoIds(manager, id);
      await manager.delete(ProductRow, { id });
      return this.files.remove(manager, photos);
    });
    await this.files.discard(paths);
  }

  /** draft → published; needs an approved (not pending, not suspended) company. */
  async publish(auth: AuthUser, id: string): Promise<Product> {
    const row = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockOwned(manager, auth, id);
      const company = await this.companies.assertApproved(auth);
      if (company.id !== row.companyId) throw DomainError.forbidden();
      if (row.status === 'published') return row;
      if (row.status === 'unpublished') throw new DomainError(ErrorCode.PRODUCT_MODERATED, 409);
      const missing: Fields = {};
      if (!row.nameVi.trim()) missing.nameVi = FieldErrorCode.REQUIRED;
      if (!row.nameEn.trim()) missing.nameEn = FieldErrorCode.REQUIRED;
      if (!row.categoryCode.trim()) missing.categoryCode = FieldErrorCode.REQUIRED;
      if (Object.keys(missing).length > 0) throw DomainError.validation(missing);
      const now = this.clock.now();
      row.status = 'published';
      row.publishedAt = now;
      row.moderationReason = null;
      row.updatedAt = now;
      await manager.save(ProductRow, row);
      await this.refreshSearch(manager, id);
      return row;
    });
    return this.toProduct(row);
  }

  /** published → draft, by the owner. */
  async unpublish(auth: AuthUser, id: string): Promise<Product> {
    const row = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockOwned(manager, auth, id);
      if (row.status !== 'published') return row;
      row.status = 'draft';
      row.publishedAt = null;
      row.updatedAt = this.clock.now();
      await manager.save(ProductRow, row);
      await this.refreshSearch(manager, id);
      return row;
    });
    return this.toProduct(row);
  }

  // ---- photos

  /** Checks ownership and the limit before reading the upload, then again under the row lock. */
  async addPhoto(auth: AuthUser, id: string, request: FastifyRequest): Promise<Product> {
    const existing = await this.dataSource.getRepository(ProductRow).findOneBy({ id });
    if (!existing) throw DomainError.notFound();
    await this.companies.assertMember(auth, existing.companyId);
    if ((await this.photoIds(this.dataSource.manager, id)).length >= MAX_PRODUCT_PHOTOS) throw photoLimit();
    const upload = await this.files.readUpload(request);
    const row = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockOwned(manager, auth, id);
      const photos = await this.photos(manager, id);
      if (photos.length >= MAX_PRODUCT_PHOTOS) throw photoLimit();
      const file = await this.files.store(manager, {
        companyId: row.companyId,
        purpose: 'photo',
        buffer: upload.buffer,
        createdBy: auth.id,
      });
      const taken = new Set(photos.map((p) => p.position));
      let position = 0;
      while (taken.has(position)) position++;
      await manager.query(`INSERT INTO product_photos (product_id, file_id, position) VALUES ($1, $2, $3)`, [
        id,
        file.id,
        position,
      ]);
      row.updatedAt = this.clock.now();
      await manager.save(ProductRow, row);
      return row;
    });
    return this.toProduct(row);
  }

  async removePhoto(auth: AuthUser, id: string, fileId: string): Promise<Product> {
    const { row, paths } = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockOwned(manager, auth, id);
      const ids = await this.photoIds(manager, id);
      if (!ids.includes(fileId)) throw DomainError.notFound();
      const paths = await this.files.remove(manager, [fileId]);
      await this.writeOrder(
        manager,
        id,
        ids.filter((f) => f !== fileId),
      );
      row.updatedAt = this.clock.now();
      await manager.save(ProductRow, row);
      return { row, paths };
    });
    await this.files.discard(paths);
    return this.toProduct(row);
  }

  /** The new order must name every photo of the product exactly once. */
  async reorderPhotos(auth: AuthUser, id: string, fileIds: string[]): Promise<Product> {
    const row = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockOwned(manager, auth, id);
      const ids = await this.photoIds(manager, id);
      const same =
        fileIds.length === ids.length &&
        new Set(fileIds).size === fileIds.length &&
        fileIds.every((f) => ids.includes(f));
      if (!same) throw DomainError.validation({ fileIds: FieldErrorCode.INVALID_VALUE });
      await this.writeOrder(manager, id, fileIds);
      row.updatedAt = this.clock.now();
      await manager.save(ProductRow, row);
      return row;
    });
    return this.toProduct(row);
  }

  // ---- helpers

  /** The caller's exhibitor company; buyers, staff and the company-less have no products. */
  private async ownCompany(auth: AuthUser): Promise<Company> {
    const membership = await this.companies.membershipOf(auth.id);
    if (!membership || membership.company.kind !== 'exhibitor') throw DomainError.forbidden();
    return membership.company;
  }

  /** The product, locked for the transaction; 404 when absent, 403 for anyone outside its company. */
  private async lockOwned(manager: EntityManager, auth: AuthUser, id: string): Promise<ProductRow> {
    const row = await manager.findOne(ProductRow, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw DomainError.notFound();
    await this.companies.assertMember(auth, row.companyId);
    return row;
  }

  /** Copies the sent fields onto the row (null clears), then checks the rules that span fields. */
  private apply(row: ProductRow, dto: UpdateProductDto): void {
    const errors: Fields = {};
    for (const key of ['nameVi', 'nameEn', 'categoryCode'] as const) {
      const value = dto[key];
      if (value === undefined) continue;
      if (value === null || value === '') errors[key] = FieldErrorCode.REQUIRED;
      else row[key] = value;
    }
    for (const key of TEXT_FIELDS) {
      const value = dto[key];
      if (value !== undefined) row[key] = value || null;
    }
    for (const key of NUMBER_FIELDS) {
      const value = dto[key];
      if (value !== undefined) row[key] = value;
    }
    for (const key of SIZE_FIELDS) {
      const value = dto[key];
      if (value === undefined) continue;
      if (value !== null && !isPositiveDecimal(value)) errors[key] = FieldErrorCode.TOO_SMALL;
      else row[key] = value;
    }
    if (dto.materials !== undefined) row.materials = [...new Set(dto.materials ?? [])];
    if (dto.hsCode !== undefined) {
      if (dto.hsCode === null || dto.hsCode.trim() === '') row.hsCode = null;
      else {
        const digits = normalizeHsCode(dto.hsCode);
        if (digits) row.hsCode = digits;
        else errors.hsCode = FieldErrorCode.INVALID_HS_CODE;
      }
    }
    if (dto.unit !== undefined) row.unit = dto.unit ?? 'pcs';
    if (dto.priceMin !== undefined) row.priceMin = dto.priceMin;
    if (dto.priceMax !== undefined) row.priceMax = dto.priceMax;
    if (dto.currency !== undefined) row.currency = dto.currency;
    if (dto.certifications !== undefined) row.certifications = [...new Set(dto.certifications ?? [])];
    if (dto.awards !== undefined) {
      row.awards = (dto.awards ?? []).map((a) => ({
        name: a.name,
        year: a.year,
        kind: a.kind,
        rank: a.rank || null,
      }));
    }
    if (dto.workshopId !== undefined) row.workshopId = dto.workshopId;
    if (dto.artisanId !== undefined) row.artisanId = dto.artisanId;

    if (row.priceMin !== null && row.priceMax !== null && compareDecimal(row.priceMin, row.priceMax) > 0) {
      errors.priceMax = FieldErrorCode.TOO_SMALL;
    }
    if ((row.priceMin !== null || row.priceMax !== null) && !row.currency) {
      errors.currency = FieldErrorCode.REQUIRED;
    }
    if (Object.keys(errors).length > 0) throw DomainError.validation(errors);
  }

  /**
   * The workshop and artisan must belong to the product's company, and the artisan work in the chosen
   * workshop. The foreign keys enforce the first rule too (see makerError); checking first gives field errors.
   */
  private async checkMaker(row: ProductRow, manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (row.workshopId) {
      const [found] = await manager.query<unknown[]>(
        `SELECT 1 FROM workshops WHERE id = $1 AND company_id = $2`,
        [row.workshopId, row.companyId],
      );
      if (!found) throw DomainError.validation({ workshopId: FieldErrorCode.INVALID_VALUE });
    }
    if (row.artisanId) {
      const [artisan] = await manager.query<{ workshop_id: string }[]>(
        `SELECT workshop_id FROM artisans WHERE id = $1 AND company_id = $2`,
        [row.artisanId, row.companyId],
      );
      if (!artisan || (row.workshopId && artisan.workshop_id !== row.workshopId)) {
        throw DomainError.validation({ artisanId: FieldErrorCode.INVALID_VALUE });
      }
    }
  }

  private async freeSlug(manager: EntityManager, name: string): Promise<string> {
    const base = slugify(name);
    const rows = await manager.query<{ slug: string }[]>(
      `SELECT slug FROM products WHERE slug = $1 OR slug LIKE $2`,
      [base, `${base}-%`],
    );
    return nextFreeSlug(
      base,
      rows.map((r) => r.slug),
    );
  }

  private async refreshSearch(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`SELECT cm_refresh_product_search(ARRAY[$1]::uuid[])`, [id]);
  }

  private async photoIds(manager: EntityManager, productId: string): Promise<string[]> {
    return (await this.photos(manager, productId)).map((p) => p.fileId);
  }

  private async photos(manager: EntityManager, productId: string): Promise<ProductPhoto[]> {
    const rows = await manager.query<{ file_id: string; position: number }[]>(
      `SELECT file_id, position FROM product_photos WHERE product_id = $1 ORDER BY position`,
      [productId],
    );
    return rows.map((r) => toPhoto(r.file_id, Number(r.position)));
  }

  /** Positions 0..n-1 in the given order. Rewritten whole: the (product, position) key is not deferrable. */
  private async writeOrder(manager: EntityManager, productId: string, fileIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM product_photos WHERE product_id = $1`, [productId]);
    if (fileIds.length === 0) return;
    await manager.query(
      `INSERT INTO product_photos (product_id, file_id, position)
       SELECT $1, f.id, f.ord - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS f(id, ord)`,
      [productId, fileIds],
    );
  }
}

function photoLimit(): DomainError {
  return new DomainError(ErrorCode.PHOTO_LIMIT, 409, {
    params: { max: MAX_PRODUCT_PHOTOS },
    details: { max: MAX_PRODUCT_PHOTOS },
  });
}

function toPhoto(fileId: string, position: number): ProductPhoto {
  return { fileId, position, url: fileUrl(fileId), thumbUrl: fileThumbUrl(fileId) };
}

function constraintOf(error: unknown, sqlState: string): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driver = error.driverError as { code?: string; constraint?: string };
  return driver.code === sqlState ? driver.constraint : undefined;
}

/** A workshop or artisan of another company (or none at all) breaks a foreign key: a field error. */
function makerError(error: unknown): unknown {
  const constraint = constraintOf(error, '23503');
  if (constraint?.includes('workshop'))
    return DomainError.validation({ workshopId: FieldErrorCode.INVALID_VALUE });
  if (constraint?.includes('artisan'))
    return DomainError.validation({ artisanId: FieldErrorCode.INVALID_VALUE });
  return error;
}

interface SummaryRow {
  id: string;
  slug: string;
  status: ProductSummary['status'];
  moderation_reason: string | null;
  name_vi: string;
  name_en: string;
  category_code: string;
  unit: ProductSummary['unit'];
  moq: number | null;
  price_min: string | null;
  price_max: string | null;
  currency: string | null;
  published_at: Date | null;
  updated_at: Date;
  photo_count: number;
  cover_id: string | null;
}

function toSummary(r: SummaryRow): ProductSummary {
  return {
    id: r.id,
    slug: r.slug,
    status: r.status,
    moderationReason: r.moderation_reason,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    categoryCode: r.category_code.trim(),
    unit: r.unit,
    moq: r.moq,
    priceMin: decimalOut(r.price_min),
    priceMax: decimalOut(r.price_max),
    currency: r.currency,
    photoCount: Number(r.photo_count),
    cover: r.cover_id ? toPhoto(r.cover_id, 0) : null,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
