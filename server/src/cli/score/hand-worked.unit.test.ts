// `chiso score` on the sample framework against numbers worked out by hand.
// Inputs: fixtures/diem-mau.csv (Thanh Hà communes, made-up scores). Run in-process;
// cli.unit.test.ts runs the real binary.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../io';
import { main } from '../main';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const FRAMEWORK = join(FIXTURES, 'bo-chi-so-cap-xa-2021-mau.csv');
const SCORES = join(FIXTURES, 'diem-mau.csv');

interface JsonUnit {
  unit: string;
  areas: { code: string; points: string | null; index: string | null }[];
  total: string | null;
  index: string | null;
  band: string | null;
  rank: number | null;
}

/** Runs `chiso score` in-process; output captured. */
async function run(argv: string[], cwd = tmpdir()) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = { out: (t) => stdout.push(t), err: (t) => stderr.push(t), cwd };
  const code = await main(argv, io);
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

async function score(...options: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-score-'));
  const out = join(dir, 'ket-qua.json');
  const args = ['score', '--framework', FRAMEWORK, '--scores', SCORES, '--out', out, ...options];
  const { code, stderr } = await run(args, dir);
  const units = code === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as { units: JsonUnit[] }).units : [];
  const byName = (name: string) => units.find((u) => u.unit === name) as JsonUnit;
  return { code, stderr, units, byName };
}

