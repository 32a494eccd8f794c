import {
  allowedActions,
  appraisedValues,
  type EntryData,
  type Facts,
  isOverridden,
  leavesOf,
  type NodeInputJson,
  type PrefillSnapshot,
  type Problem,
  pointsByCode,
  SHEET_ACTIONS,
  type SheetAction,
  type SheetState,
  scoreValues,
  selfValues,
  sheetProblems,
  type Totals,
  totalsJson,
} from '#core/assessment/index';
import { formatDecimal, frameworkToJson, parseDecimal } from '#core/framework/index';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { presentFile } from '../files/service';
import { baseFacts, type SheetContext, todayOf } from './access';
import * as q from './queries';
import { type PublishedResult, presentResults } from './results';
import { presentRound, type RoundSummary } from './rounds';

export interface SheetData {
  entries: q.EntryRow[];
  evidence: Awaited<ReturnType<typeof q.evidenceOf>>;
  explanations: Awaited<ReturnType<typeof q.explanationsOf>>;
}

export async function loadSheetData(db: Db, sheetId: number): Promise<SheetData> {
  // In turn: `db` may be a transaction, whose one connection takes one query at a time.
  const entries = await q.entriesOf(db, [sheetId]);
  const evidence = await q.evidenceOf(db, [sheetId]);
  const explanations = await q.explanationsOf(db, [sheetId]);
  return { entries, evidence, explanations };
}

/** A stored decimal ("1.500000") as the API writes it ("1.5"). */
export const decimalText = (value: string | null): string | null => {
  if (value === null) return null;
  const parsed = parseDecimal(value);
  return parsed === null ? value : formatDecimal(parsed);
};

/** The entries as core/assessment reads them. */
export function entryData(entries: readonly q.EntryRow[], evidence: SheetData['evidence']): EntryData[] {
  const selfFiles = new Map<string, number>();
  for (const e of evidence) if (e.stage === 'self') selfFiles.set(e.code, (selfFiles.get(e.code) ?? 0) + 1);
  return entries.map((e) => ({
    code: e.code,
    input: e.selfInput,
    prefill: e.prefill,
    overrideReason: e.overrideReason,
    selfFiles: selfFiles.get(e.code) ?? 0,
    appraisedPoints: decimalText(e.appraisedPoints),
  }));
}

/** A criterion returned for evidence and not answered since. */
export const openReturn = (e: Pick<q.EntryRow, 'returnedAt' | 'returnAnsweredAt'>) =>
  e.returnedAt !== null && (e.returnAnsweredAt === null || e.returnAnsweredAt < e.returnedAt);

export interface Evaluation {
  self: ReturnType<typeof scoreValues>;
  appraised: ReturnType<typeof scoreValues>;
  problems: Problem[];
  facts: Facts;
}

/** The sheet scored by the engine (self and appraised) and the facts the workflow asks for. */
export function evaluateSheet(ctx: AppContext, sc: SheetContext, data: SheetData): Evaluation {
  const entries = entryData(data.entries, data.evidence);
  const self = scoreValues(sc.compiled, selfValues(entries));
  const appraised = scoreValues(sc.compiled, appraisedValues(entries));
  const problems = sheetProblems(sc.compiled, entries, self);
  const unappraised =
    appraised.result.pending.length + appraised.result.errors.length + appraised.inputErrors.length;
  return {
    self,
    appraised,
    problems,
    facts: {
      ...baseFacts(ctx, sc.round, sc.sheet),
      problems: problems.length,
      unappraised: appraised.result.complete ? 0 : Math.max(unappraised, 1),
      openReturns: data.entries.filter(openReturn).length,
      pendingExplanations: data.explanations.filter((x) => x.status === 'pending').length,
    },
  };
}

/** States in which the unit sees the appraiser's points (from the provisional result on). */
export const APPRAISAL_VISIBLE: readonly SheetState[] = ['provisional', 'explanation', 'final', 'published'];

export interface EntryJson {
  code: string;
  name: string;
  maxPoints: string;
  method: string;
  kpi: string | null;
  role: 'score' | 'bonus' | 'deduction';
  areaCode: string;
  evidenceRequired: string[];
  input: NodeInputJson | null;
  selfPoints: string | null;
  comment: string | null;
  prefill: PrefillSnapshot | null;
  overridden: boolean;
  overrideReason: string | null;
  files: (ReturnType<typeof presentFile> & { stage: 'self' | 'return' | 'explanation' })[];
  appraisedPoints: string | null;
  appraisalReason: string | null;
  returned: {
    note: string;
    at: string;
    answer: string | null;
    answeredAt: string | null;
    open: boolean;
  } | null;
  explanation: {
    text: string;
    status: 'pending' | 'accepted' | 'rejected';
    previousPoints: string | null;
    newPoints: string | null;
    answer: string | null;
    createdAt: string;
    answeredAt: string | null;
  } | null;
  problems: Problem[];
}

