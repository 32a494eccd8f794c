// The real command line, run as a child process: `node bin/chiso.mjs score …`.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameworkFromRows } from '#core/framework/index';
import { denseRows, readTable } from '../lib/table-file';
import { formatProblems } from './io';
import { parseBands } from './score/args';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'chiso.mjs');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const FRAMEWORK = join(FIXTURES, 'bo-chi-so-cap-xa-2021-mau.csv');
const SCORES = join(FIXTURES, 'diem-mau.csv');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chiso-cli-'));
});

function chiso(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const scoreSample = (...more: string[]) =>
  chiso('score', '--framework', FRAMEWORK, '--scores', SCORES, '--optional-areas', '8', ...more);

describe('chiso (child process)', { timeout: 30_000 }, () => {
  it('prints its usage in Vietnamese, then in English', async () => {
    const { code, stdout } = await chiso('--help');
    expect(code).toBe(0);
    const vi = stdout.indexOf('Cách dùng: chiso <lệnh>');
    const en = stdout.indexOf('Usage: chiso <command>');
    expect(vi).toBeGreaterThanOrEqual(0);
    expect(en).toBeGreaterThan(vi);
    expect(stdout.indexOf('--tie-break MÃ,MÃ')).toBeLessThan(en);
    expect(stdout.indexOf('--tie-break CODE,CODE')).toBeGreaterThan(en);
  });

  it('writes .json: exactly units of unit, areas, total, index, band and rank, decimals as strings', async () => {
    const { code, stderr } = await scoreSample('--out', 'ket-qua.json');
    expect(code).toBe(0);
    expect(stderr).toContain('Đã ghi kết quả của 8 đơn vị vào ket-qua.json');
    const json = JSON.parse(readFileSync(join(dir, 'ket-qua.json'), 'utf8'));
    expect(Object.keys(json)).toEqual(['units']);
    const [first] = json.units;
    expect(Object.keys(first)).toEqual(['unit', 'areas', 'total', 'index', 'band', 'rank']);
    expect(first).toMatchObject({ unit: 'Xã Vĩnh Lập', total: '92', index: '92.00', band: 'Tốt', rank: 1 });
    expect(first.areas[0]).toEqual({ code: '1', points: '12', index: '85.71' });
    expect(json.units.map((u: { rank: number | null }) => u.rank)).toEqual([1, 2, 3, 3, 5, 6, 7, null]);
  });

  it('writes .csv with Vietnamese headers, decimals with a dot, notes for ties and gaps', async () => {
    expect((await scoreSample('-o', 'ket-qua.csv')).code).toBe(0);
    const { header, rows } = await readTable(readFileSync(join(dir, 'ket-qua.csv')), 'csv');
    expect(header.cells.slice(0, 3)).toEqual(['Đơn vị', 'Điểm lĩnh vực 1', 'Chỉ số lĩnh vực 1 (%)']);
    expect(header.cells.slice(-6)).toEqual([
      'Tổng điểm',
      'Điểm tối đa',
      'Chỉ số (%)',
      'Xếp loại',
      'Thứ hạng',
      'Ghi chú',
    ]);
    const row = (unit: string) => rows.find((r) => r.cells[0] === unit)?.cells.slice(-6);
    expect(row('Xã Thanh Hồng')).toEqual(['80.125', '100', '80.13', 'Khá', '5', '']);
    expect(row('Xã Thanh Cường')).toEqual([
      '85',
      '100',
      '85.00',
      'Khá',
      '3',
      'Đồng hạng với Thị trấn Thanh Hà (bằng chỉ số)',
    ]);
    expect(row('Xã Thanh Hải')).toEqual([
      '56',
      '84',
      '66.67',
      'Trung bình',
      '7',
      'Không đánh giá lĩnh vực 8 (không bắt buộc)',
    ]);
    expect(row('Xã Thanh Khê')?.slice(0, 5)).toEqual(['', '100', '', '', '']);
  });

  it('writes .xlsx with numbers as numbers (read back with exceljs)', async () => {
    expect((await scoreSample('--out', 'ket-qua.xlsx')).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'ket-qua.xlsx'));
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('Kết quả');
    const values = (r: number) => (sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1);
    const header = values(1) as string[];
    const at = (name: string) => header.indexOf(name);
    const an = values(7);
    expect(an[0]).toBe('Xã Thanh An');
    expect(an[at('Tổng điểm')]).toBe(79.201);
    expect(an[at('Chỉ số (%)')]).toBe(79.2);
    expect(an[at('Xếp loại')]).toBe('Trung bình');
    expect(an[at('Thứ hạng')]).toBe(6);
    expect(an[at('Điểm lĩnh vực 8')]).toBe(13.176);
    expect(sheet.rowCount).toBe(9);
  });

  it('prints an aligned table without --out', async () => {
    const { code, stdout } = await scoreSample();
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const head = lines.find((l) => l.startsWith('Hạng')) as string;
    expect(head).toMatch(/^Hạng {2}Đơn vị +Tổng {2}Tối đa {2}Chỉ số {2}Xếp loại +LV 1/);
    const row = (unit: string) => lines.find((l) => l.includes(unit) && /^ +(\d+|—) /.test(l)) as string;
    expect(row('Xã Thanh Lang')).toMatch(/^ +2 {2}Xã Thanh Lang +89,995 +100 +90,00 {2}Tốt +13,995/);
    // Columns line up: every row of the first table is as wide up to "Xếp loại".
    const bandAt = head.indexOf('Xếp loại');
    expect(row('Xã Thanh An').slice(bandAt).startsWith('Trung bình')).toBe(true);
    expect(row('Xã Thanh Khê')).toMatch(/^ +— {2}Xã Thanh Khê +— +100 +— {2}—/);
    expect(stdout).toContain('Xã Thanh Khê: Chưa đủ dữ liệu, chưa xếp loại và xếp hạng; còn thiếu: 3.3');
  });

  it('reads an .xlsx scores file, a percent-formatted cell as the percent Excel shows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Điểm');
    const { header, rows } = await readTable(readFileSync(SCORES), 'csv');
    sheet.addRow(header.cells);
    const an = rows[0]?.cells ?? [];
    // Excel keeps "85,5%" as 0.855 shown as a percent; "79,99%" likewise.
    const cells = an.map((text, c) => {
      const code = header.cells[c];
      if (code === '1.2') return 0.855;
      if (code === '1.5.2') return 0.7999;
      return text;
    });
    const row = sheet.addRow(cells);
    row.getCell(header.cells.indexOf('1.2') + 1).numFmt = '0.0%';
    row.getCell(header.cells.indexOf('1.5.2') + 1).numFmt = '0.00%';
    await workbook.xlsx.writeFile(join(dir, 'diem.xlsx'));
    const { code, stderr } = await chiso('score', '-f', FRAMEWORK, '-s', 'diem.xlsx', '-o', 'an.json');
    expect(stderr).toBe('Đã ghi kết quả của 1 đơn vị vào an.json\n');
    expect(code).toBe(0);
    const [unit] = JSON.parse(readFileSync(join(dir, 'an.json'), 'utf8')).units;
    // As from the CSV: 1.2 reaches 80 % → 1; 1.5.2 is below 80 % → 0; area 1 = 10.275.
    expect(unit).toMatchObject({ unit: 'Xã Thanh An', total: '79.201', index: '79.20', rank: 1 });
    expect(unit.areas[0]).toEqual({ code: '1', points: '10.275', index: '73.39' });
  });

  it('refuses a bad scores file with every row, column and reason, and writes nothing', async () => {
    writeFileSync(
      join(dir, 'sai.csv'),
      [
        'Đơn vị,1,2.1,4.1,9.9,3.3,8.1,5.2',
        'Xã A,12,3,"1,5",,abc,101,1',
        'Xã B,,,x,,,,1.5',
        'Xã A,,1,,,,,',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await chiso('score', '-f', FRAMEWORK, '-s', 'sai.csv', '-o', 'sai.json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(existsSync(join(dir, 'sai.json'))).toBe(false);
    expect(stderr.split('\n')).toEqual([
      'sai.csv, dòng 1, cột "9.9": Không có tiêu chí mã 9.9 trong bộ chỉ số',
      'sai.csv, dòng 2, cột "3.3": "abc" không phải là một tỷ lệ phần trăm hợp lệ',
      'sai.csv, dòng 2, cột "2.1": Điểm 3 của 2.1 vượt điểm tối đa 2',
      'sai.csv, dòng 2, cột "8.1": Tỷ lệ 101% (101/100) của 8.1 không hợp lệ',
      'sai.csv, dòng 3, cột "4.1": "x" không phải là số điểm',
      'sai.csv, dòng 3, cột "5.2": "1.5" không phải là số lần (số nguyên không âm)',
      'sai.csv, dòng 4, cột "Đơn vị": Đơn vị "Xã A" bị lặp (đã có ở dòng 2)',
      'Không ghi kết quả: 4 dòng có lỗi trong sai.csv.',
      '',
    ]);
  });

  it('refuses a bad framework file with the same row errors as the engine', async () => {
    const sample = readFileSync(FRAMEWORK, 'utf8').split('\n');
    const bad = sample.map(
      (line) =>
        line
          .replace(/^2,Cải cách thể chế,8,/, '2,Cải cách thể chế,9,') // children sum to 8
          .replace(/^4\.1,(.*),thu_cong,/, '4.1,$1,cham_tay,') // unknown method
          .replace(/^1\.6,(.*),100:2;90:1;0:0,/, '1.6,$1,90:1;100:2,') // thresholds not falling
          .replace(/^6\.4,/, '6.3,'), // duplicate code
    );
    bad.splice(20, 0, ''); // a blank row keeps its number
    writeFileSync(join(dir, 'bo-sai.csv'), bad.join('\n'));
    const { code, stderr } = await chiso('score', '-f', 'bo-sai.csv', '-s', SCORES, '-o', 'x.json');
    expect(code).toBe(1);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);

    const table = await readTable(readFileSync(join(dir, 'bo-sai.csv')), 'csv');
    const meta = { year: 2021, level: 'xa', name: 'x', bands: parseBands('Tốt:90;Yếu:0') };
    const engine = frameworkFromRows(table.header.cells, denseRows(table.rows), meta);
    if (engine.ok) throw new Error('the engine should refuse it');
    expect(engine.errors.map((e) => e.code).sort()).toEqual([
      'bad_params',
      'duplicate_code',
      'parent_sum_mismatch',
      'unknown_method',
    ]);
    expect(stderr).toBe(
      `${formatProblems('bo-sai.csv', engine.errors)}Không ghi kết quả: 4 dòng có lỗi trong bo-sai.csv.\n`,
    );
    expect(stderr).toContain('bo-sai.csv, dòng 33, cột "Phương pháp chấm"');
  });

  it('exits 2 with the usage on an unknown option, a missing file or an unknown command', async () => {
    const [unknown, missing, noScores, command] = await Promise.all([
      scoreSample('--bogus'),
      chiso('score', '-f', FRAMEWORK, '-s', 'khong-co.csv'),
      chiso('score', '-f', FRAMEWORK),
      chiso('chamdiem'),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Tùy chọn không có (Unknown option '--bogus')");
    expect(unknown.stderr).toContain('Cách dùng: chiso score --framework TỆP --scores TỆP');
    expect(unknown.stderr).toContain('Usage:     chiso score --framework FILE --scores FILE');

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không đọc được tệp "khong-co.csv": không có tệp này');

    expect(noScores).toMatchObject({ code: 2, stdout: '' });
    expect(noScores.stderr).toContain('Thiếu --scores TỆP');

    expect(command.code).toBe(2);
    expect(command.stderr).toContain('Lệnh lạ / unknown command: chamdiem');
  });
});