// The sample framework: areas 1 (14 points), 2 (8), 3 (22), 4 (8), 5 (10), 6 (8), 7 (14),
// 8 (16, the survey: 8.1 khao_sat = 16 × index / 100) — 100 in all. Run with
// --optional-areas 8 and the default bands Tốt ≥ 90, Khá ≥ 80, Trung bình ≥ 65, Yếu.
//
// Xã Thanh An — every leaf, KPIs as percents, fractions and counts:
//   1.1.1 1 + 1.1.2 1
//   + 1.2 nguong "85,5%" (100:2;80:1;0:0 → reaches 80) 1
//   + 1.3 ty_le "17/20" → 1.5 × 17/20 = 1.275
//   + 1.4.1 0.5 + 1.4.2 nguong "100%" (100:1) 1
//   + 1.5.1 0.5 + 1.5.2 nguong "79,99%" (100:1;80:0.5;0:0 → below 80) 0 + 1.5.3 0.5
//   + 1.6 nguong "9/10" = 90 % (100:2;90:1) 1 + 1.7 1 + 1.8 1.5
//   = 10.275 of 14 → 73.392857… → 73.39
//   2: 2 + 1.5 + 2 + 1 = 6.5 of 8 → 81.25
//   3: 3.1 "100%" 2 + 3.2 "95%" (100:3;90:1.5) 1.5 + 3.3 ty_le "7/8" 6 × 7/8 = 5.25
//      + 3.4 tru_diem 3 late dossiers × 0.5 → 2 − 1.5 = 0.5 + 3.5 ty_le "2/3" 3 × 2/3 = 2
//      + 3.6 3 + 3.7 "45%" (50:3;30:2) 2 = 16.25 of 22 → 73.863636… → 73.86
//   4: 3 + 2 + 2 = 7 of 8 → 87.50
//   5: 5.1 3 + 5.2 tru_diem 1 case × 2 → 4 − 2 = 2 + 5.3 2 = 7 of 10 → 70.00
//   6: 2 + 2 + 1.5 + 2 = 7.5 of 8 → 93.75
//   7: 7.1.1 1 + 7.1.2 "80%" (100:1;80:0.5) 0.5 + 7.2 "50%" (50:3) 3 + 7.3 "65,5%" (70:3;60:2) 2
//      + 7.4 "100%" 2 + 7.5 2 + 7.6 1 = 11.5 of 14 → 82.142857… → 82.14
//   8: 8.1 khao_sat "82,35" → 16 × 82.35 / 100 = 13.176 of 16 → 82.35
//   total 10.275 + 6.5 + 16.25 + 7 + 7 + 7.5 + 11.5 + 13.176 = 79.201 → 79.20 Trung bình
//
// Xã Vĩnh Lập — areas only: 12 + 8 + 20 + 8 + 9 + 8 + 13 + 14 = 92 → 92.00 Tốt
//   component indexes 12/14 = 85.71, 20/22 = 90.91, 9/10 = 90.00, 13/14 = 92.86, 14/16 = 87.50
//
// Thị trấn Thanh Hà — areas 1–6 given (12 + 7 + 19 + 6 + 9 + 7 = 60), area 7 by leaf:
//   7.1.1 1 + 7.1.2 "17/20" = 85 % (100:1;80:0.5) 0.5 + 7.2 "40%" (50:3;40:2) 2
//   + 7.3 "3/4" = 75 % (70:3) 3 + 7.4 "95%" (100:2;90:1) 1 + 7.5 2 + 7.6 1.5 = 11 of 14 → 78.57
//   8.1 "87,5" → 16 × 0.875 = 14. Total 60 + 11 + 14 = 85 → 85.00 Khá
//
// Xã Thanh Cường — areas only: 11.5 + 7 + 18.5 + 7 + 8 + 7 + 12 + 14 = 85 → 85.00 Khá,
//   tied with Thanh Hà: both rank 3, and the next unit is rank 5 (1, 2, 3, 3, 5).
//
// Xã Thanh Hải — every leaf, no value in area 8, so assessed out of 100 − 16 = 84:
//   1: 1 + 0 + 1.2 "60%" 0 + 1.3 "100%" 1.5 + 0.5 + 1.4.2 "1/2" = 50 % (50:0.5) 0.5
//      + 0 + 1.5.2 "4/5" = 80 % (80:0.5) 0.5 + 0.5 + 1.6 "2đ" 2 points (not a KPI of 2 %,
//      which would give 0) + 0 + 1 = 7.5 → 53.57
//   2: 2 + 2 + 1 + 1 = 6 → 75.00
//   3: 3.1 "79,99%" 0 + 3.2 "90%" 1.5 + 3.3 "3/4" 6 × 3/4 = 4.5 + 3.4 0 cases 2
//      + 3.5 "100%" 3 + 3.6 2 + 3.7 "10%" (10:1) 1 = 14 → 63.64
//   4: 3 + 3 + 2 = 8 → 100.00;  5: 3 + (4 − 2 × 2 = 0) + 3 = 6 → 60.00;  6: 2 + 2 + 2 + 1 = 7 → 87.50
//   7: 1 + 7.1.2 "100%" 1 + 7.2 "35%" (30:1) 1 + 7.3 "50%" (50:1) 1 + 7.4 "0 điểm" 0 + 2 + 1.5 = 7.5
//   total 7.5 + 6 + 14 + 8 + 6 + 7 + 7.5 = 56 of 84 → 66.666… → 66.67 Trung bình
//
// Xã Thanh Hồng — areas only: 10.125 + 6 + 18 + 7 + 8 + 6 + 11 + 14 = 80.125
//   → 80.125 rounds half-up to 80.13 (not 80.12) → Khá
//
// Xã Thanh Lang — areas only: 13.995 + 8 + 21 + 8 + 10 + 8 + 7 + 14 = 89.995
//   → 90.00 half-up, and the band follows the published index: Tốt
//
// Xã Thanh Khê — everything full except area 3, given by leaf with 3.3 left empty:
//   its lower bound would be 14 + 8 + 16 + 8 + 10 + 8 + 14 + 16 = 94, the best of all, but
//   3.3 is pending, so no total, index, band or rank (never 3.3 = 0).
//
// Ranks by index: Vĩnh Lập 92.00 → 1, Thanh Lang 90.00 → 2, Thanh Hà and Thanh Cường
// 85.00 → 3 and 3, Thanh Hồng 80.13 → 5, Thanh An 79.20 → 6, Thanh Hải 66.67 → 7.
const EXPECTED: [
  unit: string,
  total: string | null,
  index: string | null,
  band: string | null,
  rank: number | null,
][] = [
  ['Xã Vĩnh Lập', '92', '92.00', 'Tốt', 1],
  ['Xã Thanh Lang', '89.995', '90.00', 'Tốt', 2],
  ['Thị trấn Thanh Hà', '85', '85.00', 'Khá', 3],
  ['Xã Thanh Cường', '85', '85.00', 'Khá', 3],
  ['Xã Thanh Hồng', '80.125', '80.13', 'Khá', 5],
  ['Xã Thanh An', '79.201', '79.20', 'Trung bình', 6],
  ['Xã Thanh Hải', '56', '66.67', 'Trung bình', 7],
  ['Xã Thanh Khê', null, null, null, null],
];

