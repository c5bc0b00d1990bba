import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CertificationType } from '@craftmatch/shared';

@Entity('company_certifications')
export class CompanyCertificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ type: 'varchar', length: 16 }) type: CertificationType;
  @Column({ type: 'varchar', length: 100, nullable: true }) number: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) issuer: string | null;
  /** YYYY-MM-DD */
  @Column({ name: 'expires_on', type: 'date', nullable: true }) expiresOn: string | null;
  @Column({ name: 'document_file_id', type: 'uuid', nullable: true }) documentFileId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
