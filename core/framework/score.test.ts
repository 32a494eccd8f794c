import { describe, expect, it } from 'vitest';
import { type Fixed, fixed } from './fixed';
import { compiled, expectOk, SAMPLE_META, smallFramework } from './fixtures/sample';
import { buildInputs, type UnitData } from './inputs';
import { rateFromPercent } from './rate';
import { scoreUnit, type UnitResult } from './results';
import { frameworkFromRows } from './rows-read';
import { type KpiValue, type NodeInput, parseNodeValue } from './values';

const small = compiled(smallFramework());
const points = (value: string): NodeInput => ({ kind: 'points', points: fixed(value) });
const percent = (value: string): KpiValue => ({ kind: 'rate', rate: rateFromPercent(fixed(value)) });
const count = (value: number): KpiValue => ({ kind: 'count', count: value });

function score(data: UnitData, c = small): UnitResult {
  const { inputs, errors } = buildInputs(c, data);
  expect(errors).toEqual([]);
  return scoreUnit(c, inputs, 'Xã thử');
}

const node = (result: UnitResult, code: string) => result.nodes.find((n) => n.code === code);

// Unit A, by hand: area 1 = 3.5 + 1 (Không kịp thời) + 2 (35 % ≥ 30) = 6.5; area 2 =
// 6 × 7/12 + (4 − 1 × 1) = 6.5; area 3 = 10 × 82.5 % = 8.25; bonus 1, deduction 0.5.
// Total 21.75 of 30 → index 72.50, Trung bình.
const unitA: UnitData = {
  values: {
    '1.1': points('3.5'),
    '1.2': { kind: 'choice', label: 'không kịp thời' },
    '4.1': points('1'),
    '5.1': points('0.5'),
  },
  kpis: {
    dossiers_online_rate: percent('35'),
    dossiers_on_time_rate: { kind: 'rate', rate: { numerator: 7, denominator: 12 } },
    late_dossiers_without_apology: count(1),
    satisfaction_index: percent('82.5'),
  },
};

describe('scoring a unit', () => {
  it('scores every method, rolls points up, adds the bonus and takes off the deduction', () => {
    const result = score(unitA);
    expect(result.errors).toEqual([]);
    expect(result.pending).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.nodes.map((n) => [n.code, n.points])).toEqual(
      [
        ['1', '6.5'],
        ['1.1', '3.5'],
        ['1.2', '1'],
        ['1.3', '2'],
        ['2', '6.5'],
        ['2.1', '3.5'],
        ['2.2', '3'],
        ['3', '8.25'],
        ['3.1', '8.25'],
        ['4', '1'],
        ['4.1', '1'],
        ['5', '0.5'],
        ['5.1', '0.5'],
      ].map(([code, p]) => [code, fixed(p as string)]),
    );
    expect(result.total).toBe(fixed('21.75'));
    expect(result.maxPoints).toBe(fixed(30));
    expect(result.index).toBe(fixed('72.5'));
    expect(result.band).toBe('Trung bình');
    expect(result.areas.map((a) => [a.code, a.index])).toEqual([
      ['1', fixed(65)],
      ['2', fixed(65)],
      ['3', fixed('82.5')],
      ['4', null],
      ['5', null],
    ]);
  });

  it('accepts a value at any level: the node is taken as given and its children are not needed', () => {
    const result = score({
      values: { '1': points('9'), '2.1': points('5'), '2.2': points('4'), '3': points('7') },
    });
    expect(result.complete).toBe(true);
    expect(node(result, '1')).toMatchObject({ status: 'given', points: fixed(9) });
    expect(node(result, '1.1')).toMatchObject({ status: 'covered', points: null });
    expect(node(result, '2.1')).toMatchObject({ status: 'given', points: fixed(5) });
    expect(node(result, '2')).toMatchObject({ status: 'scored', points: fixed(9) });
    expect(result.total).toBe(fixed(25));
    expect(result.index).toBe(fixed('83.33'));
    expect(result.band).toBe('Khá');
  });

  it('leaves an optional area out of both points and max when the unit has no value in it', () => {
    const result = score({ values: { '1': points('9'), '2': points('8') } });
    expect(node(result, '3')).toMatchObject({ status: 'absent', points: null, index: null });
    expect(result.maxPoints).toBe(fixed(20));
    expect(result.index).toBe(fixed(85));
    expect(result.complete).toBe(true);
    const noSurvey = score({
      values: { '1': points('9'), '2': points('8') },
      kpis: { satisfaction_index: null },
    });
    expect(noSurvey.maxPoints).toBe(fixed(20));
  });

  it('never lets a bonus lift the total above its max', () => {
    const result = score({ values: { '1': points('10'), '2': points('10'), '4.1': points('2') } });
    expect(result.total).toBe(fixed(20));
    expect(result.index).toBe(fixed(100));
    const floor = score({ values: { '1': points('1'), '2': points('0'), '5.1': points('3') } });
    expect(floor.total).toBe(0);
  });

  it('clamps bonus and deduction inside a scored parent to 0..its max', () => {
    const rows = [
      ['1', 'A', '3', ''],
      ['1.1', 'Chấm', '3', 'thu_cong'],
      ['1.2', 'Thưởng', '1', 'diem_thuong'],
      ['1.3', 'Trừ', '2', 'diem_tru'],
    ];
    const c = compiled(
      expectOk(frameworkFromRows(['Mã', 'Tên', 'Điểm tối đa', 'Phương pháp chấm'], rows, SAMPLE_META)),
    );
    const up = score({ values: { '1.1': points('3'), '1.2': points('1'), '1.3': points('0') } }, c);
    expect([up.total, up.maxPoints]).toEqual([fixed(3), fixed(3)]);
    const between = score({ values: { '1.1': points('2'), '1.2': points('0.5'), '1.3': points('1') } }, c);
    expect(between.total).toBe(fixed('1.5'));
    const down = score({ values: { '1.1': points('1'), '1.2': points('0'), '1.3': points('2') } }, c);
    expect(down.total).toBe(0);
  });

  it('marks a computed leaf without data as needing manual scoring, never 0 or full marks', () => {
    const result = score({
      values: { '1.1': points('4'), '1.2': points('2'), '2': points('10') },
      // A rate over 0 dossiers is no data: `rateOf(0, 0)` is null.
      kpis: { dossiers_online_rate: null },
    });
    expect(result.complete).toBe(false);
    expect(result.pending).toEqual(['1.3']);
    expect(node(result, '1.3')).toMatchObject({ status: 'pending', points: null });
    expect(node(result, '1')).toMatchObject({ status: 'partial', points: fixed(6), index: null });
    expect(result.band).toBeNull();
    expect(result.rank).toBeNull();
  });

  it('the scorer can then score the pending leaf by hand', () => {
    const result = score({
      values: { '1.1': points('4'), '1.2': points('2'), '1.3': points('3'), '2': points('10') },
      kpis: { dossiers_online_rate: null },
    });
    expect(node(result, '1.3')).toMatchObject({ status: 'given', points: fixed(3) });
    expect(result.complete).toBe(true);
  });

  it('reports a manual value above max or below 0 as an error, not clamped', () => {
    const result = score({
      values: { '1.1': points('5'), '1.2': points('2'), '2': points('-1') },
      kpis: unitA.kpis,
    });
    expect(result.complete).toBe(false);
    expect(result.errors).toEqual([
      { code: 'above_max', node: '1.1', message: 'Điểm 5 của 1.1 vượt điểm tối đa 4' },
      { code: 'below_zero', node: '2', message: 'Điểm của 2 không được âm (-1)' },
    ]);
    expect(node(result, '1.1')).toMatchObject({ status: 'error', points: null });
    expect(result.band).toBeNull();
  });

  it('reports a level that does not exist and a survey index above 100', () => {
    const result = score({
      values: { '1.1': points('4'), '1.2': points('1.5'), '1.3': points('4'), '2': points('10') },
      kpis: { satisfaction_index: percent('101') },
    });
    expect(result.errors.map((e) => [e.code, e.node])).toEqual([
      ['not_a_level', '1.2'],
      ['bad_input', '3.1'],
    ]);
    expect(result.errors[0]?.message).toBe(
      '1.5 không phải là điểm của một mức của 1.2 (Kịp thời:2;Không kịp thời:1;Không ban hành:0)',
    );
    expect(result.errors[1]?.message).toBe('Tỷ lệ 101% (101/100) của 3.1 không hợp lệ');
  });
});

