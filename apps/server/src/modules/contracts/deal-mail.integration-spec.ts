import { randomUUID } from 'node:crypto';
import type { ContractDetail, SampleDetail } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';

type Auth = { authorization: string };
interface OutboxRow {
  to_address: string;
  locale: string;
  subject: string;
  text_body: string;
}

/** Contract and sample changes e-mailed to the other party's members through the outbox, each in their language. */
describe('deal e-mails', () => {
  let t: TestApp;
  let fairId: string;
  let exhibitorVi: TestUser;
  let exhibitorEn: TestUser;
  let buyerEn: TestUser;
  let buyerVi: TestUser;

  const post = (url: string, who: Auth, payload: object = {}) =>
    t.inject({ method: 'POST', url: `/api${url}`, headers: who, payload });
  const seenIds = async () =>
    (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM mail_outbox`)).map((r) => r.id);
  /** runs `act`, then returns the deal mails it queued, by recipient */
  const mailsOf = async (act: () => Promise<{ statusCode: number }>, status = 200) => {
    const before = await seenIds();
    expect((await act()).statusCode).toBe(status);
    const rows = await t.dataSource.query<OutboxRow[]>(
      `SELECT to_address, locale, subject, text_body FROM mail_outbox
        WHERE template = 'dealEvent' AND NOT (id = ANY($1::uuid[])) ORDER BY to_address`,
      [before],
    );
    expect(new Set(rows.map((r) => r.to_address)).size).toBe(rows.length);
    return Object.fromEntries(rows.map((r) => [r.to_address, r]));
  };

  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t);
    const [fair] = await t.dataSource.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status)
       VALUES ($1, 'Hội chợ Thủ công Mỹ nghệ', 'Handicraft Fair', 'SECC', 'live') RETURNING id`,
      [`fair-${randomUUID()}`],
    );
    fairId = fair.id;
    const exhibitorId = await f.company({ kind: 'exhibitor', status: 'approved', name: 'Gốm Chu Đậu' });
    const buyerId = await f.company({ kind: 'buyer', status: 'approved', name: 'Nordhaus GmbH' });
    exhibitorVi = await f.user({
      role: 'exhibitor',
      companyId: exhibitorId,
      locale: 'vi',
      fullName: 'Trần Thị Lan',
    });
    exhibitorEn = await f.user({
      role: 'exhibitor',
      companyId: exhibitorId,
      membership: 'staff',
      locale: 'en',
      fullName: 'Mark Le',
    });
    buyerEn = await f.user({ role: 'buyer', companyId: buyerId, locale: 'en', fullName: 'Anna Schmidt' });
    buyerVi = await f.user({
      role: 'buyer',
      companyId: buyerId,
      membership: 'staff',
      locale: 'vi',
      fullName: 'Phạm Minh',
    });
  });
  afterAll(() => t.close());

  it('contract declared, confirmed, changed, disputed and cancelled: the other side gets each in its language', async () => {
    let contract!: ContractDetail;
    let mails = await mailsOf(async () => {
      const res = await post(`/fairs/${fairId}/contracts`, buyerEn.auth, {
        counterpartCompanyId: exhibitorVi.companyId,
        number: 'HD-2026-17',
        signedOn: '2026-12-03',
        kind: 'contract',
        currency: 'USD',
        incoterm: 'FOB',
        incotermPlace: 'Hai Phong',
        paymentTerms: 'open_account',
        lines: [{ description: 'Bình gốm', quantity: '100', unit: 'pcs', unitPrice: '12.5' }],
      });
      contract = json<ContractDetail>(res);
      return res;
    }, 201);
    // only the other party's members, never the one who acted
    expect(Object.keys(mails).sort()).toEqual([exhibitorEn.email, exhibitorVi.email].sort());
    expect(mails[exhibitorVi.email]).toMatchObject({
      locale: 'vi',
      subject: 'Nordhaus GmbH đã ghi nhận hợp đồng HD-2026-17 với bạn',
    });
    expect(mails[exhibitorVi.email].text_body).toContain('Xin chào Trần Thị Lan,');
    expect(mails[exhibitorVi.email].text_body).toContain('(1250.00 USD)');
    expect(mails[exhibitorVi.email].text_body).toContain('Hội chợ Thủ công Mỹ nghệ');
    expect(mails[exhibitorVi.email].text_body).toContain(
      `http://localhost:3000/deals/contracts/${contract.id}`,
    );
    expect(mails[exhibitorEn.email]).toMatchObject({
      locale: 'en',
      subject: 'Nordhaus GmbH recorded contract HD-2026-17 with you',
    });
    expect(mails[exhibitorEn.email].text_body).toContain('Hello Mark Le,');
    expect(mails[exhibitorEn.email].text_body).toContain('Handicraft Fair');

    mails = await mailsOf(() => post(`/contracts/${contract.id}/confirm`, exhibitorEn.auth));
    expect(Object.keys(mails).sort()).toEqual([buyerEn.email, buyerVi.email].sort());
    expect(mails[buyerEn.email]).toMatchObject({
      locale: 'en',
      subject: 'Gốm Chu Đậu confirmed contract HD-2026-17',
    });
    expect(mails[buyerVi.email]).toMatchObject({
      locale: 'vi',
      subject: 'Gốm Chu Đậu đã xác nhận hợp đồng HD-2026-17',
    });

    mails = await mailsOf(() =>
      t.inject({
        method: 'PATCH',
        url: `/api/contracts/${contract.id}`,
        headers: buyerVi.auth,
        payload: { incotermPlace: 'Cat Lai' },
      }),
    );
    expect(Object.keys(mails).sort()).toEqual([exhibitorEn.email, exhibitorVi.email].sort());
    expect(mails[exhibitorEn.email].subject).toBe('Nordhaus GmbH changed contract HD-2026-17');
    expect(mails[exhibitorEn.email].text_body).toContain('needs your confirmation again');
    expect(mails[exhibitorVi.email].subject).toBe('Nordhaus GmbH đã sửa hợp đồng HD-2026-17');

    mails = await mailsOf(() =>
      post(`/contracts/${contract.id}/dispute`, exhibitorVi.auth, { reason: 'Sai cảng giao hàng' }),
    );
    expect(Object.keys(mails).sort()).toEqual([buyerEn.email, buyerVi.email].sort());
    expect(mails[buyerEn.email].subject).toBe('Gốm Chu Đậu disputed contract HD-2026-17');
    expect(mails[buyerEn.email].text_body).toContain('Reason: Sai cảng giao hàng');
    expect(mails[buyerVi.email].subject).toBe('Gốm Chu Đậu khiếu nại hợp đồng HD-2026-17');

    mails = await mailsOf(() =>
      post(`/contracts/${contract.id}/cancel`, buyerEn.auth, { reason: 'Đổi nhà cung cấp' }),
    );
    expect(Object.keys(mails).sort()).toEqual([exhibitorEn.email, exhibitorVi.email].sort());
    expect(mails[exhibitorEn.email].subject).toBe('Nordhaus GmbH cancelled contract HD-2026-17');
    expect(mails[exhibitorVi.email]).toMatchObject({
      locale: 'vi',
      subject: 'Nordhaus GmbH đã huỷ hợp đồng HD-2026-17',
    });
    expect(mails[exhibitorVi.email].text_body).toContain('Lý do: Đổi nhà cung cấp');

    // a refused change sends nothing
    expect(await mailsOf(() => post(`/contracts/${contract.id}/confirm`, exhibitorVi.auth), 409)).toEqual({});
  });

  it('sample requested, sent, received, approved and rejected: the other side gets each in its language', async () => {
    const request = async () => {
      let sample!: SampleDetail;
      const mails = await mailsOf(async () => {
        const res = await post(`/fairs/${fairId}/samples`, buyerVi.auth, {
          counterpartCompanyId: exhibitorVi.companyId,
          items: [{ description: 'Bình gốm men lam 30 cm', quantity: 2 }],
        });
        sample = json<SampleDetail>(res);
        return res;
      }, 201);
      return { sample, mails };
    };
    const { sample, mails: requested } = await request();
    expect(Object.keys(requested).sort()).toEqual([exhibitorEn.email, exhibitorVi.email].sort());
    expect(requested[exhibitorEn.email]).toMatchObject({
      locale: 'en',
      subject: 'Nordhaus GmbH requests samples',
    });
    expect(requested[exhibitorEn.email].text_body).toContain('http://localhost:3000/deals/samples');
    expect(requested[exhibitorVi.email]).toMatchObject({
      locale: 'vi',
      subject: 'Nordhaus GmbH yêu cầu hàng mẫu',
    });

    const sent = await mailsOf(() =>
      post(`/samples/${sample.id}/send`, exhibitorEn.auth, {
        courier: 'DHL Express',
        trackingNumber: '1234567890',
      }),
    );
    expect(Object.keys(sent).sort()).toEqual([buyerEn.email, buyerVi.email].sort());
    expect(sent[buyerEn.email].subject).toBe('Gốm Chu Đậu sent your samples');
    expect(sent[buyerEn.email].text_body).toContain('Courier: DHL Express, tracking number: 1234567890.');
    expect(sent[buyerVi.email]).toMatchObject({
      locale: 'vi',
      subject: 'Gốm Chu Đậu đã gửi hàng mẫu cho bạn',
    });

    const received = await mailsOf(() => post(`/samples/${sample.id}/receive`, buyerEn.auth));
    expect(Object.keys(received).sort()).toEqual([exhibitorEn.email, exhibitorVi.email].sort());
    expect(received[exhibitorEn.email].subject).toBe('Nordhaus GmbH received your samples');
    expect(received[exhibitorVi.email].subject).toBe('Nordhaus GmbH đã nhận hàng mẫu của bạn');

    const approved = await mailsOf(() => post(`/samples/${sample.id}/approve`, buyerEn.auth));
    expect(approved[exhibitorEn.email].subject).toBe('Nordhaus GmbH approved your samples');
    expect(approved[exhibitorVi.email]).toMatchObject({
      locale: 'vi',
      subject: 'Nordhaus GmbH đã duyệt hàng mẫu của bạn',
    });

    const { sample: second } = await request();
    await post(`/samples/${second.id}/send`, exhibitorVi.auth, { courier: 'VNPost', trackingNumber: 'EMS1' });
    await post(`/samples/${second.id}/receive`, buyerVi.auth);
    const rejected = await mailsOf(() =>
      post(`/samples/${second.id}/reject`, buyerVi.auth, { reason: 'Men bị rạn' }),
    );
    expect(Object.keys(rejected).sort()).toEqual([exhibitorEn.email, exhibitorVi.email].sort());
    expect(rejected[exhibitorEn.email].subject).toBe('Nordhaus GmbH rejected your samples');
    expect(rejected[exhibitorEn.email].text_body).toContain('Reason: Men bị rạn');
    expect(rejected[exhibitorVi.email].subject).toBe('Nordhaus GmbH đã từ chối hàng mẫu của bạn');
  });
});
