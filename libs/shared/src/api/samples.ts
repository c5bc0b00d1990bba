import type { Page, PageQuery } from '../pagination';

/**
 * Sample requests between an exhibitor and a buyer at a fair, from a held meeting or directly.
 *
 * | method | path                               | roles | body                  | response            |
 * |--------|------------------------------------|-------|-----------------------|---------------------|
 * | POST   | /fairs/:fairId/samples             | B, E  | CreateSampleRequest   | SampleDetail (201)  |
 * | GET    | /samples?fairId=&status=&page=     | B, E (own company), O (all) | – | Page<SampleSummary> |
 * | GET    | /samples/:id                       | party, O | –                  | SampleDetail        |
 * | POST   | /samples/:id/send                  | E (exhibitor side) | SendSampleRequest | SampleDetail |
 * | POST   | /samples/:id/receive               | B (buyer side)     | –          | SampleDetail        |
 * | POST   | /samples/:id/approve               | B (buyer side)     | –          | SampleDetail        |
 * | POST   | /samples/:id/reject                | B (buyer side)     | RejectSampleRequest | SampleDetail |
 * | GET    | /samples/:id/audit                 | party, O | –                  | AuditEntry[]        |
 *
 * requested → sent (courier, tracking number) → received → approved | rejected. Wrong state → 409
 * INVALID_SAMPLE_TRANSITION; the wrong side → 403. Each change is audited and pushes `sample:changed` to both
 * companies, a `sample.changed` notification to the other side, and `dashboard:changed` to organizers.
 */

export const SAMPLE_STATUSES = ['requested', 'sent', 'received', 'approved', 'rejected'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

export const SAMPLE_MAX_ITEMS = 50;
export const SAMPLE_TEXT_MAX = 500;

export interface SampleItemInput {
  /** a product of the exhibitor, or null for free text */
  productId?: string | null;
  description: string;
  /** whole pieces, 1–100000 */
  quantity: number;
}

export interface CreateSampleRequest {
  /** the other company (the exhibitor when a buyer asks, the buyer when an exhibitor offers) */
  counterpartCompanyId: string;
  /** a held meeting of these two companies at this fair */
  meetingId?: string | null;
  items: SampleItemInput[];
  /** decimal string, up to 4 decimals; null when free */
  cost?: string | null;
  /** ISO 4217, required with a cost */
  currency?: string | null;
  notes?: string | null;
}

export interface SendSampleRequest {
  courier: string;
  trackingNumber: string;
}

export interface RejectSampleRequest {
  reason: string;
}

export interface SampleItem {
  productId: string | null;
  productName: string | null;
  description: string;
  quantity: number;
}

export interface SampleSummary {
  id: string;
  fairId: string;
  meetingId: string | null;
  exhibitorCompanyId: string;
  exhibitorName: string;
  buyerCompanyId: string;
  buyerName: string;
  status: SampleStatus;
  cost: string | null;
  currency: string | null;
  itemCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface SampleDetail extends SampleSummary {
  requestedBy: string | null;
  requestedByCompanyId: string;
  courier: string | null;
  trackingNumber: string | null;
  notes: string | null;
  rejectReason: string | null;
  items: SampleItem[];
}

export interface ListSamplesQuery extends PageQuery {
  fairId?: string;
  status?: SampleStatus;
}

export type SamplePage = Page<SampleSummary>;

export interface SampleChangedEvent {
  id: string;
  fairId: string;
  status: SampleStatus;
}
