import { useQuery } from '@tanstack/react-query';
import type { FrameworkError, FrameworkJson } from '#core/framework/index';
import { apiGet } from './client';
import type { Session, UnitLevel } from './types';

export interface FrameworkSummary {
  id: number;
  ownerUnitId: number;
  ownerUnitName: string;
  year: number;
  level: UnitLevel;
  name: string;
  version: number;
  status: 'draft' | 'published';
  copiedFromId: number | null;
  /** Decimal as a string with a dot. */
  maxPoints: string;
  areaCount: number;
  criterionCount: number;
  errorCount: number;
  updatedAt: string;
  publishedAt: string | null;
}

export interface FrameworkDetail {
  framework: FrameworkSummary;
  definition: FrameworkJson;
  errors: FrameworkError[];
}

export const FRAMEWORKS_KEY = 'frameworks';

export function useFrameworks(filter: { year?: number | null; level?: UnitLevel | null }) {
  const params = new URLSearchParams();
  if (filter.year) params.set('year', String(filter.year));
  if (filter.level) params.set('level', filter.level);
  const query = params.toString();
  return useQuery({
    queryKey: [FRAMEWORKS_KEY, 'list', filter.year ?? null, filter.level ?? null],
    queryFn: async () =>
      (await apiGet<{ frameworks: FrameworkSummary[] }>(`/api/frameworks${query ? `?${query}` : ''}`))
        .frameworks,
  });
}

export function useFramework(id: number) {
  return useQuery({
    queryKey: [FRAMEWORKS_KEY, 'detail', id],
    queryFn: () => apiGet<FrameworkDetail>(`/api/frameworks/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Appraisers and administrators define frameworks; everyone else reads the published ones. */
export const isFrameworkEditor = (session: Session | null | undefined) =>
  session?.user.roles.some((role) => role === 'admin' || role === 'appraiser') ?? false;

export const exportUrl = (id: number) => `/api/frameworks/${id}/export.xlsx`;
