import type {} from '@fastify/cookie';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { REFRESH_COOKIE, type AuthSession } from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { IssuedSession } from './session.service';

/** Sent only to the auth routes (refresh, logout). */
export const REFRESH_COOKIE_PATH = '/api/auth';

/**
 * The refresh token travels only in an httpOnly cookie. SameSite=Lax, not Strict:
 * Strict would drop it when the user arrives from a link in an e-mail.
 */
@Injectable()
export class RefreshCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  read(request: FastifyRequest): string | null {
    return request.cookies?.[REFRESH_COOKIE] ?? null;
  }

  /** Sets the cookie and returns the body to send. */
  set(reply: FastifyReply, issued: IssuedSession): AuthSession {
    reply.setCookie(REFRESH_COOKIE, issued.refreshToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.production,
      path: REFRESH_COOKIE_PATH,
      maxAge: this.config.refreshTokenTtlDays * 24 * 60 * 60,
    });
    return issued.session;
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_COOKIE, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.production,
      path: REFRESH_COOKIE_PATH,
    });
  }
}
