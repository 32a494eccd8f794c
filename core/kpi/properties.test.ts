import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMoments, type Period, toDayNumber, vnDateOf, vnDayNumber } from '../time';
import {
  dossierArb,
  dossierEdgeCasesArb,
  dossiersArb,
  periodArb,
  scenarioArb,
  TRACKED_EDGE_CASE_NAMES,
  TRACKED_EDGE_CASES,
} from './arbitraries';
import { kpiRegister } from './catalogue';
import { dossierTimeliness, trackedDossier } from './dossiers';
import { computeKpis, evaluateKpiIn, REGISTER_KPI_KEYS } from './evaluate';
import { isRateResult, type KpiResult, type RateResult } from './result';
import { handledTimeliness } from './timeliness';

const rate = (r: KpiResult | undefined): RateResult => {
  if (!r || !isRateResult(r)) throw new Error('expected a rate');
  return r;
};
const count = (r: KpiResult | undefined): number => {
  if (!r || isRateResult(r)) throw new Error('expected a count');
  return r.value;
};

const permutation = <T>(xs: readonly T[]) => fc.shuffledSubarray([...xs], { minLength: xs.length });

const dossierScenario = periodArb.chain((period) =>
  dossiersArb(period).map((dossiers) => ({ period, dossiers })),
);

