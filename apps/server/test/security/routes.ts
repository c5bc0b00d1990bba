import { randomUUID } from 'node:crypto';
import type { TestApp } from '../app';
import { Factory } from '../factories';
import type { Operation } from './openapi';
import { sample } from './sample';
import { slot, type Role, type World } from './world';

/**
 * Path parameters by name: resources of exhibitor A or buyer C. `{id}` depends on the route's
 * resource, read from the segment before it.
 */
export function defaultParams(op: Operation, w: World): Record<string, string> {
  const path = op.path;
  const id = (): string => {
    const before = path.split('/{id}')[0];
    if (before.endsWith('/notifications')) return w.notificationA;
    if (before.endsWith('/moderation/companies')) return w.companies.A;
    if (before.endsWith('/companies')) return path.includes('buyer-profile') ? w.companies.C : w.companies.A;
    if (before.endsWith('/products')) return w.productA.id;
    if (before.endsWith('/inquiries')) return w.inquiry;
    if (before.endsWith('/organizer/fairs')) return w.fair.fairId;
    if (before.endsWith('/booths')) return w.boothA;
    if (before.endsWith('/files')) return w.photoA;
    if (before.endsWith('/certifications')) return w.certificationA;
    if (before.endsWith('/workshops')) return w.workshopA;
    if (before.endsWith('/artisans')) return w.artisanA;
    if (before.endsWith('/meetings')) return w.meetingAccepted;
    if (before.endsWith('/contracts')) return w.contract;
    if (before.endsWith('/samples')) return w.sample;
    if (before.endsWith('/imports')) return w.importId;
    if (before.endsWith('/auth/sessions')) return w.nobody;
    throw new Error(`no {id} for ${op.key}`);
  };
  const userId = (): string => {
    if (path.includes('/people/')) return w.users.exhibitorA.id;
    if (path.includes('/interpreters/')) return w.users.interpreter.id;
    return w.users.buyerC.id;
  };
  const out: Record<string, string> = {};
  for (const p of op.params.filter((p) => p.in === 'path')) {
    switch (p.name) {
      case 'id':
        out.id = id();
        break;
      case 'fairId':
        out.fairId = w.fair.fairId;
        break;
      case 'companyId':
        out.companyId = w.companies.A;
        break;
      case 'userId':
        out.userId = userId();
        break;
      case 'slug':
        out.slug = path.startsWith('/api/fairs/') ? w.fair.slug : w.productA.slug;
        break;
      case 'fileId':
        out.fileId = w.photoA;
        break;
      case 'workshopId':
        out.workshopId = w.workshopA;
        break;
      case 'tableId':
        out.tableId = w.tableId;
        break;
      case 'draftId':
        out.draftId = w.draftId;
        break;
      case 'token':
        out.token = w.invitationToken;
        break;
      case 'dataset':
        out.dataset = 'contracts';
        break;
      case 'file':
        out.file = path.includes('/qr/') ? `${w.productA.slug}.svg` : w.feedFile;
        break;
      default:
        throw new Error(`no value for path parameter ${p.name} of ${op.key}`);
    }
  }
  return out;
}

/** Required query parameters get a plausible value; a fairId is F. */
export function defaultQuery(op: Operation, w: World): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of op.params.filter((p) => p.in === 'query')) {
    if (p.name === 'fairId') out.fairId = w.fair.fairId;
    else if (p.required) out[p.name] = String(sample(p.schema, p.name));
  }
  return out;
}

export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
}

/** Throwaway resources for destructive routes. */
export class Throwaway {
  private readonly f: Factory;
  constructor(private readonly t: TestApp) {
    this.f = new Factory(t);
  }

  company(
    kind: 'exhibitor' | 'buyer' = 'exhibitor',
    status: 'pending' | 'approved' | 'suspended' = 'pending',
  ) {
    return this.f.company({ kind, status: status === 'suspended' ? 'approved' : status }).then(async (id) => {
      if (status === 'suspended')
        await this.t.dataSource.query(
          `UPDATE companies SET status = 'suspended', status_reason = 'test' WHERE id = $1`,
          [id],
        );
      return id;
    });
  }

  async fair(status = 'draft'): Promise<string> {
    const [row] = await this.t.dataSource.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status) VALUES ($1, 'Hội chợ nháp', 'Draft fair', 'SECC', $2)
       RETURNING id`,
      [`fair-${randomUUID()}`, status],
    );
    await this.t.dataSource.query(
      `INSERT INTO fair_days (fair_id, day, opens_at, closes_at) VALUES ($1, '2027-03-03', '08:00', '12:00')`,
      [row.id],
    );
    await this.t.dataSource.query(`INSERT INTO halls (fair_id, code, name) VALUES ($1, 'A', 'Hall A')`, [
      row.id,
    ]);
    return row.id;
  }

  /** A pending booth of exhibitor A at a fresh fair taking registrations. */
  async booth(w: World, status = 'pending'): Promise<string> {
    const fairId = await this.fair('registration');
    const [row] = await this.t.dataSource.query(
      `INSERT INTO booths (fair_id, company_id, status, size) VALUES ($1, $2, $3, '3x3') RETURNING id`,
      [fairId, w.companies.A, status],
    );
    return row.id;
  }

  interpreter(): Promise<string> {
    return this.f.user({ role: 'interpreter' }).then((u) => u.id);
  }

  async table(w: World): Promise<string> {
    const [row] = await this.t.dataSource.query(
      `INSERT INTO b2b_tables (fair_id, hall_id, code) VALUES ($1, $2, $3) RETURNING id`,
      [w.fair.fairId, w.fair.hallId, `T-${randomUUID().slice(0, 6)}`],
    );
    return row.id;
  }
}

export { slot };
export type { Role };
