import type { CompanyKind, MembershipRole, UserRole } from '../roles';
import type { Language } from '../locales';
import type { SessionInfo } from './auth';

/**
 * The privacy notice in force. Registration records this version with the time of consent; a new
 * version of the notice (vi and en in the `privacy` namespace) comes with a new value here.
 */
export const PRIVACY_NOTICE_VERSION = '2026-11-27';

export const CONSENT_KINDS = ['privacy_notice'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export interface ConsentRecord {
  kind: ConsentKind;
  version: string;
  acceptedAt: string;
}

/** DELETE /api/privacy/me: the password confirms it is really the user. */
export interface DeleteAccountRequest {
  password: string;
}

/** GET /api/privacy/me: everything CraftMatch holds about the signed-in person, as a JSON download. */
export interface MyDataExport {
  exportedAt: string;
  noticeVersion: string;
  profile: {
    id: string;
    email: string;
    fullName: string;
    locale: Language;
    role: UserRole;
    emailVerifiedAt: string | null;
    createdAt: string;
  };
  memberships: {
    companyId: string;
    companyName: string;
    companyKind: CompanyKind;
    role: MembershipRole;
    joinedAt: string;
  }[];
  meetings: {
    id: string;
    fairId: string;
    /** how the person takes part: buyer, exhibitor, interpreter or requester */
    as: string[];
    status: string;
    /** null while the meeting is only requested */
    start: string | null;
    end: string | null;
    buyerCompany: string;
    exhibitorCompany: string;
    createdAt: string;
  }[];
  /** inquiries sent from the person's e-mail address through the public catalogue */
  inquiries: { id: string; companyId: string; message: string; createdAt: string }[];
  /** replies the person wrote to inquiries */
  inquiryReplies: { id: string; inquiryId: string; message: string; createdAt: string }[];
  notifications: { id: string; type: string; data: unknown; readAt: string | null; createdAt: string }[];
  sessions: SessionInfo[];
  consents: ConsentRecord[];
}

/** A Vietnamese citizen ID: the tax code of a household business, personal data of its owner. */
export function isPersonalTaxCode(code: string | null | undefined): boolean {
  return typeof code === 'string' && /^[0-9]{12}$/.test(code);
}

/**
 * What other parties see of a tax code: a company's 10 or 13-digit code as is; a household
 * business's 12-digit citizen ID with all but the last 4 digits hidden (`********3456`).
 */
export function maskTaxCode(code: string | null): string | null {
  if (code === null || !isPersonalTaxCode(code)) return code;
  return '*'.repeat(8) + code.slice(-4);
}
