import { describe, expect, it } from 'vitest';
import { fixed } from './fixed';
import { compiled, SAMPLE_META, sampleFramework, sampleRows } from './fixtures/sample';
import { isParent } from './model';
import { frameworkFromRows } from './rows-read';
import { frameworkMeta, frameworkToRows } from './rows-write';
import { allNodes } from './tree';

describe('the sample framework', () => {
  it('imports with 8 areas, 100 points and no error', () => {
    const { header, rows } = sampleRows();
    const result = frameworkFromRows(header, rows, SAMPLE_META);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const framework = result.value;
    expect(framework.areas).toHaveLength(8);
    expect(framework.areas.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(compiled(framework).maxTotal).toBe(fixed(100));
    expect(framework.areas.map((a) => a.maxPoints)).toEqual([14, 8, 22, 8, 10, 8, 14, 16].map(fixed));
  });

  it('reads the tree, methods, KPIs, params and evidence of each row', () => {
    const framework = sampleFramework();
    const nodes = allNodes(framework);
    expect(nodes).toHaveLength(53);
    const node = (code: string) => nodes.find((n) => n.code === code);
    const area1 = node('1');
    expect(area1 && isParent(area1) ? area1.children.map((c) => c.code) : []).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '1.7',
      '1.8',
    ]);
    expect(node('1.2')).toMatchObject({
      method: 'nguong',
      kpi: 'plan_tasks_done_rate',
      params: '100:2;80:1;0:0',
      maxPoints: fixed(2),
    });
    expect(node('1.5.3')).toMatchObject({ evidence: ['Hình ảnh', 'bản tin'], maxPoints: fixed('0.5') });
    expect(node('3.4')).toMatchObject({ method: 'tru_diem', params: '0.5' });
    expect(node('1.1.1')).not.toHaveProperty('kpi');
  });

  it('round-trips: exporting and importing gives the same framework, and the same rows as the file', () => {
    const framework = sampleFramework({ optionalAreas: ['8'], tieBreak: ['3', '1'], indexDecimals: 1 });
    const { header, rows } = frameworkToRows(framework);
    const again = frameworkFromRows(header, rows, frameworkMeta(framework));
    expect(again).toEqual({ ok: true, value: framework });
    const original = sampleRows();
    expect(header).toEqual(original.header);
    expect(rows).toEqual(original.rows);
  });
});

describe('reading rows', () => {
  it('takes rows in any order: the code gives the parent', () => {
    const { header, rows } = sampleRows();
    const result = frameworkFromRows(header, [...rows].reverse(), SAMPLE_META);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.areas).toHaveLength(8);
    expect(compiled(result.value).maxTotal).toBe(fixed(100));
  });

  it('writes methods and parameters in canonical form', () => {
    const rows = [
      ['1', 'Lĩnh vực', '2', '', '', ''],
      ['1.1', 'Kế hoạch', '1', 'Lựa chọn', '', 'Kịp thời : 1 ; Không kịp thời:0,5;Không ban hành:0;'],
      ['1.2', 'Quy chế', '1', 'Thủ công', '', ''],
    ];
    const result = frameworkFromRows(
      ['Mã', 'Tên', 'Điểm tối đa', 'Phương pháp chấm', 'KPI', 'Tham số'],
      rows,
      SAMPLE_META,
    );
    expect(result.ok ? allNodes(result.value).slice(1) : result.errors).toMatchObject([
      { code: '1.1', method: 'lua_chon', params: 'Kịp thời:1;Không kịp thời:0.5;Không ban hành:0' },
      { code: '1.2', method: 'thu_cong', params: '' },
    ]);
  });
});

describe('headers', () => {
  it('are matched ignoring case, accents and spacing, in any order', () => {
    const header = ['tham so', 'MA', 'Ten tieu chi', 'diem toi da', 'PHUONG PHAP CHAM'];
    const rows = [
      ['', '1', 'Lĩnh vực', '2', ''],
      ['', '1.1', 'Tiêu chí', '2', 'thu_cong'],
    ];
    const result = frameworkFromRows(header, rows, SAMPLE_META);
    expect(result.ok).toBe(true);
  });

  it('a missing required column is refused on row 1', () => {
    const result = frameworkFromRows(
      ['Mã', 'Tên', 'Phương pháp chấm'],
      [['1', 'A', 'thu_cong']],
      SAMPLE_META,
    );
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 1, field: 'Điểm tối đa', code: 'missing_header', message: 'Thiếu cột "Điểm tối đa"' }],
    });
  });
});

