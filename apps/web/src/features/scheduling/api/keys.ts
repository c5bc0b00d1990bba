import type {
  ScheduleDraftMeetingQuery,
  ScheduleDraftPersonQuery,
  ScheduleUnscheduledQuery,
} from '@craftmatch/shared';

/** Query keys of the organizer's auto-scheduler; every key of one fair starts with fairRoot, of one draft with draftRoot. */
export const schedulingKeys = {
  all: ['scheduling'] as const,
  fairRoot: (fairId: string) => ['scheduling', 'fair', fairId] as const,
  fair: (fairId: string) => ['scheduling', 'fair', fairId, 'detail'] as const,
  settings: (fairId: string) => ['scheduling', 'fair', fairId, 'settings'] as const,
  current: (fairId: string) => ['scheduling', 'fair', fairId, 'current'] as const,
  draftRoot: (draftId: string) => ['scheduling', 'draft', draftId] as const,
  people: (draftId: string, query: ScheduleDraftPersonQuery) =>
    ['scheduling', 'draft', draftId, 'people', query] as const,
  agenda: (draftId: string, userId: string) => ['scheduling', 'draft', draftId, 'agenda', userId] as const,
  unscheduled: (draftId: string, query: ScheduleUnscheduledQuery) =>
    ['scheduling', 'draft', draftId, 'unscheduled', query] as const,
  meetings: (draftId: string, query: ScheduleDraftMeetingQuery) =>
    ['scheduling', 'draft', draftId, 'meetings', query] as const,
};

export const fairSchedulingPath = (fairId: string) => `/fairs/${encodeURIComponent(fairId)}/scheduling`;
export const draftPath = (draftId: string) => `/scheduling/drafts/${encodeURIComponent(draftId)}`;

/** The screen's own address, linked from the meeting desk. */
export const schedulePagePath = (fairId: string) => `/organizer/fairs/${encodeURIComponent(fairId)}/schedule`;
