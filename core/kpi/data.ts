import type { CountKpiKey, RateKpiKey, RegisterKpiKey } from './catalogue';
import { isRateResult, type KpiResult } from './result';

// Whether a KPI has data to score on. A rate has none when its denominator is 0. A count
// has no denominator, yet "0 late dossiers" proves nothing when no dossier was handled in
// the period: a count has data when it counts something, or when the rate it is counted
// within — its basis — has data. A criterion reading a KPI without data is scored by
// hand, never silently 0 or full marks (issue 7).

/** The rate whose records each count is drawn from. */
export const COUNT_BASIS = {
  dossiers_received: 'dossiers_on_time_rate',
  dossiers_late: 'dossiers_on_time_rate',
  late_dossiers_without_apology: 'dossiers_on_time_rate',
  officials_disciplined: 'officials_with_email_rate',
} as const satisfies Record<CountKpiKey, RateKpiKey>;

/**
 * Whether `key` has data among `results` (as `computeKpis` returns them); false when its
 * result, or a count's basis, is missing.
 */
export function hasKpiData(
  key: RegisterKpiKey,
  results: Partial<Record<RegisterKpiKey, KpiResult>>,
): boolean {
  const result = results[key];
  if (!result) return false;
  if (isRateResult(result)) return result.denominator > 0;
  if (result.value > 0) return true;
  const basis = results[COUNT_BASIS[key as CountKpiKey]];
  return basis !== undefined && isRateResult(basis) && basis.denominator > 0;
}
