import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { denseRows, readTable } from './table-file';

describe('reading spreadsheets', () => {
  it('reads a cell Excel shows as a percent the way the user typed it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Điểm');
    sheet.addRow(['Đơn vị', '3.3']);
    sheet.addRow(['Xã Vĩnh Lập', 0.855]);
    sheet.getCell('B2').numFmt = '0.0%';
    sheet.addRow(['Xã Thanh An', 0.5]);
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Xã Vĩnh Lập', '85.5%'],
      ['Xã Thanh An', '0.5'],
    ]);
  });

  it('keeps the row numbers Excel shows when blank rows are skipped', async () => {
    const table = await readTable(Buffer.from('Mã,Tên\n1,A\n\n,\n2,B\n'), 'csv');
    expect(table.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(denseRows(table.rows)).toEqual([['1', 'A'], [], [], ['2', 'B']]);
  });

  it('reads a UTF-8 CSV with a byte-order mark and quoted commas', async () => {
    const table = await readTable(Buffer.from('\uFEFFMã,Tên\n1,"Xã Vĩnh Lập, Thanh Hà"\n'), 'csv');
    expect(table.header.cells).toEqual(['Mã', 'Tên']);
    expect(table.rows[0]?.cells).toEqual(['1', 'Xã Vĩnh Lập, Thanh Hà']);
  });
});
