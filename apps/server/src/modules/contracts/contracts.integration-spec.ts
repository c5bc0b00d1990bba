import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type {
  ApiErrorBody,
  AppNotification,
  AuditEntry,
  ContractChangedEvent,
  ContractDetail,
  FxRate,
  Page,
  ContractSummary,
  PipelineResponse,
} from '@craftmatch/shared';
import { connectSocket } from '../../../test/sockets';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';

type Auth = { authorization: string };
const code = (res: { body: string }) => (JSON.parse(res.body) as ApiErrorBody).code;
/** The first event matching `accept`; earlier events (of the declaration) may still be arriving. */
function waitFor<T>(socket: Socket, event: string, accept: (payload: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      if (!accept(payload)) return;
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}
const fields = (res: { body: string }) => (JSON.parse(res.body) as ApiErrorBody).details?.fields;

describe('contracts', () => {
  let t: TestApp;
  let f: Factory;
  let fairId: string;
  let organizer: TestUser;
  let staff: TestUser;
  let exhibitor: TestUser;
  let buyer: TestUser;
  let otherBuyer: TestUser;
  let otherExhibitor: TestUser;

  const post = (url: string, who: Auth, payload: object = {}) =>
    t.inject({ method: 'POST', url: `/api${url}`, headers: who, payload });
  const get = (url: string, who: Auth) => t.inject({ method: 'GET', url: `/api${url}`, headers: who });
  const setRate = (currency: string, effectiveDate: string, rateToUsd: string, who: Auth = organizer.auth) =>
    t.inject({
      method: 'PUT',
      url: '/api/fx-rates',
      headers: who,
      payload: { currency, effectiveDate, rateToUsd },
    });

  const body = (over: Record<string, unknown> = {}) => ({
    counterpartCompanyId: exhibitor.companyId,
    number: `HD-${randomUUID().slice(0, 8)}`,
    signedOn: '2026-12-03',
    kind: 'contract',
    currency: 'VND',
    incoterm: 'FOB',
    incotermPlace: 'Hai Phong',
    paymentTerms: 'tt',
    depositPercent: '30',
    lines: [
      { description: 'Bình gốm men lam', quantity: '1200', unit: 'pcs', unitPrice: '185000.5' },
      { description: 'Đĩa gốm', quantity: '3', unit: 'set', unitPrice: '0.4999' },
    ],
    ...over,
  });
  const declare = async (who: TestUser = buyer, over: Record<string, unknown> = {}) => {
    const res = await post(`/fairs/${fairId}/contracts`, who.auth, body(over));
    expect(res.statusCode).toBe(201);
    return json<ContractDetail>(res);
  };
  const auditOf = async (id: string, who: Auth = organizer.auth) => {
    const res = await get(`/contracts/${id}/audit`, who);
    expect(res.statusCode).toBe(200);
    return json<AuditEntry[]>(res);
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
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
    otherBuyer = await f.member('buyer', 'approved');
    otherExhibitor = await f.member('exhibitor', 'approved');
    expect((await setRate('VND', '2026-11-01', '0.00003900')).statusCode).toBe(200);
    expect((await setRate('VND', '2026-12-01', '0.00003937')).statusCode).toBe(200);
    expect((await setRate('VND', '2026-12-10', '0.00004100')).statusCode).toBe(200);
    expect((await setRate('EUR', '2026-12-01', '1.08')).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  describe('FX rates', () => {
    it('are kept by the organizer with 8 decimals, upserted per currency and date', async () => {
      const res = await setRate('jpy', '2026-12-01', '0.0066');
      expect(res.statusCode).toBe(200);
      expect(json<FxRate>(res)).toMatchObject({
        currency: 'JPY',
        effectiveDate: '2026-12-01',
        rateToUsd: '0.00660000',
      });
      expect(json<FxRate>(await setRate('JPY', '2026-12-01', '0.00665'))).toMatchObject({
        rateToUsd: '0.00665000',
      });
      const list = json<FxRate[]>(await get('/fx-rates?currency=VND', staff.auth));
      expect(list.map((r) => [r.effectiveDate, r.rateToUsd])).toEqual([
        ['2026-12-10', '0.00004100'],
        ['2026-12-01', '0.00003937'],
        ['2026-11-01', '0.00003900'],
      ]);
    });

    it.each([
      ['a float', 0.5],
      ['nine decimals', '0.000000001'],
      ['zero', '0'],
      ['a negative rate', '-1'],
      ['an exponent', '1e-5'],
    ])('refuse %s', async (_, rate) => {
      const res = await setRate('EUR', '2026-12-02', rate as string);
      expect([res.statusCode, code(res), fields(res)]).toEqual([
        400,
        'VALIDATION_FAILED',
        { rateToUsd: expect.any(String) },
      ]);
    });

    it('refuse USD, unknown currencies, impossible dates, and anyone but the organizer', async () => {
      expect(code(await setRate('USD', '2026-12-01', '1'))).toBe('VALIDATION_FAILED');
      expect(code(await setRate('ABC', '2026-12-01', '1'))).toBe('VALIDATION_FAILED');
      expect(code(await setRate('EUR', '2026-02-30', '1'))).toBe('VALIDATION_FAILED');
      expect((await setRate('EUR', '2026-12-01', '1', staff.auth)).statusCode).toBe(403);
      expect((await setRate('EUR', '2026-12-01', '1', buyer.auth)).statusCode).toBe(403);
    });
  });

  describe('declaring', () => {
    it('computes totals on the server with the rate on or before the signing date', async () => {
      const c = await declare();
      // 1200 × 185000.5 = 222,000,600; 3 × 0.4999 = 1.4997 → 1 (VND has no decimals)
      expect(c).toMatchObject({
        status: 'declared',
        total: '222000601',
        currency: 'VND',
        fxRate: '0.00003937',
        fxDate: '2026-12-01',
        totalUsd: '8740.16', // 222000601 × 0.00003937 = 8740.16366…
        declaredByCompanyId: buyer.companyId,
        exhibitorCompanyId: exhibitor.companyId,
        buyerCompanyId: buyer.companyId,
        depositPercent: '30.00',
      });
      expect(c.lines.map((l) => [l.quantity, l.unitPrice, l.lineTotal])).toEqual([
        ['1200', '185000.5', '222000600'],
        ['3', '0.4999', '1'],
      ]);
      const [row] = await t.dataSource.query(
        `SELECT total::text, total_usd::text, (SELECT sum(line_total)::text FROM contract_lines WHERE contract_id = $1) AS lines
           FROM contracts WHERE id = $1`,
        [c.id],
      );
      expect(row).toEqual({ total: '222000601.0000', total_usd: '8740.16', lines: '222000601.0000' });
      const [note] = await t.dataSource.query(
        `SELECT data FROM notifications WHERE user_id = $1 AND type = 'contract.declared'`,
        [exhibitor.id],
      );
      expect(note.data).toMatchObject({
        contractId: c.id,
        number: c.number,
        total: '222000601',
        currency: 'VND',
      });
    });

    it('rounds half-up to the minor unit: USD at 1, KWD with 3 decimals', async () => {
      const usd = await declare(buyer, {
        currency: 'USD',
        lines: [{ description: 'x', quantity: '3', unit: 'pcs', unitPrice: '1.0050' }],
      });
      expect([usd.total, usd.fxRate, usd.totalUsd, usd.lines[0].lineTotal]).toEqual([
        '3.02',
        '1.00000000',
        '3.02',
        '3.02',
      ]);
      expect((await setRate('KWD', '2026-12-01', '3.25')).statusCode).toBe(200);
      const kwd = await declare(buyer, {
        currency: 'KWD',
        lines: [{ description: 'x', quantity: '3', unit: 'pcs', unitPrice: '2.3335' }],
      });
      expect([kwd.total, kwd.totalUsd]).toEqual(['7.001', '22.75']);
    });

    it('refuses client totals, floats, a deposit without T/T and amounts beyond the columns, writing nothing', async () => {
      const [{ n: before }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM contracts`);
      const cases: [Record<string, unknown>, string][] = [
        [{ total: '1' }, 'total'],
        [{ lines: [{ description: 'x', quantity: 2, unit: 'pcs', unitPrice: '1' }] }, 'lines.0.quantity'],
        [{ lines: [{ description: 'x', quantity: '2', unit: 'pcs', unitPrice: 1.5 }] }, 'lines.0.unitPrice'],
        [{ lines: [{ description: 'x', quantity: '0', unit: 'pcs', unitPrice: '1' }] }, 'lines.0.quantity'],
        [
          { lines: [{ description: 'x', quantity: '1', unit: 'pcs', unitPrice: '1.00001' }] },
          'lines.0.unitPrice',
        ],
        [{ paymentTerms: 'lc_sight' }, 'depositPercent'],
        [{ depositPercent: '100.5' }, 'depositPercent'],
        [{ lines: [] }, 'lines'],
        [{ incoterm: 'FOX' }, 'incoterm'],
        [{ signedOn: '2026-13-01' }, 'signedOn'],
        [{ counterpartCompanyId: otherBuyer.companyId }, 'counterpartCompanyId'],
        [
          {
            lines: [
              {
                description: 'x',
                quantity: '99999999999999.9999',
                unit: 'pcs',
                unitPrice: '9999999999999999.9999',
              },
            ],
          },
          'lines.0.unitPrice',
        ],
      ];
      for (const [over, field] of cases) {
        const res = await post(`/fairs/${fairId}/contracts`, buyer.auth, body(over));
        expect([res.statusCode, Object.keys(fields(res) ?? {})]).toEqual([400, [field]]);
      }
      const [{ n: after }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM contracts`);
      expect(after).toBe(before);
    });

    it('needs a rate on or before the signing date (422 FX_RATE_MISSING)', async () => {
      const early = await post(`/fairs/${fairId}/contracts`, buyer.auth, body({ signedOn: '2026-10-31' }));
      expect([early.statusCode, code(early)]).toEqual([422, 'FX_RATE_MISSING']);
      expect(JSON.parse(early.body).message).toContain('VND');
      const none = await post(`/fairs/${fairId}/contracts`, buyer.auth, body({ currency: 'KRW' }));
      expect([none.statusCode, code(none)]).toEqual([422, 'FX_RATE_MISSING']);
    });

    it('links only a held meeting of the two companies at this fair', async () => {
      const meeting = async (status: string, buyerUser: TestUser) => {
        const [m] = await t.dataSource.query(
          `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                                 requester_company_id, status, time_range, expires_at)
           VALUES ($1, $2, $3, $4, $5, $2, $6, tstzrange($7::timestamptz, $7::timestamptz + interval '30 minutes'), $7)
           RETURNING id`,
          [
            fairId,
            buyerUser.companyId,
            exhibitor.companyId,
            buyerUser.id,
            exhibitor.id,
            status,
            new Date(Date.UTC(2026, 11, 3, Math.floor(Math.random() * 1e6))),
          ],
        );
        return m.id as string;
      };
      const held = await meeting('held', buyer);
      expect((await declare(buyer, { meetingId: held })).meetingId).toBe(held);
      for (const id of [await meeting('accepted', buyer), await meeting('held', otherBuyer), randomUUID()]) {
        const res = await post(`/fairs/${fairId}/contracts`, buyer.auth, body({ meetingId: id }));
        expect([res.statusCode, fields(res)]).toEqual([400, { meetingId: 'MEETING_NOT_HELD' }]);
      }
    });

    it('refuses the same number twice between the same companies (409)', async () => {
      const c = await declare();
      const again = await post(
        `/fairs/${fairId}/contracts`,
        exhibitor.auth,
        body({ number: c.number, counterpartCompanyId: buyer.companyId }),
      );
      expect([again.statusCode, code(again)]).toEqual([409, 'ALREADY_EXISTS']);
    });

    it('refuses organizers, interpreters and companies not approved', async () => {
      expect((await post(`/fairs/${fairId}/contracts`, organizer.auth, body())).statusCode).toBe(403);
      const pending = await f.member('buyer', 'pending');
      const res = await post(`/fairs/${fairId}/contracts`, pending.auth, body());
      expect([res.statusCode, code(res)]).toEqual([403, 'COMPANY_NOT_APPROVED']);
    });
  });

  describe('two sides', () => {
    it('declared → confirmed → disputed, each with its audit row', async () => {
      const c = await declare();
      // the declaring side cannot confirm its own declaration
      const self = await post(`/contracts/${c.id}/confirm`, buyer.auth);
      expect([self.statusCode, code(self)]).toEqual([409, 'INVALID_CONTRACT_TRANSITION']);
      t.clock.advance(60_000);
      const confirmed = await post(`/contracts/${c.id}/confirm`, exhibitor.auth);
      expect(confirmed.statusCode).toBe(200);
      expect(json<ContractDetail>(confirmed)).toMatchObject({
        status: 'confirmed',
        confirmedAt: t.clock.now().toISOString(),
      });
      const twice = await post(`/contracts/${c.id}/confirm`, exhibitor.auth);
      expect([twice.statusCode, code(twice)]).toEqual([409, 'INVALID_CONTRACT_TRANSITION']);
      const noReason = await post(`/contracts/${c.id}/dispute`, exhibitor.auth, {});
      expect(noReason.statusCode).toBe(400);
      const disputed = await post(`/contracts/${c.id}/dispute`, exhibitor.auth, {
        reason: 'Giá sai ở dòng 2',
      });
      expect(json<ContractDetail>(disputed)).toMatchObject({
        status: 'disputed',
        disputeReason: 'Giá sai ở dòng 2',
      });

      const trail = await auditOf(c.id);
      expect(trail.map((a) => [a.action, a.companyId, a.before, a.after])).toEqual([
        [
          'contract.declare',
          buyer.companyId,
          null,
          expect.objectContaining({ status: 'declared', total: '222000601' }),
        ],
        [
          'contract.confirm',
          exhibitor.companyId,
          { status: 'declared' },
          { status: 'confirmed', confirmedAt: expect.any(String) },
        ],
        [
          'contract.dispute',
          exhibitor.companyId,
          { status: 'confirmed' },
          { status: 'disputed', disputeReason: 'Giá sai ở dòng 2' },
        ],
      ]);
      expect(trail[1].actorId).toBe(exhibitor.id);
      const notes = await t.dataSource.query(
        `SELECT type, data FROM notifications WHERE user_id = $1 AND data->>'contractId' = $2 ORDER BY created_at`,
        [buyer.id, c.id],
      );
      expect(notes.map((n: { type: string }) => n.type)).toEqual(['contract.confirmed', 'contract.disputed']);
    });

    it('a change after confirmation returns it to declared and needs the other side again', async () => {
      const c = await declare();
      await post(`/contracts/${c.id}/confirm`, exhibitor.auth);
      const patch = (who: Auth, payload: object) =>
        t.inject({ method: 'PATCH', url: `/api/contracts/${c.id}`, headers: who, payload });
      const byOther = await patch(exhibitor.auth, { notes: 'x' });
      expect([byOther.statusCode, code(byOther)]).toEqual([409, 'INVALID_CONTRACT_TRANSITION']);
      const nulled = await patch(buyer.auth, { number: null });
      expect([nulled.statusCode, fields(nulled)]).toEqual([400, { number: 'REQUIRED' }]);
      // nothing new: no audit row, status unchanged
      const same = await patch(buyer.auth, { incoterm: 'FOB' });
      expect(json<ContractDetail>(same).status).toBe('confirmed');
      expect(await auditOf(c.id)).toHaveLength(2);

      const res = await patch(buyer.auth, {
        lines: [{ description: 'Bình gốm men lam', quantity: '1000', unit: 'pcs', unitPrice: '185000.5' }],
      });
      expect(res.statusCode).toBe(200);
      const changed = json<ContractDetail>(res);
      expect(changed).toMatchObject({
        status: 'declared',
        confirmedAt: null,
        total: '185000500',
        totalUsd: '7283.47',
      });
      const last = (await auditOf(c.id)).at(-1)!;
      expect(last.action).toBe('contract.update');
      expect(last.before).toMatchObject({ status: 'confirmed', total: '222000601', totalUsd: '8740.16' });
      expect(last.after).toMatchObject({ status: 'declared', total: '185000500', totalUsd: '7283.47' });
      expect(Object.keys(last.after!).sort()).toEqual(['lines', 'status', 'total', 'totalUsd']);
      expect((await post(`/contracts/${c.id}/confirm`, exhibitor.auth)).statusCode).toBe(200);
    });

    it('a new signing date or currency takes that date’s rate', async () => {
      const c = await declare();
      const res = await t.inject({
        method: 'PATCH',
        url: `/api/contracts/${c.id}`,
        headers: buyer.auth,
        payload: { signedOn: '2026-12-12', currency: 'EUR', paymentTerms: 'lc_sight' },
      });
      expect(res.statusCode).toBe(200);
      // EUR has 2 decimals: 1200 × 185000.5 = 222000600.00; 3 × 0.4999 = 1.4997 → 1.50
      expect(json<ContractDetail>(res)).toMatchObject({
        currency: 'EUR',
        total: '222000601.50',
        fxRate: '1.08000000',
        fxDate: '2026-12-01',
        totalUsd: '239760649.62',
        depositPercent: null,
      });
    });

    it('cancellation keeps the record and ends it', async () => {
      const c = await declare(exhibitor, { counterpartCompanyId: buyer.companyId });
      const res = await post(`/contracts/${c.id}/cancel`, buyer.auth, { reason: 'Đơn hàng bị huỷ' });
      expect(json<ContractDetail>(res)).toMatchObject({
        status: 'cancelled',
        cancelReason: 'Đơn hàng bị huỷ',
      });
      expect(json<ContractDetail>(await get(`/contracts/${c.id}`, exhibitor.auth)).lines).toHaveLength(2);
      for (const action of ['confirm', 'cancel']) {
        const again = await post(`/contracts/${c.id}/${action}`, buyer.auth);
        expect([again.statusCode, code(again)]).toEqual([409, 'INVALID_CONTRACT_TRANSITION']);
      }
      const patch = await t.inject({
        method: 'PATCH',
        url: `/api/contracts/${c.id}`,
        headers: exhibitor.auth,
        payload: { notes: 'x' },
      });
      expect(patch.statusCode).toBe(409);
      expect((await auditOf(c.id, exhibitor.auth)).map((a) => a.action)).toEqual([
        'contract.declare',
        'contract.cancel',
      ]);
    });
  });

  describe('re-valuation', () => {
    it('a later rate rewrites nothing; an explicit re-value does, and keeps the history', async () => {
      const c = await declare();
      expect((await setRate('VND', '2026-12-01', '0.00003950')).statusCode).toBe(200);
      expect(json<ContractDetail>(await get(`/contracts/${c.id}`, buyer.auth))).toMatchObject({
        fxRate: '0.00003937',
        totalUsd: '8740.16',
      });
      expect((await post(`/contracts/${c.id}/revalue`, buyer.auth, {})).statusCode).toBe(403);
      expect((await post(`/contracts/${c.id}/revalue`, staff.auth, {})).statusCode).toBe(403);
      const res = await post(`/contracts/${c.id}/revalue`, organizer.auth, {
        reason: 'Tỷ giá ngày ký được sửa',
      });
      expect(res.statusCode).toBe(200);
      expect(json<ContractDetail>(res)).toMatchObject({
        fxRate: '0.00003950',
        totalUsd: '8769.02',
        status: 'declared',
      });
      const later = await post(`/contracts/${c.id}/revalue`, organizer.auth, { fxDate: '2026-12-15' });
      expect(json<ContractDetail>(later)).toMatchObject({
        fxRate: '0.00004100',
        fxDate: '2026-12-10',
        totalUsd: '9102.02',
      });
      const missing = await post(`/contracts/${c.id}/revalue`, organizer.auth, { fxDate: '2020-01-01' });
      expect([missing.statusCode, code(missing)]).toEqual([422, 'FX_RATE_MISSING']);

      const trail = (await auditOf(c.id, exhibitor.auth)).filter((a) => a.action === 'contract.revalue');
      expect(trail.map((a) => [a.actorId, a.reason, a.before, a.after])).toEqual([
        [
          organizer.id,
          'Tỷ giá ngày ký được sửa',
          { fxRate: '0.00003937', fxDate: '2026-12-01', totalUsd: '8740.16' },
          { fxRate: '0.00003950', fxDate: '2026-12-01', totalUsd: '8769.02' },
        ],
        [
          organizer.id,
          null,
          { fxRate: '0.00003950', fxDate: '2026-12-01', totalUsd: '8769.02' },
          { fxRate: '0.00004100', fxDate: '2026-12-10', totalUsd: '9102.02' },
        ],
      ]);
      // the re-value happens in the same transaction as its audit row: restore the rate for later tests
      expect((await setRate('VND', '2026-12-01', '0.00003937')).statusCode).toBe(200);
    });
  });

  describe('who sees what', () => {
    it('a buyer sees only its own contracts, an exhibitor its own, the organizer all', async () => {
      const mine = await declare();
      const theirs = await declare(otherBuyer);
      const elsewhere = await declare(otherBuyer, { counterpartCompanyId: otherExhibitor.companyId });

      const ids = async (who: Auth) =>
        json<Page<ContractSummary>>(await get(`/contracts?fairId=${fairId}&pageSize=100`, who)).items.map(
          (c) => c.id,
        );
      const buyerSees = await ids(buyer.auth);
      expect(buyerSees).toContain(mine.id);
      expect(buyerSees).not.toContain(theirs.id);
      expect(buyerSees).not.toContain(elsewhere.id);
      const exhibitorSees = await ids(exhibitor.auth);
      expect(exhibitorSees).toEqual(expect.arrayContaining([mine.id, theirs.id]));
      expect(exhibitorSees).not.toContain(elsewhere.id);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM contracts WHERE fair_id = $1`,
        [fairId],
      );
      expect(json<Page<ContractSummary>>(await get(`/contracts?fairId=${fairId}`, staff.auth)).total).toBe(n);
      expect(await ids(organizer.auth)).toEqual(expect.arrayContaining([mine.id, theirs.id, elsewhere.id]));

      for (const url of [`/contracts/${theirs.id}`, `/contracts/${theirs.id}/audit`]) {
        expect((await get(url, buyer.auth)).statusCode).toBe(404);
        expect((await get(url, otherExhibitor.auth)).statusCode).toBe(404);
        expect((await get(url, organizer.auth)).statusCode).toBe(200);
        expect((await get(url, otherBuyer.auth)).statusCode).toBe(200);
      }
      for (const action of ['confirm', 'dispute', 'cancel']) {
        const res = await post(`/contracts/${theirs.id}/${action}`, otherExhibitor.auth, { reason: 'x' });
        expect(res.statusCode).toBe(404);
      }
      const patch = await t.inject({
        method: 'PATCH',
        url: `/api/contracts/${theirs.id}`,
        headers: buyer.auth,
        payload: { notes: 'x' },
      });
      expect(patch.statusCode).toBe(404);
      const interpreter = await f.user({ role: 'interpreter' });
      expect((await get(`/contracts/${mine.id}`, interpreter.auth)).statusCode).toBe(403);
      expect(
        json<Page<ContractSummary>>(
          await get(`/contracts?fairId=${fairId}&status=cancelled`, buyer.auth),
        ).items.every((c) => c.status === 'cancelled'),
      ).toBe(true);
    });
  });

  describe('live', () => {
    it('a confirmation reaches the declaring company and the organizers', async () => {
      const connect = (user: TestUser): Promise<Socket> => connectSocket(t, user);
      const [buyerSocket, organizerSocket] = [await connect(buyer), await connect(organizer)];
      try {
        const c = await declare();
        const changed = waitFor<ContractChangedEvent>(
          buyerSocket,
          'contract:changed',
          (e) => e.status === 'confirmed',
        );
        const note = waitFor<AppNotification>(
          buyerSocket,
          'notification:new',
          (n) => n.type === 'contract.confirmed',
        );
        const dashboard = waitFor<{ fairId: string }>(organizerSocket, 'dashboard:changed', () => true);
        expect((await post(`/contracts/${c.id}/confirm`, exhibitor.auth)).statusCode).toBe(200);
        expect(await changed).toEqual({ id: c.id, fairId, status: 'confirmed' });
        expect(await note).toMatchObject({ type: 'contract.confirmed', data: { contractId: c.id } });
        expect(await dashboard).toEqual({ fairId });
      } finally {
        buyerSocket.disconnect();
        organizerSocket.disconnect();
      }
    });
  });

  describe('pipeline', () => {
    it('shows each counterpart at its furthest stage with USD values', async () => {
      const fresh = await f.member('exhibitor', 'approved');
      const b1 = await f.member('buyer', 'approved');
      const b2 = await f.member('buyer', 'approved');
      const b3 = await f.member('buyer', 'approved');
      await t.dataSource.query(
        `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                               requester_company_id, status, time_range, expires_at)
         SELECT $1, b.cid, $2, b.uid, $3, b.cid, 'held',
                tstzrange('2026-12-03T01:00Z'::timestamptz + (b.n || ' hours')::interval,
                          '2026-12-03T01:30Z'::timestamptz + (b.n || ' hours')::interval), now()
           FROM unnest($4::uuid[], $5::uuid[]) WITH ORDINALITY AS b(cid, uid, n)`,
        [fairId, fresh.companyId, fresh.id, [b1.companyId, b2.companyId], [b1.id, b2.id]],
      );
      await t.dataSource.query(
        `INSERT INTO samples (fair_id, exhibitor_company_id, buyer_company_id, requested_by_company_id) VALUES ($1, $2, $3, $3)`,
        [fairId, fresh.companyId, b2.companyId],
      );
      await declare(b3, {
        counterpartCompanyId: fresh.companyId,
        currency: 'USD',
        lines: [{ description: 'x', quantity: '2', unit: 'pcs', unitPrice: '10.005' }],
      });
      const lost = await declare(b3, {
        counterpartCompanyId: fresh.companyId,
        currency: 'USD',
        lines: [{ description: 'x', quantity: '1', unit: 'pcs', unitPrice: '99' }],
      });
      await post(`/contracts/${lost.id}/cancel`, b3.auth, {});
      await declare(b2, {
        counterpartCompanyId: fresh.companyId,
        kind: 'loi',
        currency: 'USD',
        lines: [{ description: 'x', quantity: '1', unit: 'pcs', unitPrice: '5' }],
      });

      const res = await get(`/pipeline?fairId=${fairId}`, fresh.auth);
      expect(res.statusCode).toBe(200);
      const p = json<PipelineResponse>(res);
      expect(p.side).toBe('exhibitor');
      const byId = Object.fromEntries(p.counterparts.map((c) => [c.companyId, c]));
      expect(byId[b1.companyId!]).toMatchObject({ stage: 'met', meetingsHeld: 1, valueUsd: '0.00' });
      expect(byId[b2.companyId!]).toMatchObject({
        stage: 'quotation',
        samples: 1,
        quotations: 1,
        valueUsd: '5.00',
      });
      expect(byId[b3.companyId!]).toMatchObject({
        stage: 'contract',
        contracts: 1,
        valueUsd: '20.01',
        confirmedValueUsd: '0.00',
      });
      expect(p.stages).toEqual([
        { stage: 'met', count: 1, valueUsd: '0.00' },
        { stage: 'samples', count: 0, valueUsd: '0.00' },
        { stage: 'quotation', count: 1, valueUsd: '5.00' },
        { stage: 'contract', count: 1, valueUsd: '20.01' },
      ]);
      const buyerView = json<PipelineResponse>(await get(`/pipeline?fairId=${fairId}`, b3.auth));
      expect(buyerView).toMatchObject({
        side: 'buyer',
        counterparts: [{ companyId: fresh.companyId, stage: 'contract' }],
      });
      expect((await get(`/pipeline?fairId=${fairId}`, organizer.auth)).statusCode).toBe(403);
      expect((await get(`/pipeline`, b3.auth)).statusCode).toBe(400);
    });
  });
});
