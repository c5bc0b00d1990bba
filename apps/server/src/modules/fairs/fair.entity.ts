import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { FairStatus } from '@craftmatch/shared';

@Entity('fairs')
export class Fair {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 120 }) slug: string;
  @Column({ name: 'name_vi', type: 'varchar', length: 200 }) nameVi: string;
  @Column({ name: 'name_en', type: 'varchar', length: 200 }) nameEn: string;
  @Column({ type: 'varchar', length: 200 }) venue: string;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ name: 'time_zone', type: 'varchar', length: 64 }) timeZone: string;
  @Column({ name: 'slot_minutes', type: 'smallint' }) slotMinutes: number;
  @Column({ name: 'buffer_minutes', type: 'smallint' }) bufferMinutes: number;
  /** numeric: kept as a string, never a float */
  @Column({ name: 'contract_target_usd', type: 'numeric', precision: 18, scale: 2, nullable: true })
  contractTargetUsd: string | null;
  @Column({ type: 'varchar', length: 16 }) status: FairStatus;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A fair day: a local date and local opening hours in the fair's zone. */
@Entity('fair_days')
export class FairDayRow {
  @PrimaryColumn({ name: 'fair_id', type: 'uuid' }) fairId: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ name: 'opens_at', type: 'time' }) opensAt: string;
  @Column({ name: 'closes_at', type: 'time' }) closesAt: string;
}

@Entity('halls')
export class HallRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'fair_id', type: 'uuid' }) fairId: string;
  @Column({ type: 'varchar', length: 16 }) code: string;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ name: 'grid_rows', type: 'smallint' }) gridRows: number;
  @Column({ name: 'grid_cols', type: 'smallint' }) gridCols: number;
}