describe('a bad framework file is refused with the row and the reason', () => {
  const { header, rows } = sampleRows();
  const rowNumber = (code: string) => rows.findIndex((r) => r[0] === code) + 2;
  const edit = (code: string, column: number, value: string) =>
    rows.map((r) => (r[0] === code ? r.map((cell, i) => (i === column ? value : cell)) : r));
  const refuse = (badRows: string[][]) => {
    const result = frameworkFromRows(header, badRows, SAMPLE_META);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.errors;
  };

  it('a parent whose children do not sum to its max', () => {
    const errors = refuse(edit('1.4', 2, '2'));
    expect(errors).toEqual([
      {
        row: rowNumber('1'),
        field: 'Điểm tối đa',
        code: 'parent_sum_mismatch',
        message: 'Điểm tối đa của 1 là 14 nhưng tổng các tiêu chí con là 14.5',
      },
      {
        row: rowNumber('1.4'),
        field: 'Điểm tối đa',
        code: 'parent_sum_mismatch',
        message: 'Điểm tối đa của 1.4 là 2 nhưng tổng các tiêu chí con là 1.5',
      },
    ]);
  });

  it('an unknown method', () => {
    expect(refuse(edit('2.3', 3, 'cham_tay'))).toEqual([
      {
        row: rowNumber('2.3'),
        field: 'Phương pháp chấm',
        code: 'unknown_method',
        message: 'Phương pháp chấm "cham_tay" của 2.3 không có trong danh mục',
      },
    ]);
  });

  it('a bad threshold list', () => {
    const errors = refuse(edit('7.2', 5, '50:3;60:2;0:0'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: rowNumber('7.2'), field: 'Tham số', code: 'bad_params' });
    expect(errors[0]?.message).toMatch(/^7\.2: Các ngưỡng phải giảm dần/);
  });

  it('a duplicate code', () => {
    const duplicated = [...rows.slice(0, 3), rows[2] as string[], ...rows.slice(3)];
    expect(refuse(duplicated)).toEqual([
      { row: 5, field: 'Mã', code: 'duplicate_code', message: 'Mã 1.1.1 bị lặp (đã có ở dòng 4)' },
    ]);
  });

  it('a row whose parent is missing', () => {
    const errors = refuse([...rows, ['9.1', 'Tiêu chí mồ côi', '1', 'thu_cong', '', '', '']]);
    expect(errors).toEqual([
      {
        row: rows.length + 2,
        field: 'Mã',
        code: 'missing_parent',
        message: 'Không có dòng của tiêu chí cha 9 cho 9.1',
      },
    ]);
  });

  it('a max that is not a number', () => {
    expect(refuse(edit('6.1', 2, 'hai'))).toEqual([
      {
        row: rowNumber('6.1'),
        field: 'Điểm tối đa',
        code: 'bad_number',
        message: 'Điểm tối đa "hai" của 6.1 không phải là số',
      },
    ]);
  });

  it('an unknown KPI, a method on a parent, a leaf without method', () => {
    let bad = edit('3.3', 4, 'dossiers_fast_rate');
    bad = bad.map((r) => (r[0] === '4' ? ['4', r[1] as string, '8', 'thu_cong', '', '', ''] : r));
    bad = bad.map((r) => (r[0] === '5.3' ? ['5.3', r[1] as string, '3', '', '', '', ''] : r));
    const errors = refuse(bad);
    expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [rowNumber('3.3'), 'Chỉ tiêu (KPI)', 'unknown_kpi'],
      [rowNumber('4'), 'Phương pháp chấm', 'parent_with_method'],
      [rowNumber('5.3'), 'Phương pháp chấm', 'leaf_without_method'],
    ]);
  });

  it('every bad row at once, in row order, without echoes in their parents', () => {
    let bad = edit('1.2', 3, 'khong_ro');
    bad = edit('3.7', 5, '50:3;30');
    bad = bad.map((r) => (r[0] === '1.2' ? ['1.2', r[1] as string, '2', 'khong_ro', '', '', ''] : r));
    bad = bad.map((r) => (r[0] === '6.2' ? ['6.2', r[1] as string, '2,x', 'thu_cong', '', '', ''] : r));
    bad = [
      ...bad,
      ['7.9.1', 'Mồ côi', '1', 'thu_cong', '', '', ''],
      ['4.1', 'Lặp', '3', 'thu_cong', '', '', ''],
    ];
    const errors = refuse(bad);
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [rowNumber('1.2'), 'unknown_method'],
      [rowNumber('3.7'), 'bad_params'],
      [rowNumber('6.2'), 'bad_number'],
      [rows.length + 2, 'missing_parent'],
      [rows.length + 3, 'duplicate_code'],
    ]);
  });

  it('skips blank rows but keeps counting them', () => {
    const withBlank = [rows[0] as string[], ['', '', '', '', '', '', ''], ...rows.slice(1)];
    const result = frameworkFromRows(header, withBlank, SAMPLE_META);
    expect(result.ok).toBe(true);
    const broken = withBlank.map((r) => (r[0] === '1.1.1' ? r.map((c, i) => (i === 3 ? 'x' : c)) : r));
    const errors = frameworkFromRows(header, broken, SAMPLE_META);
    expect(errors.ok ? null : errors.errors[0]?.row).toBe(5);
  });

  it('metadata errors have no row', () => {
    const result = frameworkFromRows(header, rows, {
      ...SAMPLE_META,
      bands: [
        { name: 'Tốt', min: fixed(90) },
        { name: 'Khá', min: fixed(95) },
      ],
      optionalAreas: ['9'],
    });
    expect(result.ok ? [] : result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [null, 'bands', 'bad_bands'],
      [null, 'bands', 'bad_bands'],
      [null, 'optionalAreas', 'optional_not_area'],
    ]);
  });
});
