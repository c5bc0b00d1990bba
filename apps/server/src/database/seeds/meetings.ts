import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { FairSlot } from '@craftmatch/shared';
import { hashPassword } from '../../common/passwords';
import { fairSlots } from '../../modules/meetings';
import { DEMO_ACCOUNTS } from './demo-accounts';

/**
 * Demo B2B meetings at the live fair: importers from six countries (the two demo buyers among them)
 * registered to attend, exhibitor staff at a few more booths, three interpreters with languages and
 * shifts, B2B tables, and a realistic mix of meetings — held ones with outcomes yesterday, accepted
 * ones at booths, tables and online in the coming days, requests waiting for an answer, and a few that
 * ended without a meeting. Times come from the fair's own slots, so nothing overlaps.
 *
 * Loaded once: it does nothing when the live fair already has meetings, or when there is no live fair.
 */

/** Passwords of the accounts this seed adds (the demo accounts keep theirs). */
export const DEMO_MEETING_PASSWORDS = {
  buyer: 'Buyer-2026-Demo!',
  exhibitor: 'Exhibitor-2026!',
  interpreter: 'Interpreter-2026!',
} as const;

interface BuyerSeed {
  key: string;
  email: string;
  fullName: string;
  company: string;
  country: string;
  hosted: boolean;
  profile: {
    website: string;
    annualImportUsd: string;
    categories: string[];
    price: [string, string, string];
    incoterms: string[];
    certifications: string[];
    languages: string[];
  };
}

const [ANNA, KENJI] = DEMO_ACCOUNTS.filter((a) => a.role === 'buyer');

const BUYERS: BuyerSeed[] = [
  {
    key: 'anna',
    email: ANNA.email,
    fullName: ANNA.fullName,
    company: ANNA.company!.name,
    country: 'DE',
    hosted: false,
    profile: {
      website: 'https://nordhaus.example',
      annualImportUsd: '2500000.00',
      categories: ['CER', 'BAS', 'DEC'],
      price: ['2.00', '25.00', 'EUR'],
      incoterms: ['FOB', 'CIF'],
      certifications: ['BSCI', 'EU_84_500'],
      languages: ['de', 'en'],
    },
  },
  {
    key: 'kenji',
    email: KENJI.email,
    fullName: KENJI.fullName,
    company: KENJI.company!.name,
    country: 'JP',
    hosted: true,
    profile: {
      website: 'https://sakura-living.example',
      annualImportUsd: '1800000.00',
      categories: ['LAC', 'BAS', 'TEX'],
      price: ['500.00', '5000.00', 'JPY'],
      incoterms: ['FOB'],
      certifications: ['ISO_9001'],
      languages: ['ja', 'en'],
    },
  },
  {
    key: 'michael',
    email: 'michael@hearthloom.example',
    fullName: 'Michael Brooks',
    company: 'Hearth & Loom Trading LLC',
    country: 'US',
    hosted: false,
    profile: {
      website: 'https://hearthloom.example',
      annualImportUsd: '4200000.00',
      categories: ['FUR', 'WOD', 'DEC'],
      price: ['5.00', '120.00', 'USD'],
      incoterms: ['FOB', 'EXW'],
      certifications: ['FSC_COC', 'LACEY', 'PROP_65'],
      languages: ['en'],
    },
  },
  {
    key: 'claire',
    email: 'claire@maison-lumiere.example',
    fullName: 'Claire Dubois',
    company: 'Maison Lumière SARL',
    country: 'FR',
    hosted: false,
    profile: {
      website: 'https://maison-lumiere.example',
      annualImportUsd: '900000.00',
      categories: ['CER', 'LAC', 'DEC'],
      price: ['3.00', '60.00', 'EUR'],
      incoterms: ['CIF', 'DAP'],
      certifications: ['REACH', 'EU_84_500'],
      languages: ['fr', 'en'],
    },
  },
  {
    key: 'jiwoo',
    email: 'jiwoo@hanok-living.example',
    fullName: 'Park Ji-woo',
    company: 'Hanok Living Co., Ltd.',
    country: 'KR',
    hosted: true,
    profile: {
      website: 'https://hanok-living.example',
      annualImportUsd: '1200000.00',
      categories: ['TEX', 'PAP', 'BAS'],
      price: ['5000.00', '80000.00', 'KRW'],
      incoterms: ['FOB'],
      certifications: [],
      languages: ['ko', 'en'],
    },
  },
  {
    key: 'olivia',
    email: 'olivia@coastal-home.example',
    fullName: 'Olivia Taylor',
    company: 'Coastal Home Imports Pty Ltd',
    country: 'AU',
    hosted: false,
    profile: {
      website: 'https://coastal-home.example',
      annualImportUsd: '1500000.00',
      categories: ['BAS', 'FUR', 'STN'],
      price: ['4.00', '90.00', 'AUD'],
      incoterms: ['FOB', 'CFR'],
      certifications: ['FSC_COC', 'ISPM_15'],
      languages: ['en'],
    },
  },
];

