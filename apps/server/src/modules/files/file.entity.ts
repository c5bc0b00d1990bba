import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { FilePurpose, StoredMimeType } from '@craftmatch/shared';

/** An uploaded file: bytes in `data`/`thumb`, or under FILES_DIR at `storage_path`. */
@Entity('files')
export class StoredFile {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'company_id', type: 'uuid', nullable: true }) companyId: string | null;
  @Column({ type: 'varchar', length: 16 }) purpose: FilePurpose;
  @Column({ type: 'varchar', length: 64 }) mime: StoredMimeType;
  @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ type: 'integer', nullable: true }) width: number | null;
  @Column({ type: 'integer', nullable: true }) height: number | null;
  @Column({ type: 'bytea', nullable: true, select: false }) data: Buffer | null;
  @Column({ type: 'bytea', nullable: true, select: false }) thumb: Buffer | null;
  @Column({ name: 'storage_path', type: 'text', nullable: true }) storagePath: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
