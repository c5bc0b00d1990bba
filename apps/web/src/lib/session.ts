import { useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AuthSession, Language, Me, UpdateMeRequest } from '@craftmatch/shared';
import { api, refreshSession, setAuthHandlers, tokenStore } from './api-client';
import { currentLanguage, i18n } from './i18n';
import { queryClient } from './query-client';
import { queryKeys } from './query-keys';

export type SessionStatus = 'loading' | 'authenticated' | 'anonymous';

let status: SessionStatus = 'loading';
const listeners = new Set<() => void>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

function setStatus(next: SessionStatus) {
  if (next === status) return;
  status = next;
  listeners.forEach((listener) => listener());
}

/** Set when someone picks a language while signed out; saved to their profile at sign-in. */
const PENDING_LANGUAGE_KEY = 'craftmatch.language.pending';

export function rememberLanguageChoice(language: Language) {
  if (status === 'authenticated') {
    void saveLanguage(language);
  } else {
    try {
      localStorage.setItem(PENDING_LANGUAGE_KEY, language);
    } catch {
      // private mode: the choice still holds for this page
    }
  }
}

async function saveLanguage(language: Language) {
  try {
    const me = await api.patch<Me>('/auth/me', { locale: language } satisfies UpdateMeRequest);
    queryClient.setQueryData(queryKeys.me, me);
  } catch {
    // the UI already switched; the profile catches up next time
  }
}

function syncLanguage(user: Me) {
  let pending: string | null;
  try {
    pending = localStorage.getItem(PENDING_LANGUAGE_KEY);
    localStorage.removeItem(PENDING_LANGUAGE_KEY);
  } catch {
    pending = null;
  }
  const here = currentLanguage();
  if (pending) {
    if (user.locale !== here) void saveLanguage(here);
  } else if (user.locale && user.locale !== here) {
    void i18n.changeLanguage(user.locale);
  }
}

function scheduleRefresh(expiresIn: number) {
  clearTimeout(refreshTimer);
  if (!Number.isFinite(expiresIn) || expiresIn <= 0) return;
  // Refresh a little before expiry so the socket and requests keep a valid token.
  const seconds = Math.max(5, Math.min(expiresIn - 30, expiresIn * 0.8));
  refreshTimer = setTimeout(() => {
    void refreshSession().then((session) => {
      if (!session) endSession();
    });
  }, seconds * 1000);
}

function applySession(session: AuthSession) {
  tokenStore.set(session.accessToken);
  queryClient.setQueryData(queryKeys.me, session.user);
  scheduleRefresh(session.expiresIn);
}

let landing: string | null = null;
/** Where to go once signed in, when the page that signed in knows better than `/`. */
export function getLanding() {
  return landing;
}

/** After login, register or accepting an invitation. */
export function startSession(session: AuthSession, goTo: string | null = null) {
  landing = goTo;
  applySession(session);
  syncLanguage(session.user);
  setStatus('authenticated');
}

export function endSession() {
  clearTimeout(refreshTimer);
  landing = null;
  tokenStore.set(null);
  queryClient.clear();
  setStatus('anonymous');
}

setAuthHandlers({ onRefreshed: applySession, onAuthLost: endSession });

let restoring: Promise<void> | null = null;
/** On app start: the refresh cookie may still hold a session. */
export function restoreSession(): Promise<void> {
  restoring ??= refreshSession().then((session) => {
    if (session) startSession(session);
    else setStatus('anonymous');
  });
  return restoring;
}

export function getSessionStatus() {
  return status;
}

export function useSessionStatus(): SessionStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
  );
}

export const fetchMe = (signal?: AbortSignal) => api.get<Me>('/auth/me', undefined, signal);

/** The signed-in user (from the session, kept fresh by socket events). */
export function useMe() {
  const sessionStatus = useSessionStatus();
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    enabled: sessionStatus === 'authenticated',
  });
}
