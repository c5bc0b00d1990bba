import { useCallback, useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CurrentScheduleDraft,
  GenerateScheduleRequest,
  GenerateScheduleResponse,
  Page,
  PublishScheduleResult,
  ScheduleAgenda,
  ScheduleDraftMeeting,
  ScheduleDraftMeetingQuery,
  ScheduleDraftPerson,
  ScheduleDraftPersonQuery,
  ScheduleDraftStatus,
  ScheduleDraftSummary,
  ScheduleProgressEvent,
  ScheduleUnscheduledPair,
  ScheduleUnscheduledQuery,
} from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { connectSocket } from '../../../lib/socket';
import { draftPath, fairSchedulingPath, schedulingKeys } from './keys';

export const SCHEDULE_PAGE_SIZE = 20;

/**
 * The fair's current draft (running, ready or published), asked again every few seconds while it runs in
 * case a `schedule:progress` push was missed.
 */
export function useCurrentDraft(fairId: string) {
  return useQuery({
    queryKey: schedulingKeys.current(fairId),
    queryFn: ({ signal }) =>
      api.get<CurrentScheduleDraft>(`${fairSchedulingPath(fairId)}/drafts/current`, undefined, signal),
    refetchInterval: (query) => (query.state.data?.draft?.status === 'running' ? 4000 : false),
  });
}

/** POST drafts: 202 with the draft id; the engine runs in the background. */
export function useGenerateDraft(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GenerateScheduleRequest) =>
      api.post<GenerateScheduleResponse>(`${fairSchedulingPath(fairId)}/drafts`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schedulingKeys.current(fairId) }),
  });
}

/** Publishing creates accepted meetings: the draft, its review and the meeting desk all change. */
export function usePublishDraft(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draftId: string) => api.post<PublishScheduleResult>(`${draftPath(draftId)}/publish`),
    onSuccess: (result) => {
      queryClient.setQueryData<CurrentScheduleDraft>(schedulingKeys.current(fairId), { draft: result.draft });
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.draftRoot(result.draft.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.meetingAdmin });
    },
  });
}

/** Discarding stops a running draft or drops a ready one; the fair then has no current draft. */
export function useDiscardDraft(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draftId: string) => api.post<ScheduleDraftSummary>(`${draftPath(draftId)}/discard`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schedulingKeys.current(fairId) }),
  });
}

export function useDraftPeople(draftId: string, query: ScheduleDraftPersonQuery) {
  return useQuery({
    queryKey: schedulingKeys.people(draftId, query),
    queryFn: ({ signal }) =>
      api.get<Page<ScheduleDraftPerson>>(`${draftPath(draftId)}/people`, { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDraftAgenda(draftId: string, userId: string | null) {
  return useQuery({
    queryKey: schedulingKeys.agenda(draftId, userId ?? ''),
    queryFn: ({ signal }) =>
      api.get<ScheduleAgenda>(
        `${draftPath(draftId)}/agenda/${encodeURIComponent(userId ?? '')}`,
        undefined,
        signal,
      ),
    enabled: Boolean(userId),
  });
}

export function useUnscheduledPairs(draftId: string, query: ScheduleUnscheduledQuery) {
  return useQuery({
    queryKey: schedulingKeys.unscheduled(draftId, query),
    queryFn: ({ signal }) =>
      api.get<Page<ScheduleUnscheduledPair>>(`${draftPath(draftId)}/unscheduled`, { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDraftMeetings(draftId: string, query: ScheduleDraftMeetingQuery, enabled = true) {
  return useQuery({
    queryKey: schedulingKeys.meetings(draftId, query),
    queryFn: ({ signal }) =>
      api.get<Page<ScheduleDraftMeeting>>(`${draftPath(draftId)}/meetings`, { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface LiveProgress {
  draftId: string;
  fraction: number;
  status: ScheduleDraftStatus;
}

/** A draft only moves forward: computing, then ready, then published (or failed / discarded). */
const STAGE: Record<ScheduleDraftStatus, number> = {
  running: 0,
  ready: 1,
  published: 2,
  failed: 2,
  discarded: 2,
};

/** The newer of two pushes about one draft: a later stage wins, within a stage the bar never moves back. */
export function nextProgress(prev: LiveProgress | null, event: ScheduleProgressEvent): LiveProgress {
  const next = { draftId: event.draftId, fraction: event.fraction, status: event.status };
  if (!prev || prev.draftId !== event.draftId || STAGE[event.status] > STAGE[prev.status]) return next;
  if (STAGE[event.status] < STAGE[prev.status] || event.status !== prev.status) return prev;
  return { ...prev, fraction: Math.max(prev.fraction, event.fraction) };
}

/**
 * Live progress of the fair's drafts from `schedule:progress` (organizers' room): computing, then publishing
 * (pushed per chunk of entries, status published). Pushes may arrive out of order (see nextProgress). When a
 * draft changes stage, publishes a chunk, or one we did not know of starts, the current draft is fetched again.
 */
export function useScheduleProgress(
  fairId: string,
  knownDraftId: string | null,
): { live: LiveProgress | null; clear: () => void } {
  const queryClient = useQueryClient();
  const [live, setLive] = useState<LiveProgress | null>(null);
  useEffect(() => {
    const socket = connectSocket();
    const onProgress = (event: ScheduleProgressEvent) => {
      if (event.fairId !== fairId) return;
      setLive((prev) => nextProgress(prev, event));
      if (event.status !== 'running' || event.draftId !== knownDraftId) {
        void queryClient.invalidateQueries({ queryKey: schedulingKeys.current(fairId) });
        void queryClient.invalidateQueries({ queryKey: schedulingKeys.draftRoot(event.draftId) });
      }
    };
    socket.on('schedule:progress', onProgress);
    return () => {
      socket.off('schedule:progress', onProgress);
    };
  }, [fairId, knownDraftId, queryClient]);
  const clear = useCallback(() => setLive(null), []);
  return { live, clear };
}

/** What the progress bar shows: a draft's stage, or its publication under way. */
export type ProgressStage = ScheduleDraftStatus | 'publishing';

/** The draft as shown: the stored summary, moved forward by live pushes about the same draft. */
export function withLiveProgress(
  draft: ScheduleDraftSummary,
  live: LiveProgress | null,
): { fraction: number; status: ProgressStage } {
  const own = live && live.draftId === draft.id ? live : null;
  if (own?.status === 'published' && own.fraction < 1 && draft.status !== 'running')
    return { fraction: own.fraction, status: 'publishing' };
  const ahead = own && draft.status === 'running' ? own : null;
  const status = ahead ? ahead.status : draft.status;
  const fraction = Math.max(draft.progress, ahead?.fraction ?? 0);
  if (status === 'running' || status === 'failed') return { fraction: Math.min(1, fraction), status };
  return { fraction: 1, status };
}
