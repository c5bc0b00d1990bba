import { io, type Socket } from 'socket.io-client';
import type { AppNotification, InquiryDetail, InquiryPage } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { CatalogueFactory } from '../../../test/catalogue-factory';

let ipCounter = 10;
/** Each test speaks from its own address, so the per-IP limit of one test never touches another. */
const nextIp = () => `203.0.113.${ipCounter++}`;

describe('inquiries: contact the maker, and the exhibitor inbox', () => {
  let t: TestApp;
  let cf: CatalogueFactory;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    cf = new CatalogueFactory(t);
    await t.listen();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
  afterAll(() => t.close());

  const inquiry = (over: Record<string, unknown> = {}) => ({
    name: 'Anna Schmidt',
    company: 'Nordhaus Interiors GmbH',
    country: 'DE',
    email: 'anna@nordhaus.example',
    message: 'Could you quote 500 pieces FOB Hai Phong?',
    ...over,
  });

  async function send(
    slug: string,
    body: Record<string, unknown>,
    ip: string,
    headers: Record<string, string> = {},
  ) {
    return t.inject({
      method: 'POST',
      url: `/api/catalogue/products/${slug}/inquiries`,
      payload: body,
      remoteAddress: ip,
      headers,
    });
  }

  it('stores an inquiry; every member gets a live notification and an e-mail', async () => {
    const { companyId, owner } = await cf.exhibitor({ name: 'Gốm Hương Giang' });
    const colleague = await cf.f.user({ role: 'exhibitor', companyId, membership: 'staff', locale: 'en' });
    const product = await cf.product(companyId, { nameVi: 'Bình gốm', nameEn: 'Ceramic vase' });

    const socket = io(t.baseUrl, {
      path: '/socket.io',
      auth: { token: owner.token },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const live = new Promise<AppNotification>((resolve) => socket.once('notification:new', resolve));

    const res = await send(product.slug, inquiry({ email: 'anna.1@nordhaus.example' }), nextIp(), {
      'accept-language': 'de-DE, ja;q=0.8',
    });
    expect(res.statusCode).toBe(201);
    const { id } = json<{ id: string }>(res);
    const note = await live;
    expect(note).toMatchObject({
      type: 'inquiry.received',
      data: { inquiryId: id, inquirerName: 'Anna Schmidt', country: 'DE', productName: 'Bình gốm' },
    });

    const [row] = await t.dataSource.query(
      `SELECT company_id, product_id, locale, status FROM inquiries WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ company_id: companyId, product_id: product.id, locale: 'ja', status: 'new' });
    const mail: { to_address: string; subject: string; text_body: string }[] = await t.dataSource.query(
      `SELECT to_address, subject, text_body FROM mail_outbox WHERE template = 'inquiryReceived' AND to_address = ANY($1) ORDER BY to_address`,
      [[owner.email, colleague.email]],
    );
    expect(mail.map((m) => m.to_address).sort()).toEqual([owner.email, colleague.email].sort());
    const english = mail.find((m) => m.to_address === colleague.email);
    expect(english?.subject).toBe('New inquiry about Ceramic vase');
    expect(english?.text_body).toContain('Anna Schmidt (Nordhaus Interiors GmbH, Germany)');
    expect(english?.text_body).toContain('Could you quote 500 pieces FOB Hai Phong?');
    expect(mail.find((m) => m.to_address === owner.email)?.subject).toBe('Yêu cầu mới về sản phẩm Bình gốm');
  });

  it('validates the form and refuses products that are not public', async () => {
    const { companyId } = await cf.exhibitor();
    const product = await cf.product(companyId);
    const draft = await cf.product(companyId, { status: 'draft' });
    const bad = await send(
      product.slug,
      inquiry({ email: 'nope', message: 'x'.repeat(5001), country: 'XX' }),
      nextIp(),
    );
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { email: 'INVALID_EMAIL', message: 'TOO_LONG', country: 'INVALID_VALUE' } },
    });
    const missing = await send(draft.slug, inquiry({ email: 'draft@buyer.example' }), nextIp());
    expect(missing.statusCode).toBe(404);
  });

  it('rate-limits inquiries per e-mail address and per IP address (429)', async () => {
    const { companyId } = await cf.exhibitor();
    const product = await cf.product(companyId);
    const ip = nextIp();
    for (let i = 0; i < 5; i++) {
      const ok = await send(product.slug, inquiry({ email: 'same@buyer.example' }), ip);
      expect(ok.statusCode).toBe(201);
    }
    const limited = await send(product.slug, inquiry({ email: 'same@buyer.example' }), nextIp());
    expect(limited.statusCode).toBe(429);
    expect(json(limited).code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const busy = nextIp();
    for (let i = 0; i < 20; i++) {
      const ok = await send(product.slug, inquiry({ email: `visitor${i}@buyer.example` }), busy);
      expect(ok.statusCode).toBe(201);
    }
    const blocked = await send(product.slug, inquiry({ email: 'visitor-last@buyer.example' }), busy);
    expect(blocked.statusCode).toBe(429);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM inquiries WHERE product_id = $1`,
      [product.id],
    );
    expect(n).toBe(25);
  });

  it("keeps each exhibitor's inbox to itself; a reply e-mails the inquirer with an invitation to register", async () => {
    const a = await cf.exhibitor({ name: 'Mây tre Phú Vinh A' });
    const b = await cf.exhibitor({ name: 'Mây tre Phú Vinh B' });
    const buyer = await cf.f.member('buyer', 'approved');
    const product = await cf.product(a.companyId, { nameVi: 'Giỏ mây', nameEn: 'Rattan basket' });
    const created = await send(
      product.slug,
      inquiry({ email: 'lan@buyer.example', locale: 'vi', name: 'Trần Lan' }),
      nextIp(),
    );
    const { id } = json<{ id: string }>(created);

    const list = await t.inject({ method: 'GET', url: '/api/inquiries', headers: a.owner.auth });
    expect(list.statusCode).toBe(200);
    const page = json<InquiryPage>(list);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id,
      name: 'Trần Lan',
      status: 'new',
      product: { slug: product.slug },
    });

    const otherList = json<InquiryPage>(
      await t.inject({ method: 'GET', url: '/api/inquiries', headers: b.owner.auth }),
    );
    expect(otherList.items.map((i) => i.id)).not.toContain(id);
    for (const req of [
      { method: 'GET' as const, url: `/api/inquiries/${id}` },
      {
        method: 'POST' as const,
        url: `/api/inquiries/${id}/replies`,
        payload: { message: 'Mine now', inviteToRegister: false },
      },
    ]) {
      const res = await t.inject({ ...req, headers: b.owner.auth });
      expect(res.statusCode).toBe(404);
    }
    const asBuyer = await t.inject({ method: 'GET', url: `/api/inquiries/${id}`, headers: buyer.auth });
    expect(asBuyer.statusCode).toBe(403);
    const signedOut = await t.inject({ method: 'GET', url: '/api/inquiries' });
    expect(signedOut.statusCode).toBe(401);

    const reply = await t.inject({
      method: 'POST',
      url: `/api/inquiries/${id}/replies`,
      headers: a.owner.auth,
      payload: { message: 'Giá FOB 4,20 USD, MOQ 300 chiếc.', inviteToRegister: true },
    });
    expect(reply.statusCode).toBe(201);
    const detail = json<InquiryDetail>(reply);
    expect(detail).toMatchObject({
      status: 'answered',
      replies: [{ message: 'Giá FOB 4,20 USD, MOQ 300 chiếc.', invitedToRegister: true }],
    });

    const [mail] = await t.dataSource.query(
      `SELECT locale, subject, text_body FROM mail_outbox WHERE template = 'inquiryReply' AND to_address = 'lan@buyer.example'`,
    );
    expect(mail.locale).toBe('vi');
    expect(mail.subject).toBe('Mây tre Phú Vinh A đã trả lời yêu cầu của bạn về Giỏ mây');
    expect(mail.text_body).toContain('Giá FOB 4,20 USD, MOQ 300 chiếc.');
    expect(mail.text_body).toContain('http://localhost:3000/register?kind=buyer&email=lan%40buyer.example');
    expect(mail.text_body).toContain('người mua');

    const own = await t.inject({ method: 'GET', url: `/api/inquiries/${id}`, headers: a.owner.auth });
    expect(json<InquiryDetail>(own).replies).toHaveLength(1);
  });

  it('answers without an invitation in English for a Japanese visitor, linking the product page', async () => {
    const a = await cf.exhibitor({ name: 'Sơn mài Hạ Thái' });
    const product = await cf.product(a.companyId, { nameEn: 'Lacquer tray' });
    const { id } = json<{ id: string }>(
      await send(
        product.slug,
        inquiry({ email: 'kenji@sakura.example', locale: 'ja', name: 'Kenji' }),
        nextIp(),
      ),
    );
    const res = await t.inject({
      method: 'POST',
      url: `/api/inquiries/${id}/replies`,
      headers: a.owner.auth,
      payload: { message: 'Yes, we ship to Osaka.', inviteToRegister: false },
    });
    expect(res.statusCode).toBe(201);
    const [mail] = await t.dataSource.query(
      `SELECT locale, subject, text_body FROM mail_outbox WHERE template = 'inquiryReply' AND to_address = 'kenji@sakura.example'`,
    );
    expect(mail.locale).toBe('en');
    expect(mail.subject).toBe('Sơn mài Hạ Thái answered your inquiry about Lacquer tray');
    expect(mail.text_body).toContain(`http://localhost:3000/p/${product.slug}`);
    expect(mail.text_body).not.toContain('register');
  });
});
