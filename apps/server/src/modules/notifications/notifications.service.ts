import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { AppNotification, NotificationPage, NotificationType } from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { pageOf, type PageParams } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { RealtimeService } from '../../realtime/realtime.service';
import { Notification } from './notification.entity';

export function toAppNotification(n: Notification): AppNotification {
  return {
    id: n.id,
    type: n.type,
    data: n.data,
    readAt: n.readAt ? n.readAt.toISOString() : null,
    createdAt: n.createdAt.toISOString(),
  };
}

export interface NewNotification {
  userId: string;
  type: NotificationType;
  data: Record<string, string>;
}

/** A row the INSERT returns (`created_at` is a string when it comes back inside JSON). */
export interface NotificationRow {
  id: string;
  user_id: string;
  type: NotificationType;
  data: Record<string, string>;
  created_at: Date | string;
}

export function toNotification(r: NotificationRow): Notification {
  return Object.assign(new Notification(), {
    id: r.id,
    userId: r.user_id,
    type: r.type,
    data: r.data,
    readAt: null,
    createdAt: new Date(r.created_at),
  });
}

/** Stored notifications, each also pushed live to `user:<id>`. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly repo: Repository<Notification>,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  /** Writes the rows inside the caller's transaction; push them with `push` after commit. */
  async create(
    manager: EntityManager,
    userIds: string[],
    type: NotificationType,
    data: Record<string, string>,
  ): Promise<Notification[]> {
    return this.createMany(
      manager,
      userIds.map((userId) => ({ userId, type, data })),
    );
  }

  /**
   * Many notifications, each with its own type and values, in one multi-row INSERT inside the caller's
   * transaction (a published schedule writes hundreds at once); push them with `push` after commit.
   */
  async createMany(manager: EntityManager, rows: NewNotification[]): Promise<Notification[]> {
    if (rows.length === 0) return [];
    const insert = this.insert(rows, 1);
    const created: NotificationRow[] = await manager.query(insert.sql, insert.params);
    return created.map(toNotification);
  }

  /**
   * The multi-row INSERT of `createMany` with its parameters numbered from `first`, for a statement
   * that chains it to a change (`from`: a relation listed before the rows, e.g. \`changed, \`, so that
   * nothing is written when the change wrote nothing). It returns `NotificationRow`s.
   */
  insert(rows: NewNotification[], first: number, from = ''): { sql: string; params: unknown[] } {
    const $ = (i: number) => `$${first + i}`;
    return {
      sql: `INSERT INTO notifications (user_id, type, data, created_at)
       SELECT u, t, d, ${$(3)} FROM ${from}unnest(${$(0)}::uuid[], ${$(1)}::varchar[], ${$(2)}::jsonb[]) AS r(u, t, d)
       RETURNING id, user_id, type, data, created_at`,
      params: [
        rows.map((r) => r.userId),
        rows.map((r) => r.type),
        rows.map((r) => JSON.stringify(r.data)),
        this.clock.now(),
      ],
    };
  }

  push(notifications: Notification[]): void {
    for (const n of notifications) this.realtime.toUser(n.userId, 'notification:new', toAppNotification(n));
  }

  async notify(userIds: string[], type: NotificationType, data: Record<string, string>): Promise<void> {
    const rows = await this.create(this.repo.manager, userIds, type, data);
    this.push(rows);
  }

  async list(auth: AuthUser, params: PageParams): Promise<NotificationPage> {
    const [rows, total] = await this.repo.findAndCount({
      where: { userId: auth.id },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
    });
    const unreadCount = await this.repo.count({ where: { userId: auth.id, readAt: IsNull() } });
    return { ...pageOf(rows.map(toAppNotification), total, params), unreadCount };
  }

  async markRead(auth: AuthUser, id: string): Promise<void> {
    const row = await this.repo.findOneBy({ id });
    // Another user's notification is as good as absent.
    if (!row || row.userId !== auth.id) throw DomainError.notFound();
    if (!row.readAt) await this.repo.update({ id }, { readAt: this.clock.now() });
  }

  async markAllRead(auth: AuthUser): Promise<void> {
    await this.repo.update({ userId: auth.id, readAt: IsNull() }, { readAt: this.clock.now() });
  }
}
