// Database faults under load, on the fault tests' OWN embedded PostgreSQL and the built server as a
// child process (as in production: NODE_ENV=production, job queue on):
// - PostgreSQL stopped (fast shutdown) and started again: 503 SERVICE_UNAVAILABLE in the caller's
//   language during the outage, never a 500; back by itself within 5 s; every 2xx write is there.
// - the server killed with SIGKILL and started again: no partial contract, line, audit row or meeting.
import { performance } from 'node:perf_hooks';
import { resources, type HealthStatus } from '@craftmatch/shared';
import { seedFixtures, type Fixtures } from './faults/fixtures';
import { missingAcknowledged, orphans } from './faults/integrity';
import { contractBody, Load, type Answer, type Kind } from './faults/load';
import {
  freePort,
  startOwnPostgres,
  startServer,
  tempDir,
  until,
  type OwnPostgres,
  type ServerProcess,
} from './faults/stack';

const RECOVERY_LIMIT_MS = 5000;
const WRITES: Kind[] = ['contract', 'meeting.request', 'meeting.accept'];
const MESSAGES = {
  vi: resources.vi.errors.SERVICE_UNAVAILABLE,
  en: resources.en.errors.SERVICE_UNAVAILABLE,
};
const LOAD = { contractWriters: 4, meetingWriters: 2, readers: 1 };

const isOk = (a: Answer) => a.status >= 200 && a.status < 300;
/** What an answer looks like when it is not a success, for assertions that list the odd ones out. */
const shape = (a: Answer) => ({ kind: a.kind, status: a.status, code: a.code, error: a.error });

async function health(base: string): Promise<{ status: number; body?: HealthStatus }> {
  try {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) });
    return { status: res.status, body: (await res.json()) as HealthStatus };
  } catch {
    return { status: 0 };
  }
}

