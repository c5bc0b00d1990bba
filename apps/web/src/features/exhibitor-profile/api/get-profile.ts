import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ExhibitorProfile } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { exhibitorKeys, exhibitorPath } from './keys';

export const getProfile = (companyId: string, signal?: AbortSignal) =>
  api.get<ExhibitorProfile>(`${exhibitorPath(companyId)}/profile`, undefined, signal);

export const profileQuery = (companyId: string) =>
  queryOptions({
    queryKey: exhibitorKeys.profile(companyId),
    queryFn: ({ signal }) => getProfile(companyId, signal),
  });

export function useProfile(companyId: string | undefined) {
  return useQuery({ ...profileQuery(companyId ?? ''), enabled: Boolean(companyId) });
}
