import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Language, StaffRole } from '@craftmatch/shared';

/** 'staff' joins a company; the organizer-side roles come with no company. */
export type InvitationRole = 'staff' | StaffRole;

@Entity('invitations')
export class Invitation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'company_id', type: 'uuid', nullable: true }) companyId: string | null;
  @Column({ type: 'varchar', length: 254 }) email: string;
  @Column({ name: 'full_name', type: 'varchar', length: 200, nullable: true }) fullName: string | null;
  @Column({ type: 'varchar', length: 32 }) role: InvitationRole;
  @Column({ type: 'varchar', length: 8, default: 'vi' }) locale: Language;
  @Column({ name: 'invited_by', type: 'uuid' }) invitedBy: string;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ name: 'accepted_by', type: 'uuid', nullable: true }) acceptedBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
