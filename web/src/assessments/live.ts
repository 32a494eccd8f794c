// What the self-assessment page computes in the browser while the officer types: the
// criteria tree of the round's framework, each criterion's value as the engine reads it,
// and the live total, index and projected band — every number from core/ (the scoring
// engine through the projection), never recomputed here.

import {
  type CompiledFramework,
  type CriterionJson,
  compileFramework,
  type Fixed,
  type FrameworkJson,
  findMethod,
  formatDecimal,
  kpiDefinition,
  type NodeInput,
  parseDecimal,
  parseFrameworkJson,
  ratePercent,
} from '#core/framework/index';
import { projectUnit } from '#core/projection/index';

/** A KPI value as the server snapshots it from the registers: an exact rate or a count. */
export type KpiSnapshot =
  | { readonly kind: 'rate'; readonly numerator: number; readonly denominator: number }
  | { readonly kind: 'count'; readonly count: number };

/**
 * One criterion's entry as the form holds it. `points` is the text typed ("1,5"), also for
 * a `lua_chon` criterion (its level's points) and for a KPI criterion overridden by hand;
 * `prefill` is the KPI value the server pre-filled; `override` says the typed points replace it.
 */
export interface EntryDraft {
  readonly points: string;
  readonly prefill: KpiSnapshot | null;
  readonly override: boolean;
}

export type EntryDrafts = Readonly<Record<string, EntryDraft>>;

export interface TreeRow {
  readonly key: string;
  readonly code: string;
  readonly name: string;
  readonly depth: number;
  readonly maxPoints: Fixed;
  /** Leaves only: the scoring method code (`thu_cong`, `lua_chon`, `nguong`, …). */
  readonly method: string | null;
  readonly kpi: string | null;
  /** The evidence the framework asks for (tài liệu kiểm chứng). */
  readonly evidence: readonly string[];
  /** For a `lua_chon` leaf, its levels (label and points) in framework order. */
  readonly levels: readonly { label: string; points: Fixed }[];
  readonly children?: readonly TreeRow[];
}

/** The round's framework compiled once, and its tree for the table. */
export interface LiveFramework {
  readonly compiled: CompiledFramework;
  readonly tree: readonly TreeRow[];
  /** Every leaf, framework order. */
  readonly leaves: readonly TreeRow[];
}

/** Reads `Kịp thời:1;Không kịp thời:0.5;Không ban hành:0` into levels; empty when unreadable. */
export function levelsOf(params: string): { label: string; points: Fixed }[] {
  const levels: { label: string; points: Fixed }[] = [];
  for (const part of params.split(';')) {
    const at = part.lastIndexOf(':');
    if (at < 0) continue;
    const points = parseDecimal(part.slice(at + 1).trim());
    const label = part.slice(0, at).trim();
    if (points === null || label === '') continue;
    levels.push({ label, points });
  }
  return levels;
}

function toRow(node: CriterionJson, depth: number, leaves: TreeRow[]): TreeRow {
  const base = {
    key: node.code,
    code: node.code,
    name: node.name,
    depth,
    maxPoints: (parseDecimal(node.maxPoints) ?? 0) as Fixed,
    evidence: node.evidence ?? [],
  };
  if (node.children && node.children.length > 0) {
    return {
      ...base,
      method: null,
      kpi: null,
      levels: [],
      children: node.children.map((child) => toRow(child, depth + 1, leaves)),
    };
  }
  const method = node.method ? (findMethod(node.method)?.code ?? node.method) : null;
  const row: TreeRow = {
    ...base,
    method,
    kpi: node.kpi ?? null,
    levels: method === 'lua_chon' ? levelsOf(node.params ?? '') : [],
  };
  leaves.push(row);
  return row;
}

/** Compiles the framework a round uses; null with the engine's message when it is not valid. */
export function liveFramework(json: FrameworkJson): LiveFramework | { error: string } {
  const read = parseFrameworkJson(json);
  if (!read.ok) return { error: read.errors.map((e) => e.message).join('; ') };
  const compiled = compileFramework(read.value);
  if (!compiled.ok) return { error: compiled.errors.map((e) => e.message).join('; ') };
  const leaves: TreeRow[] = [];
  const tree = json.areas.map((area) => toRow(area, 0, leaves));
  return { compiled: compiled.value, tree, leaves };
}

/** True for a criterion whose value the registers give (a KPI criterion). */
export const isKpiRow = (row: Pick<TreeRow, 'kpi'>): boolean => row.kpi !== null;

