import type { PageQuery } from '../pagination';
import type { CompanyStatus } from '../roles';
import type { ProductStatus } from './products';

/** Every organizer action carries a reason, shown to the owners and kept in the audit log. */
export interface ModerationReasonRequest {
  reason: string;
}

/** Reinstating may carry a note, but need not. */
export interface ReinstateCompanyRequest {
  reason?: string;
}

export interface ListModerationProductsQuery extends PageQuery {
  status?: ProductStatus;
  companyId?: string;
  q?: string;
}

/** A product as the organizer sees it in the moderation list. */
export interface ModerationProduct {
  id: string;
  slug: string;
  status: ProductStatus;
  moderationReason: string | null;
  nameVi: string;
  nameEn: string;
  categoryCode: string;
  companyId: string;
  companyName: string;
  companyStatus: CompanyStatus;
  publishedAt: string | null;
  updatedAt: string;
}

export const AUDIT_ENTITY_TYPES = ['product', 'company', 'fair', 'booth', 'contract'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export interface AuditQuery extends PageQuery {
  entityType?: string;
  entityId?: string;
  companyId?: string;
}

export interface AuditEntry {
  id: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  companyId: string | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}
