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
  async createMany(
    manager: EntityManager,
    rows: { userId: string; type: NotificationType; data: Record<string, string> }[],
  ): Promise<Notification[]> {
    if (rows.length === 0) return [];
    const created: {
      id: string;
      user_id: string;
      type: NotificationType;
      data: Record<string, string>;
      created_at: Date;
    }[] = await manager.query(
      `INSERT INTO notifications (user_id, type, data, created_at)
       SELECT u, t, d, $4 FROM unnest($1::uuid[], $2::varchar[], $3::jsonb[]) AS r(u, t, d)
       RETURNING id, user_id, type, data, created_at`,
      [
        rows.map((r) => r.userId),
        rows.map((r) => r.type),
        rows.map((r) => JSON.stringify(r.data)),
        this.clock.now(),
      ],
    );
    return created.map((r) =>
      Object.assign(new Notification(), {
        id: r.id,
        userId: r.user_id,
        type: r.type,
        data: r.data,
        readAt: null,
        createdAt: r.created_at,
      }),
    );
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
