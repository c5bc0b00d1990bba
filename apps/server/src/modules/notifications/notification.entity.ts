import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationType } from '@craftmatch/shared';

@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'varchar', length: 64 }) type: NotificationType;
  @Column({ type: 'jsonb', default: {} }) data: Record<string, string>;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
