// Rows → framework, the importer's half: all or nothing, every bad row named.

import type { Checked } from './checked';
import type { FrameworkError, FrameworkErrorCode, FrameworkField } from './errors';
import { FIXED_ZERO, parseDecimal } from './fixed';
import { findMethod } from './methods';
import { type Criterion, DEFAULT_INDEX_DECIMALS, type Framework } from './model';
import { COLUMN_LABEL, type Column, type FrameworkMeta, matchHeader, type RowError } from './rows-layout';
import { canonicalParams, parentCode } from './tree';
import { type ValidateOptions, validateFramework } from './validate';

type Cells = Readonly<Record<Column, string>>;

interface SheetRow {
  readonly row: number;
  readonly cells: Cells;
}

/** What reading the rows found, before the tree is checked as a whole. */
interface Reading {
  readonly errors: RowError[];
  readonly rowOf: Map<string, number>;
  readonly sheetRows: Map<string, SheetRow>;
  /** Nodes whose sum check would only echo a row refused below them. */
  readonly tainted: Set<string>;
  readonly badMax: Set<string>;
}

/**
 * Reads a framework from its rows: `header` is spreadsheet row 1, so `rows[i]` is row
 * i + 2; blank rows are skipped; rows may come in any order (the code gives the
 * parent). Any error and no framework is returned, with every bad row, its column and
 * the reason in Vietnamese. `Tham số` is rewritten in canonical form ("0,5" → "0.5").
 */
export function frameworkFromRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  meta: FrameworkMeta,
  options: ValidateOptions = {},
): Checked<Framework, RowError> {
  const columns = matchHeader(header);
  if (!columns.ok) return columns;
  const reading: Reading = {
    errors: [],
    rowOf: new Map(),
    sheetRows: new Map(),
    tainted: new Set(),
    badMax: new Set(),
  };
  rows.forEach((cells, i) => {
    readRow(reading, i + 2, cellsOf(columns.value, cells));
  });
  const framework = withMeta(buildTree(reading), meta);
  const { errors } = reading;
  for (const error of validateFramework(framework, options)) {
    if (!echoesRowError(reading, error)) errors.push(toRowError(error, reading.rowOf));
  }
  for (const code of meta.optionalAreas ?? []) {
    if (framework.areas.some((area) => area.code === code)) continue;
    const message = `Lĩnh vực không bắt buộc ${code} không có trong bộ chỉ số`;
    errors.push({ row: null, field: 'optionalAreas', code: 'optional_not_area', message });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
  return { ok: true, value: canonicalParams(framework) };
}

function cellsOf(columns: ReadonlyMap<Column, number>, cells: readonly string[]): Cells {
  const get = (field: Column) => {
    const at = columns.get(field);
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
  return {
    // Spreadsheets often write an area's code as "1." — the dot is not a level.
    code: get('code').replace(/\.$/, ''),
    name: get('name'),
    maxPoints: get('maxPoints'),
    method: get('method'),
    kpi: get('kpi'),
    params: get('params'),
    evidence: get('evidence'),
  };
}

function readRow(reading: Reading, row: number, cells: Cells): void {
  if (Object.values(cells).every((v) => v === '')) return;
  const add = (code: FrameworkErrorCode, field: Column, message: string) => {
    reading.errors.push({ row, field: COLUMN_LABEL[field], code, message });
  };
  const { code } = cells;
  if (code === '') {
    add('bad_code', 'code', 'Thiếu mã tiêu chí');
    return;
  }
  const earlier = reading.rowOf.get(code);
  if (earlier !== undefined) {
    taint(reading, parentCode(code));
    add('duplicate_code', 'code', `Mã ${code} bị lặp (đã có ở dòng ${earlier})`);
    return;
  }
  reading.rowOf.set(code, row);
  if (parseDecimal(cells.maxPoints) === null) {
    reading.badMax.add(code);
    taint(reading, parentCode(code));
    add('bad_number', 'maxPoints', `Điểm tối đa "${cells.maxPoints}" của ${code} không phải là số`);
  }
  reading.sheetRows.set(code, { row, cells });
}

// Siblings keep their order in the file.
function buildTree(reading: Reading): Criterion[] {
  const children = new Map<string | null, SheetRow[]>();
  for (const sheetRow of reading.sheetRows.values()) {
    const { code } = sheetRow.cells;
    const parent = parentCode(code);
    if (parent !== null && !reading.sheetRows.has(parent)) {
      const message = `Không có dòng của tiêu chí cha ${parent} cho ${code}`;
      reading.errors.push({ row: sheetRow.row, field: COLUMN_LABEL.code, code: 'missing_parent', message });
      continue;
    }
    children.set(parent, [...(children.get(parent) ?? []), sheetRow]);
  }
  const toNode = ({ row, cells }: SheetRow): Criterion => {
    const base = {
      code: cells.code,
      name: cells.name,
      maxPoints: parseDecimal(cells.maxPoints) ?? FIXED_ZERO,
      evidence: cells.evidence
        .split(';')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    };
    const kids = children.get(cells.code);
    if (!kids) {
      const method = findMethod(cells.method)?.code ?? cells.method;
      return { ...base, method, params: cells.params, ...(cells.kpi === '' ? {} : { kpi: cells.kpi }) };
    }
    for (const field of ['method', 'kpi', 'params'] as const) {
      if (cells[field] === '') continue;
      const message = `${cells.code} có tiêu chí con nên để trống cột "${COLUMN_LABEL[field]}"`;
      reading.errors.push({ row, field: COLUMN_LABEL[field], code: 'parent_with_method', message });
    }
    return { ...base, children: kids.map(toNode) };
  };
  return (children.get(null) ?? []).map(toNode);
}

function withMeta(areas: readonly Criterion[], meta: FrameworkMeta): Framework {
  const optional = new Set(meta.optionalAreas ?? []);
  return {
    year: meta.year,
    level: meta.level,
    name: meta.name,
    bands: meta.bands,
    indexDecimals: meta.indexDecimals ?? DEFAULT_INDEX_DECIMALS,
    ...(meta.tieBreak ? { tieBreak: meta.tieBreak } : {}),
    areas: areas.map((area) => (optional.has(area.code) ? { ...area, optional: true } : area)),
  };
}

function echoesRowError(reading: Reading, error: FrameworkError): boolean {
  const node = error.node;
  if (node === undefined) return false;
  if (error.code === 'parent_sum_mismatch') return reading.tainted.has(node);
  return error.code === 'bad_max_points' && reading.badMax.has(node);
}

const FIELD_COLUMN: Partial<Record<FrameworkField, Column>> = {
  code: 'code',
  name: 'name',
  maxPoints: 'maxPoints',
  method: 'method',
  kpi: 'kpi',
  params: 'params',
  evidence: 'evidence',
};

function toRowError(error: FrameworkError, rowOf: ReadonlyMap<string, number>): RowError {
  const column = error.field ? FIELD_COLUMN[error.field] : undefined;
  const row = error.node === undefined ? null : (rowOf.get(error.node) ?? null);
  return {
    row,
    field: column ? COLUMN_LABEL[column] : (error.field ?? ''),
    code: error.code,
    message: error.message,
  };
}

function taint(reading: Reading, code: string | null): void {
  for (let c = code; c !== null; c = parentCode(c)) reading.tainted.add(c);
}
