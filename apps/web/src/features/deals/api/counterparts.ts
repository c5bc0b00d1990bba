import { useQuery } from '@tanstack/react-query';
import {
  CATALOGUE_MAX_LIMIT,
  type CatalogueProductPage,
  type FairAttendee,
  type MeetingDetail,
} from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { dealKeys } from './keys';

/** The caller's held meetings at a fair (a contract or sample can start from one). */
export const getHeldMeetings = async (fairId: string, signal?: AbortSignal) => {
  const all = await api.get<MeetingDetail[]>(
    `/fairs/${encodeURIComponent(fairId)}/meetings/mine`,
    undefined,
    signal,
  );
  return all.filter((m) => m.status === 'held');
};

export function useHeldMeetings(fairId: string | null | undefined) {
  return useQuery({
    queryKey: dealKeys.heldMeetings(fairId ?? ''),
    queryFn: ({ signal }) => getHeldMeetings(fairId as string, signal),
    enabled: Boolean(fairId),
  });
}

export const getMeeting = (id: string, signal?: AbortSignal) =>
  api.get<MeetingDetail>(`/meetings/${encodeURIComponent(id)}`, undefined, signal);

export function useDealMeeting(id: string | null | undefined) {
  return useQuery({
    queryKey: dealKeys.meeting(id ?? ''),
    queryFn: ({ signal }) => getMeeting(id as string, signal),
    enabled: Boolean(id),
  });
}

export interface Counterpart {
  companyId: string;
  companyName: string;
}

/** Companies of the other side attending a fair, one entry per company. */
export const getCounterparts = async (fairId: string, signal?: AbortSignal): Promise<Counterpart[]> => {
  const people = await api.get<FairAttendee[]>(
    `/fairs/${encodeURIComponent(fairId)}/attendees`,
    undefined,
    signal,
  );
  const byId = new Map<string, Counterpart>();
  for (const p of people) byId.set(p.companyId, { companyId: p.companyId, companyName: p.companyName });
  return [...byId.values()].sort((a, b) => a.companyName.localeCompare(b.companyName));
};

export function useCounterparts(fairId: string | null | undefined) {
  return useQuery({
    queryKey: dealKeys.counterparts(fairId ?? ''),
    queryFn: ({ signal }) => getCounterparts(fairId as string, signal),
    enabled: Boolean(fairId),
    staleTime: 60_000,
  });
}

/** The exhibitor's published catalogue, to pick contract lines and sample items from. */
export const getExhibitorProducts = (companyId: string, signal?: AbortSignal) =>
  api.get<CatalogueProductPage>(
    '/catalogue/products',
    { exhibitor: companyId, limit: CATALOGUE_MAX_LIMIT },
    signal,
  );

export function useExhibitorProducts(companyId: string | null | undefined) {
  return useQuery({
    queryKey: dealKeys.products(companyId ?? ''),
    queryFn: ({ signal }) => getExhibitorProducts(companyId as string, signal),
    enabled: Boolean(companyId),
    staleTime: 5 * 60_000,
  });
}
