import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Fair as FairDto } from '@craftmatch/shared';
import { serializeOnce } from '../../common/serialize-once';
import { DatabaseNotifications, type NotificationSubscriber } from '../../database/database-notifications';

/** The channel the triggers of migration FairChanges notify on, with the fair's id. */
export const FAIR_CHANGED_CHANNEL = 'fair_changed';
/** Fairs are few; a bound all the same. */
const MAX_ENTRIES = 500;

/**
 * The fairs this instance served, kept in memory: every page of the web app and every organizer screen
 * reads its fair, which changes a few times a day. Without it, each read was a query that joins the
 * fair's days, halls and approved booths.
 *
 * An entry is forgotten when the triggers of migration FairChanges announce a change of the fair (any
 * instance, any transaction, psql too), and at once here by `forget` after this instance's own writes,
 * so that a write's answer and the next read show it. While the listening connection is down, nothing is
 * cached and every read goes to the database; when it listens again, everything is forgotten.
 *
 * A read that started before a change is heard is not cached: `version` moves with every change, and a
 * load keeps its result only if it did not move meanwhile. Entries are frozen (callers share them) and
 * serialised once (`serializeOnce`): a request served from memory is answered with the same JSON.
 */
@Injectable()
export class FairCache implements OnModuleInit, NotificationSubscriber {
  readonly channel = FAIR_CHANGED_CHANNEL;
  /** `id:<uuid>` or `slug:<slug>` → the fair */
  private readonly entries = new Map<string, FairDto>();
  private readonly loading = new Map<string, { version: number; fair: Promise<FairDto | null> }>();
  private version = 0;

  constructor(private readonly notifications: DatabaseNotifications) {}

  onModuleInit(): void {
    this.notifications.subscribe(this);
  }

  /** The fair under `key`, from memory or else from `load` (a miss shares the load already running). */
  get(key: string, load: () => Promise<FairDto | null>): Promise<FairDto | null> {
    if (!this.notifications.connected) return load();
    const hit = this.entries.get(key);
    if (hit) return Promise.resolve(hit);
    const running = this.loading.get(key);
    if (running && running.version === this.version) return running.fair;
    const version = this.version;
    const fair = load().then(
      (loaded) => {
        if (this.loading.get(key)?.fair === fair) this.loading.delete(key);
        if (!loaded || version !== this.version || !this.notifications.connected) return loaded;
        if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, serializeOnce(loaded));
        return loaded;
      },
      (error: unknown) => {
        if (this.loading.get(key)?.fair === fair) this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, { version, fair });
    return fair;
  }

  /** Forgets the fair (after a write here; the NOTIFY reaches the other instances). */
  forget(fairId: string): void {
    this.version += 1;
    for (const [key, fair] of this.entries) if (fair.id === fairId) this.entries.delete(key);
  }

  notify(payload: string): void {
    this.forget(payload);
  }

  async resync(): Promise<void> {
    this.clear();
  }

  lost(): void {
    this.clear();
  }

  private clear(): void {
    this.version += 1;
    this.entries.clear();
  }
}
