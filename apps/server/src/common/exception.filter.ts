import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { ErrorCode, type ApiErrorBody, type FieldErrorCode } from '@craftmatch/shared';
import { AccessTokenService } from './access-token.service';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainError } from './domain-error';
import { I18nService } from './i18n.service';
import { requestLanguage, type AppRequest } from './request-context';

interface Mapped {
  status: number;
  code: ErrorCode;
  params?: Record<string, string | number>;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** PostgreSQL SQLSTATE → API error. Integrity lives in the database; its refusals are clean 4xx. */
const PG_CODES: Record<string, Omit<Mapped, 'details'>> = {
  '23505': { status: 409, code: ErrorCode.ALREADY_EXISTS },
  '23P01': { status: 409, code: ErrorCode.SLOT_TAKEN },
  '23503': { status: 409, code: ErrorCode.REFERENCE_NOT_FOUND },
  '23514': { status: 409, code: ErrorCode.CONSTRAINT_VIOLATION },
  '23502': { status: 400, code: ErrorCode.VALIDATION_FAILED },
  '22P02': { status: 400, code: ErrorCode.BAD_REQUEST },
  '22001': { status: 400, code: ErrorCode.VALIDATION_FAILED },
  '22003': { status: 400, code: ErrorCode.VALIDATION_FAILED },
  '22007': { status: 400, code: ErrorCode.VALIDATION_FAILED },
  '22008': { status: 400, code: ErrorCode.VALIDATION_FAILED },
  '40001': { status: 409, code: ErrorCode.CONFLICT },
  '40P01': { status: 409, code: ErrorCode.CONFLICT },
  '57P01': { status: 503, code: ErrorCode.SERVICE_UNAVAILABLE },
  '57P03': { status: 503, code: ErrorCode.SERVICE_UNAVAILABLE },
  '53300': { status: 503, code: ErrorCode.SERVICE_UNAVAILABLE },
};

const FASTIFY_CODES: Record<string, Omit<Mapped, 'details'>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: ErrorCode.INVALID_JSON },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: ErrorCode.INVALID_JSON },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: ErrorCode.BAD_REQUEST },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: ErrorCode.BAD_REQUEST },
  FST_PROTO_VIOLATION: { status: 400, code: ErrorCode.INVALID_JSON },
  FST_CONSTRUCTOR_VIOLATION: { status: 400, code: ErrorCode.INVALID_JSON },
  // the router's own refusals: a path that is not valid percent-encoding, a parameter over 100 characters
  FST_ERR_BAD_URL: { status: 400, code: ErrorCode.BAD_REQUEST },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: ErrorCode.BAD_REQUEST },
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_REQUEST,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.ROUTE_NOT_FOUND,
  405: ErrorCode.ROUTE_NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

/** The answer while the database is away; clients may retry after a second. */
const DATABASE_UNAVAILABLE: Omit<Mapped, 'details'> = {
  status: 503,
  code: ErrorCode.SERVICE_UNAVAILABLE,
  headers: { 'retry-after': '1' },
};

function fastifyCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('FST_')) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function mapError(exception: unknown): Mapped {
  if (exception instanceof DomainError) {
    return {
      status: exception.status,
      code: exception.code,
      params: exception.options.params,
      details: exception.options.details,
      headers: exception.options.headers,
    };
  }
  const fst = fastifyCode(exception);
  if (fst && FASTIFY_CODES[fst]) return { ...FASTIFY_CODES[fst] };
  // PostgreSQL stopped, restarting, unreachable or out of connections: try again shortly. Checked before the
  // SQLSTATE table so that every such failure answers alike, whichever layer reported it.
  if (isDatabaseUnavailable(exception)) return { ...DATABASE_UNAVAILABLE };
  if (exception instanceof QueryFailedError) {
    const driver = exception.driverError as { code?: string; constraint?: string };
    const mapped = driver.code ? PG_CODES[driver.code] : undefined;
    if (mapped)
      return { ...mapped, details: driver.constraint ? { constraint: driver.constraint } : undefined };
  }
  const pgCode = (exception as { code?: unknown })?.code;
  if (typeof pgCode === 'string' && PG_CODES[pgCode]) return { ...PG_CODES[pgCode] };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return {
      status,
      code: STATUS_CODES[status] ?? (status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_ERROR),
    };
  }
  const status = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: STATUS_CODES[status] ?? ErrorCode.BAD_REQUEST };
  }
  return { status: 500, code: ErrorCode.INTERNAL_ERROR };
}

/** Every error leaves as JSON `{ code, message, details }`, in the caller's language. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly i18n: I18nService,
    private readonly tokens?: AccessTokenService,
  ) {}

  /** Errors raised before the guard ran (a bad body, say) still speak the signed-in user's language. */
  private withUser(request: AppRequest | undefined): AppRequest | undefined {
    if (!request || request.user || !this.tokens) return request;
    const token = AccessTokenService.bearer(request.headers?.authorization);
    if (!token) return request;
    try {
      request.user = this.tokens.verify(token);
    } catch {
      /* an invalid token just means the default language */
    }
    return request;
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const request = http.getRequest<AppRequest>();
    const reply = http.getResponse<FastifyReply>();
    const mapped = mapError(exception);
    if (mapped.code === ErrorCode.SERVICE_UNAVAILABLE && mapped.status === 503) {
      // expected while the database is away: one line, no stack
      const cause =
        exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
      this.logger.warn(`${request?.method} ${request?.url}: service unavailable (${cause})`);
    } else if (mapped.status >= 500) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    const body = this.body(mapped, request);
    if (reply.sent) return;
    for (const [name, value] of Object.entries(mapped.headers ?? {})) reply.header(name, value);
    reply.status(mapped.status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  body(mapped: Mapped, request: AppRequest | undefined): ApiErrorBody {
    const lng = requestLanguage(this.withUser(request));
    const message = this.i18n.t(lng, `errors:${mapped.code}`, mapped.params ?? {});
    const details: ApiErrorBody['details'] = { ...(mapped.details ?? {}) };
    const fields = details.fields as Record<string, FieldErrorCode> | undefined;
    if (fields) {
      details.messages = Object.fromEntries(
        Object.entries(fields).map(([field, code]) => [field, this.i18n.t(lng, `errors:field.${code}`)]),
      );
    }
    return { code: mapped.code, message, details };
  }
}
