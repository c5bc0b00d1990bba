import type { CompanyKind, CompanyStatus, MembershipRole, StaffRole } from '../roles';
import type { Language } from '../locales';

export interface CompanySummary {
  id: string;
  name: string;
  kind: CompanyKind;
  status: CompanyStatus;
  statusReason: string | null;
  countryCode: string | null;
  createdAt: string;
  reviewedAt: string | null;
  memberCount: number;
  /** e-mail of the person who registered it */
  ownerEmail: string | null;
}

export interface CompanyMember {
  userId: string;
  email: string;
  fullName: string;
  role: MembershipRole;
  joinedAt: string;
}

export interface ListCompaniesQuery {
  status?: CompanyStatus;
  kind?: CompanyKind;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface RejectCompanyRequest {
  reason: string;
}

export interface InviteMemberRequest {
  email: string;
  locale?: Language;
}

export interface InviteStaffRequest {
  email: string;
  fullName?: string;
  role: StaffRole;
  locale?: Language;
}

export interface Invitation {
  id: string;
  email: string;
  companyId: string | null;
  role: string;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}

/** What someone opening an invitation link sees before accepting. */
export interface InvitationPreview {
  email: string;
  companyName: string | null;
  role: string;
  inviterName: string;
  expiresAt: string;
}

export interface AcceptInvitationRequest {
  token: string;
  fullName: string;
  password: string;
  locale?: Language;
  /** Must be true: the privacy notice was read and accepted (else CONSENT_REQUIRED). */
  acceptPrivacy: boolean;
}
