import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledFramework } from './compile';
import { compileFramework } from './compile';
import { scoreTotals } from './fast';
import {
  type FrameworkSpec,
  frameworkSpecArb,
  type LeafSpec,
  lowersTotal,
  type NodeSpec,
  type RawUnit,
  rawUnitArb,
  scaleSpec,
  specNodes,
  toFramework,
  toUnitData,
} from './fixtures/arbitraries';
import { expectOk } from './fixtures/sample';
import { buildInputs, type UnitData, type UnitInputs } from './inputs';
import { rankUnits } from './rank';
import { scoreUnit, type UnitResult, unitResult } from './results';
import { createScratch } from './scratch';
import { scoreUnits } from './table';

const RUNS = { numRuns: 300 };

function compiledOf(spec: FrameworkSpec, tieBreak: false | 'areas' | 'all' = false): CompiledFramework {
  return expectOk(compileFramework(toFramework(spec, tieBreak)));
}

function resultOf(c: CompiledFramework, data: UnitData): UnitResult {
  return scoreUnit(c, buildInputs(c, data).inputs);
}

function expectWithinMax(result: UnitResult): void {
  expect(result.total).toBeGreaterThanOrEqual(0);
  expect(result.total).toBeLessThanOrEqual(result.maxPoints);
  expect(result.index).toBeLessThanOrEqual(100_000_000);
  for (const node of result.nodes) {
    if (node.points === null) continue;
    expect(node.points).toBeGreaterThanOrEqual(0);
    expect(node.points).toBeLessThanOrEqual(node.maxPoints);
  }
}

/** The same framework with other maxima on the leaves whose parameters do not depend on them. */
function reweight(spec: FrameworkSpec, maxima: readonly number[]): FrameworkSpec {
  let next = 0;
  const visit = (node: NodeSpec): NodeSpec => {
    if (node.kind === 'parent') return { ...node, children: node.children.map(visit) };
    const max = maxima[next++ % maxima.length] ?? node.max;
    return node.method === 'lua_chon' || node.method === 'nguong' ? node : { ...node, max };
  };
  const leaf = (area: LeafSpec | null) => (area ? (visit(area) as LeafSpec) : null);
  return {
    ...spec,
    areas: spec.areas.map(visit),
    bonusArea: leaf(spec.bonusArea),
    deductionArea: leaf(spec.deductionArea),
  };
}

const withUnit = (options: Parameters<typeof rawUnitArb>[1] = {}) =>
  frameworkSpecArb.chain((spec) => fc.tuple(fc.constant(spec), rawUnitArb(spec, options)));

