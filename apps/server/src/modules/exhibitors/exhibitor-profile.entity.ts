import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CapacityUnit, SpokenLanguage } from '@craftmatch/shared';

@Entity('exhibitor_profiles')
export class ExhibitorProfileEntity {
  @PrimaryColumn({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ name: 'legal_name', type: 'varchar', length: 300, nullable: true }) legalName: string | null;
  @Column({ name: 'tax_code', type: 'varchar', length: 13, nullable: true }) taxCode: string | null;
  @Column({ name: 'village_code', type: 'varchar', length: 40, nullable: true }) villageCode: string | null;
  @Column({ name: 'village_other', type: 'varchar', length: 200, nullable: true }) villageOther:
    string | null;
  @Column({ name: 'province_code', type: 'varchar', length: 32, nullable: true }) provinceCode: string | null;
  @Column({ name: 'year_founded', type: 'smallint', nullable: true }) yearFounded: number | null;
  @Column({ type: 'integer', nullable: true }) employees: number | null;
  @Column({ name: 'monthly_capacity', type: 'integer', nullable: true }) monthlyCapacity: number | null;
  @Column({ name: 'capacity_unit', type: 'varchar', length: 16, nullable: true })
  capacityUnit: CapacityUnit | null;
  @Column({ name: 'export_markets', type: 'char', length: 2, array: true, default: () => "'{}'" })
  exportMarkets: string[];
  @Column({ type: 'varchar', length: 8, array: true, default: () => "'{}'" }) languages: SpokenLanguage[];
  @Column({ name: 'description_vi', type: 'text', nullable: true }) descriptionVi: string | null;
  @Column({ name: 'description_en', type: 'text', nullable: true }) descriptionEn: string | null;
  @Column({ name: 'logo_file_id', type: 'uuid', nullable: true }) logoFileId: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) website: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) phone: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
