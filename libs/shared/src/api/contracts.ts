import type { Incoterm } from '../reference/trade';
import type { Page, PageQuery } from '../pagination';

/**
 * Contracts and letters of intent between an exhibitor and a buyer at a fair. Money is exact: decimal strings
 * in the API, `numeric` in PostgreSQL, computed by `money.ts` on the server (client totals are never read).
 *
 * | method | path                                 | roles | body                   | response             |
 * |--------|--------------------------------------|-------|------------------------|----------------------|
 * | POST   | /fairs/:fairId/contracts             | B, E  | CreateContractRequest  | ContractDetail (201) |
 * | GET    | /contracts?fairId=&status=&page=     | B, E (own company), O (all) | – | Page<ContractSummary> |
 * | GET    | /contracts/:id                       | party, O | –                   | ContractDetail       |
 * | PATCH  | /contracts/:id                       | declaring party | UpdateContractRequest | ContractDetail |
 * | POST   | /contracts/:id/confirm               | the other party | –          | ContractDetail       |
 * | POST   | /contracts/:id/dispute               | the other party | DisputeContractRequest | ContractDetail |
 * | POST   | /contracts/:id/cancel                | party | CancelContractRequest  | ContractDetail       |
 * | POST   | /contracts/:id/revalue               | O (organizer) | RevalueContractRequest | ContractDetail |
 * | GET    | /contracts/:id/audit                 | party, O | –                   | AuditEntry[] (oldest first) |
 * | GET    | /pipeline?fairId=                    | B, E  | –                      | PipelineResponse     |
 *
 * Status: declared → confirmed | disputed; a PATCH (of a declared, disputed or confirmed contract) returns it
 * to declared, awaiting the other side again; cancelled is final and keeps the record. Errors: 409
 * INVALID_CONTRACT_TRANSITION (wrong state or wrong side), 422 FX_RATE_MISSING (no rate on or before the
 * signing date), 422 VALIDATION_FAILED (fields), 422 MEETING_NOT_HELD (meetingId not a held meeting of the two
 * companies at this fair), 409 ALREADY_EXISTS (number already used by the declaring company at this fair).
 * Every change writes audit rows (entity_type 'contract') with the fields before and after, pushes
 * `contract:changed` to both companies, a notification to the other side, and `dashboard:changed` to organizers.
 */

export const CONTRACT_KINDS = ['loi', 'contract'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

export const CONTRACT_STATUSES = ['declared', 'confirmed', 'disputed', 'cancelled'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** T/T (with a deposit %), L/C at sight, D/P, D/A, open account. */
export const CONTRACT_PAYMENT_TERMS = ['tt', 'lc_sight', 'dp', 'da', 'open_account'] as const;
export type ContractPaymentTerm = (typeof CONTRACT_PAYMENT_TERMS)[number];

export const CONTRACT_MAX_LINES = 200;
export const CONTRACT_NUMBER_MAX = 64;
export const CONTRACT_TEXT_MAX = 4000;
export const CONTRACT_REASON_MAX = 1000;

export interface ContractLineInput {
  /** a product of the exhibitor, or null for a free-text line */
  productId?: string | null;
  description: string;
  /** decimal string > 0, up to 14 integer digits and 4 decimals */
  quantity: string;
  /** e.g. "pcs", "set" (PRODUCT_UNITS) */
  unit: string;
  /** decimal string ≥ 0, up to 16 integer digits and 4 decimals, in the contract's currency */
  unitPrice: string;
}

export interface CreateContractRequest {
  /** the other company of the deal */
  counterpartCompanyId: string;
  /** optional: a held meeting between the two companies at this fair */
  meetingId?: string | null;
  number: string;
  /** YYYY-MM-DD */
  signedOn: string;
  kind: ContractKind;
  /** ISO 4217 */
  currency: string;
  incoterm: Incoterm;
  incotermPlace: string;
  paymentTerms: ContractPaymentTerm;
  /** only with 'tt': decimal string 0–100, 2 decimals */
  depositPercent?: string | null;
  notes?: string | null;
  attachmentFileId?: string | null;
  lines: ContractLineInput[];
}

/** Every field optional; lines, when given, replace all lines. */
export type UpdateContractRequest = Partial<Omit<CreateContractRequest, 'counterpartCompanyId'>>;

export interface DisputeContractRequest {
  reason: string;
}

export interface CancelContractRequest {
  reason?: string;
}

export interface RevalueContractRequest {
  /** take the rate on this date (default: the latest rate on or before the signing date) */
  fxDate?: string;
  reason?: string;
}

export interface ContractLine {
  position: number;
  productId: string | null;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  /** rounded half-up to the currency's minor unit */
  lineTotal: string;
}

export interface ContractSummary {
  id: string;
  fairId: string;
  meetingId: string | null;
  exhibitorCompanyId: string;
  exhibitorName: string;
  buyerCompanyId: string;
  buyerName: string;
  number: string;
  signedOn: string;
  kind: ContractKind;
  currency: string;
  status: ContractStatus;
  declaredByCompanyId: string;
  /** in `currency`, with its minor-unit decimals ("1250000" VND, "12.50" USD, "1.250" KWD) */
  total: string;
  /** 8 decimals */
  fxRate: string;
  fxDate: string;
  /** 2 decimals */
  totalUsd: string;
  createdAt: string;
  updatedAt: string;
  confirmedAt: string | null;
}

export interface ContractDetail extends ContractSummary {
  incoterm: Incoterm;
  incotermPlace: string;
  paymentTerms: ContractPaymentTerm;
  depositPercent: string | null;
  notes: string | null;
  attachmentFileId: string | null;
  disputeReason: string | null;
  cancelReason: string | null;
  lines: ContractLine[];
}

export interface ListContractsQuery extends PageQuery {
  fairId?: string;
  status?: ContractStatus;
}

export type ContractPage = Page<ContractSummary>;

/**
 * Furthest stage reached with one counterpart company at a fair: met (a held meeting) → samples (a sample
 * request) → quotation (a non-cancelled LOI, or the caller's outcome of a held meeting naming a quotation or a
 * contract as next step) → contract (a non-cancelled signed contract).
 */
export const PIPELINE_STAGES = ['met', 'samples', 'quotation', 'contract'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export interface PipelineCounterpart {
  companyId: string;
  companyName: string;
  /** buyer's country (ISO alpha-2), or exhibitor's province code */
  countryCode: string | null;
  provinceCode: string | null;
  stage: PipelineStage;
  meetingsHeld: number;
  samples: number;
  /** LOIs (non-cancelled) */
  quotations: number;
  /** signed contracts (non-cancelled) */
  contracts: number;
  /** USD of non-cancelled LOIs and contracts, 2 decimals */
  valueUsd: string;
  confirmedValueUsd: string;
}

export interface PipelineStageTotal {
  stage: PipelineStage;
  /** counterparts whose furthest stage is this one */
  count: number;
  valueUsd: string;
}

export interface PipelineResponse {
  fairId: string;
  side: 'exhibitor' | 'buyer';
  stages: PipelineStageTotal[];
  counterparts: PipelineCounterpart[];
}

export interface ContractChangedEvent {
  id: string;
  fairId: string;
  status: ContractStatus;
}
