import fc from 'fast-check';
import { expect, it } from 'vitest';
import { buildInputs, compileFramework, type Fixed, type Framework, scoreUnit } from '../framework';
import { expectOk } from '../framework/fixtures/sample';
import { indexOf, minPointsFor } from '.';

function oneCriterion(max: number, decimals: number): Framework {
  return {
    year: 2021,
    level: 'xa',
    name: 'Một tiêu chí',
    indexDecimals: decimals,
    bands: [{ name: 'Yếu', min: 0 as Fixed }],
    areas: [
      {
        code: '1',
        name: 'Lĩnh vực',
        maxPoints: max as Fixed,
        evidence: [],
        children: [
          {
            code: '1.1',
            name: 'Tiêu chí',
            maxPoints: max as Fixed,
            evidence: [],
            method: 'thu_cong',
            params: '',
          },
        ],
      },
    ],
  };
}

const caseArb = fc
  .tuple(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 6 }))
  .chain(([max, decimals]) => fc.tuple(fc.constant(max), fc.constant(decimals), fc.integer({ min: 0, max })));

it('indexOf rounds as the engine’s index and component index do', () => {
  fc.assert(
    fc.property(caseArb, ([max, decimals, points]) => {
      const c = expectOk(compileFramework(oneCriterion(max, decimals)));
      const result = scoreUnit(
        c,
        buildInputs(c, { values: { '1.1': { kind: 'points', points: points as Fixed } } }).inputs,
      );
      expect(indexOf(points, max, decimals)).toBe(result.index);
      expect(indexOf(points, max, decimals)).toBe(result.areas[0]?.index);
    }),
    { numRuns: 500 },
  );
});

it('minPointsFor is the fewest points whose index reaches the target', () => {
  fc.assert(
    fc.property(caseArb, fc.integer({ min: 0, max: 100_000_000 }), ([max, decimals], target) => {
      const least = minPointsFor(target as Fixed, max, decimals);
      if (least === null) {
        expect(indexOf(max, max, decimals)).toBeLessThan(target);
        return;
      }
      expect(indexOf(least, max, decimals)).toBeGreaterThanOrEqual(target);
      if (least > 0) expect(indexOf(least - 1, max, decimals)).toBeLessThan(target);
    }),
    { numRuns: 500 },
  );
  expect(minPointsFor(101_000_000 as Fixed, 10, 2)).toBeNull();
});
