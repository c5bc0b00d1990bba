import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompanySummary, ModerationReasonRequest, ReinstateCompanyRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { moderationKeys } from './keys';

export const suspendCompany = (id: string, reason: string) =>
  api.post<CompanySummary>(`/moderation/companies/${encodeURIComponent(id)}/suspend`, {
    reason,
  } satisfies ModerationReasonRequest);

export const reinstateCompany = (id: string, reason?: string) =>
  api.post<CompanySummary>(`/moderation/companies/${encodeURIComponent(id)}/reinstate`, {
    ...(reason ? { reason } : {}),
  } satisfies ReinstateCompanyRequest);

export type CompanyAction = 'suspend' | 'reinstate';

export function useSetCompanyStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: CompanyAction; reason: string }) =>
      action === 'suspend' ? suspendCompany(id, reason) : reinstateCompany(id, reason || undefined),
    onSuccess: (company) => {
      queryClient.setQueryData(queryKeys.company(company.id), company);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.companyLists }),
      ]);
    },
  });
}
