import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CertificationType, ProductAward, ProductStatus, ProductUnit } from '@craftmatch/shared';

/** A product of an exhibitor company. Decimals stay strings (numeric in PostgreSQL), never floats. */
@Entity('products')
export class ProductRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ type: 'varchar', length: 160 }) slug: string;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status: ProductStatus;
  @Column({ name: 'moderation_reason', type: 'text', nullable: true }) moderationReason: string | null;
  @Column({ name: 'name_vi', type: 'varchar', length: 200 }) nameVi: string;
  @Column({ name: 'name_en', type: 'varchar', length: 200 }) nameEn: string;
  @Column({ name: 'description_vi', type: 'text', nullable: true }) descriptionVi: string | null;
  @Column({ name: 'description_en', type: 'text', nullable: true }) descriptionEn: string | null;
  @Column({ name: 'category_code', type: 'char', length: 3 }) categoryCode: string;
  @Column({ type: 'varchar', length: 80, array: true, default: () => "'{}'" }) materials: string[];
  @Column({ name: 'material_origin', type: 'text', nullable: true }) materialOrigin: string | null;
  @Column({ name: 'hs_code', type: 'varchar', length: 8, nullable: true }) hsCode: string | null;
  @Column({ name: 'length_cm', type: 'numeric', precision: 10, scale: 2, nullable: true }) lengthCm:
    string | null;
  @Column({ name: 'width_cm', type: 'numeric', precision: 10, scale: 2, nullable: true }) widthCm:
    string | null;
  @Column({ name: 'height_cm', type: 'numeric', precision: 10, scale: 2, nullable: true }) heightCm:
    string | null;
  @Column({ name: 'weight_kg', type: 'numeric', precision: 12, scale: 3, nullable: true }) weightKg:
    string | null;
  @Column({ type: 'varchar', length: 8, default: 'pcs' }) unit: ProductUnit;
  @Column({ type: 'integer', nullable: true }) moq: number | null;
  @Column({ name: 'price_min', type: 'numeric', precision: 18, scale: 4, nullable: true }) priceMin:
    string | null;
  @Column({ name: 'price_max', type: 'numeric', precision: 18, scale: 4, nullable: true }) priceMax:
    string | null;
  @Column({ type: 'char', length: 3, nullable: true }) currency: string | null;
  @Column({ name: 'lead_time_days', type: 'integer', nullable: true }) leadTimeDays: number | null;
  @Column({ name: 'monthly_capacity', type: 'integer', nullable: true }) monthlyCapacity: number | null;
  @Column({ type: 'varchar', length: 16, array: true, default: () => "'{}'" })
  certifications: CertificationType[];
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" }) awards: ProductAward[];
  @Column({ name: 'workshop_id', type: 'uuid', nullable: true }) workshopId: string | null;
  @Column({ name: 'artisan_id', type: 'uuid', nullable: true }) artisanId: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('product_photos')
export class ProductPhotoRow {
  @PrimaryColumn({ name: 'product_id', type: 'uuid' }) productId: string;
  @PrimaryColumn({ name: 'file_id', type: 'uuid' }) fileId: string;
  @Column({ type: 'smallint' }) position: number;
}
