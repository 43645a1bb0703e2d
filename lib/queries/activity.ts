/** Query definitions for the dashboard's audit entries. Browser-safe. */
import { queryOptions } from '@tanstack/react-query';
import type { AuditPageDto, AuditQuery } from '@/lib/dto/alerts';
import { fetchJson } from './fetch-json';

export const activityKeys = {
  audit: (query: AuditQuery) => ['activity', 'audit', query] as const,
};

export const auditPageQuery = (query: AuditQuery) =>
  queryOptions({
    queryKey: activityKeys.audit(query),
    queryFn: ({ signal }) => fetchJson<AuditPageDto>(`/api/activity?limit=${query.limit}&offset=${query.offset}`, { signal }),
    staleTime: 15_000,
  });
