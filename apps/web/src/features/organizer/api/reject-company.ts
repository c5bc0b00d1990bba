import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompanySummary, RejectCompanyRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const rejectCompany = (id: string, body: RejectCompanyRequest) =>
  api.post<CompanySummary>(`/companies/${encodeURIComponent(id)}/reject`, body);

export function useRejectCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => rejectCompany(id, { reason }),
    onSuccess: (company) => {
      queryClient.setQueryData(queryKeys.company(company.id), company);
      return queryClient.invalidateQueries({ queryKey: queryKeys.companyLists });
    },
  });
}
