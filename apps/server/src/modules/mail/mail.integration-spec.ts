import { createTestApp, type TestApp } from '../../../test/app';
import { MAIL_QUEUE, MailService, STRANDED_AFTER_MS } from './mail.service';

/** Delivery jobs and the sweep for outbox e-mails whose delivery was never queued, against a real pg-boss queue. */
describe('outbox delivery (integration)', () => {
  let t: TestApp;
  let mail: MailService;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS: 'true' } });
    mail = t.app.get(MailService);
  });
  afterAll(() => t.close());

  const outboxRow = async (to: string, createdAt: Date, attempts = 0): Promise<string> => {
    const [row] = await t.dataSource.query(
      `INSERT INTO mail_outbox (to_address, locale, template, subject, text_body, status, attempts, created_at)
       VALUES ($1, 'en', 'meetingEvent', 'Meeting accepted', 'Your meeting was accepted.', 'queued', $2, $3)
       RETURNING id`,
      [to, attempts, createdAt],
    );
    return row.id;
  };
  const statusOf = async (id: string): Promise<string> =>
    (await t.dataSource.query(`SELECT status FROM mail_outbox WHERE id = $1`, [id]))[0].status;

  const waitForStatus = async (ids: string[], status: string): Promise<void> => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const rows: { status: string }[] = await t.dataSource.query(
        `SELECT status FROM mail_outbox WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      if (rows.length === ids.length && rows.every((r) => r.status === status)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('delivers the e-mails dispatched together in one job', async () => {
    const now = t.clock.now();
    const ids = [
      await outboxRow('a@buyers.example', now),
      await outboxRow('b@buyers.example', now),
      await outboxRow('c@buyers.example', now),
    ];
    await mail.dispatch([ids[0]]);
    await mail.dispatch(ids.slice(1));
    await mail.flushPending();

    const jobs: { ids: string[] }[] = (
      await t.dataSource.query(`SELECT data FROM pgboss.job WHERE name = $1 AND data->'ids' ?| $2::text[]`, [
        MAIL_QUEUE,
        ids,
      ])
    ).map((j: { data: { ids: string[] } }) => j.data);
    expect(jobs).toEqual([{ ids }]);

    await waitForStatus(ids, 'logged');
    expect(await Promise.all(ids.map(statusOf))).toEqual(['logged', 'logged', 'logged']);
    // a job that runs again (a retry) sends nothing twice
    await mail.deliver(ids);
    const rows = await t.dataSource.query(`SELECT attempts FROM mail_outbox WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    expect(rows).toEqual([{ attempts: 1 }, { attempts: 1 }, { attempts: 1 }]);
  });

  it('queues again only the old, never attempted e-mails that have no job, and they are delivered', async () => {
    const now = t.clock.now();
    const old = new Date(now.getTime() - STRANDED_AFTER_MS - 60_000);
    const stranded = await outboxRow('stranded@buyers.example', old);
    const waiting = await outboxRow('waiting@buyers.example', old);
    const recent = await outboxRow('recent@buyers.example', new Date(now.getTime() - 60_000));
    const retried = await outboxRow('retried@buyers.example', old, 2);
    // a delivery job exists for `waiting`, due later (e.g. retrying with backoff)
    await t.dataSource.query(
      `INSERT INTO pgboss.job (name, data, start_after) VALUES ($1, $2, now() + interval '1 day')`,
      [MAIL_QUEUE, { id: waiting }],
    );

    expect(await mail.redispatchStranded(now)).toEqual([stranded]);

    // the queue's worker delivers it (no SMTP server configured: the log is the delivery)
    await waitForStatus([stranded], 'logged');
    expect(await statusOf(stranded)).toBe('logged');
    expect(await statusOf(waiting)).toBe('queued');
    expect(await statusOf(recent)).toBe('queued');
    expect(await statusOf(retried)).toBe('queued');

    // its job now exists: the next sweep leaves it alone
    expect(await mail.redispatchStranded(now)).toEqual([]);
  });
});

/** A delivery that fails is written back, counted and retried; the fifth failure gives up. */
describe('outbox delivery failures (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // nothing listens on port 1: every SMTP connection is refused
    t = await createTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
  });
  afterAll(() => t.close());

  it('records each failed attempt and marks the e-mail failed after the fifth', async () => {
    const mail = t.app.get(MailService);
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO mail_outbox (to_address, locale, template, subject, text_body, status, created_at)
       VALUES ('refused@buyers.example', 'vi', 'meetingEvent', 'Cuộc hẹn', 'Nội dung', 'queued', now())
       RETURNING id`,
    );
    const row = async () =>
      (
        await t.dataSource.query(`SELECT status, attempts, last_error FROM mail_outbox WHERE id = $1`, [id])
      )[0];

    await expect(mail.deliver([id])).rejects.toThrow('1 of 1 e-mails not delivered');
    expect(await row()).toMatchObject({
      status: 'queued',
      attempts: 1,
      last_error: expect.stringMatching(/ECONNREFUSED/),
    });
    for (let attempt = 2; attempt <= 5; attempt++) await expect(mail.deliver([id])).rejects.toThrow();
    expect(await row()).toMatchObject({ status: 'failed', attempts: 5 });
    // a failed e-mail is not tried again
    await mail.deliver([id]);
    expect(await row()).toMatchObject({ status: 'failed', attempts: 5 });
  });
});