export interface SheetJson {
  id: number;
  state: SheetState;
  reopened: boolean;
  openedAt: string | null;
  submittedAt: string | null;
  provisionalAt: string | null;
  finalAt: string | null;
  publishedAt: string | null;
  today: string;
  round: RoundSummary;
  unit: { id: number; name: string; code: string };
  framework: ReturnType<typeof frameworkToJson>;
  can: Record<SheetAction, boolean>;
  entries: EntryJson[];
  self: Totals;
  appraised: Totals | null;
  problems: Problem[];
  result: PublishedResult | null;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export async function sheetJson(ctx: AppContext, sc: SheetContext, data: SheetData): Promise<SheetJson> {
  const { sheet, round, actor, compiled } = sc;
  const evaluation = evaluateSheet(ctx, sc, data);
  const showAppraisal = actor.appraiser || APPRAISAL_VISIBLE.includes(sheet.state);
  const allowed = new Set(allowedActions(sheet.state, actor, evaluation.facts));
  const can = Object.fromEntries(SHEET_ACTIONS.map((a) => [a, allowed.has(a)])) as Record<
    SheetAction,
    boolean
  >;
  const selfPoints = pointsByCode(evaluation.self.result);
  const byCode = new Map(data.entries.map((e) => [e.code, e]));
  const explanationOf = new Map(data.explanations.map((x) => [x.code, x]));
  const problemsOf = new Map<string, Problem[]>();
  for (const p of evaluation.problems) problemsOf.set(p.code, [...(problemsOf.get(p.code) ?? []), p]);
  const entries = leavesOf(compiled.framework).map((leaf): EntryJson => {
    const e = byCode.get(leaf.code);
    const x = explanationOf.get(leaf.code);
    return {
      code: leaf.code,
      name: leaf.name,
      maxPoints: formatDecimal(leaf.maxPoints),
      method: leaf.method,
      kpi: leaf.kpi,
      role: leaf.role,
      areaCode: leaf.areaCode,
      evidenceRequired: [...leaf.evidence],
      input: e?.selfInput ?? null,
      selfPoints: e?.selfInput ? (selfPoints.get(leaf.code) ?? null) : null,
      comment: e?.comment ?? null,
      prefill: e?.prefill ?? null,
      overridden: e ? isOverridden({ input: e.selfInput, prefill: e.prefill }) : false,
      overrideReason: e?.overrideReason ?? null,
      files: data.evidence
        .filter((f) => f.code === leaf.code)
        .map((f) => ({ ...presentFile(f), stage: f.stage })),
      appraisedPoints: showAppraisal ? decimalText(e?.appraisedPoints ?? null) : null,
      appraisalReason: showAppraisal ? (e?.appraisalReason ?? null) : null,
      returned:
        e?.returnedAt && e.returnNote !== null
          ? {
              note: e.returnNote,
              at: e.returnedAt.toISOString(),
              answer: e.returnAnswer,
              answeredAt: iso(e.returnAnsweredAt),
              open: openReturn(e),
            }
          : null,
      explanation: x
        ? {
            text: x.text,
            status: x.status,
            previousPoints: decimalText(x.previousPoints),
            newPoints: decimalText(x.newPoints),
            answer: x.answer,
            createdAt: x.createdAt.toISOString(),
            answeredAt: iso(x.answeredAt),
          }
        : null,
      problems: problemsOf.get(leaf.code) ?? [],
    };
  });
  const results =
    sheet.state === 'published'
      ? await presentResults(
          ctx.db,
          await q.resultVersions(ctx.db, { roundIds: [round.id], unitIds: [sheet.unitId] }),
        )
      : [];
  return {
    id: sheet.id,
    state: sheet.state,
    reopened: sheet.reopened,
    openedAt: iso(sheet.openedAt),
    submittedAt: iso(sheet.submittedAt),
    provisionalAt: iso(sheet.provisionalAt),
    finalAt: iso(sheet.finalAt),
    publishedAt: iso(sheet.publishedAt),
    today: todayOf(ctx),
    round: await presentRound(ctx.db, round, {
      appraiser: actor.appraiser,
      ownSheetId: sc.own ? sheet.id : null,
      ownState: sc.own ? sheet.state : null,
    }),
    unit: { id: sheet.unitId, name: sheet.unitName, code: sheet.unitCode },
    framework: frameworkToJson(compiled.framework),
    can,
    entries,
    self: totalsJson(compiled, evaluation.self.result),
    appraised: showAppraisal ? totalsJson(compiled, evaluation.appraised.result) : null,
    problems: evaluation.problems,
    result: results[0] ?? null,
  };
}
