import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiGet } from './client';

// The registers and KPIs of a unit, as the server's /api/units/{unitId}/… routes give them.

export type JsonValue = string | number | boolean | null;
export interface RegisterItem {
  readonly id: number;
  readonly [field: string]: JsonValue;
}

export interface RegisterPage {
  total: number;
  items: RegisterItem[];
}

/** Filters of a list, as its querystring (q, from, to, kpi, part, and register filters). */
export type ListFilters = Readonly<Record<string, string | undefined>>;

export const PAGE_SIZE = 500;

export function listQuery(filters: ListFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(key, value);
  return params.toString();
}

/** A register's records, loaded a page at a time as the list is scrolled. */
export function useRegisterList(path: string, unitId: number, filters: ListFilters) {
  return useInfiniteQuery({
    queryKey: ['register', path, unitId, filters],
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      apiGet<RegisterPage>(
        `/api/units/${unitId}/${path}?${listQuery(filters, { offset: String(pageParam), limit: String(PAGE_SIZE) })}`,
      ),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
  });
}

export interface RateJson {
  value: number | null;
  numerator: number;
  denominator: number;
}
export interface CountJson {
  value: number;
}
export type KpiJson = RateJson | CountJson;
export interface KpiReading {
  kpis: Record<string, KpiJson>;
  noData: string[];
}

export interface Period {
  from: string;
  to: string;
}

export function useUnitKpis(unitId: number, period: Period) {
  return useQuery({
    queryKey: ['kpis', unitId, period.from, period.to],
    queryFn: () => apiGet<KpiReading>(`/api/units/${unitId}/kpis?from=${period.from}&to=${period.to}`),
  });
}

export function useChildKpis(unitId: number, period: Period, enabled: boolean) {
  return useQuery({
    queryKey: ['kpis-children', unitId, period.from, period.to],
    enabled,
    queryFn: async () =>
      (
        await apiGet<{ units: ({ id: number; code: string; name: string } & KpiReading)[] }>(
          `/api/units/${unitId}/kpis/children?from=${period.from}&to=${period.to}`,
        )
      ).units,
  });
}

export function useKpiYears(unitId: number) {
  return useQuery({
    queryKey: ['kpi-years', unitId],
    queryFn: async () => (await apiGet<{ years: number[] }>(`/api/units/${unitId}/kpis/years`)).years,
  });
}

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
}

export function useApiTokens(unitId: number) {
  return useQuery({
    queryKey: ['api-tokens', unitId],
    queryFn: async () => (await apiGet<{ tokens: ApiToken[] }>(`/api/units/${unitId}/api-tokens`)).tokens,
  });
}
