/**
 * A small LRU of search results, keyed by the catalogue version they were computed at (see the
 * CatalogueSearch migration): an entry is exact for its version, and a write to any catalogue
 * table moves the version on. The TTL bounds the one race left (a reader that reads a version
 * bumped by a transaction not yet committed). Each instance keeps its own; nothing in it is
 * needed by another instance.
 */
export class SearchCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Refresh its place: Map keeps insertion order, the oldest goes first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Computes once per key, even when several requests ask at the same moment. */
  async through(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const pending = this.pending.get(key);
    if (pending) return pending;
    const promise = compute()
      .then((value) => {
        this.set(key, value);
        return value;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, promise);
    return promise;
  }

  private readonly pending = new Map<string, Promise<T>>();
}

/**
 * A value read strictly after each call began, with concurrent callers sharing reads: a call joins
 * the read queued behind the one under way (it will start later), never the one under way (it may
 * have been answered before a write this caller has already seen committed).
 */
export class FreshRead<T> {
  private running: Promise<T> | null = null;
  private queued: Promise<T> | null = null;

  constructor(private readonly load: () => Promise<T>) {}

  read(): Promise<T> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const settled = this.running.then(
      () => undefined,
      () => undefined,
    );
    const next = settled.then(() => {
      this.queued = null;
      return this.start();
    });
    this.queued = next;
    return next;
  }

  private start(): Promise<T> {
    const running = this.load().finally(() => {
      if (this.running === running) this.running = null;
    });
    this.running = running;
    return running;
  }
}
