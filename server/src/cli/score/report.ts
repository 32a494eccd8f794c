// Results → what every output shows, in ranking order: ranked units by rank (ties in
// file order), then the incomplete ones in file order.

import {
  type CompiledFramework,
  type Fixed,
  formatDecimal,
  type NodeResult,
  type RankedResults,
  type UnitResult,
} from '#core/framework/index';

export interface AreaLine {
  readonly code: string;
  /** Null when not known: incomplete, or an optional area the unit was not assessed on. */
  readonly points: Fixed | null;
  readonly index: Fixed | null;
}

export interface ReportLine {
  readonly unit: string;
  readonly complete: boolean;
  readonly areas: readonly AreaLine[];
  /** Null while the unit is incomplete: a lower bound is not a result. */
  readonly total: Fixed | null;
  readonly maxPoints: Fixed;
  readonly index: Fixed | null;
  readonly band: string | null;
  readonly rank: number | null;
  /** Vietnamese: pending criteria, areas not assessed, how a tie was settled. */
  readonly notes: readonly string[];
}

export interface Report {
  readonly compiled: CompiledFramework;
  readonly lines: readonly ReportLine[];
}

export function buildReport(compiled: CompiledFramework, results: RankedResults): Report {
  const notes = tieNotes(results);
  const lines = results.units.map((unit) => line(unit, notes.get(unit.unit) ?? []));
  const order = lines.map((_, i) => i);
  order.sort((a, b) => rankKey(lines[a]) - rankKey(lines[b]) || a - b);
  return { compiled, lines: order.map((i) => lines[i] as ReportLine) };
}

const rankKey = (l: ReportLine) => l.rank ?? Number.MAX_SAFE_INTEGER;

function line(unit: UnitResult, tieNotes: readonly string[]): ReportLine {
  const known = (n: NodeResult) => n.status === 'scored' || n.status === 'given';
  const notes = [...tieNotes];
  if (!unit.complete) {
    notes.unshift(`Chưa đủ dữ liệu, chưa xếp loại và xếp hạng; còn thiếu: ${unit.pending.join(', ')}`);
  }
  for (const area of unit.areas) {
    if (area.status === 'absent') notes.push(`Không đánh giá lĩnh vực ${area.code} (không bắt buộc)`);
  }
  return {
    unit: unit.unit,
    complete: unit.complete,
    areas: unit.areas.map((a) => ({
      code: a.code,
      points: known(a) ? a.points : null,
      index: known(a) ? a.index : null,
    })),
    total: unit.complete ? unit.total : null,
    maxPoints: unit.maxPoints,
    index: unit.complete ? unit.index : null,
    band: unit.band,
    rank: unit.rank,
    notes,
  };
}

function tieNotes(results: RankedResults): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  for (const group of results.ties) {
    group.units.forEach((unit, k) => {
      const previous = group.units[k - 1];
      if (previous === undefined) return;
      const code = group.decidedBy[k - 1];
      const note =
        code === null || code === undefined
          ? `Đồng hạng với ${previous} (bằng chỉ số)`
          : `Bằng chỉ số với ${previous}, xếp sau theo điểm tiêu chí ${code}`;
      notes.set(unit, [note]);
    });
  }
  return notes;
}

/** Points: exact, as many decimals as needed ("10.275", "92"). */
export function points(value: Fixed | null, separator: '.' | ',' = '.'): string | null {
  return value === null ? null : formatDecimal(value, { separator });
}

/** An index: exactly the framework's decimals, as published ("85.00"). */
export function index(compiled: CompiledFramework, value: Fixed | null, separator: '.' | ',' = '.') {
  if (value === null) return null;
  return formatDecimal(value, { decimals: compiled.framework.indexDecimals, separator });
}
