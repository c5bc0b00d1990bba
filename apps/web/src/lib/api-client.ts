import { ErrorCode, type ApiErrorBody, type AuthSession, type FieldErrorCode } from '@craftmatch/shared';
import type { TFunction } from 'i18next';
import { currentLanguage } from './i18n';

export const API_BASE = '/api';

/** An error answered by the API (or a network failure, status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK_ERROR';
  readonly details: ApiErrorBody['details'];

  constructor(
    status: number,
    body: Omit<Partial<ApiErrorBody>, 'code'> & { code?: ErrorCode | 'NETWORK_ERROR' },
  ) {
    super(body.message ?? '');
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? ErrorCode.INTERNAL_ERROR;
    this.details = body.details;
  }

  /** field → FieldErrorCode, as sent by the server. */
  get fieldCodes(): Record<string, FieldErrorCode> {
    return this.details?.fields ?? {};
  }
}

/**
 * Field messages for a form: the server's translated message when it sent one,
 * otherwise our own text for the field error code.
 */
export function fieldErrorsOf(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  const messages = error.details?.messages ?? {};
  for (const [field, code] of Object.entries(error.fieldCodes)) {
    result[field] = messages[field] ?? t(`errors:field.${code}`);
  }
  for (const [field, message] of Object.entries(messages)) result[field] ??= message;
  return result;
}

/** One sentence to show for an error, in the current language. */
export function errorMessageOf(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK_ERROR') return t('common:states.networkError');
    if (error.message) return error.message;
    return t(`errors:${error.code}`, { defaultValue: t('errors:INTERNAL_ERROR') });
  }
  return t('errors:INTERNAL_ERROR');
}

// ---- session token, kept in memory only ----

type TokenListener = (token: string | null) => void;
let accessToken: string | null = null;
const tokenListeners = new Set<TokenListener>();

export const tokenStore = {
  get: () => accessToken,
  set(token: string | null) {
    if (token === accessToken) return;
    accessToken = token;
    tokenListeners.forEach((listener) => listener(token));
  },
  subscribe(listener: TokenListener) {
    tokenListeners.add(listener);
    return () => tokenListeners.delete(listener);
  },
};

interface AuthHandlers {
  /** A refresh succeeded (on start, on a 401 retry or on schedule). */
  onRefreshed: (session: AuthSession) => void;
  /** The session cannot be recovered: sign the user out. */
  onAuthLost: () => void;
}
let handlers: AuthHandlers = { onRefreshed: () => {}, onAuthLost: () => {} };
export function setAuthHandlers(next: AuthHandlers) {
  handlers = next;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** Do not try to refresh and retry on 401 (used by the auth endpoints themselves). */
  noRetry?: boolean;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      credentials: 'include',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: '' });
  }
}

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, { code: ErrorCode.INTERNAL_ERROR, message: '' });
  }
}

async function toError(response: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> = {};
  try {
    body = (await response.json()) as Partial<ApiErrorBody>;
  } catch {
    // not JSON: keep the status only
  }
  return new ApiError(response.status, body);
}

let refreshing: Promise<AuthSession | null> | null = null;

/**
 * Refresh tokens rotate on every use and a replayed one ends the session everywhere, so tabs
 * must not refresh at the same moment with the same cookie: a Web Lock serialises them across
 * tabs (the second tab then sends the cookie the first one just received).
 */
function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('craftmatch-refresh', task) as Promise<T>) : task();
}

/** POST /auth/refresh, once at a time however many callers (and tabs) ask. */
export function refreshSession(): Promise<AuthSession | null> {
  refreshing ??= (async () => {
    try {
      const response = await acrossTabs(() => send('/auth/refresh', { method: 'POST', noRetry: true }));
      if (!response.ok) return null;
      const session = await parse<AuthSession>(response);
      tokenStore.set(session.accessToken);
      handlers.onRefreshed(session);
      return session;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Calls the API; throws ApiError on any non-2xx answer. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const hadToken = accessToken !== null;
  let response = await send(path, options);
  if (response.status === 401 && hadToken && !options.noRetry) {
    const error = await toError(response);
    // An expired token, or one of a session ended elsewhere (its refresh then fails: signed out).
    if (error.code !== ErrorCode.UNAUTHENTICATED && error.code !== ErrorCode.SESSION_REVOKED) throw error;
    const session = await refreshSession();
    if (!session) {
      tokenStore.set(null);
      handlers.onAuthLost();
      throw error;
    }
    response = await send(path, options);
  }
  if (!response.ok) throw await toError(response);
  return parse<T>(response);
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
};
