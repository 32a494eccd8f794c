import { describe, expect, it } from 'vitest';
import { scoreAndRank } from './evaluate';
import { fixed } from './fixed';
import { compiled, sampleFramework } from './fixtures/sample';
import { byArea, byLeaf } from './fixtures/units';
import { buildInputs, type UnitData } from './inputs';
import type { Framework } from './model';
import { rankUnits } from './rank';
import { scoreUnits } from './table';

function rank(units: Record<string, UnitData>, framework: Framework = sampleFramework()) {
  const c = compiled(framework);
  const entries = Object.entries(units).map(([unit, data]) => ({
    unit,
    inputs: buildInputs(c, data).inputs,
  }));
  return scoreAndRank(c, entries);
}

const FOUR = {
  'Vĩnh Lập': byArea(14, 8, 20, 8, 10, 8, 14, 16),
  'Thanh Hồng': byArea(12, 8, 20, 8, 10, 8, 12, 12),
  'Thanh Cường': byArea(14, 6, 18, 8, 10, 8, 14, 12),
  'Thanh Xá': byArea(10, 8, 18, 6, 8, 6, 12, 12),
};

describe('ranking', () => {
  it('gives equal indexes the same rank and skips the next: 1, 2, 2, 4', () => {
    const { units, ties } = rank(FOUR);
    expect(units.map((u) => [u.unit, u.total, u.index, u.band, u.rank])).toEqual([
      ['Vĩnh Lập', fixed(98), fixed(98), 'Tốt', 1],
      ['Thanh Hồng', fixed(90), fixed(90), 'Tốt', 2],
      ['Thanh Cường', fixed(90), fixed(90), 'Tốt', 2],
      ['Thanh Xá', fixed(80), fixed(80), 'Khá', 4],
    ]);
    expect(ties).toEqual([{ units: ['Thanh Hồng', 'Thanh Cường'], decidedBy: [null] }]);
  });

  it('mixes units given by area and by leaf', () => {
    const { units } = rank({ ...FOUR, 'Thanh Sơn': byLeaf() });
    const son = units.find((u) => u.unit === 'Thanh Sơn');
    expect(son && [son.complete, son.total, son.index, son.band, son.rank]).toEqual([
      true,
      fixed(91),
      fixed(91),
      'Tốt',
      2,
    ]);
    expect(units.map((u) => u.rank)).toEqual([1, 3, 3, 5, 2]);
  });

  it('applies the framework’s tie-break and says which units it separated', () => {
    const { units, ties } = rank(FOUR, sampleFramework({ tieBreak: ['8', '3'] }));
    expect(units.map((u) => [u.unit, u.rank, u.rankByIndex])).toEqual([
      ['Vĩnh Lập', 1, 1],
      ['Thanh Hồng', 2, 2],
      ['Thanh Cường', 3, 2],
      ['Thanh Xá', 4, 4],
    ]);
    expect(ties).toEqual([{ units: ['Thanh Hồng', 'Thanh Cường'], decidedBy: ['3'] }]);
  });

  it('units equal on every tie-break still share a rank', () => {
    const { units, ties } = rank(
      {
        A: byArea(10, 8, 20, 8, 10, 8, 14, 12),
        B: byArea(12, 6, 20, 8, 10, 8, 14, 12),
        C: byArea(14, 8, 18, 8, 10, 8, 14, 10),
      },
      sampleFramework({ tieBreak: ['3'] }),
    );
    expect(units.map((u) => u.rank)).toEqual([1, 1, 3]);
    expect(ties).toEqual([{ units: ['A', 'B', 'C'], decidedBy: [null, '3'] }]);
  });

  it('does not rank an incomplete unit, nor count it', () => {
    const { units } = rank({
      ...FOUR,
      'Chưa đủ': { values: { '1': { kind: 'points', points: fixed(14) } } },
    });
    expect(units.map((u) => u.rank)).toEqual([1, 2, 2, 4, null]);
    expect(units[4]?.complete).toBe(false);
  });

  it('ranks by the published (rounded) index, and rank order agrees with it', () => {
    const c = compiled(sampleFramework());
    const table = scoreUnits(
      c,
      [byArea(14, 8, 20, 8, 10, 8, 14, 12), byArea(14, 8, 20, 8, 10, 8, 14, 11.996)].map(
        (d) => buildInputs(c, d).inputs,
      ),
    );
    expect(Array.from(table.index)).toEqual([fixed(94), fixed(94)]);
    expect(Array.from(rankUnits(table).rank)).toEqual([1, 1]);
  });
});
