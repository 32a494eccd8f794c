// A unit's sheet as data: its values per criterion (as JSON), the KPI pre-fill and the
// numbers behind it, and what the scoring engine makes of them — the self result, the
// appraised result, and what still blocks a submission, criterion by criterion.

import {
  buildInputs,
  type CompiledFramework,
  type Criterion,
  type Fixed,
  type Framework,
  formatDecimal,
  isParent,
  type NodeInput,
  nodeRole,
  parseDecimal,
  scoreUnit,
  type UnitResult,
} from '../framework/index';
import type { CountResult, RateResult } from '../kpi/result';
import { toKpiValue } from '../projection/project';
import type { Period } from '../time/period';
import { canonicalJson } from './audit-chain';

/** A criterion's value as the API and the database hold it (decimals as strings). */
export type NodeInputJson =
  | { readonly kind: 'points'; readonly points: string }
  | { readonly kind: 'choice'; readonly label: string }
  | { readonly kind: 'rate'; readonly numerator: number; readonly denominator: number }
  | { readonly kind: 'count'; readonly count: number };

/** The engine's value for a JSON one; null when it cannot be read. */
export function inputFromJson(json: NodeInputJson): NodeInput | null {
  switch (json.kind) {
    case 'points': {
      const points = parseDecimal(json.points);
      return points === null ? null : { kind: 'points', points };
    }
    case 'choice':
      return { kind: 'choice', label: json.label };
    case 'rate':
      return { kind: 'rate', rate: { numerator: json.numerator, denominator: json.denominator } };
    case 'count':
      return { kind: 'count', count: json.count };
  }
}

export function inputToJson(input: NodeInput): NodeInputJson {
  switch (input.kind) {
    case 'points':
      return { kind: 'points', points: formatDecimal(input.points) };
    case 'choice':
      return { kind: 'choice', label: input.label };
    case 'rate':
      return { kind: 'rate', numerator: input.rate.numerator, denominator: input.rate.denominator };
    case 'count':
      return { kind: 'count', count: input.count };
  }
}

/** Two values are the same value (points compared as decimals: "1.50" is "1.5"). */
export function sameInput(a: NodeInputJson | null, b: NodeInputJson | null): boolean {
  const norm = (x: NodeInputJson | null) => {
    if (x === null) return 'null';
    const input = inputFromJson(x);
    return canonicalJson(input ? inputToJson(input) : x);
  };
  return norm(a) === norm(b);
}

/**
 * The numbers behind a pre-filled KPI criterion, kept with the entry as its evidence:
 * the KPI, its exact value, the period it was computed over and when.
 */
export interface PrefillSnapshot {
  readonly kpi: string;
  /** The value the criterion was filled with; null when the KPI had no data. */
  readonly input: NodeInputJson | null;
  /** The points that value scores, as the engine gives them. */
  readonly points: string | null;
  /** Percent for a rate (exact to 6 decimals, "85.5"), the count for a count; null: no data. */
  readonly value: string | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly period: { readonly from: string; readonly to: string };
  readonly computedAt: string;
}

/** One criterion of a sheet, as stored. */
export interface EntryData {
  readonly code: string;
  readonly input: NodeInputJson | null;
  readonly prefill: PrefillSnapshot | null;
  readonly overrideReason: string | null;
  /** Evidence files the unit attached to it at self-assessment. */
  readonly selfFiles: number;
  readonly appraisedPoints: string | null;
}

/** The unit's value differs from the pre-fill. */
export function isOverridden(entry: Pick<EntryData, 'input' | 'prefill'>): boolean {
  return entry.prefill !== null && !sameInput(entry.input, entry.prefill.input);
}

export interface Leaf {
  readonly code: string;
  readonly name: string;
  readonly maxPoints: Fixed;
  readonly method: string;
  readonly kpi: string | null;
  readonly evidence: readonly string[];
  readonly role: 'score' | 'bonus' | 'deduction';
  readonly areaCode: string;
}

