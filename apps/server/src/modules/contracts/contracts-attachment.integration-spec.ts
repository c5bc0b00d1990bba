import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, AuditEntry, ContractDetail } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';
import { multipart } from '../../../test/multipart';

type Auth = { authorization: string };
const code = (res: { body: string }) => (JSON.parse(res.body) as ApiErrorBody).code;
const MAX_BYTES = 64 * 1024;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('contract attachment', () => {
  let t: TestApp;
  let fairId: string;
  let organizer: TestUser;
  let staff: TestUser;
  let exhibitor: TestUser;
  let buyer: TestUser;
  let stranger: TestUser;

  const upload = (id: string, who: Auth, content: Buffer, filename = 'signed.pdf') => {
    const body = multipart({ content, filename, contentType: 'application/pdf' });
    return t.inject({
      method: 'POST',
      url: `/api/contracts/${id}/attachment`,
      headers: { ...who, ...body.headers },
      payload: body.payload,
    });
  };
  const download = (id: string, who?: Auth) =>
    t.inject({ method: 'GET', url: `/api/contracts/${id}/attachment`, headers: who ?? {} });
  const remove = (id: string, who: Auth) =>
    t.inject({ method: 'DELETE', url: `/api/contracts/${id}/attachment`, headers: who });
  const post = (url: string, who: Auth, payload: object = {}) =>
    t.inject({ method: 'POST', url: `/api${url}`, headers: who, payload });
  const declare = async () => {
    const res = await post(`/fairs/${fairId}/contracts`, buyer.auth, {
      counterpartCompanyId: exhibitor.companyId,
      number: `HD-${randomUUID().slice(0, 8)}`,
      signedOn: '2026-12-03',
      kind: 'contract',
      currency: 'USD',
      incoterm: 'FOB',
      incotermPlace: 'Hai Phong',
      paymentTerms: 'open_account',
      lines: [{ description: 'Giỏ mây', quantity: '100', unit: 'pcs', unitPrice: '4.5' }],
    });
    expect(res.statusCode).toBe(201);
    return json<ContractDetail>(res);
  };
  const auditOf = async (id: string) => {
    const res = await t.inject({ method: 'GET', url: `/api/contracts/${id}/audit`, headers: organizer.auth });
    expect(res.statusCode).toBe(200);
    return json<AuditEntry[]>(res);
  };
  const fileCount = async () =>
    (await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM files`))[0].n;

  beforeAll(async () => {
    t = await createTestApp({ env: { FILE_MAX_BYTES: String(MAX_BYTES) } });
    const f = new Factory(t);
    const [fair] = await t.dataSource.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status) VALUES ($1, 'Hội chợ', 'Craft Fair', 'SECC', 'live')
       RETURNING id`,
      [`fair-${randomUUID()}`],
    );
    fairId = fair.id;
    organizer = await f.organizer();
    staff = await f.user({ role: 'organizer_staff' });
    exhibitor = await f.member('exhibitor', 'approved');
    buyer = await f.member('buyer', 'approved');
    stranger = await f.member('buyer', 'approved');
  });
  afterAll(() => t.close());

  it('the declaring party uploads; the other party and the organizers download; strangers are refused', async () => {
    const c = await declare();
    const res = await upload(c.id, buyer.auth, PDF);
    expect(res.statusCode).toBe(200);
    const updated = json<ContractDetail>(res);
    expect(updated.attachmentFileId).toEqual(expect.any(String));
    const [file] = await t.dataSource.query(
      `SELECT company_id, purpose, mime, created_by FROM files WHERE id = $1`,
      [updated.attachmentFileId],
    );
    expect(file).toEqual({
      company_id: buyer.companyId,
      purpose: 'document',
      mime: 'application/pdf',
      created_by: buyer.id,
    });

    for (const who of [exhibitor, buyer, organizer, staff]) {
      const got = await download(c.id, who.auth);
      expect([got.statusCode, got.headers['content-type']]).toEqual([200, 'application/pdf']);
      expect(got.rawPayload.equals(PDF)).toBe(true);
      expect(got.headers['content-disposition']).toBe(`attachment; filename="contract-${c.id}.pdf"`);
    }
    // the plain file route stays closed to the other party: only the contract route opens it
    const direct = await t.inject({
      method: 'GET',
      url: `/api/files/${updated.attachmentFileId}`,
      headers: exhibitor.auth,
    });
    expect(direct.statusCode).toBe(403);

    expect((await download(c.id, stranger.auth)).statusCode).toBe(404);
    expect((await download(c.id)).statusCode).toBe(401);
    expect((await upload(c.id, stranger.auth, PDF)).statusCode).toBe(404);
    expect((await remove(c.id, stranger.auth)).statusCode).toBe(404);
    // the other party records nothing on the declarer's contract: it confirms or disputes
    const other = await upload(c.id, exhibitor.auth, PDF);
    expect([other.statusCode, code(other)]).toEqual([409, 'INVALID_CONTRACT_TRANSITION']);
    expect((await remove(c.id, exhibitor.auth)).statusCode).toBe(409);
    expect((await upload(c.id, organizer.auth, PDF)).statusCode).toBe(403);
  });

  it('refuses a wrong type or an oversize file with a stable code and writes nothing', async () => {
    const c = await declare();
    const before = await fileCount();
    const trail = (await auditOf(c.id)).length;

    const gif = await upload(
      c.id,
      buyer.auth,
      Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1'),
      'a.pdf',
    );
    expect([gif.statusCode, code(gif)]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    // WebP is a document type elsewhere, not for a contract's signed copy
    const webp = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(32)]);
    const refusedWebp = await upload(c.id, buyer.auth, webp, 'scan.webp');
    expect([refusedWebp.statusCode, code(refusedWebp)]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES + 1, 0x20)]);
    const tooBig = await upload(c.id, buyer.auth, big);
    expect([tooBig.statusCode, code(tooBig)]).toEqual([413, 'FILE_TOO_LARGE']);
    const none = await t.inject({
      method: 'POST',
      url: `/api/contracts/${c.id}/attachment`,
      headers: { ...buyer.auth, 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz--\r\n',
    });
    expect([none.statusCode, code(none)]).toEqual([400, 'FILE_REQUIRED']);

    expect(await fileCount()).toBe(before);
    expect(await auditOf(c.id)).toHaveLength(trail);
    const [row] = await t.dataSource.query(`SELECT attachment_file_id, status FROM contracts WHERE id = $1`, [
      c.id,
    ]);
    expect(row).toEqual({ attachment_file_id: null, status: 'declared' });
    expect((await download(c.id, exhibitor.auth)).statusCode).toBe(404);
  });

  it('replacing or removing after confirmation is an audited change that needs confirming again', async () => {
    const c = await declare();
    const first = json<ContractDetail>(await upload(c.id, buyer.auth, PDF));
    const confirmed = await post(`/contracts/${c.id}/confirm`, exhibitor.auth);
    expect(json<ContractDetail>(confirmed).status).toBe('confirmed');

    const replaced = await upload(c.id, buyer.auth, PNG_1PX, 'scan.png');
    expect(replaced.statusCode).toBe(200);
    const second = json<ContractDetail>(replaced);
    expect(second).toMatchObject({ status: 'declared', confirmedAt: null });
    expect(second.attachmentFileId).not.toBe(first.attachmentFileId);
    const png = await download(c.id, exhibitor.auth);
    expect([png.statusCode, png.headers['content-type']]).toEqual([200, 'image/png']);

    let trail = await auditOf(c.id);
    expect(trail.map((a) => a.action)).toEqual([
      'contract.declare',
      'contract.update',
      'contract.confirm',
      'contract.update',
    ]);
    expect(trail[1]).toMatchObject({
      actorId: buyer.id,
      before: { attachmentFileId: null },
      after: { attachmentFileId: first.attachmentFileId },
    });
    expect(trail[3]).toMatchObject({
      actorId: buyer.id,
      companyId: buyer.companyId,
      before: { attachmentFileId: first.attachmentFileId, status: 'confirmed' },
      after: { attachmentFileId: second.attachmentFileId, status: 'declared' },
    });
    // the other side is told it has something to confirm again
    const notes = await t.dataSource.query<{ type: string }[]>(
      `SELECT type FROM notifications WHERE user_id = $1 AND data->>'contractId' = $2 ORDER BY created_at, id`,
      [exhibitor.id, c.id],
    );
    expect(notes.map((n) => n.type)).toEqual(['contract.declared', 'contract.declared', 'contract.declared']);

    expect(json<ContractDetail>(await post(`/contracts/${c.id}/confirm`, exhibitor.auth)).status).toBe(
      'confirmed',
    );
    const removed = await remove(c.id, buyer.auth);
    expect(removed.statusCode).toBe(200);
    expect(json<ContractDetail>(removed)).toMatchObject({ attachmentFileId: null, status: 'declared' });
    trail = await auditOf(c.id);
    expect(trail.at(-1)).toMatchObject({
      action: 'contract.update',
      before: { attachmentFileId: second.attachmentFileId, status: 'confirmed' },
      after: { attachmentFileId: null, status: 'declared' },
    });
    expect((await download(c.id, exhibitor.auth)).statusCode).toBe(404);
    // nothing left to remove
    expect((await remove(c.id, buyer.auth)).statusCode).toBe(404);
    expect(await auditOf(c.id)).toHaveLength(trail.length);

    // a cancelled contract takes no attachment
    expect((await post(`/contracts/${c.id}/cancel`, buyer.auth, { reason: 'x' })).statusCode).toBe(200);
    expect(code(await upload(c.id, buyer.auth, PDF))).toBe('INVALID_CONTRACT_TRANSITION');
  });
});
