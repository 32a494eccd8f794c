import { describe, expect, it } from 'vitest';
import { isKpiKey, KPI_CATALOGUE, KPI_KEYS, kpiDefinition } from './catalogue';
import { REGISTER_KPI_KEYS } from './evaluate';

// The keys SPEC §5, issue 5 and data/README.md name; the catalogue must hold them all.
const NAMED_KEYS = [
  'plan_tasks_done_rate',
  'propaganda_done_rate',
  'self_inspections_done_rate',
  'procedures_published_rate',
  'dossiers_on_time_rate',
  'late_dossiers_without_apology',
  'dossiers_online_rate',
  'dossiers_received',
  'dossiers_late',
  'feedback_on_time_rate',
  'documents_electronic_rate',
  'documents_signed_rate',
  'officials_with_email_rate',
  'officials_disciplined',
  'reports_on_time_rate',
  'it_plan_done_rate',
  'tthc_review_done_rate',
  'assigned_tasks_done_rate',
  'satisfaction_index',
];

describe('KPI catalogue', () => {
  it('holds every key SPEC §5 and the issues name, once', () => {
    expect([...KPI_KEYS].sort()).toEqual([...NAMED_KEYS].sort());
    expect(new Set(KPI_KEYS).size).toBe(KPI_KEYS.length);
  });

  it('computes every KPI fed by a register; satisfaction comes from surveys', () => {
    expect([...REGISTER_KPI_KEYS].sort()).toEqual(
      NAMED_KEYS.filter((k) => k !== 'satisfaction_index').sort(),
    );
    expect(kpiDefinition('satisfaction_index').register).toBe('surveys');
  });

  it("carries the seed's targets", () => {
    expect(kpiDefinition('documents_electronic_rate').target).toEqual({ op: 'atLeast', value: 50 });
    expect(kpiDefinition('documents_signed_rate').target).toEqual({ op: 'atLeast', value: 70 });
    expect(kpiDefinition('procedures_published_rate').target).toEqual({ op: 'atLeast', value: 100 });
    expect(kpiDefinition('late_dossiers_without_apology').target).toEqual({ op: 'atMost', value: 0 });
    expect(kpiDefinition('officials_disciplined').target).toEqual({ op: 'atMost', value: 0 });
    expect(kpiDefinition('dossiers_online_rate').target).toBeNull();
  });

  it('names every KPI in Vietnamese and English, and says which way is better', () => {
    for (const d of KPI_CATALOGUE) {
      expect(d.nameVi.length).toBeGreaterThan(0);
      expect(d.nameEn.length).toBeGreaterThan(0);
      if (d.target) expect(d.higherIsBetter).toBe(d.target.op === 'atLeast');
      if (d.kind === 'count') expect(d.target?.op ?? 'atMost').toBe('atMost');
    }
  });

  it('recognises its keys', () => {
    expect(isKpiKey('dossiers_on_time_rate')).toBe(true);
    expect(isKpiKey('toString')).toBe(false);
  });
});
