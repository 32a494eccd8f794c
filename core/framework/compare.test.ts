import { describe, expect, it } from 'vitest';
import { compareWithPrevious } from './compare';
import { fixed } from './fixed';
import { compiled, expectOk, SAMPLE_META, SMALL_HEADER, SMALL_ROWS, smallFramework } from './fixtures/sample';
import { buildInputs, type UnitData } from './inputs';
import { scoreUnit } from './results';
import { frameworkFromRows } from './rows-read';

const points = (value: string) => ({ kind: 'points', points: fixed(value) }) as const;

// Last year's area 2 had a third criterion and 2.2 was worth 2, not 4.
const LAST_YEAR_ROWS = SMALL_ROWS.map((row) =>
  row[0] === '2.2' ? ['2.2', 'Xin lỗi', '2', 'thu_cong', '', ''] : row,
);
LAST_YEAR_ROWS.splice(7, 0, ['2.3', 'Một cửa', '2', 'thu_cong', '', '']);

function result(framework = smallFramework(), data: UnitData = {}) {
  const c = compiled(framework);
  return scoreUnit(c, buildInputs(c, data).inputs, 'Vĩnh Lập');
}

describe('change from the previous year', () => {
  const lastYear = expectOk(
    frameworkFromRows(SMALL_HEADER, LAST_YEAR_ROWS, { ...SAMPLE_META, year: 2020, optionalAreas: ['3'] }),
  );
  const previous = result(lastYear, {
    values: {
      '1': points('6'),
      '2.1': points('3'),
      '2.2': points('1'),
      '2.3': points('2'),
      '3': points('7'),
    },
  });
  const current = result(smallFramework(), {
    values: { '1': points('8'), '2.1': points('4'), '2.2': points('3'), '3': points('7') },
  });

  it('compares total, index and band', () => {
    const change = compareWithPrevious(current, previous);
    expect(change.total).toEqual({ current: fixed(22), previous: fixed(19), change: fixed(3) });
    expect(change.index).toEqual({ current: fixed('73.33'), previous: fixed('63.33'), change: fixed(10) });
    expect(change.band).toEqual({ current: 'Trung bình', previous: 'Yếu' });
  });

  it('matches criteria by code, comparing points and component index', () => {
    const change = compareWithPrevious(current, previous);
    const byCode = new Map(change.nodes.map((n) => [n.code, n]));
    expect(byCode.get('1')?.points).toEqual({ current: fixed(8), previous: fixed(6), change: fixed(2) });
    expect(byCode.get('2.2')?.points).toEqual({ current: fixed(3), previous: fixed(1), change: fixed(2) });
    expect(byCode.get('2.2')?.index).toEqual({ current: fixed(75), previous: fixed(50), change: fixed(25) });
    expect(byCode.get('1.1')?.points).toEqual({ current: null, previous: null, change: null });
    expect(change.removed).toEqual([{ code: '2.3', name: 'Một cửa', previousPoints: fixed(2) }]);
  });

  it('gives the rank change when both years were ranked (up is positive)', () => {
    const change = compareWithPrevious({ ...current, rank: 3 }, { ...previous, rank: 5 });
    expect(change.rank).toEqual({ current: 3, previous: 5, change: 2 });
    expect(compareWithPrevious(current, previous).rank.change).toBeNull();
  });
});
