import { useQuery } from '@tanstack/react-query';
import type { FairPage, FairSlot, InterpreterSelf } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { agendaKeys } from './keys';

/** A fair one can open an agenda for. */
export interface AgendaFair {
  id: string;
  nameVi: string;
  nameEn: string;
}

/** Fairs that can have an agenda now: live first, then those open for registration. */
export const getAgendaFairs = async (signal?: AbortSignal): Promise<AgendaFair[]> => {
  const page = await api.get<FairPage>('/fairs', { when: 'upcoming', pageSize: 100 }, signal);
  const open = page.items.filter((f) => f.status === 'live' || f.status === 'registration');
  return [...open.filter((f) => f.status === 'live'), ...open.filter((f) => f.status !== 'live')];
};

/** An interpreter's agenda is per fair they work at. */
export const getInterpreterFairs = async (signal?: AbortSignal): Promise<AgendaFair[]> => {
  const self = await api.get<InterpreterSelf>('/interpreters/me', undefined, signal);
  return self.fairs.map((f) => ({ id: f.fairId, nameVi: f.fairNameVi, nameEn: f.fairNameEn }));
};

export function useAgendaFairs(interpreter = false) {
  return useQuery({
    queryKey: [...agendaKeys.fairs, interpreter ? 'interpreter' : 'attendee'],
    queryFn: ({ signal }) => (interpreter ? getInterpreterFairs(signal) : getAgendaFairs(signal)),
    staleTime: 5 * 60_000,
  });
}

export const getAgendaSlots = (fairId: string, signal?: AbortSignal) =>
  api.get<FairSlot[]>(`/fairs/${encodeURIComponent(fairId)}/meeting-slots`, undefined, signal);

export function useAgendaSlots(fairId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: agendaKeys.slots(fairId ?? ''),
    queryFn: ({ signal }) => getAgendaSlots(fairId as string, signal),
    enabled: Boolean(fairId) && enabled,
    staleTime: 5 * 60_000,
  });
}