/** Every leaf criterion, in framework order. */
export function leavesOf(framework: Framework): Leaf[] {
  const out: Leaf[] = [];
  const visit = (node: Criterion, area: string) => {
    if (isParent(node)) {
      for (const child of node.children) visit(child, area);
      return;
    }
    out.push({
      code: node.code,
      name: node.name,
      maxPoints: node.maxPoints,
      method: node.method,
      kpi: node.kpi ?? null,
      evidence: node.evidence,
      role: nodeRole(node) ?? 'score',
      areaCode: area,
    });
  };
  for (const area of framework.areas) visit(area, area.code);
  return out;
}

export type ProblemKind = 'missing_value' | 'missing_evidence' | 'missing_reason' | 'invalid';

export interface Problem {
  readonly code: string;
  readonly kind: ProblemKind;
  /** Vietnamese. */
  readonly message: string;
}

/** The engine's values for the unit's own entries. */
export function selfValues(entries: readonly EntryData[]): Record<string, NodeInput> {
  const values: Record<string, NodeInput> = {};
  for (const entry of entries) {
    const input = entry.input ? inputFromJson(entry.input) : null;
    if (input) values[entry.code] = input;
  }
  return values;
}

/** The engine's values for the appraised points. */
export function appraisedValues(entries: readonly EntryData[]): Record<string, NodeInput> {
  const values: Record<string, NodeInput> = {};
  for (const entry of entries) {
    const points = entry.appraisedPoints === null ? null : parseDecimal(entry.appraisedPoints);
    if (points !== null) values[entry.code] = { kind: 'points', points };
  }
  return values;
}

/** Scores values on the framework: the engine's result and the values it could not take. */
export function scoreValues(
  compiled: CompiledFramework,
  values: Record<string, NodeInput>,
): { result: UnitResult; inputErrors: { node: string; message: string }[] } {
  const { inputs, errors } = buildInputs(compiled, { values });
  return {
    result: scoreUnit(compiled, inputs),
    inputErrors: errors.map((e) => ({ node: e.node, message: e.message })),
  };
}

/**
 * What blocks a submission, criterion by criterion: a criterion to be scored with no value
 * (an optional area with no value at all is not assessed and needs none); a value the
 * engine refuses; points above 0 without the evidence the framework asks for (a KPI
 * criterion left at its pre-fill has the snapshot as evidence); a pre-fill overridden
 * without a reason.
 */
export function sheetProblems(
  compiled: CompiledFramework,
  entries: readonly EntryData[],
  result = scoreValues(compiled, selfValues(entries)),
): Problem[] {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const problems: Problem[] = [];
  const nodeOf = new Map(result.result.nodes.map((n) => [n.code, n]));
  for (const error of result.inputErrors) {
    problems.push({ code: error.node, kind: 'invalid', message: error.message });
  }
  for (const error of result.result.errors) {
    if (error.node) problems.push({ code: error.node, kind: 'invalid', message: error.message });
  }
  for (const leaf of leavesOf(compiled.framework)) {
    const node = nodeOf.get(leaf.code);
    const entry = byCode.get(leaf.code);
    if (!node || node.status === 'absent' || node.status === 'covered') continue;
    if (node.status === 'pending') {
      const noData = entry?.prefill && entry.prefill.input === null && entry.input === null;
      problems.push({
        code: leaf.code,
        kind: 'missing_value',
        message: noData
          ? `${leaf.code}: chỉ tiêu ${leaf.kpi} không có dữ liệu trong năm, cần tự chấm điểm`
          : `${leaf.code}: chưa có điểm tự đánh giá`,
      });
      continue;
    }
    if (!entry) continue;
    if (isOverridden(entry) && !entry.overrideReason?.trim()) {
      problems.push({
        code: leaf.code,
        kind: 'missing_reason',
        message: `${leaf.code}: giá trị khác số liệu tự động từ sổ theo dõi, cần ghi lý do`,
      });
    }
    const scoredAbove0 = node.points !== null && node.points > 0;
    const snapshotCovers = entry.prefill !== null && entry.prefill.input !== null && !isOverridden(entry);
    if (leaf.role !== 'deduction' && leaf.evidence.length > 0 && scoredAbove0 && entry.selfFiles === 0) {
      if (!snapshotCovers) {
        problems.push({
          code: leaf.code,
          kind: 'missing_evidence',
          message: `${leaf.code}: thiếu tài liệu kiểm chứng (${leaf.evidence.join('; ')})`,
        });
      }
    }
  }
  const order = new Map(compiled.codes.map((c, i) => [c, i]));
  return problems.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
}

