// How a scores file is read: headers, values at any level, gaps. In-process.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../io';
import { main } from '../main';

const FRAMEWORK = join(import.meta.dirname, '..', 'fixtures', 'bo-chi-so-cap-xa-2021-mau.csv');
const FULL = '1,2,3,4,5,6,7,8';

async function score(lines: string[], ...options: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-read-'));
  writeFileSync(join(dir, 'diem.csv'), lines.join('\n'));
  const stderr: string[] = [];
  const io: Io = { out: () => undefined, err: (t) => stderr.push(t), cwd: dir };
  const code = await main(['score', '-f', FRAMEWORK, '-s', 'diem.csv', '-o', 'kq.json', ...options], io);
  const units = code === 0 ? JSON.parse(readFileSync(join(dir, 'kq.json'), 'utf8')).units : [];
  return { code, stderr: stderr.join(''), units };
}

describe('reading a scores file', () => {
  it('takes a given parent as it is and says which values under it were not used', async () => {
    const { code, stderr, units } = await score([
      `Đơn vị,${FULL},3.3,3.7`,
      // 3 is given (20), so 3.3 (50 % → 3 points) and 3.7 are not used: total 12+8+20+8+9+8+13+14 = 92.
      'Xã Vĩnh Lập,12,8,20,8,9,8,13,14,50%,10%',
    ]);
    expect(code).toBe(0);
    expect(units[0]).toMatchObject({ total: '92', index: '92.00', band: 'Tốt', rank: 1 });
    expect(stderr).toContain('diem.csv, dòng 2, cột "3.3": Đã có điểm của 3 nên không dùng giá trị của 3.3');
    expect(stderr).toContain('diem.csv, dòng 2, cột "3.7": Đã có điểm của 3 nên không dùng giá trị của 3.7');
  });

  it('accepts "1." for area 1, matches "Đơn vị" ignoring case and accents, keeps blank rows numbered', async () => {
    const { code, units, stderr } = await score([
      'DON VI,1.,2.,3.,4.,5.,6.,7.,8.',
      '',
      'Xã A,14,8,22,8,10,8,14,16',
      'Xã B,7,4,11,4,5,4,7,8',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('Đã ghi kết quả của 2 đơn vị vào kq.json\n');
    expect(units.map((u: { index: string; band: string }) => [u.index, u.band])).toEqual([
      ['100.00', 'Tốt'],
      ['50.00', 'Yếu'],
    ]);
    const blank = await score(['Đơn vị,1,2', '', 'Xã A,15,1']);
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain('diem.csv, dòng 3, cột "1": Điểm 15 của 1 vượt điểm tối đa 14');
  });

  it('takes "0/0" as no data: the unit is incomplete, not scored 0', async () => {
    const { code, units, stderr } = await score(
      [`Đơn vị,1,2,3,4,5,6,7`, 'Xã A,14,8,22,8,10,8,14'],
      '--optional-areas',
      '8',
    );
    expect(code).toBe(0);
    expect(units[0]).toMatchObject({ total: '84', index: '100.00', rank: 1 });
    const noData = await score(
      [`Đơn vị,1,2,4,5,6,7,3.1,3.2,3.3,3.4,3.5,3.6,3.7`, 'Xã A,14,8,8,10,8,14,100%,100%,0/0,0,100%,3,50%'],
      '--optional-areas',
      '8',
    );
    expect(noData.units[0]).toMatchObject({ total: null, index: null, band: null, rank: null });
    expect(noData.stderr).toContain('Xã A: Chưa đủ dữ liệu, chưa xếp loại và xếp hạng; còn thiếu: 3.3');
    expect(stderr).not.toContain('Chưa đủ');
  });

  it('refuses a first column other than "Đơn vị" and a repeated code column', async () => {
    const { code, stderr } = await score(['Tên,1,1.', 'Xã A,1,2']);
    expect(code).toBe(1);
    expect(stderr).toContain('diem.csv, dòng 1, cột "Tên": Cột đầu tiên phải là "Đơn vị" (tên đơn vị)');
    expect(stderr).toContain('diem.csv, dòng 1, cột "1.": Cột của tiêu chí 1 bị lặp');
  });
});
