import { PassThrough, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from './errors';

export type TableFormat = 'csv' | 'xlsx';

export interface TableRow {
  /** 1-based spreadsheet row number; the header is row 1. */
  row: number;
  cells: string[];
}

export function tableFormatOf(filename: string): TableFormat | null {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel keeps dates as serial days; ExcelJS hands them over as UTC Dates. */
function formatExcelDate(d: Date): string {
  const day = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const hasTime = d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0;
  return hasTime ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : day;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatExcelDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function* csvRows(source: Readable): AsyncGenerator<TableRow> {
  const parser = source.pipe(
    // Any line ending, even mixed in one file (rows added by hand to an exported CRLF file).
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
      record_delimiter: ['\r\n', '\n', '\r'],
    }),
  );
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    yield { row, cells: record };
  }
}

/** A number Excel shows as a percent is kept as 0.855; the user typed and sees "85,5%". */
function xlsxCellText(cell: ExcelJS.Cell): string {
  const value = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (typeof value === 'number' && cell.numFmt?.includes('%'))
    return `${Number((value * 100).toPrecision(15))}%`;
  return cellText(cell.value);
}

async function* xlsxRows(source: Readable): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const r of worksheet) {
      const row = r as ExcelJS.Row;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = xlsxCellText(cell);
      });
      yield { row: row.number, cells: Array.from(cells, (c) => c ?? '') };
    }
    return; // only the first sheet holds the data
  }
}

/**
 * Streams the rows of a .csv (UTF-8, BOM allowed) or the first sheet of an .xlsx,
 * header included, without holding the file in memory. Blank rows are skipped but
 * keep their numbers, so errors name the row the user sees in Excel.
 */
export async function* readTableRows(
  source: Readable | Buffer,
  format: TableFormat,
): AsyncGenerator<TableRow> {
  const stream = Buffer.isBuffer(source) ? Readable.from([source]) : source;
  const rows = format === 'csv' ? csvRows(stream) : xlsxRows(stream);
  try {
    for await (const r of rows) {
      if (r.cells.every((c) => c.trim() === '')) continue;
      yield { row: r.row, cells: r.cells.map((c) => c.trim()) };
    }
  } catch (error) {
    // An upload cut at its size limit is reported as such, not as an unreadable file.
    if (error instanceof AppError || isTooLarge(error)) throw error;
    throw new AppError(400, 'import.badFormat');
  }
}

function isTooLarge(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE';
}

/** Reads a whole small table (units, frameworks) into memory. */
export async function readTable(
  source: Readable | Buffer,
  format: TableFormat,
): Promise<{ header: TableRow; rows: TableRow[] }> {
  let header: TableRow | undefined;
  const rows: TableRow[] = [];
  for await (const r of readTableRows(source, format)) {
    if (!header) header = r;
    else rows.push(r);
  }
  if (!header || rows.length === 0) throw new AppError(400, 'import.empty');
  return { header, rows };
}

export interface Sheet {
  name: string;
  header: string[];
  rows: (string | number)[][];
}

/** Writes sheets to an .xlsx, each with a bold, frozen header and columns sized to fit. */
export async function writeWorkbook(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, header, rows } of sheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(header).font = { bold: true };
    for (const r of rows) sheet.addRow(r);
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(
        header[i]?.length ?? 0,
        ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length),
      );
      column.width = Math.min(60, Math.max(8, longest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes rows to a one-sheet .xlsx. */
export function writeXlsx(sheetName: string, header: string[], rows: (string | number)[][]): Promise<Buffer> {
  return writeWorkbook([{ name: sheetName, header, rows }]);
}

/** Rows by sheet position, a blank row kept as [], so `rows[i]` is spreadsheet row i + 2. */
export function denseRows(rows: readonly TableRow[]): string[][] {
  const dense: string[][] = [];
  for (const r of rows) dense[r.row - 2] = r.cells;
  return Array.from(dense, (cells) => cells ?? []);
}

/** Finds each wanted column by its header, ignoring case and accents. */
export function locateColumns<K extends string>(
  header: string[],
  wanted: Record<K, { names: string[]; required: boolean }>,
  fold: (s: string) => string,
): { columns: Partial<Record<K, number>>; missing: K[] } {
  const folded = header.map(fold);
  const columns: Partial<Record<K, number>> = {};
  const missing: K[] = [];
  for (const key of Object.keys(wanted) as K[]) {
    const spec = wanted[key];
    const names = spec.names.map(fold);
    const index = folded.findIndex((h) => names.includes(h));
    if (index >= 0) columns[key] = index;
    else if (spec.required) missing.push(key);
  }
  return { columns, missing };
}

/**
 * Streams a one-sheet .xlsx (bold, frozen header) while `rows` is read, so an export of
 * a million rows never sits in memory whole.
 */
export function xlsxStream(
  sheetName: string,
  header: string[],
  rows: AsyncIterable<(string | number)[]>,
  widths: number[] = [],
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  // Excel allows 31 characters and none of : \ / ? * [ ] in a sheet name.
  const name = sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h, i) => ({ width: widths[i] ?? Math.min(60, Math.max(10, h.length + 4)) }));
  const write = async () => {
    const head = sheet.addRow(header);
    head.font = { bold: true };
    head.commit();
    for await (const r of rows) sheet.addRow(r).commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
