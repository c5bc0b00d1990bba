import { randomBytes } from 'node:crypto';
import type { CompanyKind, CompanyStatus, Language, UserRole } from '@craftmatch/shared';
import { AccessTokenService } from '../src/common/access-token.service';
import { hashPassword } from '../src/common/passwords';
import type { TestApp } from './app';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: UserRole;
  companyId: string | null;
  token: string;
  auth: { authorization: string };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;
const DEFAULT_PASSWORD = 'Gom-BatTrang-2026';
let defaultHash: Promise<string> | undefined;

/** Builds data straight in the database; tests that exercise sign-up use the API instead. */
export class Factory {
  constructor(private readonly t: TestApp) {}

  async company(input: { kind?: CompanyKind; status?: CompanyStatus; name?: string } = {}): Promise<string> {
    const [row] = await this.t.dataSource.query(
      `INSERT INTO companies (kind, name, status, status_reason) VALUES ($1, $2, $3, $4) RETURNING id`,
      [
        input.kind ?? 'exhibitor',
        input.name ?? `Làng nghề ${unique()}`,
        input.status ?? 'pending',
        input.status === 'rejected' ? 'incomplete' : null,
      ],
    );
    return row.id as string;
  }

  async user(
    input: {
      role?: UserRole;
      companyId?: string;
      membership?: 'owner' | 'staff';
      email?: string;
      password?: string;
      locale?: Language;
      fullName?: string;
      verified?: boolean;
    } = {},
  ): Promise<TestUser> {
    const role = input.role ?? 'exhibitor';
    const email = input.email ?? `${role}.${unique()}@test.example`;
    const password = input.password ?? DEFAULT_PASSWORD;
    const hash = input.password
      ? await hashPassword(password)
      : await (defaultHash ??= hashPassword(DEFAULT_PASSWORD));
    const [row] = await this.t.dataSource.query(
      `INSERT INTO users (email, password_hash, full_name, role, locale, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        email,
        hash,
        input.fullName ?? 'Nguyễn Văn Test',
        role,
        input.locale ?? 'vi',
        input.verified === false ? null : new Date(),
      ],
    );
    if (input.companyId) {
      await this.t.dataSource.query(
        `INSERT INTO company_memberships (company_id, user_id, role) VALUES ($1, $2, $3)`,
        [input.companyId, row.id, input.membership ?? 'owner'],
      );
    }
    const token = this.t.app.get(AccessTokenService).sign({
      sub: row.id,
      role,
      cid: input.companyId,
      sid: randomBytes(8).toString('hex'),
      lng: input.locale ?? 'vi',
    });
    return {
      id: row.id,
      email,
      password,
      role,
      companyId: input.companyId ?? null,
      token,
      auth: { authorization: `Bearer ${token}` },
    };
  }

  /** A company with one owner. */
  async member(kind: CompanyKind = 'exhibitor', status: CompanyStatus = 'pending'): Promise<TestUser> {
    const companyId = await this.company({ kind, status });
    return this.user({ role: kind, companyId });
  }

  organizer(): Promise<TestUser> {
    return this.user({ role: 'organizer' });
  }
}
