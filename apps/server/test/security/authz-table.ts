import { randomUUID } from 'node:crypto';
import { ROLES, slot, type Role, type World } from './world';
import type { Throwaway } from './routes';

/**
 * The authorization table of issue 7 §1: for every "METHOD path" of the OpenAPI document, the roles
 * that may get a 2xx when they call it on resources of exhibitor A or buyer C (the other exhibitor B,
 * the interpreter and the anonymous caller own none of them).
 */
export const A: Role = 'exhibitorA';
export const B: Role = 'exhibitorB';
export const C: Role = 'buyerC';
export const I: Role = 'interpreter';
export const O: Role = 'organizer';
const EVERYONE: Role[] = [...ROLES];
const SIGNED_IN: Role[] = [A, B, C, I, O];

/** The order of a rule's route: 0 first, 1 late, 2 last. */
export const stage = (rule: Rule | undefined): number => (rule?.late === 'last' ? 2 : rule?.late ? 1 : 0);

export type Values = Record<string, string>;
export interface Rule {
  /** roles that may get a 2xx */
  allow: Role[];
  /** path parameters over the defaults, made again before every call (throwaway resources) */
  params?: (w: World, role: Role, x: Throwaway) => Promise<Values> | Values;
  query?: (w: World) => Values;
  body?: (w: World, role: Role, params: Values) => unknown;
  /** a multipart upload of the world's PNG (or a buyers CSV) */
  upload?: true | 'csv';
  /** run after the other routes (state that later calls need); 'last' after those */
  late?: boolean | 'last';
  /** after each call: what must still hold (e.g. the resource of A or C untouched) */
  verify?: (w: World, role: Role) => Promise<boolean>;
}

/** The counterpart of a role in deals and meetings: C for exhibitors, A for the buyer. */
const counterpartCompany = (w: World, role: Role) => (role === C ? w.companies.A : w.companies.C);
const counterpartUser = (w: World, role: Role) => (role === C ? w.users.exhibitorA.id : w.users.buyerC.id);
const fresh = (n: number) => `${Date.now().toString(36)}${n}${randomUUID().slice(0, 4)}`;

