import { expect, it } from 'vitest';
import { fixed } from './fixed';
import { compiled, sampleFramework, smallFramework } from './fixtures/sample';
import { byArea, byLeaf } from './fixtures/units';
import { buildInputs, type UnitData } from './inputs';
import { lostPoints } from './lost';
import type { Framework } from './model';
import { scoreUnit } from './results';

function lost(data: UnitData, framework: Framework = sampleFramework()) {
  const c = compiled(framework);
  return lostPoints(scoreUnit(c, buildInputs(c, data).inputs)).map((l) => [l.code, l.lost]);
}

it('lists points lost per criterion, largest first, ties in framework order', () => {
  expect(lost(byLeaf())).toEqual([
    ['8.1', fixed(4)],
    ['3.3', fixed(3)],
    ['3.4', fixed(1)],
    ['7.3', fixed(1)],
  ]);
});

it('counts at the level a value was given, and deductions as lost, not bonuses missed', () => {
  expect(lost(byArea(14, 8, 20, 8, 10, 8, 14, 12))).toEqual([
    ['8', fixed(4)],
    ['3', fixed(2)],
  ]);
  const small = lost(
    {
      values: {
        '1': { kind: 'points', points: fixed(10) },
        '2': { kind: 'points', points: fixed(9) },
        '5.1': { kind: 'points', points: fixed('1.5') },
      },
    },
    smallFramework(),
  );
  expect(small).toEqual([
    ['5.1', fixed('1.5')],
    ['2', fixed(1)],
  ]);
});
