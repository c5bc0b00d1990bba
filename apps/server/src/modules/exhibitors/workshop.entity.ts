import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A household workshop of a cooperative (or the company's own workshop). */
@Entity('workshops')
export class WorkshopEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ name: 'village_code', type: 'varchar', length: 40, nullable: true }) villageCode: string | null;
  @Column({ name: 'village_other', type: 'varchar', length: 200, nullable: true }) villageOther:
    string | null;
  @Column({ name: 'province_code', type: 'varchar', length: 32, nullable: true }) provinceCode: string | null;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
