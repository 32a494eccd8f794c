// The rules the assessment pages show before the server is asked: who may do what in
// which state, when a reason is required, which criteria still lack their evidence. The
// server enforces every one of them again; these only let the page say so early.

import { SHEET_STATES, type SheetState } from '#core/assessment/states';
import { type Fixed, parseDecimal } from '#core/framework/index';
import type { Role } from '../api/types';
import type { EntryDraft, TreeRow } from './live';

export const STATE_COLOR: Record<SheetState, string> = {
  draft: 'default',
  submitted: 'blue',
  in_appraisal: 'processing',
  provisional: 'gold',
  explanation: 'orange',
  final: 'cyan',
  published: 'green',
};

/** The unit may still change its self-assessment (before submission, or after the appraiser reopened it). */
export const selfEditable = (state: SheetState): boolean => state === 'draft';

/** Only the unit's head (chairman) submits, and only a draft. */
export function canSubmit(roles: readonly Role[], state: SheetState): boolean {
  return roles.includes('unit_head') && state === 'draft';
}

/** The unit's own people write its self-assessment: its head and its officers. */
export function canWriteSelf(roles: readonly Role[], state: SheetState): boolean {
  return selfEditable(state) && (roles.includes('unit_head') || roles.includes('unit_officer'));
}

/** The appraiser sets appraised points while the sheet is submitted or in appraisal. */
export function canAppraise(roles: readonly Role[], state: SheetState): boolean {
  return roles.includes('appraiser') && (state === 'submitted' || state === 'in_appraisal');
}

/** The unit contests criteria while its provisional result is open for explanation. */
export function canExplain(roles: readonly Role[], state: SheetState): boolean {
  return (
    (roles.includes('unit_head') || roles.includes('unit_officer')) &&
    (state === 'provisional' || state === 'explanation')
  );
}

/** True when the state has reached `target` (or gone past it). */
export function reached(state: SheetState, target: SheetState): boolean {
  return SHEET_STATES.indexOf(state) >= SHEET_STATES.indexOf(target);
}

/** Two decimal strings (or typed texts) hold the same points ("1.5" equals "1,50"). */
export function samePoints(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = a ? parseDecimal(a.trim()) : null;
  const y = b ? parseDecimal(b.trim()) : null;
  return x !== null && y !== null && x === y;
}

export type AppraisalProblem = 'not_a_number' | 'above_max' | 'below_zero' | 'reason_required' | null;

/** What stops an appraised value from being saved: it must be points within 0..max, with a reason when it differs from the self points. */
export function appraisalProblem(
  maxPoints: Fixed,
  selfPoints: string | null,
  appraised: string,
  reason: string,
): AppraisalProblem {
  const points = parseDecimal(appraised.trim());
  if (points === null) return 'not_a_number';
  if (points < 0) return 'below_zero';
  if (points > maxPoints) return 'above_max';
  if (!samePoints(selfPoints, appraised) && reason.trim() === '') return 'reason_required';
  return null;
}

/** An override of a KPI pre-fill needs a reason the appraiser will read. */
export function overrideNeedsReason(entry: EntryDraft | undefined, reason: string): boolean {
  return entry?.prefill !== null && entry?.prefill !== undefined && entry.override && reason.trim() === '';
}

/**
 * The criteria that will be refused at submission for missing evidence, as far as the page
 * can tell: a criterion the framework asks evidence for, scored by a person (a KPI
 * criterion's snapshot is its evidence unless overridden), with a value and no file.
 * The server's own list (`missingEvidence`) wins when it gives one.
 */
export function missingEvidence(
  leaves: readonly TreeRow[],
  drafts: Readonly<Record<string, EntryDraft>>,
  files: Readonly<Record<string, number>>,
): string[] {
  return leaves
    .filter((leaf) => {
      if (leaf.evidence.length === 0) return false;
      const entry = drafts[leaf.code];
      const kpiCovered = leaf.kpi !== null && entry?.prefill && !entry.override;
      if (kpiCovered) return false;
      return (files[leaf.code] ?? 0) === 0;
    })
    .map((leaf) => leaf.code);
}

/** The days left before a date (yyyy-mm-dd), counted from `today` (yyyy-mm-dd); negative once past. */
export function daysLeft(due: string, today: string): number {
  const a = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
  const b = Date.UTC(Number(due.slice(0, 4)), Number(due.slice(5, 7)) - 1, Number(due.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}