describe('the index', () => {
  const withArea1 = (value: string, decimals?: number) => {
    const c = compiled(smallFramework(decimals === undefined ? {} : { indexDecimals: decimals }));
    return score({ values: { '1': points(value), '2': points('10') } }, c).index;
  };

  it('is rounded half-up to 2 decimals by default', () => {
    expect(withArea1('7.001')).toBe(fixed('85.01'));
    expect(withArea1('7.0009')).toBe(fixed('85'));
    expect(withArea1('7.0011')).toBe(fixed('85.01'));
  });

  it('follows the framework’s own number of decimals', () => {
    expect(withArea1('7.001', 1)).toBe(fixed('85'));
    expect(withArea1('7.01', 1)).toBe(fixed('85.1'));
    expect(withArea1('7.1', 0)).toBe(fixed('86'));
  });
});

describe('unit inputs', () => {
  it('reports values that do not fit their node', () => {
    const { errors } = buildInputs(small, {
      values: {
        '9.9': points('1'),
        '1.1': { kind: 'choice', label: 'Tốt' },
        '1.2': { kind: 'choice', label: 'Rất tốt' },
        '2.1': count(3),
        '2.2': { kind: 'count', count: 1.5 },
      },
      kpis: { dossiers_online_rate: count(2) },
    });
    expect(errors.map((e) => [e.code, e.node])).toEqual([
      ['wrong_input', '1.3'],
      ['unknown_node', '9.9'],
      ['wrong_input', '1.1'],
      ['unknown_level', '1.2'],
      ['wrong_input', '2.1'],
      ['bad_value', '2.2'],
    ]);
  });

  it('reads values typed in a scores file by what the node expects', () => {
    const read = (code: string, text: string) => parseNodeValue(small, code, text);
    expect(read('1', '7,5')).toEqual({ ok: true, value: points('7.5') });
    expect(read('1.2', 'Kịp thời')).toEqual({ ok: true, value: { kind: 'choice', label: 'Kịp thời' } });
    expect(read('1.2', '1')).toEqual({ ok: true, value: points('1') });
    expect(read('1.3', '35%')).toEqual({ ok: true, value: percent('35') });
    expect(read('2.1', '7/12')).toEqual({
      ok: true,
      value: { kind: 'rate', rate: { numerator: 7, denominator: 12 } },
    });
    expect(read('2.2', '2')).toEqual({ ok: true, value: count(2) });
    expect(read('2.2', '')).toEqual({ ok: true, value: null });
    expect(read('2.2', '1,5').ok).toBe(false);
    expect(read('1.1', 'bốn').ok).toBe(false);
    expect(read('7', '1').ok).toBe(false);
  });
});

it('a Fixed total of many decimals is exact', () => {
  const result = score({
    values: { '1.1': points('0.1'), '1.2': points('0'), '1.3': points('0.2'), '2': points('0') },
  });
  expect(node(result, '1')?.points).toBe(fixed('0.3') as Fixed);
});
