import { useQuery } from '@tanstack/react-query';
import type { Agenda } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { agendaKeys } from './keys';

/** The caller's scheduled meetings at a fair, by fair day. */
export const getAgenda = (fairId: string, signal?: AbortSignal) =>
  api.get<Agenda>(`/fairs/${encodeURIComponent(fairId)}/agenda`, undefined, signal);

export function useAgenda(fairId: string | null | undefined) {
  return useQuery({
    queryKey: agendaKeys.agenda(fairId ?? ''),
    queryFn: ({ signal }) => getAgenda(fairId as string, signal),
    enabled: Boolean(fairId),
  });
}
