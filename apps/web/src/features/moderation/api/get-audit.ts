import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditQuery, Page } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { moderationKeys } from './keys';

export const getAudit = (query: AuditQuery, signal?: AbortSignal) =>
  api.get<Page<AuditEntry>>('/audit', { ...query }, signal);

export const auditQuery = (query: AuditQuery) =>
  queryOptions({ queryKey: moderationKeys.audit(query), queryFn: ({ signal }) => getAudit(query, signal) });

export function useAudit(query: AuditQuery, enabled = true) {
  return useQuery({ ...auditQuery(query), enabled });
}
