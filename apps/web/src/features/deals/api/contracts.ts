import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditEntry,
  CancelContractRequest,
  ContractDetail,
  ContractPage,
  CreateContractRequest,
  DisputeContractRequest,
  ListContractsQuery,
  UpdateContractRequest,
} from '@craftmatch/shared';
import { api, apiRequest } from '../../../lib/api-client';
import { removeAttachment, uploadAttachment } from './attachment';
import { dealKeys } from './keys';

const path = (id: string, action = '') => `/contracts/${encodeURIComponent(id)}${action}`;

export const listContracts = (query: ListContractsQuery, signal?: AbortSignal) =>
  api.get<ContractPage>('/contracts', { ...query }, signal);
export const getContract = (id: string, signal?: AbortSignal) =>
  api.get<ContractDetail>(path(id), undefined, signal);
export const getContractAudit = (id: string, signal?: AbortSignal) =>
  api.get<AuditEntry[]>(path(id, '/audit'), undefined, signal);

export const createContract = (fairId: string, body: CreateContractRequest) =>
  api.post<ContractDetail>(`/fairs/${encodeURIComponent(fairId)}/contracts`, body);
export const updateContract = (id: string, body: UpdateContractRequest) =>
  apiRequest<ContractDetail>(path(id), { method: 'PATCH', body });
export const confirmContract = (id: string) => api.post<ContractDetail>(path(id, '/confirm'), {});
export const disputeContract = (id: string, body: DisputeContractRequest) =>
  api.post<ContractDetail>(path(id, '/dispute'), body);
export const cancelContract = (id: string, body: CancelContractRequest) =>
  api.post<ContractDetail>(path(id, '/cancel'), body);

export function useContracts(query: ListContractsQuery, enabled = true) {
  return useQuery({
    queryKey: dealKeys.contractList(query),
    queryFn: ({ signal }) => listContracts(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useContract(id: string | undefined) {
  return useQuery({
    queryKey: dealKeys.contract(id ?? ''),
    queryFn: ({ signal }) => getContract(id as string, signal),
    enabled: Boolean(id),
  });
}

export function useContractAudit(id: string | undefined) {
  return useQuery({
    queryKey: dealKeys.contractAudit(id ?? ''),
    queryFn: ({ signal }) => getContractAudit(id as string, signal),
    enabled: Boolean(id),
  });
}

/** Any change to a contract: show the answer at once, then refetch lists, audit and the pipeline. */
function useContractMutation<V>(fn: (vars: V) => Promise<ContractDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (contract) => {
      queryClient.setQueryData(dealKeys.contract(contract.id), contract);
      await queryClient.invalidateQueries({
        queryKey: dealKeys.all,
        predicate: (q) => q.queryKey[2] !== 'detail' || q.queryKey[3] !== contract.id,
      });
    },
  });
}

export const useCreateContract = () =>
  useContractMutation(({ fairId, body }: { fairId: string; body: CreateContractRequest }) =>
    createContract(fairId, body),
  );
export const useUpdateContract = () =>
  useContractMutation(({ id, body }: { id: string; body: UpdateContractRequest }) =>
    updateContract(id, body),
  );
export const useConfirmContract = () => useContractMutation(({ id }: { id: string }) => confirmContract(id));
export const useDisputeContract = () =>
  useContractMutation(({ id, body }: { id: string; body: DisputeContractRequest }) =>
    disputeContract(id, body),
  );
export const useCancelContract = () =>
  useContractMutation(({ id, body }: { id: string; body: CancelContractRequest }) =>
    cancelContract(id, body),
  );
export const useUploadAttachment = () =>
  useContractMutation(({ id, file }: { id: string; file: File }) => uploadAttachment(id, file));
export const useRemoveAttachment = () =>
  useContractMutation(({ id }: { id: string }) => removeAttachment(id));
