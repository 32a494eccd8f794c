// The scores file → one entry per unit, or every bad row: unknown code columns, values
// that do not read for their criterion, repeated or unnamed units.

import {
  buildInputs,
  type CompiledFramework,
  type NodeInput,
  parseNodeValue,
  type UnitInputs,
} from '#core/framework/index';
import { foldText } from '#core/text';
import type { FileProblem } from '../io';
import type { Table } from './read-table';

export const UNIT_HEADER = 'Đơn vị';

export interface ScoresEntry {
  readonly unit: string;
  /** The spreadsheet row the unit is on. */
  readonly row: number;
  readonly inputs: UnitInputs;
  /** Codes the row gave a value for. */
  readonly given: readonly string[];
}

export interface Scores {
  readonly entries: readonly ScoresEntry[];
  /** Column header of each criterion code, as written in the file. */
  readonly headerOf: ReadonlyMap<string, string>;
  readonly problems: readonly FileProblem[];
}

export function readScores(compiled: CompiledFramework, table: Table): Scores {
  const problems: FileProblem[] = [];
  const { columns, headerOf } = readHeader(compiled, table.header.cells, problems);
  const seen = new Map<string, number>();
  const entries: ScoresEntry[] = [];
  for (const { row, cells } of table.rows) {
    const add = (field: string, message: string) => problems.push({ row, field, message });
    const unit = (cells[0] ?? '').trim();
    const earlier = seen.get(foldText(unit));
    if (unit === '') add(UNIT_HEADER, 'Thiếu tên đơn vị');
    else if (earlier !== undefined) add(UNIT_HEADER, `Đơn vị "${unit}" bị lặp (đã có ở dòng ${earlier})`);
    else seen.set(foldText(unit), row);
    const values: Record<string, NodeInput> = {};
    cells.forEach((text, at) => {
      if (at === 0 || text.trim() === '') return;
      const code = columns[at];
      if (code === undefined) {
        add('', `Cột thứ ${at + 1} không có mã tiêu chí nhưng có giá trị "${text}"`);
        return;
      }
      if (code === null) return; // an unknown code, reported once on row 1
      const value = parseNodeValue(compiled, code, text);
      if (!value.ok) add(headerOf.get(code) ?? code, value.message.replace(`${code}: `, ''));
      else if (value.value !== null) values[code] = value.value;
    });
    const { inputs, errors } = buildInputs(compiled, { values });
    for (const error of errors) add(headerOf.get(error.node) ?? error.node, error.message);
    entries.push({ unit, row, inputs, given: Object.keys(values) });
  }
  return { entries, headerOf, problems };
}

/** Per column: the criterion code, null for an unknown code, undefined for a column with no header. */
function readHeader(compiled: CompiledFramework, header: readonly string[], problems: FileProblem[]) {
  const add = (field: string, message: string) => problems.push({ row: 1, field, message });
  if (foldText(header[0] ?? '') !== foldText(UNIT_HEADER)) {
    add(header[0] ?? '', `Cột đầu tiên phải là "${UNIT_HEADER}" (tên đơn vị)`);
  }
  const columns: (string | null | undefined)[] = [undefined];
  const headerOf = new Map<string, string>();
  header.forEach((text, at) => {
    if (at === 0) return;
    // Spreadsheets often write an area's code as "1." — the dot is not a level.
    const code = text.trim().replace(/\.$/, '');
    if (code === '') {
      columns[at] = undefined;
    } else if (!compiled.position.has(code)) {
      add(text, `Không có tiêu chí mã ${code} trong bộ chỉ số`);
      columns[at] = null;
    } else if (headerOf.has(code)) {
      add(text, `Cột của tiêu chí ${code} bị lặp`);
      columns[at] = null;
    } else {
      headerOf.set(code, text);
      columns[at] = code;
    }
  });
  return { columns, headerOf };
}
