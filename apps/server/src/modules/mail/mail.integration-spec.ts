import { createTestApp, type TestApp } from '../../../test/app';
import { MAIL_QUEUE, MailService, STRANDED_AFTER_MS } from './mail.service';

/** The sweep for outbox e-mails whose delivery was never queued, against a real pg-boss queue. */
describe('stranded outbox e-mails (integration)', () => {
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
    const deadline = Date.now() + 30_000;
    while ((await statusOf(stranded)) !== 'logged' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await statusOf(stranded)).toBe('logged');
    expect(await statusOf(waiting)).toBe('queued');
    expect(await statusOf(recent)).toBe('queued');
    expect(await statusOf(retried)).toBe('queued');

    // its job now exists: the next sweep leaves it alone
    expect(await mail.redispatchStranded(now)).toEqual([]);
  });
});