/** Staff for four more exhibitors of the live fair (the catalogue's companies have no accounts). */
const EXHIBITOR_STAFF = [
  { email: 'hung.nguyen@lang-nghe.example', fullName: 'Nguyễn Văn Hùng' },
  { email: 'mai.pham@lang-nghe.example', fullName: 'Phạm Thị Mai' },
  { email: 'duc.hoang@lang-nghe.example', fullName: 'Hoàng Đức Anh' },
  { email: 'hong.vu@lang-nghe.example', fullName: 'Vũ Thị Hồng' },
];

/** Interpreters, their languages, and which fair days they work (full days unless `until` is set). */
const INTERPRETERS = [
  {
    key: 'chau',
    email: 'chau.pham@interpreters.example',
    fullName: 'Phạm Minh Châu',
    languages: ['en', 'fr'],
  },
  {
    key: 'hoa',
    email: 'hoa.nguyen@interpreters.example',
    fullName: 'Nguyễn Thị Hoa',
    languages: ['ja', 'en'],
  },
  { key: 'huy', email: 'huy.do@interpreters.example', fullName: 'Đỗ Quang Huy', languages: ['ko', 'en'] },
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Status = 'requested' | 'accepted' | 'held' | 'no_show' | 'declined' | 'cancelled' | 'expired';

export interface SeedMeetingsResult {
  seeded: boolean;
  meetings: number;
  buyers: number;
  interpreters: number;
}

export async function seedMeetings(
  ds: DataSource,
  options: { now?: Date; log?: (line: string) => void } = {},
): Promise<SeedMeetingsResult> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => undefined);
  const none: SeedMeetingsResult = { seeded: false, meetings: 0, buyers: 0, interpreters: 0 };

  const [fair] = await ds.query(
    `SELECT id, time_zone, slot_minutes, buffer_minutes, name_en FROM fairs
      WHERE status = 'live' AND slug LIKE 'hanoi-gift-show-%' ORDER BY created_at DESC LIMIT 1`,
  );
  if (!fair) return none;
  const [{ has }] = await ds.query(`SELECT EXISTS (SELECT 1 FROM meetings WHERE fair_id = $1) AS has`, [
    fair.id,
  ]);
  if (has) return none;

  // ---- the fair's slots, per local day: fully past days, the day in progress, fully future days
  const days: { day: string; opensAt: string; closesAt: string }[] = await ds.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, to_char(opens_at, 'HH24:MI') AS "opensAt",
            to_char(closes_at, 'HH24:MI') AS "closesAt"
       FROM fair_days WHERE fair_id = $1 ORDER BY day`,
    [fair.id],
  );
  const settings = {
    slotMinutes: fair.slot_minutes,
    bufferMinutes: fair.buffer_minutes,
    timeZone: fair.time_zone,
  };
  const perDay = days.map((d) => fairSlots([d], settings));
  const t = now.getTime();
  const past = perDay.filter((s) => s.length >= 12 && Date.parse(s[s.length - 1].end) <= t);
  const future = perDay.filter((s) => s.length >= 12 && Date.parse(s[0].start) > t + HOUR);
  const today = perDay.find((s) => Date.parse(s[0].start) <= t + HOUR && Date.parse(s[s.length - 1].end) > t);
  if (past.length < 1 || future.length < 2) {
    log('meetings: the live fair has no past day or fewer than two days ahead; no demo meetings');
    return none;
  }
  const yesterday = past[past.length - 1];
  const [day2, day3] = future;
  const soon = today?.find((s) => Date.parse(s.start) >= t + 45 * MINUTE);

  const hashes = {
    buyer: await hashPassword(DEMO_MEETING_PASSWORDS.buyer),
    exhibitor: await hashPassword(DEMO_MEETING_PASSWORDS.exhibitor),
    interpreter: await hashPassword(DEMO_MEETING_PASSWORDS.interpreter),
  };

  const count = await ds.transaction(async (m) => {
    const hasTable = async (name: string) =>
      !!(await m.query(`SELECT to_regclass($1) AS t`, [`public.${name}`]))[0].t;
    const withProfiles = await hasTable('buyer_profiles');
    const withInterpreters =
      (await hasTable('interpreter_profiles')) && (await hasTable('interpreter_shifts'));

    // ---- buyers: companies approved, every one registered to attend the live fair
    const buyers: Record<string, { user: string; company: string }> = {};
    for (const b of BUYERS) {
      let [row] = await m.query(
        `SELECT u.id AS user, cm.company_id AS company FROM users u
           JOIN company_memberships cm ON cm.user_id = u.id WHERE lower(u.email) = lower($1)`,
        [b.email],
      );
      if (!row) {
        const [user] = await m.query(
          `INSERT INTO users (email, password_hash, full_name, role, locale, email_verified_at)
           VALUES ($1, $2, $3, 'buyer', 'en', $4) RETURNING id`,
          [b.email, hashes.buyer, b.fullName, now],
        );
        const [company] = await m.query(
          `INSERT INTO companies (kind, name, country_code, status, reviewed_at)
           VALUES ('buyer', $1, $2, 'approved', $3) RETURNING id`,
          [b.company, b.country, now],
        );
        await m.query(
          `INSERT INTO company_memberships (company_id, user_id, role) VALUES ($1, $2, 'owner')`,
          [company.id, user.id],
        );
        row = { user: user.id, company: company.id };
      } else {
        await m.query(`UPDATE companies SET country_code = COALESCE(country_code, $2) WHERE id = $1`, [
          row.company,
          b.country,
        ]);
      }
      buyers[b.key] = row;
      await m.query(
        `INSERT INTO fair_participants (fair_id, company_id, user_id, hosted_buyer) VALUES ($1, $2, $3, $4)
         ON CONFLICT (fair_id, user_id) DO NOTHING`,
        [fair.id, row.company, row.user, b.hosted],
      );
      if (withProfiles) {
        const p = b.profile;
        await m.query(
          `INSERT INTO buyer_profiles (company_id, country, website, annual_import_usd, categories, target_price_min,
                                       target_price_max, target_price_currency, incoterms, certifications, languages,
                                       updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (company_id) DO NOTHING`,
          [
            row.company,
            b.country,
            p.website,
            p.annualImportUsd,
            p.categories,
            p.price[0],
            p.price[1],
            p.price[2],
            p.incoterms,
            p.certifications,
            p.languages,
            now,
          ],
        );
      }
    }

    // ---- exhibitor people: the two demo exhibitors, and staff for four more booths of the fair
    const exhibitors: { user: string; company: string }[] = await m.query(
      `SELECT u.id AS user, cm.company_id AS company
         FROM users u JOIN company_memberships cm ON cm.user_id = u.id
         JOIN booths b ON b.company_id = cm.company_id AND b.fair_id = $1 AND b.status = 'approved'
        WHERE lower(u.email) = ANY($2) ORDER BY array_position($2, lower(u.email))`,
      [fair.id, DEMO_ACCOUNTS.filter((a) => a.role === 'exhibitor').map((a) => a.email.toLowerCase())],
    );
    const free: { company: string }[] = await m.query(
      `SELECT b.company_id AS company FROM booths b
        WHERE b.fair_id = $1 AND b.status = 'approved'
          AND NOT EXISTS (SELECT 1 FROM company_memberships cm WHERE cm.company_id = b.company_id)
        ORDER BY b.code LIMIT $2`,
      [fair.id, EXHIBITOR_STAFF.length],
    );
    for (const [i, booth] of free.entries()) {
      const staff = EXHIBITOR_STAFF[i];
      const [user] = await m.query(
        `INSERT INTO users (email, password_hash, full_name, role, locale, email_verified_at)
         VALUES ($1, $2, $3, 'exhibitor', 'vi', $4)
         ON CONFLICT DO NOTHING RETURNING id`,
        [staff.email, hashes.exhibitor, staff.fullName, now],
      );
      if (!user) continue;
      await m.query(`INSERT INTO company_memberships (company_id, user_id, role) VALUES ($1, $2, 'owner')`, [
        booth.company,
        user.id,
      ]);
      exhibitors.push({ user: user.id, company: booth.company });
    }
    if (exhibitors.length < 6) {
      log('meetings: fewer than six exhibitors with staff at the live fair; no demo meetings');
      return 0;
    }
    const [minh, lan, ex3, ex4, ex5, ex6] = exhibitors;

    // ---- a sales contact for every other booth of the fair, so wishes and the auto-scheduler have a
    // person to book on the exhibitor side (same demo password as the other exhibitor staff)
    await m.query(
      `WITH unstaffed AS (
         SELECT b.company_id, b.code, row_number() OVER (ORDER BY b.code) AS n
           FROM booths b
          WHERE b.fair_id = $1 AND b.status = 'approved'
            AND NOT EXISTS (SELECT 1 FROM company_memberships cm WHERE cm.company_id = b.company_id)),
       people AS (
         INSERT INTO users (email, password_hash, full_name, role, locale, email_verified_at)
         SELECT 'sales.' || lower(regexp_replace(coalesce(u.code, u.company_id::text), '[^A-Za-z0-9]+', '', 'g')) || '@exhibitors.example', $2,
                (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đặng','Bùi'])[1 + u.n % 8] || ' ' ||
                (ARRAY['Thị','Văn','Minh','Đức','Thu','Quang'])[1 + u.n % 6] || ' ' ||
                (ARRAY['An','Bình','Chi','Dũng','Giang','Hà','Khánh','Linh','Nam','Phương','Quân','Trang'])[1 + u.n % 12],
                'exhibitor', 'vi', $3
           FROM unstaffed u
         ON CONFLICT DO NOTHING
         RETURNING id, email)
       INSERT INTO company_memberships (company_id, user_id, role)
       SELECT u.company_id, p.id, 'owner'
         FROM people p
         JOIN unstaffed u ON p.email = 'sales.' || lower(regexp_replace(coalesce(u.code, u.company_id::text), '[^A-Za-z0-9]+', '', 'g')) || '@exhibitors.example'`,
      [fair.id, hashes.exhibitor, now],
    );

    // ---- interpreters with their languages and shifts (Châu works only mornings on the last seeded day)
    const interpreters: Record<string, string> = {};
    for (const i of INTERPRETERS) {
      const [user] = await m.query(
        `INSERT INTO users (email, password_hash, full_name, role, locale, email_verified_at)
         VALUES ($1, $2, $3, 'interpreter', 'vi', $4)
         ON CONFLICT DO NOTHING RETURNING id`,
        [i.email, hashes.interpreter, i.fullName, now],
      );
      if (!user) continue;
      interpreters[i.key] = user.id;
      if (!withInterpreters) continue;
      await m.query(`INSERT INTO interpreter_profiles (user_id, languages, updated_at) VALUES ($1, $2, $3)`, [
        user.id,
        i.languages,
        now,
      ]);
      for (const slots of perDay) {
        const start = slots[0].start;
        let end = slots[slots.length - 1].end;
        if (i.key === 'chau' && slots === day3) end = slots[5].end;
        if (i.key === 'huy' && Date.parse(slots[slots.length - 1].end) <= t) continue;
        await m.query(
          `INSERT INTO interpreter_shifts (fair_id, user_id, shift, created_at)
           VALUES ($1, $2, tstzrange($3, $4, '[)'), $5)`,
          [fair.id, user.id, start, end, now],
        );
      }
    }

    // ---- B2B tables in the first hall
    const [hall] = await m.query(`SELECT id FROM halls WHERE fair_id = $1 ORDER BY code LIMIT 1`, [fair.id]);
    const tables: string[] = [];
    for (const code of ['T-01', 'T-02', 'T-03', 'T-04']) {
      const [row] = await m.query(
        `INSERT INTO b2b_tables (fair_id, hall_id, code, seats) VALUES ($1, $2, $3, 4)
         ON CONFLICT (fair_id, code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
        [fair.id, hall.id, code],
      );
      tables.push(row.id);
    }

    // ---- meetings
    const { anna, kenji, michael, claire, jiwoo, olivia } = buyers;
    const inserted: string[] = [];
    let pendingSent = 0;
    const add = async (spec: {
      buyer: { user: string; company: string };
      exhibitor: { user: string; company: string };
      by: 'buyer' | 'exhibitor';
      status: Status;
      slots: FairSlot[];
      /** the chosen slot (accepted, held, no-show, cancelled) */
      at?: FairSlot;
      table?: string;
      videoUrl?: string;
      language?: string;
      interpreter?: string;
      message?: string;
      declineReason?: string;
      cancelReason?: string;
      checkedInBy?: string;
      /** hours the receiver took to answer (3 unless set) */
      answerHours?: number;
      outcomes?: { side: 'buyer' | 'exhibitor'; interest: string; nextStep: string; notes: string }[];
    }) => {
      const requester = spec.by === 'buyer' ? spec.buyer : spec.exhibitor;
      const receiver = spec.by === 'buyer' ? spec.exhibitor : spec.buyer;
      const first = Date.parse(spec.slots[0].start);
      // pending requests were sent within the last day (they expire 48 hours after); the others days before
      const created =
        spec.status === 'requested'
          ? new Date(t - (2 + 4 * pendingSent++) * HOUR)
          : new Date(Math.min(first, t) - 3 * 24 * HOUR);
      const lastStart = Date.parse(spec.slots[spec.slots.length - 1].start);
      const expires = new Date(Math.min(lastStart, created.getTime() + 48 * HOUR));
      const answered = ['requested', 'expired'].includes(spec.status)
        ? null
        : new Date(created.getTime() + (spec.answerHours ?? 3) * HOUR);
      const updated =
        spec.status === 'held' || spec.status === 'no_show'
          ? new Date(Date.parse(spec.at!.end) + 20 * MINUTE)
          : spec.status === 'cancelled'
            ? new Date(answered!.getTime() + 24 * HOUR)
            : spec.status === 'expired'
              ? expires
              : (answered ?? created);
      const sequence = {
        requested: 0,
        accepted: 1,
        declined: 1,
        expired: 1,
        held: 2,
        no_show: 2,
        cancelled: 2,
      }[spec.status];
      const id = randomUUID();
      const at = spec.at ?? null;
      await m.query(
        `INSERT INTO meetings (id, fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                               requested_by_user_id, requester_company_id, status, time_range, place_kind, table_id,
                               video_url, interpreter_language, interpreter_user_id, message, decline_reason,
                               cancel_reason, expires_at, sequence, awaiting_company_id, checked_in_at, checked_in_by,
                               reminder_sent_at, created_at, updated_at, answered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
                 CASE WHEN $10::timestamptz IS NULL THEN NULL ELSE tstzrange($10, $11, '[)') END,
                 $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28)`,
        [
          id,
          fair.id,
          spec.buyer.company,
          spec.exhibitor.company,
          spec.buyer.user,
          spec.exhibitor.user,
          requester.user,
          requester.company,
          spec.status,
          at?.start ?? null,
          at?.end ?? null,
          spec.table ? 'table' : spec.videoUrl ? 'online' : 'booth',
          spec.table ?? null,
          spec.videoUrl ?? null,
          spec.language ?? null,
          spec.interpreter ?? null,
          spec.message ?? null,
          spec.declineReason ?? null,
          spec.cancelReason ?? null,
          expires,
          sequence,
          spec.status === 'requested' ? receiver.company : null,
          spec.status === 'held' && at ? new Date(Date.parse(at.start) + 3 * MINUTE) : null,
          spec.status === 'held' ? (spec.checkedInBy ?? spec.exhibitor.user) : null,
          at && Date.parse(at.start) <= t ? new Date(Date.parse(at.start) - HOUR) : null,
          created,
          updated,
          answered,
        ],
      );
      for (const slot of spec.slots) {
        await m.query(
          `INSERT INTO meeting_proposals (meeting_id, slot_start, slot_end, proposed_by, round, kind, created_at)
           VALUES ($1, $2, $3, $4, 1, 'request', $5)`,
          [id, slot.start, slot.end, requester.user, created],
        );
      }
      for (const o of spec.outcomes ?? []) {
        const side = o.side === 'buyer' ? spec.buyer : spec.exhibitor;
        await m.query(
          `INSERT INTO meeting_outcomes (meeting_id, company_id, interest, next_step, notes, updated_by, created_at,
                                         updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
          [
            id,
            side.company,
            o.interest,
            o.nextStep,
            o.notes,
            side.user,
            new Date(Date.parse(at!.end) + HOUR),
          ],
        );
      }
      inserted.push(id);
    };
    const [T1, T2, T3] = tables;
    const y = yesterday;

    // yesterday: held, with outcomes, and one no-show
    await add({
      buyer: anna,
      exhibitor: minh,
      by: 'buyer',
      status: 'held',
      slots: [y[4], y[9]],
      at: y[4],
      message: 'We are looking for crackle-glaze tableware for our spring collection.',
      outcomes: [
        {
          side: 'buyer',
          interest: 'high',
          nextStep: 'samples',
          notes:
            'Blue crackle series fits. Ask for 3 glaze samples; FOB Hai Phong; check EU 84/500 test report.',
        },
        {
          side: 'exhibitor',
          interest: 'high',
          nextStep: 'quotation',
          notes: 'Gửi báo giá 2 container 20ft, 600 sp/mã; khách cần chứng nhận chì/cadimi EU.',
        },
      ],
    });
    await add({
      buyer: kenji,
      exhibitor: lan,
      by: 'buyer',
      status: 'held',
      slots: [y[5]],
      at: y[5],
      table: T1,
      language: 'ja',
      interpreter: interpreters.hoa,
      outcomes: [
        {
          side: 'buyer',
          interest: 'medium',
          nextStep: 'samples',
          notes:
            'Water hyacinth storage baskets, sizes M and L. Labels must follow Japanese household goods rules.',
        },
        {
          side: 'exhibitor',
          interest: 'medium',
          nextStep: 'samples',
          notes: 'Gửi mẫu giỏ lục bình size M, L qua DHL trong tuần.',
        },
      ],
    });
    await add({
      buyer: michael,
      exhibitor: ex3,
      by: 'exhibitor',
      status: 'held',
      slots: [y[6], y[7]],
      at: y[6],
      answerHours: 26,
    });
    await add({ buyer: claire, exhibitor: ex4, by: 'buyer', status: 'no_show', slots: [y[7]], at: y[7] });
    await add({
      buyer: olivia,
      exhibitor: minh,
      by: 'buyer',
      status: 'held',
      slots: [y[8]],
      at: y[8],
      checkedInBy: olivia.user,
      outcomes: [
        {
          side: 'exhibitor',
          interest: 'low',
          nextStep: 'none',
          notes: 'Khách cần giá dưới 2 USD/chiếc, không phù hợp dòng men rạn.',
        },
      ],
    });
    await add({ buyer: jiwoo, exhibitor: ex4, by: 'buyer', status: 'expired', slots: [y[2]] });

    // later today, when the day is still running: a meeting that can be checked in soon
    if (soon) {
      await add({
        buyer: jiwoo,
        exhibitor: ex5,
        by: 'buyer',
        status: 'accepted',
        slots: [soon],
        at: soon,
        language: 'ko',
        interpreter: interpreters.huy,
      });
    }

    // the coming days: accepted at booths, tables and online
    await add({
      buyer: anna,
      exhibitor: lan,
      by: 'buyer',
      status: 'accepted',
      slots: [day2[4], day2[8]],
      at: day2[4],
    });
    await add({
      buyer: anna,
      exhibitor: ex3,
      by: 'exhibitor',
      status: 'accepted',
      slots: [day2[6]],
      at: day2[6],
      table: T2,
    });
    await add({
      buyer: anna,
      exhibitor: ex4,
      by: 'buyer',
      status: 'accepted',
      slots: [day3[5], day3[7]],
      at: day3[5],
      videoUrl: 'https://meet.jit.si/craftmatch-nordhaus-demo',
      message: 'Our product manager joins from Berlin, so online suits us best.',
    });
    await add({
      buyer: kenji,
      exhibitor: minh,
      by: 'buyer',
      status: 'accepted',
      slots: [day2[5]],
      at: day2[5],
      language: 'ja',
      interpreter: interpreters.hoa,
    });
    await add({
      buyer: michael,
      exhibitor: lan,
      by: 'buyer',
      status: 'accepted',
      slots: [day3[4]],
      at: day3[4],
      table: T3,
    });
    await add({
      buyer: jiwoo,
      exhibitor: minh,
      by: 'buyer',
      status: 'accepted',
      slots: [day3[6]],
      at: day3[6],
      table: T1,
      language: 'ko',
      interpreter: interpreters.huy,
    });
    await add({
      buyer: olivia,
      exhibitor: ex5,
      by: 'exhibitor',
      status: 'accepted',
      slots: [day2[9]],
      at: day2[9],
    });
    // Châu (French) works only in the morning that day: this one waits for an interpreter
    await add({
      buyer: claire,
      exhibitor: ex6,
      by: 'buyer',
      status: 'accepted',
      slots: [day3[9]],
      at: day3[9],
      language: 'fr',
    });

    // requests waiting for an answer
    await add({
      buyer: kenji,
      exhibitor: lan,
      by: 'buyer',
      status: 'requested',
      slots: [day3[8], day3[9]],
      message: 'Following up on yesterday: can we review the sample sizes together?',
      language: 'ja',
    });
    await add({
      buyer: anna,
      exhibitor: lan,
      by: 'exhibitor',
      status: 'requested',
      slots: [day3[10], day3[11]],
      message:
        'Chúng tôi có bộ sưu tập giỏ mây mới phù hợp với Nordhaus. / We have a new rattan collection for you.',
    });
    await add({ buyer: kenji, exhibitor: ex6, by: 'exhibitor', status: 'requested', slots: [day2[10]] });
    await add({
      buyer: michael,
      exhibitor: minh,
      by: 'buyer',
      status: 'requested',
      slots: [day2[11], day3[11]],
      message: 'Interested in large planters for US garden centres.',
    });
    await add({
      buyer: claire,
      exhibitor: ex3,
      by: 'buyer',
      status: 'requested',
      slots: [day3[3]],
      language: 'fr',
    });

    // ended without a meeting
    await add({
      buyer: olivia,
      exhibitor: ex4,
      by: 'buyer',
      status: 'declined',
      slots: [day2[3]],
      declineReason: 'no_availability',
      answerHours: 30,
    });
    await add({
      buyer: anna,
      exhibitor: ex5,
      by: 'buyer',
      status: 'cancelled',
      slots: [day2[7]],
      at: day2[7],
      cancelReason: 'Our buying trip was shortened; we will meet at the next fair.',
    });
    return inserted.length;
  });
  if (!count) return none;
  log(`${count} demo meetings at ${fair.name_en}`);
  return { seeded: true, meetings: count, buyers: BUYERS.length, interpreters: INTERPRETERS.length };
}