describe('chiso score, hand-worked on the sample framework', () => {
  it('gives the totals, indexes, bands and tied ranks worked out by hand, in ranking order', async () => {
    const { code, units } = await score('--optional-areas', '8');
    expect(code).toBe(0);
    expect(units.map((u) => [u.unit, u.total, u.index, u.band, u.rank])).toEqual(EXPECTED);
  });

  it('gives each area its points and component index, leaf-level input rolled up', async () => {
    const { byName } = await score('--optional-areas', '8');
    expect(byName('Xã Thanh An').areas).toEqual([
      { code: '1', points: '10.275', index: '73.39' },
      { code: '2', points: '6.5', index: '81.25' },
      { code: '3', points: '16.25', index: '73.86' },
      { code: '4', points: '7', index: '87.50' },
      { code: '5', points: '7', index: '70.00' },
      { code: '6', points: '7.5', index: '93.75' },
      { code: '7', points: '11.5', index: '82.14' },
      { code: '8', points: '13.176', index: '82.35' },
    ]);
    const lap = byName('Xã Vĩnh Lập').areas.map((a) => a.index);
    expect(lap).toEqual(['85.71', '100.00', '90.91', '100.00', '90.00', '100.00', '92.86', '87.50']);
    expect(byName('Thị trấn Thanh Hà').areas[6]).toEqual({ code: '7', points: '11', index: '78.57' });
    const hai = byName('Xã Thanh Hải').areas;
    expect(hai.map((a) => a.points)).toEqual(['7.5', '6', '14', '8', '6', '7', '7.5', null]);
    expect(hai[7]).toEqual({ code: '8', points: null, index: null });
  });

  it('leaves an incomplete unit unbanded and unranked, and says what is missing', async () => {
    const { byName, stderr } = await score('--optional-areas', '8');
    const khe = byName('Xã Thanh Khê');
    expect(khe.areas[2]).toEqual({ code: '3', points: null, index: null });
    expect(khe.areas[0]).toEqual({ code: '1', points: '14', index: '100.00' });
    expect(stderr).toContain('Xã Thanh Khê: Chưa đủ dữ liệu, chưa xếp loại và xếp hạng; còn thiếu: 3.3');
  });

  it('without --optional-areas a unit with no survey is incomplete, not scored 0 there', async () => {
    const { byName, stderr } = await score();
    expect(byName('Xã Thanh Hải')).toMatchObject({ total: null, index: null, band: null, rank: null });
    expect(stderr).toContain('Xã Thanh Hải: Chưa đủ dữ liệu, chưa xếp loại và xếp hạng; còn thiếu: 8.1');
    // The others keep their ranks: Thanh Hải was 7th, last of the ranked.
    expect(byName('Xã Thanh An').rank).toBe(6);
  });

  it('applies a tie-break and shows it: area 7 puts Thanh Cường (12) before Thanh Hà (11)', async () => {
    const { units } = await score('--optional-areas', '8', '--tie-break', '7');
    expect(units.slice(2, 5).map((u) => [u.unit, u.rank])).toEqual([
      ['Xã Thanh Cường', 3],
      ['Thị trấn Thanh Hà', 4],
      ['Xã Thanh Hồng', 5],
    ]);
    const printed = await run([
      'score',
      '-f',
      FRAMEWORK,
      '-s',
      SCORES,
      '--optional-areas',
      '8',
      '--tie-break',
      '7',
    ]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(
      'Thị trấn Thanh Hà: Bằng chỉ số với Xã Thanh Cường, xếp sau theo điểm tiêu chí 7',
    );
  });

  it('takes the bands and decimals from the options', async () => {
    const { byName } = await score(
      '--optional-areas',
      '8',
      '--decimals',
      '1',
      '--bands',
      'Xuất sắc:92;Đạt:0',
    );
    // 80.125 → 80.1 with one decimal; 89.995 → 90.0 (half-up); 92 reaches Xuất sắc.
    expect(byName('Xã Thanh Hồng')).toMatchObject({ index: '80.1', band: 'Đạt' });
    expect(byName('Xã Thanh Lang')).toMatchObject({ index: '90.0', band: 'Đạt', rank: 2 });
    expect(byName('Xã Vĩnh Lập')).toMatchObject({ index: '92.0', band: 'Xuất sắc' });
  });
});
