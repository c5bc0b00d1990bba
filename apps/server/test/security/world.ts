import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { TestApp } from '../app';
import { CatalogueFactory } from '../catalogue-factory';
import { Factory, type TestUser } from '../factories';
import { buyerAt, exhibitorAt, seedFair, type SeededFair } from '../fair-fixtures';
import { multipart } from '../multipart';

/** The callers of the authorization matrix. */
export const ROLES = ['anonymous', 'exhibitorA', 'exhibitorB', 'buyerC', 'interpreter', 'organizer'] as const;
export type Role = (typeof ROLES)[number];

/** Fair days 2026-12-03 to 08, 08:00–23:00 in UTC+7: 30 slots of 30 minutes a day from 01:00 UTC. */
export const slot = (day: 3 | 4 | 5 | 6 | 7 | 8, index: number): string =>
  new Date(Date.UTC(2026, 11, day, 1, 30 * index)).toISOString();

export interface World {
  t: TestApp;
  fair: SeededFair & { slug: string };
  users: Record<Exclude<Role, 'anonymous'>, TestUser>;
  companies: { A: string; B: string; C: string };
  boothA: string;
  productA: { id: string; slug: string };
  photoA: string;
  certificationA: string;
  workshopA: string;
  artisanA: string;
  meetingAccepted: string;
  contract: string;
  sample: string;
  inquiry: string;
  importId: string;
  notificationA: string;
  tableId: string;
  draftId: string;
  feedFile: string;
  invitationToken: string;
  /** an id that names nothing */
  nobody: string;
  /** headers of a role (none for anonymous) */
  headers(role: Role): Record<string, string>;
  /** a meeting C requested of A (status requested), made through the API */
  requestedMeeting(): Promise<string>;
  /** a meeting C requested and A accepted */
  acceptedMeeting(): Promise<string>;
  /** an accepted meeting that needs a German interpreter, inside the interpreter's shift on 3 December */
  interpretedMeeting(): Promise<string>;
  /** an accepted meeting marked held (outcomes) */
  heldMeeting(): Promise<string>;
  /** a fresh ready schedule draft of F (the earlier one stops being current) */
  newDraft(): Promise<string>;
  /** an accepted meeting with a reschedule proposed by C */
  rescheduledMeeting(): Promise<string>;
  /** a product of A (published) */
  product(): Promise<{ id: string; slug: string }>;
  /** a contract declared by C with A, one line */
  newContract(): Promise<string>;
  /** a sample request of C to A */
  newSample(status?: 'requested' | 'sent' | 'received'): Promise<string>;
  photo(productId: string): Promise<string>;
  /** the body accepting the latest proposed slot of a meeting */
  proposal(meetingId: string): Promise<{ slotStart: string }>;
  png: Buffer;
}

