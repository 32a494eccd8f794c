// The spreadsheet layout of a framework file (data/README.md): its columns, how a
// header is recognised, and what travels beside the file.

import { foldText } from '../text';
import type { Checked } from './checked';
import type { FrameworkErrorCode } from './errors';
import type { Band } from './model';

export type Column = 'code' | 'name' | 'maxPoints' | 'method' | 'kpi' | 'params' | 'evidence';

/** The header row, as the sample file writes it and as `frameworkToRows` writes it. */
export const FRAMEWORK_HEADER: readonly string[] = [
  'Mã',
  'Lĩnh vực / Tiêu chí / Tiêu chí thành phần',
  'Điểm tối đa',
  'Phương pháp chấm',
  'Chỉ tiêu (KPI)',
  'Tham số',
  'Tài liệu kiểm chứng',
];

// Aliases are folded (no case, accents, spaces or punctuation) so "ĐIỂM TỐI ĐA" and
// "Diem toi da" both match; KPI, parameters and evidence may be left out of a file.
const COLUMNS: readonly { field: Column; required: boolean; aliases: readonly string[] }[] = [
  { field: 'code', required: true, aliases: ['ma', 'matieuchi'] },
  {
    field: 'name',
    required: true,
    aliases: ['linhvuctieuchitieuchithanhphan', 'linhvuctieuchi', 'tentieuchi', 'ten'],
  },
  { field: 'maxPoints', required: true, aliases: ['diemtoida'] },
  { field: 'method', required: true, aliases: ['phuongphapcham', 'phuongphap'] },
  { field: 'kpi', required: false, aliases: ['chitieukpi', 'chitieu', 'kpi'] },
  { field: 'params', required: false, aliases: ['thamso'] },
  { field: 'evidence', required: false, aliases: ['tailieukiemchung', 'tailieu'] },
];

/** The header text of each column, for error reports. */
export const COLUMN_LABEL = Object.fromEntries(
  COLUMNS.map((c, i) => [c.field, FRAMEWORK_HEADER[i]]),
) as Record<Column, string>;

/**
 * What a framework file does not hold: the caller gives it on import (the server from
 * its form, the CLI from options) and reads it back with `frameworkMeta` on export.
 */
export interface FrameworkMeta {
  readonly year: number;
  readonly level: string;
  readonly name: string;
  readonly bands: readonly Band[];
  /** Default 2. */
  readonly indexDecimals?: number;
  readonly tieBreak?: readonly string[];
  /** Codes of the areas a unit may be assessed without (the survey). */
  readonly optionalAreas?: readonly string[];
}

/** An import error: `row` is the spreadsheet row (the header is row 1), null for the metadata. */
export interface RowError {
  readonly row: number | null;
  /** The column header, or the metadata field, the error is about. */
  readonly field: string;
  readonly code: FrameworkErrorCode;
  readonly message: string;
}

/** Where each known column is; every required column missing or column repeated is an error on row 1. */
export function matchHeader(header: readonly string[]): Checked<ReadonlyMap<Column, number>, RowError> {
  const found = new Map<Column, number>();
  const errors: RowError[] = [];
  header.forEach((text, at) => {
    const key = foldText(text).replace(/[^a-z0-9]/g, '');
    const column = COLUMNS.find((c) => c.aliases.includes(key));
    if (!column) return;
    if (found.has(column.field)) {
      errors.push({ row: 1, field: text, code: 'duplicate_header', message: `Cột "${text}" bị lặp` });
    }
    found.set(column.field, at);
  });
  for (const column of COLUMNS) {
    if (column.required && !found.has(column.field)) {
      const label = COLUMN_LABEL[column.field];
      errors.push({ row: 1, field: label, code: 'missing_header', message: `Thiếu cột "${label}"` });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: found };
}
