import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createTestApp, type TestApp } from '../../../test/app';
import { Factory } from '../../../test/factories';
import { MailService } from '../mail';
import { hashToken } from './tokens';

interface Received {
  raw: string;
  from: string;
  to: string[];
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) in a header value. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const input = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(input.slice(i + 1, i + 3))) {
      bytes.push(parseInt(input.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(input[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Headers (unfolded, lower-cased names) and the decoded text/plain body of a raw message. */
function parseMessage(raw: string): { headers: Record<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] ??= line.slice(colon + 1).trim();
  }
  const part = /Content-Type: text\/plain[^\r\n]*\r\n((?:[^\r\n]+\r\n)*)\r\n([\s\S]*?)\r\n--/i.exec(raw);
  if (!part) throw new Error('no text/plain part');
  const encoding = /Content-Transfer-Encoding:\s*(\S+)/i.exec(part[1])?.[1].toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(part[2].replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(part[2])
        : part[2];
  return { headers, text };
}

describe('auth: a reset e-mail really leaves over SMTP through the job queue', () => {
  let smtp: SMTPServer;
  let t: TestApp;
  let received: Promise<Received>;

  beforeAll(async () => {
    let resolveReceived: (message: Received) => void = () => undefined;
    received = new Promise((resolve) => (resolveReceived = resolve));
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        // Read the envelope now: the server resets it once the message is accepted.
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address);
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          resolveReceived({ raw: Buffer.concat(chunks).toString('utf8'), from, to });
          callback();
        });
      },
    });
    const port = await new Promise<number>((resolve) => {
      const server = smtp.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
    t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, JOBS: 'true' } });
  });

  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('delivers the reset link in the recipient’s language and marks the outbox row sent', async () => {
    const mail = t.app.get(MailService);
    const deliver = mail.deliver.bind(mail);
    // Resolves once the worker has finished with the message, status written.
    const delivered = new Promise<string>((resolve) => {
      jest.spyOn(mail, 'deliver').mockImplementation(async (ids: string[]) => {
        await deliver(ids);
        resolve(ids[0]);
      });
    });

    const user = await new Factory(t).user({ locale: 'vi', fullName: 'Lê Thị Hoa' });
    const res = await t.inject({
      method: 'POST',
      url: '/api/auth/password/forgot',
      payload: { email: user.email },
    });
    expect(res.statusCode).toBe(204);

    const message = await received;
    expect(message.to).toEqual([user.email]);
    expect(message.from).toBe('no-reply@craftmatch.example');
    const { headers, text } = parseMessage(message.raw);
    expect(decodeHeader(headers.subject)).toBe('Đặt lại mật khẩu CraftMatch');
    expect(headers['content-language']).toBe('vi');
    expect(text).toContain('Xin chào Lê Thị Hoa,');
    expect(text).toContain('60 phút');
    const link = /http:\/\/localhost:3000\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(text);
    expect(link).not.toBeNull();
    const tokens = await t.dataSource.query(
      `SELECT user_id FROM user_tokens WHERE token_hash = $1 AND purpose = 'reset_password'`,
      [hashToken((link as RegExpExecArray)[1])],
    );
    expect(tokens).toEqual([{ user_id: user.id }]);

    const id = await delivered;
    const [row] = await t.dataSource.query(
      `SELECT to_address, status, attempts, sent_at FROM mail_outbox WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({ to_address: user.email, status: 'sent', attempts: 1 });
    expect(row.sent_at).not.toBeNull();
  });
});
