// Writers that keep the server busy while the fault tests break things: contracts with line items
// declared by both sides, meetings requested and accepted, and a reader listing contracts. Every answer
// is kept (when it was asked, when it came back, status, code), and every write the server
// acknowledged with a 2xx is remembered, to be looked for in the database afterwards.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Fixtures, Pair, Person } from './fixtures';

export type Kind = 'contract' | 'meeting.request' | 'meeting.accept' | 'read';

export interface Answer {
  kind: Kind;
  /** performance.now() when the request left and when its answer (or failure) came back */
  sentAt: number;
  at: number;
  /** HTTP status, or 0 when no HTTP answer came (connection refused or cut) */
  status: number;
  code?: string;
  message?: string;
  locale: Person['locale'];
  error?: string;
}

export interface AckedContract {
  id: string;
  number: string;
  lines: number;
  total: string;
}

export interface LoadOptions {
  contractWriters: number;
  meetingWriters: number;
  readers: number;
}

/**
 * Pause after a failed request: a client backing off, so that a dead server or database is not hammered
 * in a tight loop (longer while no server answers at all, not to slow down its start).
 */
const BACKOFF_MS = 20;
const NO_SERVER_BACKOFF_MS = 100;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The next free slot of each pair, across loads: a slot once proposed is never proposed again. */
const nextSlot = new WeakMap<Pair, number>();

/** A valid contract in USD (no exchange rate needed) with a fresh number and `lines` line items. */
export function contractBody(counterpart: Person, prefix: string, lines: number) {
  return {
    counterpartCompanyId: counterpart.companyId,
    number: `${prefix}-${randomUUID().slice(0, 13)}`,
    signedOn: new Date().toISOString().slice(0, 10),
    kind: 'contract',
    currency: 'USD',
    incoterm: 'FOB',
    incotermPlace: 'Hai Phong',
    paymentTerms: 'tt',
    depositPercent: '30',
    lines: Array.from({ length: lines }, (_, n) => ({
      description: `Bình gốm men lam ${n + 1}`,
      quantity: String(10 * (n + 1)),
      unit: 'pcs',
      unitPrice: `${n + 2}.25`,
    })),
  };
}

export class Load {
  readonly answers: Answer[] = [];
  readonly contracts = new Map<string, AckedContract>();
  readonly requestedMeetings = new Set<string>();
  /** meeting id → the accepted slot start */
  readonly acceptedMeetings = new Map<string, string>();
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly base: string,
    private readonly fixtures: Fixtures,
  ) {}

  start({ contractWriters, meetingWriters, readers }: LoadOptions): void {
    this.running = true;
    const { pairs } = this.fixtures;
    if (pairs.length < contractWriters + meetingWriters) throw new Error('not enough pairs for the writers');
    for (let w = 0; w < contractWriters; w++) this.loops.push(this.contractWriter(pairs[w], w));
    for (let w = 0; w < meetingWriters; w++) this.loops.push(this.meetingWriter(pairs[contractWriters + w]));
    for (let r = 0; r < readers; r++) this.loops.push(this.reader(pairs[r % pairs.length].buyer));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** Answers of these kinds that came back after `since` (performance.now()). */
  after(since: number, kinds: Kind[] = ['contract', 'meeting.request', 'meeting.accept', 'read']): Answer[] {
    return this.answers.filter((a) => a.at > since && kinds.includes(a.kind));
  }

  okCount(kinds?: Kind[], since = 0): number {
    return this.after(since, kinds).filter((a) => a.status >= 200 && a.status < 300).length;
  }

  private async call(
    kind: Kind,
    who: Person,
    method: 'GET' | 'POST',
    path: string,
    body?: object,
  ): Promise<{ status: number; json?: Record<string, unknown> }> {
    const sentAt = performance.now();
    try {
      const res = await fetch(`${this.base}/api${path}`, {
        method,
        headers: {
          authorization: who.authorization,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(20_000),
      });
      const text = await res.text();
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      const answer: Answer = { kind, sentAt, at: performance.now(), status: res.status, locale: who.locale };
      if (res.status >= 300) {
        answer.code = typeof json?.code === 'string' ? json.code : `(body) ${text.slice(0, 200)}`;
        answer.message = typeof json?.message === 'string' ? json.message : undefined;
      }
      this.answers.push(answer);
      return { status: res.status, json };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      this.answers.push({
        kind,
        sentAt,
        at: performance.now(),
        status: 0,
        locale: who.locale,
        error: cause?.code ?? cause?.message ?? String(error),
      });
      await pause(NO_SERVER_BACKOFF_MS);
      return { status: 0 };
    }
  }

  /** Declares contracts of one to three lines in USD, the buyer and the exhibitor taking turns. */
  private async contractWriter(pair: Pair, writer: number): Promise<void> {
    for (let i = 0; this.running; i++) {
      const declarer = i % 2 ? pair.exhibitor : pair.buyer;
      const counterpart = i % 2 ? pair.buyer : pair.exhibitor;
      const body = contractBody(counterpart, `FLT-${writer}`, 1 + (i % 3));
      const res = await this.call(
        'contract',
        declarer,
        'POST',
        `/fairs/${this.fixtures.fairId}/contracts`,
        body,
      );
      if (res.status === 201 && res.json) {
        this.contracts.set(res.json.id as string, {
          id: res.json.id as string,
          number: body.number,
          lines: body.lines.length,
          total: res.json.total as string,
        });
      } else {
        await pause(BACKOFF_MS);
      }
    }
  }

  /** The buyer asks for one slot (a fresh one each time), the exhibitor accepts it. */
  private async meetingWriter(pair: Pair): Promise<void> {
    while (this.running) {
      const index = nextSlot.get(pair) ?? 0;
      if (index >= this.fixtures.slots.length) throw new Error('the fair ran out of free slots');
      nextSlot.set(pair, index + 1);
      const slot = this.fixtures.slots[index];
      const requested = await this.call(
        'meeting.request',
        pair.buyer,
        'POST',
        `/fairs/${this.fixtures.fairId}/meetings`,
        {
          withUserId: pair.exhibitor.userId,
          slots: [slot],
        },
      );
      if (requested.status !== 201 || !requested.json) {
        await pause(BACKOFF_MS);
        continue;
      }
      const id = requested.json.id as string;
      this.requestedMeetings.add(id);
      if (!this.running) break;
      const accepted = await this.call('meeting.accept', pair.exhibitor, 'POST', `/meetings/${id}/accept`, {
        slotStart: slot,
      });
      if (accepted.status === 200) this.acceptedMeetings.set(id, slot);
      else await pause(BACKOFF_MS);
    }
  }

  private async reader(who: Person): Promise<void> {
    while (this.running) {
      const res = await this.call('read', who, 'GET', `/contracts?fairId=${this.fixtures.fairId}&pageSize=5`);
      if (res.status !== 200) await pause(BACKOFF_MS);
    }
  }
}
