import type { FairMeetingQuery, ListManagedFairsQuery } from '@craftmatch/shared';

/** Query keys of the organizer's meeting desk; every key of one fair starts with fairRoot. */
export const meetingAdminKeys = {
  all: ['meeting-admin'] as const,
  fairs: (query: ListManagedFairsQuery) => ['meeting-admin', 'fairs', query] as const,
  fairRoot: (fairId: string) => ['meeting-admin', 'fair', fairId] as const,
  fair: (fairId: string) => ['meeting-admin', 'fair', fairId, 'detail'] as const,
  stats: (fairId: string) => ['meeting-admin', 'fair', fairId, 'stats'] as const,
  meetings: (fairId: string, query: FairMeetingQuery) =>
    ['meeting-admin', 'fair', fairId, 'meetings', query] as const,
  waiting: (fairId: string) => ['meeting-admin', 'fair', fairId, 'waiting'] as const,
  interpreters: (fairId: string) => ['meeting-admin', 'fair', fairId, 'interpreters'] as const,
  slots: (fairId: string) => ['meeting-admin', 'fair', fairId, 'slots'] as const,
  tables: (fairId: string) => ['meeting-admin', 'fair', fairId, 'tables'] as const,
  buyers: (fairId: string) => ['meeting-admin', 'fair', fairId, 'buyers'] as const,
  companies: (q: string) => ['meeting-admin', 'companies', q] as const,
};

export const fairPath = (fairId: string) => `/fairs/${encodeURIComponent(fairId)}`;

/**
 * Organizers get no `meeting:changed` pushes (those go to the people in a meeting), so the desk's
 * counts and lists refresh on their own while the page is open.
 */
export const LIVE_REFRESH_MS = 30_000;