export interface AreaTotals {
  readonly code: string;
  readonly name: string;
  readonly points: string | null;
  readonly max: string;
  readonly index: string | null;
}

export interface Totals {
  readonly total: string;
  readonly maxPoints: string;
  readonly index: string;
  readonly band: string | null;
  readonly complete: boolean;
  readonly areas: readonly AreaTotals[];
}

/** A result as the API writes it: decimals as strings, indexes with the framework's decimals. */
export function totalsJson(compiled: CompiledFramework, result: UnitResult): Totals {
  const decimals = compiled.framework.indexDecimals;
  return {
    total: formatDecimal(result.total),
    maxPoints: formatDecimal(result.maxPoints),
    index: formatDecimal(result.index, { decimals }),
    band: result.band,
    complete: result.complete,
    areas: result.areas.map((a) => ({
      code: a.code,
      name: a.name,
      points: a.points === null ? null : formatDecimal(a.points),
      max: formatDecimal(a.maxPoints),
      index: a.index === null ? null : formatDecimal(a.index, { decimals }),
    })),
  };
}

/** Each node's points as the engine gives them (null when unknown), by code. */
export function pointsByCode(result: UnitResult): Map<string, string | null> {
  return new Map(result.nodes.map((n) => [n.code, n.points === null ? null : formatDecimal(n.points)]));
}

/** A KPI as the registers give it. */
export type KpiReading = RateResult | CountResult | null;

const isRate = (r: RateResult | CountResult): r is RateResult => 'denominator' in r;

/**
 * Issue 8: the pre-fill of every leaf that reads a KPI, from the KPIs of the round's year:
 * its value (the KPI as the engine reads it), the points it scores and the numbers behind it.
 * A KPI with no data (0 / 0, or not computed) leaves the criterion to be scored by hand.
 */
export function prefillFor(
  compiled: CompiledFramework,
  kpis: Readonly<Record<string, KpiReading>>,
  period: Period,
  computedAt: string,
): { code: string; input: NodeInputJson | null; snapshot: PrefillSnapshot }[] {
  const leaves = leavesOf(compiled.framework).filter((l) => l.kpi !== null);
  const values: Record<string, NodeInput> = {};
  const read = leaves.map((leaf) => {
    const reading = kpis[leaf.kpi as string] ?? null;
    const value = reading === null ? null : toKpiValue(reading);
    const input = value === null || value === 'bad' ? null : value;
    if (input) values[leaf.code] = input;
    return { leaf, reading, input };
  });
  const points = pointsByCode(scoreValues(compiled, values).result);
  return read.map(({ leaf, reading, input }) => {
    const json = input ? inputToJson(input) : null;
    const rate = reading && isRate(reading) ? reading : null;
    let value: string | null = null;
    if (input?.kind === 'rate') {
      const scaled = Math.round((input.rate.numerator * 100 * 1_000_000) / input.rate.denominator);
      value = formatDecimal(scaled as Fixed);
    } else if (input?.kind === 'count') value = String(input.count);
    return {
      code: leaf.code,
      input: json,
      snapshot: {
        kpi: leaf.kpi as string,
        input: json,
        points: json ? (points.get(leaf.code) ?? null) : null,
        value,
        numerator: rate ? rate.numerator : null,
        denominator: rate ? rate.denominator : null,
        period: { from: period.from, to: period.to },
        computedAt,
      },
    };
  });
}
