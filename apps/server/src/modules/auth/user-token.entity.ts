import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type UserTokenPurpose = 'verify_email' | 'reset_password';

/** A single-use, expiring link token (e-mail verification, password reset). */
@Entity('user_tokens')
export class UserToken {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'varchar', length: 32 }) purpose: UserTokenPurpose;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
