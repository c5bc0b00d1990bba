import type { CompanyKind, CompanyStatus, MembershipRole, UserRole } from '../roles';
import type { Language } from '../locales';

export const PASSWORD_MIN_LENGTH = 10;
export const REFRESH_COOKIE = 'cm_refresh';

export interface RegisterRequest {
  email: string;
  password: string;
  fullName: string;
  locale?: Language;
  companyKind: CompanyKind;
  companyName: string;
  /** ISO 3166-1 alpha-2 */
  countryCode?: string;
  /** Must be true: the user read and accepts the privacy notice (PRIVACY_NOTICE_VERSION is recorded). */
  acceptPrivacy: boolean;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface MeCompany {
  id: string;
  name: string;
  kind: CompanyKind;
  status: CompanyStatus;
  statusReason: string | null;
  membershipRole: MembershipRole;
}

export interface Me {
  id: string;
  email: string;
  fullName: string;
  locale: Language;
  role: UserRole;
  emailVerified: boolean;
  company: MeCompany | null;
}

export interface AuthSession {
  accessToken: string;
  /** seconds until the access token expires */
  expiresIn: number;
  user: Me;
}

export interface UpdateMeRequest {
  fullName?: string;
  locale?: Language;
}

export interface TokenRequest {
  token: string;
}

export interface ForgotPasswordRequest {
  email: string;
}

export interface ResetPasswordRequest {
  token: string;
  password: string;
}

/** Claims inside the access token. */
export interface AccessTokenClaims {
  sub: string;
  role: UserRole;
  /** company id, when the user belongs to one */
  cid?: string;
  sid: string;
}

/**
 * Minimum strength: at least PASSWORD_MIN_LENGTH characters, with letters and digits or symbols,
 * and not one of the obvious choices. Shared so the form can say so before the server does.
 */
export function isStrongPassword(password: string, context: string[] = []): boolean {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN_LENGTH || password.length > 200)
    return false;
  if (!/\p{L}/u.test(password) || !/[\p{N}\p{P}\p{S}]/u.test(password)) return false;
  if (new Set(password).size < 5) return false;
  const lower = password.toLowerCase();
  const obvious = ['password', 'matkhau', '1234567890', 'qwertyuiop', 'craftmatch'];
  if (obvious.some((word) => lower.includes(word))) return false;
  return !context.some((c) => c && c.length >= 4 && lower.includes(c.toLowerCase()));
}

/** One sign-in (a refresh-token family) of the signed-in user: GET /api/auth/sessions. */
export interface SessionInfo {
  /** the family id; the access token's `sid` */
  id: string;
  userAgent: string | null;
  ip: string | null;
  /** when the user signed in */
  createdAt: string;
  /** the last time the session was refreshed (or the sign-in itself) */
  lastUsedAt: string;
  expiresAt: string;
  /** the session this request comes from */
  current: boolean;
}
