import { useQuery } from '@tanstack/react-query';
import type { PipelineResponse } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { dealKeys } from './keys';

export const getPipeline = (fairId: string, signal?: AbortSignal) =>
  api.get<PipelineResponse>('/pipeline', { fairId }, signal);

export function usePipeline(fairId: string | null | undefined) {
  return useQuery({
    queryKey: dealKeys.pipeline(fairId ?? ''),
    queryFn: ({ signal }) => getPipeline(fairId as string, signal),
    enabled: Boolean(fairId),
  });
}
