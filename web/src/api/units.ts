import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import type { Unit } from './types';

export function useUnits(options: { q?: string; includeInactive?: boolean } = {}) {
  const params = new URLSearchParams();
  if (options.q) params.set('q', options.q);
  if (options.includeInactive) params.set('includeInactive', 'true');
  const query = params.toString();
  return useQuery({
    queryKey: ['units', options.q ?? '', options.includeInactive ?? false],
    queryFn: async () => (await apiGet<{ units: Unit[] }>(`/api/units${query ? `?${query}` : ''}`)).units,
  });
}
