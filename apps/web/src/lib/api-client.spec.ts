import { ErrorCode, FieldErrorCode } from '@craftmatch/shared';
import { jsonResponse } from '../test/render';
import { api, ApiError, errorMessageOf, fieldErrorsOf, setAuthHandlers, tokenStore } from './api-client';
import { i18n } from './i18n';

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(async () => {
  fetchMock.mockReset();
  tokenStore.set(null);
  await i18n.changeLanguage('en');
});

describe('api client', () => {
  it('maps an error body to field errors, preferring the server’s translated messages', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(400, {
        code: ErrorCode.VALIDATION_FAILED,
        message: 'Some fields are not valid.',
        details: {
          fields: { email: FieldErrorCode.EMAIL_TAKEN, password: FieldErrorCode.WEAK_PASSWORD },
          messages: { email: 'This e-mail is already registered.' },
        },
      }),
    );

    const error = await api.post('/auth/register', { email: 'a@b.vn' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(fieldErrorsOf(error, i18n.t)).toEqual({
      email: 'This e-mail is already registered.',
      password: 'Use at least 10 characters, with letters and digits or symbols.',
    });
    expect(errorMessageOf(error, i18n.t)).toBe('Some fields are not valid.');
  });

  it('sends the language and the bearer token, with cookies', async () => {
    tokenStore.set('abc');
    await i18n.changeLanguage('vi');
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { ok: true }));

    await api.get('/auth/me');

    const [url, init] = fetchMock.mock.calls[0] as [
      string,
      RequestInit & { headers: Record<string, string> },
    ];
    expect(url).toBe('/api/auth/me');
    expect(init.credentials).toBe('include');
    expect(init.headers.Authorization).toBe('Bearer abc');
    expect(init.headers['Accept-Language']).toBe('vi');
  });

  it('refreshes once on UNAUTHENTICATED and retries with the new token', async () => {
    tokenStore.set('old');
    fetchMock
      .mockResolvedValueOnce(jsonResponse(401, { code: ErrorCode.UNAUTHENTICATED, message: 'Sign in' }))
      .mockResolvedValueOnce(jsonResponse(200, { accessToken: 'new', expiresIn: 900, user: { id: 'u1' } }))
      .mockResolvedValueOnce(jsonResponse(200, { items: [] }));

    const result = await api.get<{ items: unknown[] }>('/notifications');

    expect(result).toEqual({ items: [] });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      '/api/notifications',
      '/api/auth/refresh',
      '/api/notifications',
    ]);
    const retry = fetchMock.mock.calls[2][1] as { headers: Record<string, string> };
    expect(retry.headers.Authorization).toBe('Bearer new');
  });

  it('signs out when the session was revoked and the refresh fails too', async () => {
    const onAuthLost = jest.fn();
    setAuthHandlers({ onRefreshed: () => {}, onAuthLost });
    tokenStore.set('revoked');
    fetchMock
      .mockResolvedValueOnce(jsonResponse(401, { code: ErrorCode.SESSION_REVOKED, message: 'Signed out' }))
      .mockResolvedValueOnce(jsonResponse(401, { code: ErrorCode.REFRESH_INVALID, message: 'Ended' }));

    const error = await api.get('/notifications').catch((e: unknown) => e);

    expect((error as ApiError).code).toBe(ErrorCode.SESSION_REVOKED);
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/notifications', '/api/auth/refresh']);
    expect(onAuthLost).toHaveBeenCalledTimes(1);
    expect(tokenStore.get()).toBeNull();
  });

  it('reports a network failure in the reader’s language', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const error = await api.get('/health').catch((e: unknown) => e);
    expect(errorMessageOf(error, i18n.t)).toMatch(/could not reach CraftMatch/);
  });
});
