import { describe, expect, it } from 'vitest';
import { KPI_CATALOGUE } from './catalogue';
import { COUNT_BASIS, hasKpiData } from './data';
import { computeKpis, isRegisterKpiKey } from './evaluate';
import { dossier } from './fixtures/records';
import { countResult, rateResult } from './result';

const january = { from: '2021-01-01', to: '2021-01-31' };

describe('hasKpiData', () => {
  it('gives every count of the catalogue a rate as its basis', () => {
    const counts = KPI_CATALOGUE.filter((d) => d.kind === 'count' && isRegisterKpiKey(d.key)).map(
      (d) => d.key,
    );
    expect(Object.keys(COUNT_BASIS).sort()).toEqual(counts.sort());
  });

  it('a rate has data when its denominator is not 0', () => {
    expect(hasKpiData('documents_signed_rate', { documents_signed_rate: rateResult(0, 3) })).toBe(true);
    expect(hasKpiData('documents_signed_rate', { documents_signed_rate: rateResult(0, 0) })).toBe(false);
    expect(hasKpiData('documents_signed_rate', {})).toBe(false);
  });

  it('"0 late dossiers" has no data when no dossier was handled, and has data once one was', () => {
    expect(hasKpiData('late_dossiers_without_apology', computeKpis({ dossiers: [] }, january))).toBe(false);
    const one = dossier({ received: '04/01/2021 08:00', due: '05/01/2021', result: '05/01/2021 09:00' });
    const results = computeKpis({ dossiers: [one] }, january);
    expect(results.late_dossiers_without_apology).toEqual(countResult(0));
    expect(hasKpiData('late_dossiers_without_apology', results)).toBe(true);
  });

  it('a count above 0 has data even without its basis', () => {
    expect(hasKpiData('officials_disciplined', { officials_disciplined: countResult(1) })).toBe(true);
    expect(hasKpiData('officials_disciplined', { officials_disciplined: countResult(0) })).toBe(false);
  });
});
