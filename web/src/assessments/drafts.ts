// Between the server's entries and the form's drafts: what the officer sees when the page
// opens, and the value sent back when a criterion is saved.

import { type Fixed, formatDecimal, parseDecimal } from '#core/framework/index';
import type { NodeInputJson, SheetEntry } from '../api/assessments';
import type { EntryDraft, EntryDrafts, KpiSnapshot, TreeRow } from './live';

const separatorOf = (lang: string) => (lang === 'en' ? '.' : ',');

/** Points from the API ("1.5") as typed in the form of `lang` ("1,5"). */
export function typedPoints(value: string | null | undefined, lang: string): string {
  if (value === null || value === undefined) return '';
  const parsed = parseDecimal(value);
  return parsed === null ? value : formatDecimal(parsed, { separator: separatorOf(lang) });
}

/** A pre-fill's input as the engine reads it, when it is a KPI value (a rate or a count). */
export function snapshotOf(input: NodeInputJson | null | undefined): KpiSnapshot | null {
  if (!input) return null;
  if (input.kind === 'rate')
    return { kind: 'rate', numerator: input.numerator, denominator: input.denominator };
  if (input.kind === 'count') return { kind: 'count', count: input.count };
  return null;
}

/** The form's starting drafts: the stored value of each criterion, its pre-fill, whether it overrides it. */
export function draftsFromEntries(
  leaves: readonly TreeRow[],
  entries: readonly SheetEntry[],
  lang: string,
): Record<string, EntryDraft> {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const drafts: Record<string, EntryDraft> = {};
  for (const leaf of leaves) {
    const entry = byCode.get(leaf.code);
    const prefill = snapshotOf(entry?.prefill?.input);
    const input = entry?.input ?? null;
    let points = '';
    if (input?.kind === 'points') points = typedPoints(input.points, lang);
    if (input?.kind === 'choice') {
      const level = leaf.levels.find((l) => l.label.toLowerCase() === input.label.toLowerCase());
      points = level ? formatDecimal(level.points, { separator: separatorOf(lang) }) : '';
    }
    const override = prefill !== null && (entry?.overridden ?? false);
    // A criterion scored from a rate or count typed by hand (no pre-fill) shows its value as it stands.
    const own = prefill === null ? snapshotOf(input) : null;
    drafts[leaf.code] = { points, prefill: prefill ?? own, override };
  }
  return drafts;
}

/**
 * The value to store for a criterion: typed points (a level's label for a `lua_chon`
 * criterion), or null for none. A KPI criterion not overridden keeps its pre-filled value.
 */
export function selfInputOf(row: TreeRow, draft: EntryDraft | undefined): NodeInputJson | null {
  if (!draft) return null;
  if (draft.prefill !== null && !draft.override) return draft.prefill;
  const points = parseDecimal(draft.points.trim());
  if (points === null) return null;
  const level = row.levels.find((l) => l.points === points);
  if (level && !row.kpi) return { kind: 'choice', label: level.label };
  return { kind: 'points', points: formatDecimal(points as Fixed) };
}

/** Drafts with one criterion changed. */
export const withDraft = (drafts: EntryDrafts, code: string, change: Partial<EntryDraft>): EntryDrafts => {
  const current = drafts[code] ?? { points: '', prefill: null, override: false };
  return { ...drafts, [code]: { ...current, ...change } };
};
