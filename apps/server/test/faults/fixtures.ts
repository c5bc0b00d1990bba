// What the writers need, written straight into the fault tests' own database: a live fair with many
// free slots, approved exhibitors with booths, approved buyers registered for the fair, and their
// access tokens signed with the server's secret (tokens are stateless: no session row needed).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Language, UserRole } from '@craftmatch/shared';
import { AccessTokenService } from '../../src/common/access-token.service';
import { Clock } from '../../src/common/clock';
import { hashPassword } from '../../src/common/passwords';
import type { AppConfig } from '../../src/config/config';
import type { OwnPostgres } from './stack';

export interface Person {
  userId: string;
  companyId: string;
  role: Extract<UserRole, 'exhibitor' | 'buyer'>;
  locale: Language;
  authorization: string;
}

export interface Pair {
  buyer: Person;
  exhibitor: Person;
}

export interface Fixtures {
  fairId: string;
  pairs: Pair[];
  /** every slot start of the fair, in order (ISO, UTC) */
  slots: string[];
}

const DAYS = 20;
const OPENS = 8;
const CLOSES = 20;

/**
 * A live fair in Ho Chi Minh City (UTC+7) from tomorrow for 20 days, 08:00–20:00 with 30-minute slots
 * and no buffer (480 slots per person), and `pairs` buyer/exhibitor pairs. Every person speaks
 * Vietnamese except the buyers of odd pairs, who speak English.
 */
export async function seedFixtures(pg: OwnPostgres, jwtSecret: string, pairs: number): Promise<Fixtures> {
  const tokens = new AccessTokenService({ jwtSecret, accessTokenTtl: 3600 } as AppConfig, new Clock());
  const hash = await hashPassword(randomBytes(12).toString('hex'));
  const first = new Date();
  first.setUTCHours(0, 0, 0, 0);
  first.setUTCDate(first.getUTCDate() + 1);
  const days = Array.from({ length: DAYS }, (_, i) =>
    new Date(first.getTime() + i * 86_400_000).toISOString().slice(0, 10),
  );
  const [fair] = await pg.query<{ id: string }>(
    `INSERT INTO fairs (slug, name_vi, name_en, venue, status, slot_minutes, buffer_minutes, time_zone,
                        meeting_request_limit)
     VALUES ($1, 'Hội chợ Thủ công', 'Craft Fair', 'SECC', 'live', 30, 0, 'Asia/Ho_Chi_Minh', 1000) RETURNING id`,
    [`faults-${randomUUID()}`],
  );
  await pg.query(
    `INSERT INTO fair_days (fair_id, day, opens_at, closes_at)
     SELECT $1, d::date, $3::time, $4::time FROM unnest($2::text[]) AS d`,
    [fair.id, days, `${OPENS}:00`, `${CLOSES}:00`],
  );
  const [hall] = await pg.query<{ id: string }>(
    `INSERT INTO halls (fair_id, code, name) VALUES ($1, 'A', 'Hall A') RETURNING id`,
    [fair.id],
  );

  const person = async (role: Person['role'], locale: Language, n: number): Promise<Person> => {
    const [company] = await pg.query<{ id: string }>(
      `INSERT INTO companies (kind, name, status) VALUES ($1, $2, 'approved') RETURNING id`,
      [role, `${role === 'exhibitor' ? 'Làng gốm' : 'Buyer'} ${n} ${randomUUID().slice(0, 6)}`],
    );
    const [user] = await pg.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, full_name, role, locale, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
      [`${role}.${n}.${randomUUID().slice(0, 8)}@faults.example`, hash, `Nguyễn Văn ${n}`, role, locale],
    );
    await pg.query(`INSERT INTO company_memberships (company_id, user_id, role) VALUES ($1, $2, 'owner')`, [
      company.id,
      user.id,
    ]);
    if (role === 'exhibitor') {
      await pg.query(
        `INSERT INTO booths (fair_id, company_id, status, hall_id, code) VALUES ($1, $2, 'approved', $3, $4)`,
        [fair.id, company.id, hall.id, `F${n}`],
      );
    } else {
      await pg.query(`INSERT INTO fair_participants (fair_id, company_id, user_id) VALUES ($1, $2, $3)`, [
        fair.id,
        company.id,
        user.id,
      ]);
    }
    const token = tokens.sign({
      sub: user.id,
      role,
      cid: company.id,
      sid: randomBytes(8).toString('hex'),
      lng: locale,
    });
    return { userId: user.id, companyId: company.id, role, locale, authorization: `Bearer ${token}` };
  };

  const made: Pair[] = [];
  for (let n = 0; n < pairs; n++) {
    made.push({
      buyer: await person('buyer', n % 2 ? 'en' : 'vi', n),
      exhibitor: await person('exhibitor', 'vi', n),
    });
  }
  // 08:00 in UTC+7 is 01:00 UTC
  const slots = days.flatMap((day) =>
    Array.from({ length: (CLOSES - OPENS) * 2 }, (_, i) =>
      new Date(Date.parse(`${day}T01:00:00.000Z`) + i * 30 * 60_000).toISOString(),
    ),
  );
  return { fairId: fair.id, pairs: made, slots };
}