/** The value the engine scores for one entry: typed points, else the pre-filled KPI, else nothing. */
export function entryInput(entry: EntryDraft | undefined): NodeInput | null {
  if (!entry) return null;
  const typed = entry.points.trim();
  if (typed !== '' && (entry.override || entry.prefill === null)) {
    const points = parseDecimal(typed);
    return points === null ? null : { kind: 'points', points };
  }
  if (entry.prefill === null) return null;
  if (entry.prefill.kind === 'count') return { kind: 'count', count: entry.prefill.count };
  if (entry.prefill.denominator === 0) return null;
  return {
    kind: 'rate',
    rate: { numerator: entry.prefill.numerator, denominator: entry.prefill.denominator },
  };
}

/** Points typed that are no number ("1,2,3"), or a value the engine refuses (above max, not a level). */
export function entryProblem(
  row: TreeRow,
  entry: EntryDraft | undefined,
): 'not_a_number' | 'above_max' | 'below_zero' | 'not_a_level' | null {
  if (!entry) return null;
  const typed = entry.points.trim();
  if (typed === '' || (!entry.override && entry.prefill !== null)) return null;
  const points = parseDecimal(typed);
  if (points === null) return 'not_a_number';
  if (points < 0) return 'below_zero';
  if (points > row.maxPoints) return 'above_max';
  if (row.levels.length > 0 && !row.levels.some((l) => l.points === points)) return 'not_a_level';
  return null;
}

export interface LiveScore {
  readonly total: Fixed;
  readonly maxPoints: Fixed;
  readonly index: Fixed;
  /** The band the known points earn, even while some criteria are not yet scored. */
  readonly band: string | null;
  /** True when every criterion has a value. */
  readonly complete: boolean;
  /** Leaves still without a value (or with a value the engine refuses). */
  readonly unscored: number;
  /** Points per node code (parents included); null while unknown. */
  readonly points: ReadonlyMap<string, Fixed | null>;
  readonly indexDecimals: number;
}

/** The live total, index and band of the entries as typed, computed by core/. */
export function liveScore(framework: LiveFramework, drafts: EntryDrafts): LiveScore {
  const entries: Record<string, NodeInput | null> = {};
  for (const leaf of framework.leaves) {
    const entry = drafts[leaf.code];
    const input = entryInput(entry);
    if (input === null) continue;
    if (entry && entryProblem(leaf, entry) !== null) continue;
    entries[leaf.code] = input;
  }
  const projection = projectUnit(framework.compiled, { entries });
  const points = new Map<string, Fixed | null>();
  for (const node of projection.engine.nodes) {
    points.set(node.code, node.points);
  }
  return {
    total: projection.total,
    maxPoints: projection.maxPoints,
    index: projection.index,
    band: projection.band,
    complete: projection.complete,
    unscored: projection.unscored.length,
    points,
    indexDecimals: framework.compiled.framework.indexDecimals,
  };
}

/** "12,5" in Vietnamese, "12.5" in English; `decimals` fixes the number of decimals. */
export function showPoints(value: Fixed | null | undefined, lang: string, decimals?: number): string {
  if (value === null || value === undefined) return '—';
  return formatDecimal(value, {
    separator: lang === 'en' ? '.' : ',',
    ...(decimals === undefined ? {} : { decimals }),
  });
}

/** Points for a table or a summary: at most 2 decimals ("61,39", "1", "0,5"); the drawers show them exact. */
export function showShort(value: Fixed | null | undefined, lang: string): string {
  if (value === null || value === undefined) return '—';
  const text = showPoints(value, lang, 2);
  return /[.,]/.test(text) ? text.replace(/0+$/, '').replace(/[.,]$/, '') : text;
}

/** A decimal string from the API ("12.5") shown the same way. */
export function showDecimal(value: string | null | undefined, lang: string, decimals?: number): string {
  if (value === null || value === undefined || value === '') return '—';
  const parsed = parseDecimal(value);
  return parsed === null ? value : showPoints(parsed, lang, decimals);
}

/** A decimal string from the API at most 2 decimals, as `showShort`. */
export function shortDecimal(value: string | null | undefined, lang: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const parsed = parseDecimal(value);
  return parsed === null ? value : showShort(parsed, lang);
}

/** A KPI snapshot as people read it: "7/12 (58,33%)" or "3". */
export function showSnapshot(snapshot: KpiSnapshot | null, lang: string): string {
  if (snapshot === null) return '—';
  if (snapshot.kind === 'count') return String(snapshot.count);
  if (snapshot.denominator === 0) return `${snapshot.numerator}/0`;
  const percent = ratePercent({ numerator: snapshot.numerator, denominator: snapshot.denominator });
  return `${snapshot.numerator}/${snapshot.denominator} (${showPoints(percent, lang, 2)}%)`;
}

/** A KPI's name in the page's language; its key when the catalogue does not know it. */
export function kpiName(key: string, lang: string): string {
  const definition = kpiDefinition(key);
  if (!definition) return key;
  return lang === 'en' ? definition.nameEn : definition.nameVi;
}
