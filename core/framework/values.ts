// The values a unit is scored on, as callers hold them: points, a level's label, an
// exact rate or a count, per criterion code; and reading them from a scores file.

import { foldText } from '../text';
import { fail, ok, type Parsed } from './checked';
import type { CompiledFramework } from './compile';
import { INPUT } from './compile';
import { type Fixed, parseDecimal } from './fixed';
import { parseRate, type Rate, rateFromPercent, rateOf } from './rate';

/** A KPI value: an exact rate or a whole count. "No data" is null, never 0. */
export type KpiValue =
  | { readonly kind: 'rate'; readonly rate: Rate }
  | { readonly kind: 'count'; readonly count: number };

/**
 * A value for one node. `points` may be given at any level: the node is then taken as
 * given and its children are not needed (for a computed leaf, it replaces the KPI).
 * `choice` names a level of a `lua_chon` leaf. `rate` and `count` feed a computed leaf.
 */
export type NodeInput =
  | KpiValue
  | { readonly kind: 'points'; readonly points: Fixed }
  | { readonly kind: 'choice'; readonly label: string };

/** The KPI value numerator / denominator; null (no data) when the denominator is 0. */
export function kpiRate(numerator: number, denominator: number): KpiValue | null {
  const rate = rateOf(numerator, denominator);
  return rate === null ? null : { kind: 'rate', rate };
}

/** A KPI value given as a percent, such as a survey index (`fixed('82.35')`). */
export function kpiPercent(percent: Fixed): KpiValue {
  return { kind: 'rate', rate: rateFromPercent(percent) };
}

export function kpiCount(count: number): KpiValue {
  return { kind: 'count', count };
}

/**
 * Reads a value typed in a scores file for the node `code`: points for a parent or a
 * manual leaf, a level's label or points for `lua_chon`, a percent or "n/d" for a rate
 * leaf, a whole number for a count leaf. An empty cell is null (no value); so is "0/0".
 */
const POINTS_SUFFIX = /^([\d.,]+)\s*(d|diem)$/;

export function parseNodeValue(
  compiled: CompiledFramework,
  code: string,
  text: string,
): Parsed<NodeInput | null> {
  const i = compiled.position.get(code);
  if (i === undefined) return fail(`Không có tiêu chí mã ${code}`);
  const trimmed = text.trim();
  if (trimmed === '') return ok(null);
  // "2đ" / "2 điểm" is points for any node, also a computed leaf whose column else holds its KPI.
  const explicit = POINTS_SUFFIX.exec(foldText(trimmed));
  if (explicit) {
    const points = parseDecimal(explicit[1] ?? '');
    return points === null
      ? fail(`${code}: "${text}" không phải là số điểm`)
      : ok({ kind: 'points', points });
  }
  const leaf = compiled.leaf[i] === 1;
  const kind = leaf ? compiled.input[i] : INPUT.points;
  if (kind === INPUT.rate) {
    const rate = parseRate(trimmed);
    if (!rate.ok) return fail(`${code}: ${rate.message}`);
    return ok(rate.value === null ? null : { kind: 'rate', rate: rate.value });
  }
  if (kind === INPUT.count) {
    if (!/^\d+$/.test(trimmed)) return fail(`${code}: "${text}" không phải là số lần (số nguyên không âm)`);
    return ok(kpiCount(Number(trimmed)));
  }
  const levels = leaf ? compiled.methods[i].levelPoints : undefined;
  if (levels && levels(trimmed, compiled.params[i]) !== null) return ok({ kind: 'choice', label: trimmed });
  const points = parseDecimal(trimmed);
  if (points === null) return fail(`${code}: "${text}" không phải là số điểm`);
  return ok({ kind: 'points', points });
}
