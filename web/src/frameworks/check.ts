// The live check of the editor: the core's parseFrameworkJson on the draft as typed,
// each error tied to the node (by key) or the setting it is about, and each parent's
// sum of children as the core counts it.

import {
  childrenMaxPoints,
  type Fixed,
  type FrameworkError,
  type FrameworkField,
  parseDecimal,
  parseFrameworkJson,
} from '#core/framework/index';
import { type Draft, type DraftNode, draftToJson, flatten, nodeAtPath, toCriterion } from './draft';

export interface PlacedError {
  readonly error: FrameworkError;
  /** The node the error is about, or null when it is about the framework's settings. */
  readonly key: string | null;
  readonly field: FrameworkField | null;
}

export interface LiveCheck {
  readonly errors: readonly PlacedError[];
  readonly byNode: ReadonlyMap<string, readonly PlacedError[]>;
  /** Per parent: the sum of its children's maxima that count towards it, null while one is no number. */
  readonly sums: ReadonlyMap<string, Fixed | null>;
  /** Parents whose maximum is not the sum of their children's (the core's `parent_sum_mismatch`). */
  readonly mismatched: ReadonlySet<string>;
}

const SETTINGS_FIELDS: ReadonlySet<string> = new Set([
  'year',
  'level',
  'name',
  'bands',
  'indexDecimals',
  'tieBreak',
]);

function place(
  error: FrameworkError,
  draft: Draft,
  keysByCode: ReadonlyMap<string, string[]>,
): PlacedError[] {
  if (error.code === 'bad_shape') {
    // "areas.0.children.1.maxPoints: Không phải là số thập phân" — the path of the zod issue.
    const path = error.message.slice(0, error.message.indexOf(':')).split('.');
    const node = nodeAtPath(draft.areas, path);
    const last = path[path.length - 1] ?? '';
    const field = (node ? last : path[0]) as FrameworkField;
    return [{ error, key: node?.key ?? null, field }];
  }
  const field = error.field ?? null;
  if (error.node === undefined || field === 'tieBreak') return [{ error, key: null, field }];
  const keys = keysByCode.get(error.node) ?? [];
  if (keys.length === 0) return [{ error, key: null, field }];
  return keys.map((key) => ({ error, key, field }));
}

function childrenSum(node: DraftNode): Fixed | null {
  if (node.children.some((child) => parseDecimal(child.maxPoints) === null)) return null;
  return childrenMaxPoints(node.children.map(toCriterion));
}

export function liveCheck(draft: Draft): LiveCheck {
  const nodes = flatten(draft.areas);
  const keysByCode = new Map<string, string[]>();
  for (const node of nodes) keysByCode.set(node.code, [...(keysByCode.get(node.code) ?? []), node.key]);

  const parsed = parseFrameworkJson(draftToJson(draft));
  const placed = parsed.ok ? [] : parsed.errors.flatMap((error) => place(error, draft, keysByCode));
  // One entry per error in the list (an error on a duplicated code marks both nodes).
  const errors = placed.filter((p, i) => i === 0 || placed[i - 1]?.error !== p.error);
  const byNode = new Map<string, PlacedError[]>();
  const mismatched = new Set<string>();
  for (const p of placed) {
    if (p.key === null) continue;
    byNode.set(p.key, [...(byNode.get(p.key) ?? []), p]);
    if (p.error.code === 'parent_sum_mismatch') mismatched.add(p.key);
  }
  const sums = new Map<string, Fixed | null>();
  for (const node of nodes) if (node.children.length > 0) sums.set(node.key, childrenSum(node));
  return { errors, byNode, sums, mismatched };
}

/** True when the error is about the settings tab (name, bands, decimals, tie-break). */
export function isSettingsError(p: PlacedError): boolean {
  return p.key === null && p.field !== null && SETTINGS_FIELDS.has(p.field);
}