export const RULES: Record<string, Rule> = {
  'GET /api/health': { allow: EVERYONE },
  'GET /api/reference': { allow: EVERYONE },
  // notifications: each person's own
  'GET /api/notifications': { allow: SIGNED_IN },
  'POST /api/notifications/read-all': { allow: SIGNED_IN },
  'POST /api/notifications/{id}/read': { allow: [A] },
  // companies
  'GET /api/companies': { allow: [O] },
  'GET /api/companies/{id}': { allow: [A, O] },
  'GET /api/companies/{id}/members': { allow: [A, O] },
  'POST /api/companies/{id}/approve': {
    allow: [O],
    params: async (_w, _r, x) => ({ id: await x.company() }),
  },
  'POST /api/companies/{id}/reject': {
    allow: [O],
    params: async (_w, _r, x) => ({ id: await x.company() }),
    body: () => ({ reason: 'incomplete' }),
  },
  // auth: public entry points, the rest for the signed-in person
  'POST /api/auth/register': {
    allow: EVERYONE,
    body: (_w, role) => ({
      email: `new.${role}.${fresh(1)}@test.example`,
      password: 'Gom-BatTrang-2026',
      fullName: 'Trần Thị Mới',
      companyKind: 'buyer',
      companyName: `Công ty ${fresh(2)}`,
      acceptPrivacy: true,
    }),
  },
  'POST /api/auth/login': {
    allow: EVERYONE,
    body: (w) => ({ email: w.users.exhibitorB.email, password: w.users.exhibitorB.password }),
  },
  'POST /api/auth/refresh': { allow: EVERYONE },
  'POST /api/auth/logout': { allow: EVERYONE, late: true },
  'GET /api/auth/me': { allow: SIGNED_IN },
  // sessions: one's own devices; {id} is no one's session (another user's id answers 404 like it)
  'GET /api/auth/sessions': { allow: SIGNED_IN },
  'DELETE /api/auth/sessions': { allow: SIGNED_IN, late: true },
  'DELETE /api/auth/sessions/{id}': { allow: [] },
  // privacy: one's own data; deleting one's account (with the password) ends the run
  'GET /api/privacy/me': { allow: SIGNED_IN },
  'DELETE /api/privacy/me': {
    allow: SIGNED_IN,
    late: 'last',
    body: (w, role) => ({ password: role === 'anonymous' ? 'x' : w.users[role].password }),
  },
  'PATCH /api/auth/me': { allow: SIGNED_IN, body: () => ({ fullName: 'Nguyễn Văn Test' }) },
  'POST /api/auth/verify-email': { allow: EVERYONE },
  'POST /api/auth/verify-email/resend': { allow: SIGNED_IN },
  'POST /api/auth/password/forgot': { allow: EVERYONE, body: () => ({ email: 'nobody@test.example' }) },
  'POST /api/auth/password/reset': { allow: EVERYONE },
  // invitations
  'POST /api/companies/{id}/invitations': {
    allow: [A],
    body: () => ({ email: `colleague.${fresh(3)}@test.example` }),
  },
  // a company's pending invitations: its members only (the organizer sees members, not invitations)
  'GET /api/companies/{id}/invitations': { allow: [A] },
  'POST /api/staff/invitations': {
    allow: [O],
    body: () => ({ email: `staff.${fresh(4)}@test.example`, role: 'organizer_staff' }),
  },
  'GET /api/invitations/{token}': { allow: EVERYONE },
  'POST /api/invitations/accept': { allow: EVERYONE },
  'GET /api/audit': { allow: [O] },
  // products of A
  // one's own products (the organizer reads them through moderation)
  'GET /api/products': { allow: [A, B] },
  'POST /api/products': { allow: [A, B] },
  'GET /api/products/{id}': { allow: [A, O] },
  'PATCH /api/products/{id}': { allow: [A], body: () => ({ nameEn: 'Crackle-glaze vase' }) },
  'DELETE /api/products/{id}': { allow: [A], params: async (w) => ({ id: (await w.product()).id }) },
  'POST /api/products/{id}/publish': {
    allow: [A],
    params: async (w) => {
      const p = await w.product();
      await w.t.dataSource.query(`UPDATE products SET status = 'draft', published_at = NULL WHERE id = $1`, [
        p.id,
      ]);
      return { id: p.id };
    },
  },
  'POST /api/products/{id}/unpublish': { allow: [A], params: async (w) => ({ id: (await w.product()).id }) },
  'POST /api/products/{id}/photos': { allow: [A], upload: true },
  'DELETE /api/products/{id}/photos/{fileId}': {
    allow: [A],
    params: async (w) => {
      const p = await w.product();
      return { id: p.id, fileId: await w.photo(p.id) };
    },
  },
  'PUT /api/products/{id}/photos/order': {
    allow: [A],
    body: async (w) => ({
      fileIds: (
        await w.t.dataSource.query(
          `SELECT file_id FROM product_photos WHERE product_id = $1 ORDER BY position DESC`,
          [w.productA.id],
        )
      ).map((r: { file_id: string }) => r.file_id),
    }),
  },
  // moderation
  'GET /api/moderation/products': { allow: [O] },
  'POST /api/moderation/products/{id}/unpublish': {
    allow: [O],
    params: async (w) => ({ id: (await w.product()).id }),
  },
  'POST /api/moderation/companies/{id}/suspend': {
    allow: [O],
    params: async (_w, _r, x) => ({ id: await x.company('exhibitor', 'approved') }),
  },
  'POST /api/moderation/companies/{id}/reinstate': {
    allow: [O],
    params: async (_w, _r, x) => ({ id: await x.company('exhibitor', 'suspended') }),
  },
  // public catalogue
  'GET /api/catalogue/products': { allow: EVERYONE },
  'GET /api/catalogue/products/{slug}': { allow: EVERYONE },
  'GET /api/catalogue/exhibitors': { allow: EVERYONE },
  'GET /api/catalogue/exhibitors/{companyId}': { allow: EVERYONE },
  'GET /api/qr/products/{file}': { allow: EVERYONE },
  'POST /api/catalogue/products/{slug}/inquiries': {
    allow: EVERYONE,
    body: () => ({ name: 'Anna', email: 'anna@nordhaus.example', message: 'Quote 500 pieces?' }),
  },
  // inquiries to A
  'GET /api/inquiries': { allow: [A, B] },
  'GET /api/inquiries/{id}': { allow: [A] },
  'POST /api/inquiries/{id}/replies': {
    allow: [A],
    body: () => ({ message: 'Cảm ơn, chúng tôi gửi báo giá.', inviteToRegister: false }),
  },
  // fairs
  'GET /api/fairs': { allow: EVERYONE },
  'GET /api/fairs/{slug}': { allow: EVERYONE },
  'GET /api/organizer/fairs': { allow: [O] },
  'POST /api/organizer/fairs': {
    allow: [O],
    body: () => ({
      nameVi: 'Hội chợ mới',
      nameEn: 'New fair',
      venue: 'ICE Hà Nội',
      days: [{ date: '2027-04-01', opensAt: '08:00', closesAt: '17:00' }],
      halls: [{ code: 'A', name: 'Hall A', gridRows: 4, gridCols: 6 }],
    }),
  },
  'GET /api/organizer/fairs/{id}': { allow: [O] },
  'PATCH /api/organizer/fairs/{id}': { allow: [O], body: () => ({ venue: 'SECC' }) },
  'POST /api/organizer/fairs/{id}/status': {
    allow: [O],
    params: async (_w, _r, x) => ({ id: await x.fair('draft') }),
    body: () => ({ status: 'registration' }),
  },
  // booths
  'POST /api/fairs/{fairId}/booths': {
    allow: [A, B],
    params: async (_w, _r, x) => ({ fairId: await x.fair('registration') }),
    body: () => ({ size: '3x3', productIds: [] }),
  },
  'GET /api/fairs/{fairId}/booths': { allow: [O] },
  'GET /api/fairs/{fairId}/floor': { allow: [O] },
  'GET /api/booths/mine': { allow: SIGNED_IN },
  'GET /api/booths/eligible-products': { allow: [A, B] },
  'GET /api/booths/{id}': { allow: [A, O] },
  'PATCH /api/booths/{id}': {
    allow: [A],
    params: async (w, _r, x) => ({ id: await x.booth(w) }),
    body: () => ({ size: '3x6' }),
  },
  'POST /api/booths/{id}/withdraw': { allow: [A], params: async (w, _r, x) => ({ id: await x.booth(w) }) },
  'POST /api/booths/{id}/approve': {
    allow: [O],
    params: async (w, _r, x) => ({ id: await x.booth(w) }),
    body: async (w, _r, p) => ({
      hallId: (
        await w.t.dataSource.query(
          `SELECT h.id FROM booths b JOIN halls h ON h.fair_id = b.fair_id WHERE b.id = $1`,
          [p.id],
        )
      )[0].id,
      code: 'A-12',
    }),
  },
  'POST /api/booths/{id}/reject': {
    allow: [O],
    params: async (w, _r, x) => ({ id: await x.booth(w) }),
    body: () => ({ reason: 'full' }),
  },
  'GET /api/booths/{id}/poster': { allow: EVERYONE },
  // files: the photo of A's published product is public
  'GET /api/files/{id}': { allow: EVERYONE },
  'GET /api/files/{id}/thumb': { allow: EVERYONE },
  // exhibitor A's profile
  'GET /api/exhibitors/{companyId}/profile': { allow: [A, O] },
  'PUT /api/exhibitors/{companyId}/profile': { allow: [A], body: () => ({ legalName: 'Công ty Gốm A' }) },
  'POST /api/exhibitors/{companyId}/logo': { allow: [A], upload: true },
  'DELETE /api/exhibitors/{companyId}/logo': { allow: [A] },
  'GET /api/exhibitors/{companyId}/certifications': { allow: [A, O] },
  'POST /api/exhibitors/{companyId}/certifications': { allow: [A], body: () => ({ type: 'WFTO' }) },
  'PUT /api/exhibitors/{companyId}/certifications/{id}': {
    allow: [A],
    body: () => ({ type: 'BSCI', number: 'BSCI-2' }),
  },
  'DELETE /api/exhibitors/{companyId}/certifications/{id}': {
    allow: [A],
    late: true,
    params: async (w) => {
      const [row] = await w.t.dataSource.query(
        `INSERT INTO company_certifications (company_id, type) VALUES ($1, 'FSC_COC') RETURNING id`,
        [w.companies.A],
      );
      return { id: row.id };
    },
  },
  'POST /api/exhibitors/{companyId}/certifications/{id}/document': { allow: [A], upload: true },
  'DELETE /api/exhibitors/{companyId}/certifications/{id}/document': { allow: [A], late: true },
  'GET /api/exhibitors/{companyId}/workshops': { allow: [A, O] },
  'POST /api/exhibitors/{companyId}/workshops': { allow: [A], body: () => ({ name: 'Xưởng 2' }) },
  'PUT /api/exhibitors/{companyId}/workshops/{id}': { allow: [A], body: () => ({ name: 'Xưởng gốm lớn' }) },
  'DELETE /api/exhibitors/{companyId}/workshops/{id}': {
    allow: [A],
    params: async (w) => {
      const [row] = await w.t.dataSource.query(
        `INSERT INTO workshops (company_id, name) VALUES ($1, 'Xưởng tạm') RETURNING id`,
        [w.companies.A],
      );
      return { id: row.id };
    },
  },
  'POST /api/exhibitors/{companyId}/workshops/{workshopId}/artisans': {
    allow: [A],
    body: () => ({ name: 'Nghệ nhân mới' }),
  },
  'PUT /api/exhibitors/{companyId}/workshops/{workshopId}/artisans/{id}': {
    allow: [A],
    body: () => ({ name: 'Nghệ nhân Lê Văn Gốm' }),
  },
  'DELETE /api/exhibitors/{companyId}/workshops/{workshopId}/artisans/{id}': {
    allow: [A],
    params: async (w) => {
      const [row] = await w.t.dataSource.query(
        `INSERT INTO artisans (company_id, workshop_id, name) VALUES ($1, $2, 'Tạm') RETURNING id`,
        [w.companies.A, w.workshopA],
      );
      return { id: row.id };
    },
  },
  // meetings at fair F
  'GET /api/fairs/{fairId}/meeting-slots': { allow: SIGNED_IN },
  'GET /api/fairs/{fairId}/attendees': { allow: [A, B, C] },
  // A's own slots, or C (the other side) looking at A's; B (a rival exhibitor) may not
  'GET /api/fairs/{fairId}/people/{userId}/slots': { allow: [A, C] },
  'GET /api/fairs/{fairId}/availability': { allow: [A, B, C] },
  'PUT /api/fairs/{fairId}/availability': { allow: [A, B, C], body: () => ({ blocked: [slot(4, 7)] }) },
  'POST /api/fairs/{fairId}/meetings': {
    allow: [A, B, C],
    body: (w, role) => ({ withUserId: counterpartUser(w, role), slots: [slot(4, 6)] }),
  },
  'GET /api/fairs/{fairId}/meetings': { allow: [O] },
  'GET /api/fairs/{fairId}/meetings/mine': { allow: [A, B, C] },
  'GET /api/meetings/{id}': { allow: [A, C, O] },
  'PATCH /api/meetings/{id}': {
    allow: [C],
    params: async (w) => ({ id: await w.requestedMeeting() }),
    body: () => ({ message: 'Đổi lời nhắn' }),
  },
  'POST /api/meetings/{id}/accept': {
    allow: [A],
    params: async (w) => ({ id: await w.requestedMeeting() }),
    body: (w, _r, p) => w.proposal(p.id),
  },
  'POST /api/meetings/{id}/decline': {
    allow: [A],
    params: async (w) => ({ id: await w.requestedMeeting() }),
    body: () => ({ reasonCode: 'not_relevant' }),
  },
  'POST /api/meetings/{id}/counter': {
    allow: [A],
    params: async (w) => ({ id: await w.requestedMeeting() }),
    body: () => ({ slots: [slot(4, 5)] }),
  },
  'POST /api/meetings/{id}/cancel': {
    allow: [A, C],
    params: async (w) => ({ id: await w.acceptedMeeting() }),
    body: () => ({ reason: 'Lịch thay đổi' }),
  },
  'POST /api/meetings/{id}/reschedule': {
    allow: [A, C],
    params: async (w) => ({ id: await w.acceptedMeeting() }),
    body: () => ({ slots: [slot(4, 4)] }),
  },
  'POST /api/meetings/{id}/reschedule/accept': {
    allow: [A],
    params: async (w) => ({ id: await w.rescheduledMeeting() }),
    body: (w, _r, p) => w.proposal(p.id),
  },
  'POST /api/meetings/{id}/reschedule/decline': {
    allow: [A],
    params: async (w) => ({ id: await w.rescheduledMeeting() }),
  },
  // participants
  'POST /api/fairs/{fairId}/participants': {
    allow: [C],
    params: async (_w, _r, x) => ({ fairId: await x.fair('registration') }),
  },
  'GET /api/fairs/{fairId}/participants': { allow: [O] },
  'GET /api/fairs/{fairId}/participants/mine': { allow: [C] },
  'PATCH /api/fairs/{fairId}/participants/{userId}/hosted': {
    allow: [O],
    body: () => ({ hostedBuyer: true }),
  },
  // interpreters
  'GET /api/interpreters/me': { allow: [I] },
  'GET /api/fairs/{fairId}/interpreters': { allow: [O] },
  'GET /api/fairs/{fairId}/interpreters/waiting-meetings': { allow: [O] },
  'PUT /api/fairs/{fairId}/interpreters/{userId}': {
    allow: [O],
    body: () => ({ languages: ['de', 'en'], shifts: [{ start: slot(3, 0), end: slot(3, 30) }] }),
  },
  'DELETE /api/fairs/{fairId}/interpreters/{userId}': {
    allow: [O],
    params: async (w, _r, x) => {
      const userId = await x.interpreter();
      await w.t.inject({
        method: 'PUT',
        url: `/api/fairs/${w.fair.fairId}/interpreters/${userId}`,
        headers: w.headers(O),
        payload: { languages: ['en'], shifts: [{ start: slot(3, 0), end: slot(3, 2) }] },
      });
      return { userId };
    },
  },
  'POST /api/meetings/{id}/interpreter': {
    allow: [O],
    params: async (w) => ({ id: await w.interpretedMeeting() }),
    body: (w) => ({ userId: w.users.interpreter.id }),
  },
  'DELETE /api/meetings/{id}/interpreter': {
    allow: [O],
    params: async (w) => {
      const id = await w.interpretedMeeting();
      await w.t.dataSource.query(`UPDATE meetings SET interpreter_user_id = $2 WHERE id = $1`, [
        id,
        w.users.interpreter.id,
      ]);
      return { id };
    },
  },
  // meeting floor
  'GET /api/fairs/{fairId}/b2b-tables': { allow: [A, B, C, I, O] },
  'POST /api/fairs/{fairId}/b2b-tables': {
    allow: [O],
    body: (w) => ({ hallId: w.fair.hallId, code: `T-${fresh(5).slice(-6)}` }),
  },
  'DELETE /api/fairs/{fairId}/b2b-tables/{tableId}': {
    allow: [O],
    params: async (w, _r, x) => ({ tableId: await x.table(w) }),
  },
  'GET /api/meetings/{id}/place': { allow: [A, C, O] },
  'PATCH /api/meetings/{id}/place': { allow: [A, C, O], body: () => ({ kind: 'booth' }) },
  'GET /api/meetings/{id}/checkin-code': { allow: [A, C] },
  'POST /api/meetings/checkin': { allow: [A, C, O], body: () => ({ code: 'not-a-code' }) },
  'GET /api/meetings/{id}/outcome': { allow: [A, C], params: async (w) => ({ id: await w.heldMeeting() }) },
  'PUT /api/meetings/{id}/outcome': {
    allow: [A, C],
    params: async (w) => ({ id: await w.heldMeeting() }),
    body: () => ({ interest: 'high', nextStep: 'samples' }),
  },
  'GET /api/fairs/{fairId}/meeting-stats': { allow: [O] },
  // buyer C's profile
  'GET /api/companies/me/buyer-profile': { allow: [C] },
  'PUT /api/companies/me/buyer-profile': { allow: [C], body: () => ({ country: 'DE' }) },
  'GET /api/companies/{id}/buyer-profile': { allow: [A, B, C, O] },
  // agenda and calendar
  'GET /api/fairs/{fairId}/agenda': { allow: SIGNED_IN },
  'GET /api/meetings/{id}/ics': { allow: [A, C, O] },
  'GET /api/calendar/feed-token': { allow: SIGNED_IN },
  'POST /api/calendar/feed-token': { allow: SIGNED_IN, late: true },
  'GET /api/calendar/feed/{file}': { allow: EVERYONE },
  'GET /api/fx-rates': { allow: [A, B, C, O] },
  'PUT /api/fx-rates': {
    allow: [O],
    body: () => ({ currency: 'EUR', effectiveDate: '2026-12-01', rateToUsd: '1.08' }),
  },
  // contracts between C and A
  'POST /api/fairs/{fairId}/contracts': {
    allow: [A, B, C],
    body: (w, role) => ({
      counterpartCompanyId: counterpartCompany(w, role),
      number: `HD-${fresh(6)}`,
      signedOn: '2026-12-03',
      kind: 'loi',
      currency: 'USD',
      incoterm: 'FOB',
      incotermPlace: 'Hai Phong',
      paymentTerms: 'tt',
      lines: [{ description: 'Bình gốm', quantity: '10', unit: 'pcs', unitPrice: '5' }],
    }),
  },
  'GET /api/contracts': { allow: [A, B, C, O] },
  'GET /api/contracts/{id}': { allow: [A, C, O] },
  'PATCH /api/contracts/{id}': { allow: [A, C], body: () => ({ incotermPlace: 'Cat Lai' }) },
  'GET /api/contracts/{id}/audit': { allow: [A, C, O] },
  'POST /api/contracts/{id}/attachment': { allow: [A, C], upload: true },
  'GET /api/contracts/{id}/attachment': { allow: [A, C, O] },
  'DELETE /api/contracts/{id}/attachment': { allow: [A, C], late: true },
  'POST /api/contracts/{id}/confirm': { allow: [A], params: async (w) => ({ id: await w.newContract() }) },
  'POST /api/contracts/{id}/dispute': {
    allow: [A, C],
    params: async (w) => ({ id: await w.newContract() }),
    body: () => ({ reason: 'Sai số lượng' }),
  },
  'POST /api/contracts/{id}/cancel': {
    allow: [A, C],
    params: async (w) => ({ id: await w.newContract() }),
    body: () => ({ reason: 'Huỷ' }),
  },
  'POST /api/contracts/{id}/revalue': { allow: [O], body: () => ({ reason: 'Tỷ giá mới' }) },
  'GET /api/pipeline': { allow: [A, B, C] },
  // samples between C and A
  'POST /api/fairs/{fairId}/samples': {
    allow: [A, B, C],
    body: (w, role) => ({
      counterpartCompanyId: counterpartCompany(w, role),
      items: [{ description: 'Bình gốm 30 cm', quantity: 1 }],
    }),
  },
  'GET /api/samples': { allow: [A, B, C, O] },
  'GET /api/samples/{id}': { allow: [A, C, O] },
  'GET /api/samples/{id}/audit': { allow: [A, C, O] },
  'POST /api/samples/{id}/send': {
    allow: [A],
    params: async (w) => ({ id: await w.newSample() }),
    body: () => ({ courier: 'DHL Express', trackingNumber: '1234567890' }),
  },
  'POST /api/samples/{id}/receive': { allow: [C], params: async (w) => ({ id: await w.newSample('sent') }) },
  'POST /api/samples/{id}/approve': {
    allow: [C],
    params: async (w) => ({ id: await w.newSample('received') }),
  },
  'POST /api/samples/{id}/reject': {
    allow: [C],
    params: async (w) => ({ id: await w.newSample('received') }),
    body: () => ({ reason: 'Màu sai' }),
  },
  // exports, imports, dashboard
  'GET /api/exports/mine/{dataset}': { allow: [A, B, C] },
  'GET /api/exports/{dataset}': { allow: [O] },
  'POST /api/imports': { allow: [O], upload: 'csv', query: () => ({ kind: 'buyer' }) },
  'GET /api/imports': { allow: [O] },
  'GET /api/imports/template': { allow: [O] },
  'GET /api/imports/{id}': { allow: [O] },
  'GET /api/imports/{id}/rows': { allow: [O] },
  'GET /api/imports/{id}/report': { allow: [O] },
  'GET /api/dashboard': { allow: [O] },
  // matchmaking: C's wish for A
  'GET /api/fairs/{fairId}/wishes': { allow: [A, B, C] },
  'PUT /api/fairs/{fairId}/wishes/{companyId}': { allow: [C], body: () => ({ level: 'would' }) },
  // each company clears only its own wish for A (idempotent 204): C's wish survives the others' calls
  'DELETE /api/fairs/{fairId}/wishes/{companyId}': {
    allow: [A, B, C],
    late: true,
    verify: async (w, role) =>
      role === C ||
      (
        await w.t.dataSource.query(
          `SELECT 1 FROM fair_wishes WHERE fair_id = $1 AND from_company_id = $2 AND to_company_id = $3`,
          [w.fair.fairId, w.companies.C, w.companies.A],
        )
      ).length === 1,
  },
  'GET /api/fairs/{fairId}/recommendations': { allow: [A, B, C] },
  // auto-scheduling: organizers only
  'GET /api/fairs/{fairId}/scheduling/settings': { allow: [O] },
  'PUT /api/fairs/{fairId}/scheduling/settings': {
    allow: [O],
    body: () => ({
      maxMeetingsPerDay: 8,
      lunchStart: null,
      lunchEnd: null,
      tablePolicy: 'none',
      tableHallId: null,
    }),
  },
  'POST /api/fairs/{fairId}/scheduling/drafts': { allow: [O], late: 'last', body: () => ({ mode: 'fill' }) },
  'GET /api/fairs/{fairId}/scheduling/drafts/current': { allow: [O] },
  'GET /api/scheduling/drafts/{draftId}': { allow: [O] },
  'GET /api/scheduling/drafts/{draftId}/meetings': { allow: [O] },
  'GET /api/scheduling/drafts/{draftId}/people': { allow: [O] },
  'GET /api/scheduling/drafts/{draftId}/agenda/{userId}': { allow: [O] },
  'GET /api/scheduling/drafts/{draftId}/unscheduled': { allow: [O] },
  'POST /api/scheduling/drafts/{draftId}/publish': { allow: [O], late: true },
  // the organizer discards a draft of its own making (the world's one was published just before)
  'POST /api/scheduling/drafts/{draftId}/discard': {
    allow: [O],
    late: true,
    params: async (w, role): Promise<Values> => (role === O ? { draftId: await w.newDraft() } : {}),
  },
};
