import type { FairMeetingQuery, FairParticipantQuery, ListManagedFairsQuery } from '@craftmatch/shared';
import { queryKeys } from '../../../lib/query-keys';

/**
 * Query keys of the organizer's meeting desk; every key of one fair starts with fairRoot. All start with
 * queryKeys.meetingAdmin, which the realtime bridge invalidates on `meeting:changed` (organizers' room).
 */
export const meetingAdminKeys = {
  all: queryKeys.meetingAdmin,
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
  participants: (fairId: string, query: FairParticipantQuery) =>
    ['meeting-admin', 'fair', fairId, 'buyers', query] as const,
  companies: (q: string) => ['meeting-admin', 'companies', q] as const,
};

export const fairPath = (fairId: string) => `/fairs/${encodeURIComponent(fairId)}`;