let nextSlot = 0;
/** Every meeting the world makes takes its own slot on 5 to 8 December (3 and 4 December are for the routes). */
function freshSlots(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = nextSlot++ % 120;
    out.push(slot((5 + Math.floor(n / 30)) as 5 | 6 | 7 | 8, n % 30));
  }
  return out;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const f = new Factory(t);
  const cf = new CatalogueFactory(t);
  const seeded = await seedFair(t, {
    days: ['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08'],
  });
  await t.dataSource.query(`UPDATE fair_days SET closes_at = '23:00' WHERE fair_id = $1`, [seeded.fairId]);
  await t.dataSource.query(`UPDATE fairs SET meeting_request_limit = 1000 WHERE id = $1`, [seeded.fairId]);
  const [{ slug: fairSlug }] = await t.dataSource.query(`SELECT slug FROM fairs WHERE id = $1`, [
    seeded.fairId,
  ]);
  const fair = { ...seeded, slug: fairSlug as string };
  const a = await exhibitorAt(t, fair, { name: 'Gốm Bát Tràng A' });
  const b = await exhibitorAt(t, fair, { name: 'Sơn mài B' });
  for (const e of [a, b]) {
    await t.dataSource.query(
      `INSERT INTO exhibitor_profiles (company_id, village_code) VALUES ($1, 'bat-trang')`,
      [e.companyId],
    );
  }
  const c = await buyerAt(t, fair, { name: 'Nordhaus C', countryCode: 'DE' });
  const interpreter = await f.user({ role: 'interpreter' });
  const organizer = await f.organizer();
  const users = { exhibitorA: a, exhibitorB: b, buyerC: c, interpreter, organizer };
  const headers = (role: Role): Record<string, string> =>
    role === 'anonymous' ? {} : { ...users[role].auth };
  const companies = { A: a.companyId!, B: b.companyId!, C: c.companyId! };

  const call = async (
    role: Role,
    method: string,
    url: string,
    payload?: unknown,
    expected = [200, 201, 202, 204],
  ) => {
    const res = await t.inject({
      method: method as 'GET',
      url: `/api${url}`,
      headers: headers(role),
      payload: payload as object,
    });
    if (!expected.includes(res.statusCode))
      throw new Error(`world: ${role} ${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.body ? (JSON.parse(res.body) as Record<string, string>) : {};
  };

  const png = await sharp({ create: { width: 12, height: 12, channels: 3, background: '#9B2226' } })
    .png()
    .toBuffer();
  const photo = async (productId: string) => {
    const body = multipart({ content: png, filename: 'photo.png', contentType: 'image/png' });
    const res = await t.inject({
      method: 'POST',
      url: `/api/products/${productId}/photos`,
      headers: { ...a.auth, ...body.headers },
      payload: body.payload,
    });
    if (res.statusCode >= 300) throw new Error(`world: photo ${res.statusCode} ${res.body}`);
    const [row] = await t.dataSource.query(
      `SELECT file_id FROM product_photos WHERE product_id = $1 ORDER BY position DESC LIMIT 1`,
      [productId],
    );
    return row.file_id as string;
  };
  const product = () => cf.product(companies.A, { nameVi: 'Bình gốm men lam', priceMin: '4.50' });

  const productA = await product();
  const photoA = await photo(productA.id);
  const certificationA = (
    await call('exhibitorA', 'POST', `/exhibitors/${companies.A}/certifications`, {
      type: 'BSCI',
      number: 'BSCI-1',
      expiresOn: '2027-06-30',
    })
  ).id as string;
  const workshopA = (
    await call('exhibitorA', 'POST', `/exhibitors/${companies.A}/workshops`, {
      name: 'Xưởng gốm',
      villageCode: 'bat-trang',
    })
  ).id as string;
  const artisanA = (
    await call('exhibitorA', 'POST', `/exhibitors/${companies.A}/workshops/${workshopA}/artisans`, {
      name: 'Nghệ nhân Lê Văn Gốm',
    })
  ).id as string;
  await call('buyerC', 'PUT', '/companies/me/buyer-profile', { country: 'DE', languages: ['de', 'en'] });
  await call('organizer', 'PUT', `/fairs/${fair.fairId}/interpreters/${interpreter.id}`, {
    languages: ['de', 'en'],
    shifts: [{ start: slot(3, 0), end: slot(3, 30) }],
  });
  const tableId = (
    await call('organizer', 'POST', `/fairs/${fair.fairId}/b2b-tables`, { hallId: fair.hallId, code: 'T-01' })
  ).id as string;

  const proposal = async (meetingId: string) => {
    const [p] = await t.dataSource.query(
      `SELECT slot_start FROM meeting_proposals WHERE meeting_id = $1 ORDER BY round DESC LIMIT 1`,
      [meetingId],
    );
    return { slotStart: new Date(p.slot_start).toISOString() };
  };
  const requestedMeeting = async () =>
    (
      await call('buyerC', 'POST', `/fairs/${fair.fairId}/meetings`, {
        withUserId: a.id,
        slots: freshSlots(1),
        message: 'Xin chào',
      })
    ).id as string;
  const acceptedMeeting = async () => {
    const id = await requestedMeeting();
    await call('exhibitorA', 'POST', `/meetings/${id}/accept`, await proposal(id));
    return id;
  };
  const rescheduledMeeting = async () => {
    const id = await acceptedMeeting();
    await call('buyerC', 'POST', `/meetings/${id}/reschedule`, { slots: freshSlots(1) });
    return id;
  };
  let shiftSlot = 0;
  const interpretedMeeting = async () => {
    const id = (
      await call('buyerC', 'POST', `/fairs/${fair.fairId}/meetings`, {
        withUserId: a.id,
        slots: [slot(3, shiftSlot++ % 30)],
        interpreterLanguage: 'de',
      })
    ).id as string;
    await call('exhibitorA', 'POST', `/meetings/${id}/accept`, await proposal(id));
    return id;
  };
  const heldMeeting = async () => {
    const id = await acceptedMeeting();
    await t.dataSource.query(`UPDATE meetings SET status = 'held' WHERE id = $1`, [id]);
    return id;
  };
  const { SchedulingService } = await import('../../src/modules/scheduling');
  const newDraft = async () => {
    const id = (await call('organizer', 'POST', `/fairs/${fair.fairId}/scheduling/drafts`, { mode: 'fill' }))
      .draftId as string;
    await t.app.get(SchedulingService).settled(id);
    return id;
  };
  const meetingAccepted = await acceptedMeeting();

  const newContract = async () =>
    (
      await call('buyerC', 'POST', `/fairs/${fair.fairId}/contracts`, {
        counterpartCompanyId: companies.A,
        number: `HD-${randomUUID().slice(0, 8)}`,
        signedOn: '2026-12-03',
        kind: 'contract',
        currency: 'USD',
        incoterm: 'FOB',
        incotermPlace: 'Hai Phong',
        paymentTerms: 'tt',
        depositPercent: '30',
        lines: [
          { productId: productA.id, description: 'Bình gốm', quantity: '100', unit: 'pcs', unitPrice: '5.5' },
        ],
      })
    ).id as string;
  const newSample = async (status: 'requested' | 'sent' | 'received' = 'requested') => {
    const id = (
      await call('buyerC', 'POST', `/fairs/${fair.fairId}/samples`, {
        counterpartCompanyId: companies.A,
        items: [{ productId: productA.id, description: 'Bình gốm 30 cm', quantity: 2 }],
        cost: '35.50',
        currency: 'USD',
      })
    ).id as string;
    if (status !== 'requested')
      await call('exhibitorA', 'POST', `/samples/${id}/send`, {
        courier: 'DHL Express',
        trackingNumber: '1234567890',
      });
    if (status === 'received') await call('buyerC', 'POST', `/samples/${id}/receive`);
    return id;
  };
  const contract = await newContract();
  const sample = await newSample();

  await call('anonymous', 'POST', `/catalogue/products/${productA.slug}/inquiries`, {
    name: 'Anna Schmidt',
    company: 'Nordhaus',
    country: 'DE',
    email: 'anna@nordhaus.example',
    message: 'Could you quote 500 pieces?',
  });
  const [{ id: inquiry }] = await t.dataSource.query(`SELECT id FROM inquiries LIMIT 1`);
  const [{ id: notificationA }] = await t.dataSource.query(
    `SELECT id FROM notifications WHERE user_id = $1 LIMIT 1`,
    [a.id],
  );

  const csv = Buffer.from(
    'companyName,country,contactName,contactEmail,categories\r\nHaus & Garten GmbH,DE,Anna Schmidt,anna@import.example,CER\r\n',
  );
  const upload = multipart({ content: csv, filename: 'buyers.csv' }, { kind: 'buyer' });
  const imported = await t.inject({
    method: 'POST',
    url: '/api/imports',
    headers: { ...organizer.auth, ...upload.headers },
    payload: upload.payload,
  });
  if (imported.statusCode >= 300) throw new Error(`world: import ${imported.statusCode} ${imported.body}`);
  const importId = (JSON.parse(imported.body) as { id: string }).id;

  await call('buyerC', 'PUT', `/fairs/${fair.fairId}/wishes/${companies.A}`, { level: 'must' });
  const draftId = await newDraft();

  const feed = await call('buyerC', 'POST', '/calendar/feed-token');
  const feedFile = String(feed.url ?? '')
    .split('/')
    .pop() as string;
  await call('exhibitorA', 'POST', `/companies/${companies.A}/invitations`, {
    email: `colleague.${randomUUID().slice(0, 6)}@test.example`,
  });

  return {
    t,
    fair,
    users,
    companies,
    boothA: (await t.dataSource.query(`SELECT id FROM booths WHERE company_id = $1`, [companies.A]))[0].id,
    productA,
    photoA,
    certificationA,
    workshopA,
    artisanA,
    meetingAccepted,
    contract,
    sample,
    inquiry,
    importId,
    notificationA,
    tableId,
    draftId,
    feedFile,
    invitationToken: 'not-a-real-token',
    nobody: randomUUID(),
    headers,
    requestedMeeting,
    acceptedMeeting,
    rescheduledMeeting,
    interpretedMeeting,
    heldMeeting,
    newDraft,
    product,
    newContract,
    newSample,
    photo,
    proposal,
    png,
  };
}