describe('KPI properties', () => {
  it('on time + late = handled, and late without apology ≤ late', () => {
    fc.assert(
      fc.property(dossierScenario, ({ period, dossiers }) => {
        const k = computeKpis({ dossiers }, period);
        const onTime = rate(k.dossiers_on_time_rate);
        expect(onTime.numerator + count(k.dossiers_late)).toBe(onTime.denominator);
        expect(count(k.late_dossiers_without_apology)).toBeLessThanOrEqual(count(k.dossiers_late));
      }),
    );
  });

  it('handled = received in the period + carried over from before it', () => {
    fc.assert(
      fc.property(dossierScenario, ({ period, dossiers }) => {
        const k = computeKpis({ dossiers }, period);
        const from = toDayNumber(period.from);
        const carriedOver = dossiers.filter(
          (d) => vnDayNumber(d.receivedAt) < from && dossierTimeliness(d, period) !== null,
        );
        expect(rate(k.dossiers_on_time_rate).denominator).toBe(
          count(k.dossiers_received) + carriedOver.length,
        );
      }),
    );
  });

  it('keeps every rate within 0..100 and its numerator within its denominator', () => {
    fc.assert(
      fc.property(scenarioArb, ({ period, registers }) => {
        for (const [key, result] of Object.entries(computeKpis(registers, period))) {
          if (!isRateResult(result)) {
            expect(result.value, key).toBeGreaterThanOrEqual(0);
            continue;
          }
          expect(result.numerator, key).toBeLessThanOrEqual(result.denominator);
          if (result.value === null) expect(result.denominator, key).toBe(0);
          else {
            expect(result.value, key).toBeGreaterThanOrEqual(0);
            expect(result.value, key).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });

  it('never lowers the on-time rate when an on-time dossier is added', () => {
    const onTimeCases = TRACKED_EDGE_CASE_NAMES.filter((n) => TRACKED_EDGE_CASES[n].expected === 'onTime');
    const withExtra = dossierScenario.chain(({ period, dossiers }) =>
      fc
        .constantFrom(...onTimeCases)
        .chain((name) => dossierArb(TRACKED_EDGE_CASES[name].arb(period)))
        .map((extra) => ({ period, dossiers, extra: { ...extra, code: 'EXTRA' } })),
    );
    fc.assert(
      fc.property(withExtra, ({ period, dossiers, extra }) => {
        const before = rate(computeKpis({ dossiers }, period).dossiers_on_time_rate);
        const after = rate(computeKpis({ dossiers: [...dossiers, extra] }, period).dossiers_on_time_rate);
        expect(after.denominator).toBe(before.denominator + 1);
        // (n + 1) / (d + 1) ≥ n / d, compared in integers.
        expect(after.numerator * before.denominator).toBeGreaterThanOrEqual(
          before.numerator * after.denominator,
        );
      }),
    );
  });

  it('changes nothing when the records are reordered', () => {
    const shuffled = scenarioArb.chain(({ period, registers }) =>
      fc
        .record({
          dossiers: permutation(registers.dossiers),
          feedback: permutation(registers.feedback),
          procedures: permutation(registers.procedures),
          documentStats: permutation(registers.documentStats),
          officials: permutation(registers.officials),
          disciplineDecisions: permutation(registers.disciplineDecisions),
          reports: permutation(registers.reports),
          planTasks: permutation(registers.planTasks),
        })
        .map((reordered) => ({ period, registers, reordered })),
    );
    fc.assert(
      fc.property(shuffled, ({ period, registers, reordered }) => {
        expect(computeKpis(reordered, period)).toEqual(computeKpis(registers, period));
      }),
    );
  });

  it('lists as many records behind a record-counting KPI as its number says', () => {
    fc.assert(
      fc.property(scenarioArb, ({ period, registers }) => {
        for (const key of REGISTER_KPI_KEYS) {
          // Document rates sum monthly figures; discipline counts officials, not decisions.
          if (kpiRegister(key) === 'documentStats' || key === 'officials_disciplined') continue;
          const evaluation = evaluateKpiIn(key, registers, period);
          if (!evaluation) throw new Error(`no register for ${key}`);
          const { result, numerator, denominator } = evaluation;
          if (isRateResult(result)) {
            expect([numerator.length, denominator.length], key).toEqual([
              result.numerator,
              result.denominator,
            ]);
          } else expect(numerator.length, key).toBe(result.value);
        }
      }),
    );
  });
});

describe('arbitraries', () => {
  it.each(TRACKED_EDGE_CASE_NAMES)('%s really is that case', (name) => {
    const edge = TRACKED_EDGE_CASES[name];
    fc.assert(
      fc.property(
        periodArb.chain((period) => edge.arb(period).map((item) => ({ period, item }))),
        ({ period, item }) => {
          expect(handledTimeliness(item, period)).toBe(edge.expected);
        },
      ),
    );
  });

  it('covers every edge case in one register', () => {
    fc.assert(
      fc.property(
        periodArb.chain((period: Period) =>
          dossierEdgeCasesArb(period).map((dossiers) => ({ period, dossiers })),
        ),
        ({ period, dossiers }) => {
          expect(dossiers.map((d) => [d.code.replace(/-0001$/, ''), dossierTimeliness(d, period)])).toEqual(
            TRACKED_EDGE_CASE_NAMES.map((n) => [n, TRACKED_EDGE_CASES[n].expected]),
          );
        },
      ),
    );
  });

  it('makes rows an import would accept', () => {
    fc.assert(
      fc.property(scenarioArb, ({ registers }) => {
        const codes = registers.dossiers.map((d) => d.code);
        expect(new Set(codes).size).toBe(codes.length);
        for (const d of registers.dossiers) {
          const t = trackedDossier(d);
          expect(compareMoments(t.due, t.received)).toBeGreaterThanOrEqual(0);
          if (t.finished) expect(compareMoments(t.finished, t.received)).toBeGreaterThanOrEqual(0);
          if (d.apologyDate) expect(d.apologyDate >= vnDateOf(d.receivedAt)).toBe(true);
        }
        const months = registers.documentStats.map((s) => `${s.year}-${s.month}`);
        expect(new Set(months).size).toBe(months.length);
        for (const s of registers.documentStats) {
          expect(s.incomingElectronic).toBeLessThanOrEqual(s.incomingTotal);
          expect(s.outgoingSigned).toBeLessThanOrEqual(s.outgoingTotal);
        }
        const officialIds = new Set(registers.officials.map((o) => o.id));
        for (const d of registers.disciplineDecisions) expect(officialIds.has(d.officialId)).toBe(true);
        for (const p of registers.procedures) {
          if (p.inForceFrom && p.inForceTo) expect(p.inForceFrom <= p.inForceTo).toBe(true);
        }
      }),
    );
  });
});
