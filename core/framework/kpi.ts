// The KPI keys a framework criterion may name in `Chỉ tiêu (KPI)`. The catalogue in
// core/kpi is their one definition; scoring only needs to know that a key exists and
// whether it is a rate or a count.

import {
  kpiDefinition as catalogueEntry,
  isKpiKey,
  KPI_CATALOGUE,
  type KpiDefinition,
} from '../kpi/catalogue';

export { KPI_KEYS, type KpiDefinition, type KpiKey, type KpiKind } from '../kpi/catalogue';

export const KPI_DEFINITIONS: readonly KpiDefinition[] = KPI_CATALOGUE;

/** The definition of a known key, or undefined. */
export function kpiDefinition(key: string): KpiDefinition | undefined {
  return isKpiKey(key) ? catalogueEntry(key) : undefined;
}
