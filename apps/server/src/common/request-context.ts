import type { FastifyRequest } from 'fastify';
import {
  isLanguage,
  pickLanguage,
  type AccessTokenClaims,
  type Language,
  type UserRole,
} from '@craftmatch/shared';

/** The signed-in caller, as the guard put it on the request. */
export interface AuthUser {
  id: string;
  role: UserRole;
  companyId: string | null;
  sessionId: string;
  locale?: Language;
}

export type AppRequest = FastifyRequest & { user?: AuthUser };

export function authUserFromClaims(claims: AccessTokenClaims & { lng?: string }): AuthUser {
  return {
    id: claims.sub,
    role: claims.role,
    companyId: claims.cid ?? null,
    sessionId: claims.sid,
    locale: isLanguage(claims.lng) ? claims.lng : undefined,
  };
}

/** The caller's language: Accept-Language when sent, else the user's saved locale, else English. */
export function requestLanguage(request: AppRequest | undefined): Language {
  const header = request?.headers?.['accept-language'];
  if (typeof header === 'string' && header.trim()) return pickLanguage(header, request?.user?.locale ?? 'en');
  return request?.user?.locale ?? 'en';
}

export function clientIp(request: FastifyRequest): string {
  return request.ip ?? 'unknown';
}