describe('properties', () => {
  it('every generated framework is valid', () => {
    fc.assert(
      fc.property(frameworkSpecArb, (spec) => {
        expect(compileFramework(toFramework(spec)).ok).toBe(true);
      }),
      RUNS,
    );
  });

  it('a total never exceeds its max, whatever the values, bonuses included', () => {
    fc.assert(
      fc.property(withUnit({ maxU: 15_000 }), ([spec, raw]) => {
        expectWithinMax(resultOf(compiledOf(spec), toUnitData(spec, raw)));
      }),
      RUNS,
    );
  });

  it('a total never exceeds its max when the maxima change under last year’s values', () => {
    const arb = withUnit().chain(([spec, raw]) =>
      fc.tuple(
        fc.constant(spec),
        fc.constant(raw),
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1 }),
      ),
    );
    fc.assert(
      fc.property(arb, ([spec, raw, maxima]) => {
        const changed = compiledOf(reweight(spec, maxima));
        const result = resultOf(changed, toUnitData(spec, raw));
        expectWithinMax(result);
        const table = scoreUnits(changed, [buildInputs(changed, toUnitData(spec, raw)).inputs]);
        expect(table.total[0]).toBeLessThanOrEqual(table.maxPoints[0] as number);
      }),
      RUNS,
    );
  });

  it('points are monotonic in every input: a better value never lowers the total', () => {
    const arb = withUnit().chain(([spec, raw]) =>
      fc.tuple(
        fc.constant(spec),
        fc.constant(raw),
        fc.nat({ max: raw.length - 1 }),
        fc.integer({ min: 1, max: 10_000 }),
      ),
    );
    fc.assert(
      fc.property(arb, ([spec, raw, at, step]) => {
        const before = raw[at];
        if (before === null || before === undefined) return;
        const better: RawUnit = raw.map((u, i) => (i === at ? Math.min(10_000, before + step) : u));
        const c = compiledOf(spec);
        const a = resultOf(c, toUnitData(spec, raw));
        const b = resultOf(c, toUnitData(spec, better));
        if (lowersTotal(spec, at)) expect(b.total).toBeLessThanOrEqual(a.total);
        else expect(b.total).toBeGreaterThanOrEqual(a.total);
        a.nodes.forEach((node, i) => {
          const other = b.nodes[i]?.points ?? null;
          if (node.points === null || other === null || lowersTotal(spec, at)) return;
          expect(other).toBeGreaterThanOrEqual(node.points);
        });
      }),
      RUNS,
    );
  });

  it('rank order agrees with the index and, at equal maximum, with the totals', () => {
    const arb = frameworkSpecArb.chain((spec) =>
      fc.tuple(
        fc.constant(spec),
        fc.array(rawUnitArb(spec, { pending: false }), { minLength: 2, maxLength: 8 }),
        fc.boolean(),
      ),
    );
    fc.assert(
      fc.property(arb, ([spec, units, tieBreak]) => {
        const c = compiledOf(spec, tieBreak && 'areas');
        const table = scoreUnits(
          c,
          units.map((raw) => buildInputs(c, toUnitData(spec, raw)).inputs),
        );
        const { rank, rankByIndex } = rankUnits(table);
        const { index, total, maxPoints, complete } = table;
        for (let a = 0; a < units.length; a++) {
          for (let b = 0; b < units.length; b++) {
            if (!complete[a] || !complete[b]) continue;
            const [ia, ib] = [index[a] as number, index[b] as number];
            if (ia > ib) expect(rank[a]).toBeLessThan(rank[b] as number);
            if (ia === ib) expect(rankByIndex[a]).toBe(rankByIndex[b]);
            const sameMax = maxPoints[a] === maxPoints[b];
            if (!tieBreak && sameMax && (total[a] as number) > (total[b] as number)) {
              expect(rank[a]).toBeLessThanOrEqual(rank[b] as number);
            }
          }
          if (complete[a]) expect(rank[a]).toBeGreaterThanOrEqual(rankByIndex[a] as number);
          else expect(rank[a]).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('scaling every max by the same factor keeps the index, exactly', () => {
    const arb = withUnit().chain(([spec, raw]) =>
      fc.tuple(fc.constant(spec), fc.constant(raw), fc.integer({ min: 2, max: 10 })),
    );
    fc.assert(
      fc.property(arb, ([spec, raw, k]) => {
        const a = resultOf(compiledOf(spec), toUnitData(spec, raw));
        const b = resultOf(compiledOf(scaleSpec(spec, k)), toUnitData(spec, raw, k));
        expect(b.maxPoints).toBe(a.maxPoints * k);
        expect(b.total).toBe(a.total * k);
        expect(b.index).toBe(a.index);
        expect(b.areas.map((area) => area.index)).toEqual(a.areas.map((area) => area.index));
        expect([b.band, b.complete]).toEqual([a.band, a.complete]);
      }),
      RUNS,
    );
  });

  it('with rates that do not divide evenly, scaling moves the index by at most its last decimal', () => {
    const arb = withUnit().chain(([spec, raw]) =>
      fc.tuple(
        fc.constant(spec),
        fc.constant(raw),
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 1, max: 997 }),
      ),
    );
    fc.assert(
      fc.property(arb, ([spec, raw, k, denominator]) => {
        const a = resultOf(compiledOf(spec), toUnitData(spec, raw, 1, denominator));
        const b = resultOf(compiledOf(scaleSpec(spec, k)), toUnitData(spec, raw, k, denominator));
        expect(Math.abs(b.index - a.index)).toBeLessThanOrEqual(10_000);
      }),
      RUNS,
    );
  });

  it('the fast path of scoreUnits agrees with the full walk on every unit', () => {
    // Half the units are the common kind the fast path takes (every leaf valued, the
    // survey wholly present or absent), half anything at all, which it must refuse.
    const unitArb = (spec: FrameworkSpec) =>
      fc.oneof(
        fc.tuple(fc.constant(true), rawUnitArb(spec, { pending: false, parents: false }), fc.boolean()),
        fc.tuple(fc.constant(false), rawUnitArb(spec, { maxU: 12_000 }), fc.boolean()),
      );
    const arb = frameworkSpecArb.chain((spec) =>
      fc.tuple(fc.constant(spec), fc.array(unitArb(spec), { minLength: 1, maxLength: 6 })),
    );
    fc.assert(
      fc.property(arb, ([spec, units]) => {
        const c = compiledOf(spec, 'all');
        const data = units.map(([, raw, skipSurvey]) =>
          toUnitData(spec, skipSurvey ? withoutSurvey(spec, raw) : raw),
        );
        const inputs = data.map((d) => buildInputs(c, d).inputs);
        const table = scoreUnits(c, inputs);
        units.forEach(([common], u) => {
          const full = unitResult(table, u);
          expect([table.total[u], table.maxPoints[u], table.index[u]]).toEqual([
            full.total,
            full.maxPoints,
            full.index,
          ]);
          expect(table.complete[u] === 1).toBe(full.complete);
          const keys = Array.from(table.tieKeys.subarray(u * c.size, (u + 1) * c.size));
          expect(keys).toEqual(
            full.nodes.map((n) => (n.status === 'scored' || n.status === 'given' ? n.points : -1)),
          );
          if (common) expect(scoreTotals(c, inputs[u] as UnitInputs, createScratch(c))).toBe(true);
        });
      }),
      RUNS,
    );
  });
});

/** The unit with no value in the last scored area, if that area is optional. */
function withoutSurvey(spec: FrameworkSpec, raw: RawUnit): RawUnit {
  if (!spec.lastOptional || spec.areas.length < 2) return raw;
  const last = String(spec.areas.length);
  const nodes = specNodes(spec);
  return raw.map((u, i) => {
    const code = nodes[i]?.code ?? '';
    return code === last || code.startsWith(`${last}.`) ? null : u;
  });
}
