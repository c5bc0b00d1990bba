import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { pickLanguage, type Language } from '@craftmatch/shared';
import { clientIp } from '../../common/request-context';

/** Who is calling, as far as sessions and rate limits care. */
export interface ClientContext {
  ip: string;
  userAgent: string | null;
  /** From Accept-Language; null when the header is absent. */
  language: Language | null;
}

export function clientContext(request: FastifyRequest): ClientContext {
  const userAgent = request.headers['user-agent'];
  const acceptLanguage = request.headers['accept-language'];
  return {
    ip: clientIp(request).slice(0, 64),
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : null,
    language:
      typeof acceptLanguage === 'string' && acceptLanguage.trim() ? pickLanguage(acceptLanguage, 'en') : null,
  };
}

export const ClientInfo = createParamDecorator((_data: unknown, ctx: ExecutionContext): ClientContext =>
  clientContext(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
