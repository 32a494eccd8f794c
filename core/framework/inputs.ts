// A unit's values laid out for scoring: one slot per node, in the order the hot loop
// reads them (see slots.ts). Build them once per unit from codes and KPIs.

import { type CompiledFramework, INPUT } from './compile';
import { type Fixed, formatDecimal } from './fixed';
import type { KpiKey } from './kpi';
import { isParent } from './model';
import { ratePercent } from './rate';
import type { KpiValue, NodeInput } from './values';

/**
 * One unit's values, by slot (`CompiledFramework.slot[position]`). `kind` is an `INPUT`
 * code; `value` holds points, a rate's numerator or a count; `denominator` a rate's
 * denominator, else 1. Write them with `buildInputs` or `setInput` only.
 */
export interface UnitInputs {
  readonly kind: Uint8Array;
  readonly value: Float64Array;
  readonly denominator: Float64Array;
}

export interface UnitData {
  /** Values by criterion code; null records "no data". They win over KPIs. */
  readonly values?: Readonly<Record<string, NodeInput | null>>;
  /** KPI values by key, e.g. from core/kpi; null is "no data". Keys no criterion reads are ignored. */
  readonly kpis?: Readonly<Partial<Record<KpiKey | (string & {}), KpiValue | null>>>;
}

export type InputErrorCode = 'unknown_node' | 'wrong_input' | 'unknown_level' | 'bad_value';

export interface InputError {
  readonly code: InputErrorCode;
  readonly node: string;
  /** Vietnamese. */
  readonly message: string;
}

/** A unit with no value anywhere yet. */
export function emptyInputs(compiled: CompiledFramework): UnitInputs {
  const size = compiled.size;
  return {
    kind: new Uint8Array(size),
    value: new Float64Array(size),
    denominator: new Float64Array(size).fill(1),
  };
}

/** Lays out a unit's KPIs, then its values; every one that does not fit its node is reported. */
export function buildInputs(
  compiled: CompiledFramework,
  data: UnitData,
): { readonly inputs: UnitInputs; readonly errors: readonly InputError[] } {
  const inputs = emptyInputs(compiled);
  const errors: InputError[] = [];
  const kpis = data.kpis ?? {};
  compiled.nodes.forEach((node, i) => {
    if (isParent(node) || !node.kpi || !(node.kpi in kpis)) return;
    const error = setAt(compiled, inputs, i, kpis[node.kpi] ?? null);
    if (error) errors.push({ ...error, message: `${error.message} (chỉ tiêu ${node.kpi})` });
  });
  for (const [code, input] of Object.entries(data.values ?? {})) {
    const error = setInput(compiled, inputs, code, input);
    if (error) errors.push(error);
  }
  return { inputs, errors };
}

/** Sets one node's value in place (null: no data); returns why it does not fit, or null. */
export function setInput(
  compiled: CompiledFramework,
  inputs: UnitInputs,
  code: string,
  input: NodeInput | null,
): InputError | null {
  const i = compiled.position.get(code);
  if (i === undefined) return { code: 'unknown_node', node: code, message: `Không có tiêu chí mã ${code}` };
  return setAt(compiled, inputs, i, input);
}

function setAt(
  c: CompiledFramework,
  inputs: UnitInputs,
  i: number,
  input: NodeInput | null,
): InputError | null {
  const node = c.codes[i];
  const slot = c.slot[i];
  const error = (code: InputErrorCode, message: string): InputError => ({ code, node, message });
  const put = (kind: number, value: number, denominator = 1): null => {
    inputs.kind[slot] = kind;
    inputs.value[slot] = value;
    inputs.denominator[slot] = denominator;
    return null;
  };
  if (input === null) return put(INPUT.noData, 0);
  switch (input.kind) {
    case 'points':
      if (!Number.isSafeInteger(input.points)) return error('bad_value', `Điểm của ${node} không hợp lệ`);
      return put(INPUT.points, input.points);
    case 'choice': {
      const levelPoints = c.leaf[i] === 1 ? c.methods[i].levelPoints : undefined;
      if (!levelPoints)
        return error('wrong_input', `${node} không chấm theo mức nên không chọn được "${input.label}"`);
      const points = levelPoints(input.label, c.params[i]);
      if (points === null)
        return error('unknown_level', `"${input.label}" không phải là một mức của ${node}`);
      return put(INPUT.points, points);
    }
    case 'rate': {
      if (c.input[i] !== INPUT.rate) return error('wrong_input', `${node} không chấm theo tỷ lệ`);
      const { numerator, denominator } = input.rate;
      if (!isCount(numerator) || !isCount(denominator) || denominator === 0) {
        return error('bad_value', `Tỷ lệ của ${node} phải là tử số/mẫu số nguyên không âm, mẫu số khác 0`);
      }
      return put(INPUT.rate, numerator, denominator);
    }
    case 'count':
      if (c.input[i] !== INPUT.count) return error('wrong_input', `${node} không chấm theo số lần`);
      if (!isCount(input.count)) {
        return error('bad_value', `Số lần của ${node} phải là số nguyên không âm (đang là ${input.count})`);
      }
      return put(INPUT.count, input.count);
  }
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** The raw value in a slot, for an error message. */
export function describeValue(inputs: UnitInputs, slot: number): string {
  const kind = inputs.kind[slot];
  const value = inputs.value[slot];
  if (kind === INPUT.rate) {
    const rate = { numerator: value, denominator: inputs.denominator[slot] };
    return `${formatDecimal(ratePercent(rate))}% (${value}/${rate.denominator})`;
  }
  return kind === INPUT.count ? String(value) : formatDecimal(value as Fixed);
}
