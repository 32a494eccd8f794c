import { foldText } from './text';
import { canSitUnder, parseUnitLevel, UNIT_LEVEL_LABEL_VI, type UnitLevel } from './units';

/** The columns of a unit list, as in shared/data/don-vi-hai-duong-2021.csv. */
export const UNIT_COLUMNS = {
  code: 'Mã',
  name: 'Tên đơn vị',
  level: 'Cấp',
  parentCode: 'Mã đơn vị cấp trên',
} as const;

export interface UnitRecord {
  row: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
}

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface ExistingUnit {
  code: string;
  level: UnitLevel;
}

const MAX_CODE = 32;
const MAX_NAME = 200;

/**
 * Checks a unit list on its own (columns, required fields, codes repeated, levels, a
 * parent in the file at a level that fits). `existing` answers for parents that are
 * not in the file; the server checks access to them.
 */
export function parseUnitRows(
  header: string[],
  rows: { row: number; cells: string[] }[],
  existing: (code: string) => ExistingUnit | undefined,
): { records: UnitRecord[]; errors: ImportRowError[] } {
  const folded = header.map(foldText);
  const col = (name: string) => folded.indexOf(foldText(name));
  const index = {
    code: col(UNIT_COLUMNS.code),
    name: col(UNIT_COLUMNS.name),
    level: col(UNIT_COLUMNS.level),
    parentCode: col(UNIT_COLUMNS.parentCode),
  };
  const errors: ImportRowError[] = [];
  for (const [key, i] of Object.entries(index)) {
    if (i < 0) {
      const field = UNIT_COLUMNS[key as keyof typeof UNIT_COLUMNS];
      errors.push({ row: 1, field, message: `Thiếu cột "${field}" trong dòng tiêu đề.` });
    }
  }
  if (errors.length > 0) return { records: [], errors };

  const records: UnitRecord[] = [];
  const firstRowOfCode = new Map<string, number>();
  for (const { row, cells } of rows) {
    const cell = (i: number) => (cells[i] ?? '').trim();
    const code = cell(index.code);
    const name = cell(index.name);
    const levelText = cell(index.level);
    const parentCode = cell(index.parentCode) || null;
    const level = parseUnitLevel(levelText);
    const before = errors.length;
    if (!code)
      errors.push({
        row,
        field: UNIT_COLUMNS.code,
        message: 'Bắt buộc nhập mã đơn vị (mã thống kê hoặc mã địa phương tự đặt).',
      });
    else if (code.length > MAX_CODE)
      errors.push({ row, field: UNIT_COLUMNS.code, message: `Mã dài quá ${MAX_CODE} ký tự.` });
    else if (firstRowOfCode.has(code)) {
      errors.push({
        row,
        field: UNIT_COLUMNS.code,
        message: `Mã "${code}" trùng với dòng ${firstRowOfCode.get(code)}.`,
      });
    } else firstRowOfCode.set(code, row);
    if (!name) errors.push({ row, field: UNIT_COLUMNS.name, message: 'Bắt buộc nhập tên đơn vị.' });
    else if (name.length > MAX_NAME)
      errors.push({ row, field: UNIT_COLUMNS.name, message: `Tên dài quá ${MAX_NAME} ký tự.` });
    if (!level) {
      errors.push({
        row,
        field: UNIT_COLUMNS.level,
        message: levelText
          ? `Cấp "${levelText}" không hợp lệ; dùng tinh, huyen hoặc xa.`
          : 'Bắt buộc nhập cấp (tinh, huyen, xa).',
      });
    }
    if (parentCode && parentCode === code) {
      errors.push({
        row,
        field: UNIT_COLUMNS.parentCode,
        message: 'Đơn vị không thể là cấp trên của chính nó.',
      });
    }
    if (errors.length === before && level) records.push({ row, code, name, level, parentCode });
  }

  const inFile = new Map(records.map((r) => [r.code, r]));
  for (const r of records) {
    if (!r.parentCode) {
      if (!canSitUnder(r.level, null)) {
        errors.push({
          row: r.row,
          field: UNIT_COLUMNS.parentCode,
          message: `Đơn vị cấp ${UNIT_LEVEL_LABEL_VI[r.level]} phải có mã đơn vị cấp trên.`,
        });
      }
      continue;
    }
    const parent = inFile.get(r.parentCode) ?? existing(r.parentCode);
    if (!parent) {
      errors.push({
        row: r.row,
        field: UNIT_COLUMNS.parentCode,
        message: `Không tìm thấy đơn vị cấp trên có mã "${r.parentCode}" trong tệp hay trong hệ thống.`,
      });
    } else if (!canSitUnder(r.level, parent.level)) {
      errors.push({
        row: r.row,
        field: UNIT_COLUMNS.level,
        message: `Đơn vị cấp ${UNIT_LEVEL_LABEL_VI[r.level]} không thể trực thuộc đơn vị cấp ${UNIT_LEVEL_LABEL_VI[parent.level]} (mã ${r.parentCode}).`,
      });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { records, errors };
}

/** Parents before children, so each row can be stored once its parent exists. */
export function orderParentsFirst(records: UnitRecord[]): UnitRecord[] {
  const byCode = new Map(records.map((r) => [r.code, r]));
  const depth = new Map<string, number>();
  const depthOf = (r: UnitRecord, seen: Set<string>): number => {
    const known = depth.get(r.code);
    if (known !== undefined) return known;
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    // Levels strictly rise towards the root, so a cycle cannot pass parseUnitRows; the guard is cheap.
    const d = parent && !seen.has(parent.code) ? depthOf(parent, seen.add(r.code)) + 1 : 0;
    depth.set(r.code, d);
    return d;
  };
  return [...records].sort((a, b) => depthOf(a, new Set()) - depthOf(b, new Set()) || a.row - b.row);
}
