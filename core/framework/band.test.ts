import { expect, it } from 'vitest';
import { bandFor } from './band';
import { fixed } from './fixed';
import { compiled, smallFramework } from './fixtures/sample';
import { buildInputs } from './inputs';
import { scoreUnit } from './results';
import { kpiPercent } from './values';

const BANDS = [
  { name: 'Tốt', min: fixed(90) },
  { name: 'Khá', min: fixed(80) },
  { name: 'Trung bình', min: fixed(65) },
  { name: 'Yếu', min: fixed(0) },
];

it('gives the first band whose minimum the index reaches, boundaries included', () => {
  expect(bandFor(BANDS, fixed(90))).toBe('Tốt');
  expect(bandFor(BANDS, fixed('89.99'))).toBe('Khá');
  expect(bandFor(BANDS, fixed(65))).toBe('Trung bình');
  expect(bandFor(BANDS, fixed('64.99'))).toBe('Yếu');
  expect(bandFor(BANDS, fixed(0))).toBe('Yếu');
});

it('a band may require every assessed area to reach a floor (Kinh Môn 2021)', () => {
  const floored = [{ name: 'Tốt', min: fixed(90), minAreaIndex: fixed(70) }, ...BANDS.slice(1)];
  expect(bandFor(floored, fixed(92), [fixed(100), fixed(69)])).toBe('Khá');
  expect(bandFor(floored, fixed(92), [fixed(100), fixed(70), null])).toBe('Tốt');
  const c = compiled(smallFramework({ bands: floored }));
  const points = (value: string) => ({ kind: 'points', points: fixed(value) }) as const;
  const { inputs } = buildInputs(c, {
    values: { '1': points('10'), '2': points('6.9'), '4.1': points('2') },
    kpis: { satisfaction_index: kpiPercent(fixed(100)) },
  });
  const result = scoreUnit(c, inputs);
  expect([result.index, result.band]).toEqual([fixed('96.33'), 'Khá']);
});