describe('database faults under load (own embedded PostgreSQL, built server as a child process)', () => {
  let pg: OwnPostgres;
  let data: ReturnType<typeof tempDir>;
  let server: ServerProcess;
  let port: number;
  let fixtures: Fixtures;
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    data = tempDir();
    pg = await startOwnPostgres();
    port = await freePort();
    server = await startServer({ databaseUrl: pg.url, port, dataDir: data.path }); // applies the migrations
    fixtures = await seedFixtures(pg, server.jwtSecret, LOAD.contractWriters + LOAD.meetingWriters);
  }, 120_000);

  afterAll(async () => {
    console.log(`fault test figures: ${JSON.stringify(figures, null, 2)}`);
    await server?.kill('SIGTERM');
    await pg?.quit();
    data?.remove();
  }, 60_000);

  it('PostgreSQL restarted under load: 503 with a code during the outage, back by itself within 5 s, no acknowledged write lost', async () => {
    const load = new Load(server.base, fixtures);
    load.start(LOAD);
    try {
      await until(
        'writes under load',
        () => load.okCount(['contract']) >= 30 && load.okCount(['meeting.accept']) >= 5,
      );

      // fast shutdown while contracts and meetings are being written
      const stopAsked = performance.now();
      await pg.stop();
      const stoppedAt = performance.now();
      figures.restart = { shutdownMs: Math.round(stoppedAt - stopAsked) };

      // the outage: every kind of request answers, with 503 and a code
      await until('503 answers to the writers and the reader during the outage', () =>
        (['contract', 'meeting.request', 'read'] as Kind[]).every(
          (kind) => load.after(stoppedAt, [kind]).filter((a) => a.status === 503).length >= 5,
        ),
      );
      const down = await health(server.base);
      expect(down).toMatchObject({ status: 503, body: { status: 'degraded', database: 'down' } });
      // an English-speaking buyer is told in English, and when to try again
      const english = fixtures.pairs.find((p) => p.buyer.locale === 'en')!;
      const refused = await fetch(`${server.base}/api/fairs/${fixtures.fairId}/contracts`, {
        method: 'POST',
        headers: { authorization: english.buyer.authorization, 'content-type': 'application/json' },
        body: JSON.stringify(contractBody(english.exhibitor, 'FLT-EN', 2)),
      });
      expect([refused.status, refused.headers.get('retry-after'), await refused.json()]).toEqual([
        503,
        '1',
        { code: 'SERVICE_UNAVAILABLE', message: MESSAGES.en, details: {} },
      ]);
      const asked = performance.now();
      await until('more answers during the outage', () => load.after(asked).length >= 50);

      // back: measured from the first moment PostgreSQL accepts a connection again
      const restartAsked = performance.now();
      let acceptingAt = 0;
      const accepting = until(
        'PostgreSQL to accept connections',
        async () => {
          const tried = performance.now(); // the attempt's start: the recovery is not flattered
          if (await pg.accepts()) acceptingAt = tried;
          return acceptingAt;
        },
        { everyMs: 10, timeoutMs: 30_000 },
      );
      await pg.start();
      await accepting;
      const outage = load.after(stoppedAt).filter((a) => a.sentAt >= stoppedAt && a.at <= restartAsked);

      const firstOk = (kinds: Kind[]) =>
        until(`a 2xx for ${kinds.join(', ')} after the restart`, () =>
          load.after(acceptingAt, kinds).find(isOk),
        );
      const [contract, meeting, read, healthUp] = await Promise.all([
        firstOk(['contract']),
        firstOk(['meeting.request', 'meeting.accept']),
        firstOk(['read']),
        until('the health check to say up', async () => {
          const h = await health(server.base);
          return h.status === 200 && h.body?.database === 'up' ? performance.now() : 0;
        }),
      ]);
      const recovery = {
        contract: Math.round(contract.at - acceptingAt),
        meeting: Math.round(meeting.at - acceptingAt),
        read: Math.round(read.at - acceptingAt),
        health: Math.round(healthUp - acceptingAt),
      };

      // and the load goes on
      const recovered = performance.now();
      await until('writes after the recovery', () => load.okCount(['contract'], recovered) >= 30);
      await load.stop();

      figures.restart = {
        ...(figures.restart as object),
        startMs: Math.round(acceptingAt - restartAsked),
        // requests cut by the shutdown itself (their transaction terminated under them)
        cutByShutdown: load.answers.filter((a) => a.sentAt < stopAsked && a.at > stopAsked && !isOk(a))
          .length,
        outageAnswers: outage.length,
        outageStatuses: [...new Set(outage.map((a) => a.status))],
        recoveryMs: recovery,
        answers: load.answers.length,
        acknowledged: {
          contracts: load.contracts.size,
          meetingsRequested: load.requestedMeetings.size,
          meetingsAccepted: load.acceptedMeetings.size,
        },
      };

      expect(server.exit()).toBeNull(); // never restarted, never crashed
      expect(Math.max(...Object.values(recovery))).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);

      // nothing but successes and 503 SERVICE_UNAVAILABLE in the caller's language; above all no 500
      const odd = load.answers.filter(
        (a) =>
          !isOk(a) &&
          !(a.status === 503 && a.code === 'SERVICE_UNAVAILABLE' && a.message === MESSAGES[a.locale]),
      );
      expect(odd.map(shape)).toEqual([]);
      // the outage was answered, in both languages
      expect(outage.length).toBeGreaterThanOrEqual(50);
      expect(outage.every((a) => a.status === 503)).toBe(true);
      expect(new Set(outage.map((a) => a.locale))).toEqual(new Set(['vi', 'en']));

      expect(await missingAcknowledged(pg, load)).toEqual([]);
      expect(Object.entries(await orphans(pg)).filter(([, n]) => n > 0)).toEqual([]);
    } finally {
      await load.stop();
    }
  }, 150_000);

  it('server killed with SIGKILL under load and started again: no partial contract, line, audit row or meeting', async () => {
    const load = new Load(server.base, fixtures);
    load.start(LOAD);
    try {
      const before = performance.now();
      await until('writes under load', () => load.okCount(WRITES, before) >= 40);

      const killedAt = performance.now();
      await server.kill('SIGKILL');
      expect(server.exit()).toEqual({ code: null, signal: 'SIGKILL' });
      // requests that were on their way when the process died
      const cut = () => load.answers.filter((a) => a.sentAt < killedAt && a.at >= killedAt && !isOk(a));
      await until(
        'the writers to notice the dead server',
        () => load.after(killedAt).filter((a) => a.status === 0).length >= 10,
      );

      const restartAsked = performance.now();
      server = await startServer({
        databaseUrl: pg.url,
        port,
        dataDir: data.path,
        jwtSecret: server.jwtSecret,
      });
      const ready = performance.now();
      await until('writes on the restarted server', () => load.okCount(WRITES, ready) >= 40);
      await load.stop();

      figures.sigkill = {
        inFlightWhenKilled: cut().length,
        restartMs: Math.round(ready - restartAsked),
        answers: load.answers.length,
        acknowledged: {
          contracts: load.contracts.size,
          meetingsRequested: load.requestedMeetings.size,
          meetingsAccepted: load.acceptedMeetings.size,
        },
      };

      // some requests were cut mid-way: that is the point
      expect(cut().length).toBeGreaterThan(0);
      // the server answered nothing but successes, and the dead server nothing at all
      const odd = load.answers.filter((a) => !isOk(a) && !(a.status === 0 && a.at >= killedAt));
      expect(odd.map(shape)).toEqual([]);

      expect(await missingAcknowledged(pg, load)).toEqual([]);
      expect(Object.entries(await orphans(pg)).filter(([, n]) => n > 0)).toEqual([]);
      const [{ contracts, lines, meetings }] = await pg.query<{
        contracts: number;
        lines: number;
        meetings: number;
      }>(
        `SELECT (SELECT count(*)::int FROM contracts) AS contracts, (SELECT count(*)::int FROM contract_lines) AS lines,
                (SELECT count(*)::int FROM meetings) AS meetings`,
      );
      figures.database = { contracts, lines, meetings };
      expect(contracts).toBeGreaterThanOrEqual(load.contracts.size);
    } finally {
      await load.stop();
    }
  }, 150_000);
});
