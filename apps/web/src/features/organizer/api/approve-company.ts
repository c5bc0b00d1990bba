import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompanySummary } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const approveCompany = (id: string) =>
  api.post<CompanySummary>(`/companies/${encodeURIComponent(id)}/approve`);

export function useApproveCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveCompany,
    onSuccess: (company) => {
      queryClient.setQueryData(queryKeys.company(company.id), company);
      return queryClient.invalidateQueries({ queryKey: queryKeys.companyLists });
    },
  });
}
