import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type {
  CompanyMember,
  CompanySummary,
  FairParticipant,
  Page,
  SetHostedBuyerRequest,
} from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { fairPath, meetingAdminKeys } from './keys';

export const BUYER_PAGE_SIZE = 10;

export const listBuyerCompanies = (q: string, page: number, signal?: AbortSignal) =>
  api.get<Page<CompanySummary>>(
    '/companies',
    { kind: 'buyer', status: 'approved', q, page, pageSize: BUYER_PAGE_SIZE },
    signal,
  );

export const listCompanyMembers = (companyId: string, signal?: AbortSignal) =>
  api.get<CompanyMember[]>(`/companies/${encodeURIComponent(companyId)}/members`, undefined, signal);

export const setHostedBuyer = (fairId: string, userId: string, body: SetHostedBuyerRequest) =>
  api.patch<FairParticipant>(`${fairPath(fairId)}/participants/${encodeURIComponent(userId)}/hosted`, body);

/** Approved buyer companies by name. */
export function useBuyerCompanies(q: string, page: number) {
  return useQuery({
    queryKey: [...meetingAdminKeys.all, 'buyer-companies', q, page],
    queryFn: ({ signal }) => listBuyerCompanies(q, page, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCompanyMembers(companyId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...meetingAdminKeys.all, 'members', companyId],
    queryFn: ({ signal }) => listCompanyMembers(companyId, signal),
    enabled,
  });
}

/** Answers the participant as stored; 404 when the person is not registered for the fair. */
export function useSetHostedBuyer(fairId: string) {
  return useMutation({
    mutationFn: ({ userId, hostedBuyer }: { userId: string; hostedBuyer: boolean }) =>
      setHostedBuyer(fairId, userId, { hostedBuyer }),
  });
}
