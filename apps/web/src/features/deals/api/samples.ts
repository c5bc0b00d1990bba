import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditEntry,
  CreateSampleRequest,
  ListSamplesQuery,
  RejectSampleRequest,
  SampleDetail,
  SamplePage,
  SendSampleRequest,
} from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { dealKeys } from './keys';

const path = (id: string, action = '') => `/samples/${encodeURIComponent(id)}${action}`;

export const listSamples = (query: ListSamplesQuery, signal?: AbortSignal) =>
  api.get<SamplePage>('/samples', { ...query }, signal);
export const getSample = (id: string, signal?: AbortSignal) =>
  api.get<SampleDetail>(path(id), undefined, signal);
export const getSampleAudit = (id: string, signal?: AbortSignal) =>
  api.get<AuditEntry[]>(path(id, '/audit'), undefined, signal);

export const createSample = (fairId: string, body: CreateSampleRequest) =>
  api.post<SampleDetail>(`/fairs/${encodeURIComponent(fairId)}/samples`, body);
export const sendSample = (id: string, body: SendSampleRequest) =>
  api.post<SampleDetail>(path(id, '/send'), body);
export const receiveSample = (id: string) => api.post<SampleDetail>(path(id, '/receive'), {});
export const approveSample = (id: string) => api.post<SampleDetail>(path(id, '/approve'), {});
export const rejectSample = (id: string, body: RejectSampleRequest) =>
  api.post<SampleDetail>(path(id, '/reject'), body);

export function useSamples(query: ListSamplesQuery, enabled = true) {
  return useQuery({
    queryKey: dealKeys.sampleList(query),
    queryFn: ({ signal }) => listSamples(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSample(id: string | null | undefined) {
  return useQuery({
    queryKey: dealKeys.sample(id ?? ''),
    queryFn: ({ signal }) => getSample(id as string, signal),
    enabled: Boolean(id),
  });
}

export function useSampleAudit(id: string | null | undefined) {
  return useQuery({
    queryKey: dealKeys.sampleAudit(id ?? ''),
    queryFn: ({ signal }) => getSampleAudit(id as string, signal),
    enabled: Boolean(id),
  });
}

function useSampleMutation<V>(fn: (vars: V) => Promise<SampleDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (sample) => {
      queryClient.setQueryData(dealKeys.sample(sample.id), sample);
      await queryClient.invalidateQueries({
        queryKey: dealKeys.all,
        predicate: (q) => q.queryKey[2] !== 'detail' || q.queryKey[3] !== sample.id,
      });
    },
  });
}

export const useCreateSample = () =>
  useSampleMutation(({ fairId, body }: { fairId: string; body: CreateSampleRequest }) =>
    createSample(fairId, body),
  );
export const useSendSample = () =>
  useSampleMutation(({ id, body }: { id: string; body: SendSampleRequest }) => sendSample(id, body));
export const useReceiveSample = () => useSampleMutation(({ id }: { id: string }) => receiveSample(id));
export const useApproveSample = () => useSampleMutation(({ id }: { id: string }) => approveSample(id));
export const useRejectSample = () =>
  useSampleMutation(({ id, body }: { id: string; body: RejectSampleRequest }) => rejectSample(id, body));
