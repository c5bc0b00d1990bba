import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '@craftmatch/shared';

export type MailStatus = 'queued' | 'sent' | 'logged' | 'failed';

/** One e-mail in the outbox. Written first, delivered by a job. */
@Entity('mail_outbox')
export class MailMessage {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'to_address', type: 'varchar', length: 254 }) to: string;
  @Column({ type: 'varchar', length: 8 }) locale: Language;
  @Column({ type: 'varchar', length: 64 }) template: string;
  @Column({ type: 'text' }) subject: string;
  @Column({ name: 'text_body', type: 'text' }) text: string;
  @Column({ name: 'html_body', type: 'text', nullable: true }) html: string | null;
  @Column({ type: 'varchar', length: 16, default: 'queued' }) status: MailStatus;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
