import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { BoothSize, BoothStatus } from '@craftmatch/shared';

/** One exhibitor's application at a fair; once approved it has a hall and a code unique within the fair. */
@Entity('booths')
export class Booth {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'fair_id', type: 'uuid' }) fairId: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ type: 'varchar', length: 16 }) status: BoothStatus;
  @Column({ name: 'preferred_hall_id', type: 'uuid', nullable: true }) preferredHallId: string | null;
  @Column({ name: 'hall_id', type: 'uuid', nullable: true }) hallId: string | null;
  @Column({ type: 'varchar', length: 16 }) size: BoothSize;
  @Column({ type: 'varchar', length: 16, nullable: true }) code: string | null;
  @Column({ name: 'grid_row', type: 'smallint', nullable: true }) gridRow: number | null;
  @Column({ name: 'grid_col', type: 'smallint', nullable: true }) gridCol: number | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('booth_products')
export class BoothProduct {
  @PrimaryColumn({ name: 'booth_id', type: 'uuid' }) boothId: string;
  @PrimaryColumn({ name: 'product_id', type: 'uuid' }) productId: string;
}
