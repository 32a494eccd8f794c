import {
  appraisedValues,
  type EntryData,
  finalByWindow,
  type PublishedData,
  publishResults,
  SHEET_STATE_LABEL,
  SHEET_STATES,
  type SheetState,
  samePublished,
  scoreValues,
  selfValues,
  type Totals,
  totalsJson,
  transition,
} from '#core/assessment/index';
import { type CompiledFramework, formatDecimal, parseDecimal } from '#core/framework/index';
import { formatVnDate, parseVnDate } from '#core/time/index';
import { UNIT_LEVEL_LABEL_VI, UNIT_LEVELS, type UnitLevel } from '#core/units';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../lib/errors';
import { hasRole } from '../../policy';
import { appendAudit } from '../audit/service';
import type { AuthUser } from '../auth/principal';
import { findFramework } from '../frameworks/queries';
import { notify, usersOfUnits } from '../notifications/service';
import { requireUnitInScope } from '../units/service';
import {
  actorFor,
  baseFacts,
  compiledFramework,
  isRoundAppraiser,
  loadRound,
  requireRoundAppraiser,
  todayOf,
} from './access';
import { decimalText, entryData, openReturn } from './present';
import * as q from './queries';
import { previousResults } from './results';

export interface RoundSummary {
  id: number;
  year: number;
  level: UnitLevel;
  name: string;
  ownerUnitId: number;
  ownerUnitName: string;
  frameworkId: number;
  frameworkName: string;
  selfDue: string;
  appraisalDue: string;
  explanationFrom: string;
  explanationTo: string;
  explanationClosed: boolean;
  publishedAt: string | null;
  unitCount: number;
  counts: Record<SheetState, number>;
  mySheetId: number | null;
  canAppraise: boolean;
}

export interface SheetRowJson {
  id: number;
  unitId: number;
  unitName: string;
  unitCode: string;
  state: SheetState;
  reopened: boolean;
  submittedAt: string | null;
  self: Pick<Totals, 'total' | 'maxPoints' | 'index' | 'complete'> | null;
  appraised: Pick<Totals, 'total' | 'maxPoints' | 'index' | 'band' | 'complete'> | null;
  returned: number;
  pendingExplanations: number;
}

export interface RoundDetail extends RoundSummary {
  sheets: SheetRowJson[];
}

const APPRAISAL_VISIBLE: readonly SheetState[] = ['provisional', 'explanation', 'final', 'published'];

export async function presentRound(
  db: Db,
  round: q.RoundRow,
  view: { appraiser: boolean; ownSheetId: number | null; ownState?: SheetState | null },
  counts?: Awaited<ReturnType<typeof q.sheetStateCounts>>,
): Promise<RoundSummary> {
  const rows = counts ?? (await q.sheetStateCounts(db, [round.id]));
  const byState = Object.fromEntries(SHEET_STATES.map((s) => [s, 0])) as Record<SheetState, number>;
  let unitCount = 0;
  for (const r of rows) {
    if (r.roundId !== round.id) continue;
    unitCount += r.count;
    // A unit learns nothing of the others' progress: only its own sheet is counted for it.
    if (view.appraiser) byState[r.state] = r.count;
  }
  if (!view.appraiser && view.ownState) byState[view.ownState] = 1;
  return {
    id: round.id,
    year: round.year,
    level: round.level,
    name: round.name,
    ownerUnitId: round.ownerUnitId,
    ownerUnitName: round.ownerUnitName,
    frameworkId: round.frameworkId,
    frameworkName: round.frameworkName,
    selfDue: round.selfDue,
    appraisalDue: round.appraisalDue,
    explanationFrom: round.explanationFrom,
    explanationTo: round.explanationTo,
    explanationClosed: round.explanationClosedAt !== null,
    publishedAt: round.publishedAt?.toISOString() ?? null,
    unitCount,
    counts: byState,
    mySheetId: view.ownSheetId,
    canAppraise: view.appraiser,
  };
}

export async function listRounds(
  ctx: AppContext,
  user: AuthUser,
  year?: number,
): Promise<{ rounds: RoundSummary[] }> {
  const appraiser = hasRole(user, 'admin', 'appraiser');
  const rounds = await q.listRounds(
    ctx.db,
    { ownerPrefix: appraiser ? user.unitPath : null, unitId: user.unitId },
    year,
  );
  const ids = rounds.map((r) => r.id);
  const counts = await q.sheetStateCounts(ctx.db, ids);
  const mine = new Map((await q.sheetIdsOfUnit(ctx.db, ids, user.unitId)).map((s) => [s.roundId, s]));
  return {
    rounds: await Promise.all(
      rounds.map((r) =>
        presentRound(
          ctx.db,
          r,
          {
            appraiser: isRoundAppraiser(user, r),
            ownSheetId: mine.get(r.id)?.id ?? null,
            ownState: mine.get(r.id)?.state ?? null,
          },
          counts,
        ),
      ),
    ),
  };
}

/** The round and its board: every sheet for its appraisers, only the own sheet for a unit. */
export async function getRound(ctx: AppContext, user: AuthUser, roundId: number): Promise<RoundDetail> {
  const { round, appraiser, ownSheetId, ownState } = await loadRound(ctx.db, user, roundId);
  const sheets = await q.listSheets(ctx.db, round.id, appraiser ? undefined : user.unitId);
  const compiled = await compiledFramework(ctx.db, round.frameworkId);
  const ids = sheets.map((s) => s.id);
  const [entries, evidence, explanations] = await Promise.all([
    q.entriesOf(ctx.db, ids),
    q.evidenceOf(ctx.db, ids),
    q.explanationsOf(ctx.db, ids),
  ]);
  const summary = await presentRound(ctx.db, round, { appraiser, ownSheetId, ownState });
  return {
    ...summary,
    sheets: sheets.map((s) => {
      const mine = entries.filter((e) => e.sheetId === s.id);
      const data = entryData(
        mine,
        evidence.filter((e) => e.sheetId === s.id),
      );
      const self = totalsJson(compiled, scoreValues(compiled, selfValues(data)).result);
      const showAppraisal = appraiser || APPRAISAL_VISIBLE.includes(s.state);
      const appraised = showAppraisal
        ? totalsJson(compiled, scoreValues(compiled, appraisedValues(data)).result)
        : null;
      return {
        id: s.id,
        unitId: s.unitId,
        unitName: s.unitName,
        unitCode: s.unitCode,
        state: s.state,
        reopened: s.reopened,
        submittedAt: s.submittedAt?.toISOString() ?? null,
        self:
          mine.length > 0
            ? { total: self.total, maxPoints: self.maxPoints, index: self.index, complete: self.complete }
            : null,
        appraised:
          appraised && mine.some((e) => e.appraisedPoints !== null)
            ? {
                total: appraised.total,
                maxPoints: appraised.maxPoints,
                index: appraised.index,
                band: appraised.band,
                complete: appraised.complete,
              }
            : null,
        returned: mine.filter(openReturn).length,
        pendingExplanations: explanations.filter((x) => x.sheetId === s.id && x.status === 'pending').length,
      };
    }),
  };
}

export interface Deadlines {
  selfDue: string;
  appraisalDue: string;
  explanationFrom: string;
  explanationTo: string;
}

const DEADLINE_LABEL: Record<keyof Deadlines, string> = {
  selfDue: 'hạn tự đánh giá',
  appraisalDue: 'hạn thẩm định',
  explanationFrom: 'ngày bắt đầu giải trình',
  explanationTo: 'ngày kết thúc giải trình',
};

function checkDeadlines(input: Deadlines): Deadlines {
  const out = {} as Deadlines;
  for (const key of Object.keys(DEADLINE_LABEL) as (keyof Deadlines)[]) {
    const parsed = parseVnDate(input[key]);
    if (!parsed.ok) {
      throw new AppError(
        400,
        'assessments.badDates',
        { details: `${DEADLINE_LABEL[key]}: ${parsed.message}` },
        [{ field: key, message: parsed.message }],
      );
    }
    out[key] = parsed.value;
  }
  const bad = (field: keyof Deadlines, message: string) =>
    new AppError(400, 'assessments.badDates', { details: message }, [{ field, message }]);
  if (out.selfDue > out.appraisalDue)
    throw bad('appraisalDue', 'Hạn thẩm định phải không trước hạn tự đánh giá');
  if (out.explanationFrom > out.explanationTo)
    throw bad('explanationTo', 'Ngày kết thúc giải trình phải không trước ngày bắt đầu');
  if (out.explanationTo < out.selfDue)
    throw bad('explanationTo', 'Thời gian giải trình phải kết thúc sau hạn tự đánh giá');
  return out;
}

export interface CreateRoundInput extends Deadlines {
  ownerUnitId: number;
  frameworkId: number;
  name?: string;
  unitIds?: number[];
}

/**
 * An appraiser opens a round: a published framework of a level below the owner's, issued
 * by the owner or a unit above it; the units are the owner's subtree at that level (or
 * some of them). Each gets a draft sheet and its users a notification.
 */
export async function createRound(
  ctx: AppContext,
  user: AuthUser,
  input: CreateRoundInput,
): Promise<RoundDetail> {
  if (!hasRole(user, 'admin', 'appraiser')) throw new AppError(403, 'assessments.forbidden');
  const owner = await requireUnitInScope(ctx, user, input.ownerUnitId);
  const framework = await findFramework(ctx.db, input.frameworkId);
  if (!framework) throw notFound();
  if (framework.status !== 'published') throw new AppError(409, 'assessments.frameworkNotPublished');
  if (
    !owner.path.startsWith(framework.ownerPath) ||
    UNIT_LEVELS.indexOf(framework.level) <= UNIT_LEVELS.indexOf(owner.level)
  ) {
    throw new AppError(400, 'assessments.frameworkNotApplicable');
  }
  const deadlines = checkDeadlines(input);
  const candidates = await q.unitsAtLevelBelow(ctx.db, owner.path, framework.level);
  let chosen = candidates;
  if (input.unitIds) {
    const known = new Set(candidates.map((u) => u.id));
    const unknown = input.unitIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new AppError(400, 'assessments.badUnits', { units: unknown.join(', ') });
    const wanted = new Set(input.unitIds);
    chosen = candidates.filter((u) => wanted.has(u.id));
  }
  if (chosen.length === 0) throw new AppError(400, 'assessments.noUnits');
  if (await q.findRoundFor(ctx.db, owner.id, framework.year, framework.level)) {
    throw new AppError(409, 'assessments.roundExists', {
      year: framework.year,
      level: UNIT_LEVEL_LABEL_VI[framework.level],
    });
  }
  const name =
    input.name?.trim() ||
    `Đánh giá Chỉ số CCHC ${UNIT_LEVEL_LABEL_VI[framework.level]} năm ${framework.year}`;
  const roundId = await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const id = await q.insertRound(tx, {
      ownerUnitId: owner.id,
      frameworkId: framework.id,
      year: framework.year,
      level: framework.level,
      name,
      ...deadlines,
      createdBy: user.id,
      createdAt: now,
    });
    const sheets = await q.insertSheets(
      tx,
      id,
      chosen.map((u) => u.id),
      now,
    );
    await appendAudit(
      tx,
      {
        at: now,
        actorUserId: user.id,
        unitId: owner.id,
        entity: 'assessment_round',
        entityId: id,
        action: 'open_round',
        newValue: {
          name,
          frameworkId: framework.id,
          year: framework.year,
          level: framework.level,
          ...deadlines,
        },
      },
      ...sheets.map((s) => ({
        at: now,
        actorUserId: user.id,
        unitId: s.unitId,
        entity: 'assessment_sheet',
        entityId: s.id,
        action: 'state',
        field: 'state',
        oldValue: null,
        newValue: 'draft',
      })),
    );
    for (const s of sheets) {
      await notify(
        tx,
        await usersOfUnits(tx, [s.unitId]),
        {
          kind: 'round_opened',
          key: `round_opened:${id}`,
          unitId: s.unitId,
          roundId: id,
          sheetId: s.id,
          params: { round: name, selfDue: formatVnDate(deadlines.selfDue) },
        },
        now,
      );
    }
    return id;
  });
  return getRound(ctx, user, roundId);
}

export async function updateDeadlines(
  ctx: AppContext,
  user: AuthUser,
  roundId: number,
  input: Partial<Deadlines>,
): Promise<RoundDetail> {
  const round = await requireRoundAppraiser(ctx.db, user, roundId);
  const current: Deadlines = {
    selfDue: round.selfDue,
    appraisalDue: round.appraisalDue,
    explanationFrom: round.explanationFrom,
    explanationTo: round.explanationTo,
  };
  const next = checkDeadlines({ ...current, ...input });
  const changed = (Object.keys(next) as (keyof Deadlines)[]).filter((k) => next[k] !== current[k]);
  if (changed.length > 0) {
    await ctx.db.transaction(async (tx) => {
      const now = ctx.now();
      await q.updateRound(tx, round.id, next);
      await appendAudit(
        tx,
        ...changed.map((k) => ({
          at: now,
          actorUserId: user.id,
          unitId: round.ownerUnitId,
          entity: 'assessment_round',
          entityId: round.id,
          action: 'deadlines',
          field: k,
          oldValue: current[k],
          newValue: next[k],
        })),
      );
    });
  }
  return getRound(ctx, user, round.id);
}

type Tx = Db;

/** Moves a sheet to a state and records it. */
export async function setState(
  tx: Tx,
  sheet: { id: number; unitId: number; state: SheetState },
  to: SheetState,
  by: { userId: number | null; at: Date; reason?: string | null },
  extra: Parameters<typeof q.updateSheet>[2] = {},
): Promise<void> {
  const stamp =
    to === 'submitted'
      ? { submittedAt: by.at, submittedBy: by.userId }
      : to === 'provisional'
        ? { provisionalAt: by.at }
        : to === 'final'
          ? { finalAt: by.at }
          : to === 'published'
            ? { publishedAt: by.at }
            : {};
  await q.updateSheet(tx, sheet.id, { state: to, updatedAt: by.at, ...stamp, ...extra });
  if (to !== sheet.state) {
    await appendAudit(tx, {
      at: by.at,
      actorUserId: by.userId,
      unitId: sheet.unitId,
      entity: 'assessment_sheet',
      entityId: sheet.id,
      action: 'state',
      field: 'state',
      oldValue: sheet.state,
      newValue: to,
      reason: by.reason ?? null,
    });
  }
}

async function sheetsWithFacts(ctx: AppContext, tx: Tx, round: q.RoundRow) {
  const sheets = await q.listSheets(tx, round.id);
  const explanations = await q.explanationsOf(
    tx,
    sheets.map((s) => s.id),
  );
  return sheets.map((s) => ({
    sheet: s,
    facts: {
      ...baseFacts(ctx, round, s),
      pendingExplanations: explanations.filter((x) => x.sheetId === s.id && x.status === 'pending').length,
    },
  }));
}

/** Closes the explanation window now: every provisional or contested sheet with nothing pending becomes final. */
export async function closeExplanations(
  ctx: AppContext,
  user: AuthUser,
  roundId: number,
): Promise<RoundDetail> {
  const round = await requireRoundAppraiser(ctx.db, user, roundId);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const all = await sheetsWithFacts(ctx, tx, round);
    const open = all.filter(({ sheet }) => sheet.state === 'provisional' || sheet.state === 'explanation');
    const pending = open.filter(({ facts }) => facts.pendingExplanations > 0);
    if (pending.length > 0) {
      throw new AppError(
        409,
        'assessments.pendingExplanations',
        { units: pending.map((p) => p.sheet.unitName).join(', ') },
        pending.map((p) => ({
          field: String(p.sheet.unitId),
          message: `${p.sheet.unitName}: ${p.facts.pendingExplanations} giải trình chưa trả lời`,
        })),
      );
    }
    if (round.explanationClosedAt === null) {
      await q.updateRound(tx, round.id, { explanationClosedAt: now });
      await appendAudit(tx, {
        at: now,
        actorUserId: user.id,
        unitId: round.ownerUnitId,
        entity: 'assessment_round',
        entityId: round.id,
        action: 'close_explanations',
        field: 'explanationClosedAt',
        oldValue: null,
        newValue: now.toISOString(),
      });
    }
    for (const { sheet } of open) {
      await setState(tx, sheet, 'final', {
        userId: user.id,
        at: now,
        reason: 'Kết thúc thời gian giải trình',
      });
    }
  });
  return getRound(ctx, user, round.id);
}

/** Appraised values of every sheet of a round, for publishing. */
async function appraisedOfRound(tx: Tx, sheetIds: number[]) {
  // In turn: a transaction's one connection takes one query at a time.
  const entries = await q.entriesOf(tx, sheetIds);
  const evidence = await q.evidenceOf(tx, sheetIds);
  const bySheet = new Map<number, EntryData[]>();
  for (const id of sheetIds) {
    bySheet.set(
      id,
      entryData(
        entries.filter((e) => e.sheetId === id),
        evidence.filter((e) => e.sheetId === id),
      ),
    );
  }
  return bySheet;
}

/**
 * Scores and ranks every sheet of a round on its appraised values, with each unit's result
 * of the year before: the same at publication and at each correction.
 */
async function rankRound<S extends { id: number; unitId: number }>(
  tx: Tx,
  compiled: CompiledFramework,
  round: q.RoundRow,
  sheets: S[],
) {
  const values = await appraisedOfRound(
    tx,
    sheets.map((s) => s.id),
  );
  const previous = await previousResults(
    tx,
    sheets.map((s) => s.unitId),
    round.year - 1,
  );
  return publishResults(
    compiled,
    sheets.map((s) => ({
      key: s,
      values: appraisedValues(values.get(s.id) ?? []),
      previous: previous.get(s.unitId) ?? null,
    })),
  );
}

/** What the audit trail keeps of a published result version. */
const resultAuditValue = (version: number, data: PublishedData) => ({
  version,
  total: data.total,
  index: data.index,
  band: data.band,
  rank: data.rank,
});

function resultRow(
  round: q.RoundRow,
  unitId: number,
  version: number,
  data: PublishedData,
  by: { userId: number | null; at: Date; reason: string | null },
) {
  return {
    roundId: round.id,
    unitId,
    year: round.year,
    version,
    total: data.total,
    maxPoints: data.maxPoints,
    index: data.index,
    band: data.band,
    rank: data.rank,
    areas: data.areas as never,
    nodePoints: data.nodePoints as never,
    change: data.change as never,
    reason: by.reason,
    publishedBy: by.userId,
    publishedAt: by.at,
  };
}

/**
 * Publishes a round: sheets whose explanation window is over become final; then, only if
 * every sheet is final, all are scored and ranked together, stored as version 1, and the
 * units notified. Refused, naming each unit, while any sheet is not final.
 */
export async function publishRound(ctx: AppContext, user: AuthUser, roundId: number): Promise<RoundDetail> {
  const round = await requireRoundAppraiser(ctx.db, user, roundId);
  if (round.publishedAt)
    throw new AppError(409, 'assessments.wrongState', { state: SHEET_STATE_LABEL.published.vi });
  const compiled = await compiledFramework(ctx.db, round.frameworkId);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const all = await sheetsWithFacts(ctx, tx, round);
    const actorOf = (s: { unitId: number }) => actorFor(user, s, round);
    for (const { sheet, facts } of all) {
      if (
        finalByWindow(sheet.state, facts) &&
        transition(sheet.state, 'finalize', actorOf(sheet), facts).ok
      ) {
        await setState(tx, sheet, 'final', { userId: user.id, at: now, reason: 'Hết thời gian giải trình' });
        sheet.state = 'final';
      }
    }
    const notFinal = all.filter(({ sheet }) => sheet.state !== 'final');
    if (notFinal.length > 0) {
      throw new AppError(
        409,
        'assessments.notAllFinal',
        { count: notFinal.length },
        notFinal.map(({ sheet }) => ({
          field: String(sheet.unitId),
          message: `${sheet.unitName}: ${SHEET_STATE_LABEL[sheet.state].vi}`,
        })),
      );
    }
    const sheets = all.map((a) => a.sheet);
    const published = await rankRound(tx, compiled, round, sheets);
    if (!published.ok) {
      throw new AppError(
        409,
        'assessments.unappraised',
        { count: published.incomplete.length },
        published.incomplete.map((u) => ({
          field: String(u.key.unitId),
          message: `${u.key.unitName}: ${[...u.pending, ...u.errors].join(', ')}`,
        })),
      );
    }
    await q.insertResults(
      tx,
      published.results.map((r) =>
        resultRow(round, r.key.unitId, 1, r.data, { userId: user.id, at: now, reason: null }),
      ),
    );
    await appendAudit(
      tx,
      ...published.results.map((r) => ({
        at: now,
        actorUserId: user.id,
        unitId: r.key.unitId,
        entity: 'assessment_result',
        entityId: `${round.id}:${r.key.unitId}`,
        action: 'publish',
        field: 'version',
        oldValue: null,
        newValue: resultAuditValue(1, r.data),
      })),
    );
    for (const sheet of sheets) await setState(tx, sheet, 'published', { userId: user.id, at: now });
    await q.updateRound(tx, round.id, { publishedAt: now });
    await appendAudit(tx, {
      at: now,
      actorUserId: user.id,
      unitId: round.ownerUnitId,
      entity: 'assessment_round',
      entityId: round.id,
      action: 'publish',
      field: 'publishedAt',
      oldValue: null,
      newValue: now.toISOString(),
    });
    await notify(
      tx,
      await usersOfUnits(
        tx,
        sheets.map((s) => s.unitId),
      ),
      {
        kind: 'results_published',
        key: `results_published:${round.id}:1`,
        roundId: round.id,
        params: { round: round.name, correction: '', correctionEn: '' },
      },
      now,
    );
  });
  return getRound(ctx, user, round.id);
}

/**
 * Corrects a published result: new appraised points for some criteria of one unit, with a
 * reason; the round is scored and ranked again and every unit whose result changed gets a
 * new version carrying the reason. Nothing published is edited.
 */
export async function correctRound(
  ctx: AppContext,
  user: AuthUser,
  roundId: number,
  input: { unitId: number; reason: string; points: Record<string, string> },
): Promise<RoundDetail> {
  const round = await requireRoundAppraiser(ctx.db, user, roundId);
  if (!round.publishedAt) throw new AppError(409, 'assessments.notPublished');
  const reason = input.reason.trim();
  if (!reason) throw new AppError(400, 'assessments.reasonRequired');
  const compiled = await compiledFramework(ctx.db, round.frameworkId);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const sheets = await q.listSheets(tx, round.id);
    const target = sheets.find((s) => s.unitId === input.unitId);
    if (!target) throw notFound();
    const entries = await q.entriesOf(tx, [target.id]);
    const byCode = new Map(entries.map((e) => [e.code, e]));
    let changes = 0;
    for (const [code, text] of Object.entries(input.points)) {
      const i = compiled.position.get(code);
      if (i === undefined || compiled.leaf[i] !== 1)
        throw new AppError(400, 'assessments.notCriterion', { code });
      const points = parseDecimal(text);
      const check = points === null ? null : scoreValues(compiled, { [code]: { kind: 'points', points } });
      const error = check?.result.errors.find((e) => e.node === code) ?? check?.inputErrors[0];
      if (points === null || error) {
        throw new AppError(400, 'assessments.invalidValue', {
          details: error?.message ?? `${code}: "${text}"`,
        });
      }
      const old = decimalText(byCode.get(code)?.appraisedPoints ?? null);
      const next = formatDecimal(points);
      if (old === next) continue;
      changes += 1;
      await q.upsertEntry(
        tx,
        target.id,
        code,
        { appraisedPoints: next, appraisalReason: reason },
        user.id,
        now,
      );
      await appendAudit(tx, {
        at: now,
        actorUserId: user.id,
        unitId: target.unitId,
        entity: 'assessment_entry',
        entityId: `${target.id}:${code}`,
        action: 'correct',
        field: 'appraisedPoints',
        oldValue: old,
        newValue: next,
        reason,
      });
    }
    if (changes === 0) throw new AppError(409, 'assessments.nothingChanged');
    const published = await rankRound(tx, compiled, round, sheets);
    if (!published.ok)
      throw new AppError(409, 'assessments.unappraised', { count: published.incomplete.length });
    const latest = await currentPublished(tx, round.id);
    const newRows = published.results.flatMap((r) => {
      const before = latest.get(r.key.unitId);
      if (before && samePublished(before.data, r.data)) return [];
      const version = (before?.version ?? 0) + 1;
      return [{ unitId: r.key.unitId, version, data: r.data }];
    });
    await q.insertResults(
      tx,
      newRows.map((r) => resultRow(round, r.unitId, r.version, r.data, { userId: user.id, at: now, reason })),
    );
    await appendAudit(
      tx,
      ...newRows.map((r) => ({
        at: now,
        actorUserId: user.id,
        unitId: r.unitId,
        entity: 'assessment_result',
        entityId: `${round.id}:${r.unitId}`,
        action: 'correct',
        field: 'version',
        oldValue: latest.get(r.unitId)?.version ?? null,
        newValue: resultAuditValue(r.version, r.data),
        reason,
      })),
    );
    await notify(
      tx,
      await usersOfUnits(
        tx,
        newRows.map((r) => r.unitId),
      ),
      {
        kind: 'results_published',
        key: `results_published:${round.id}:correction:${now.getTime()}`,
        roundId: round.id,
        params: {
          round: round.name,
          correction: ` (đính chính: ${reason})`,
          correctionEn: ` (corrected: ${reason})`,
        },
      },
      now,
    );
  });
  return getRound(ctx, user, round.id);
}

/** The latest published version of each unit of a round, as stored. */
async function currentPublished(tx: Tx, roundId: number) {
  const rows = await q.resultVersions(tx, { roundIds: [roundId] });
  const out = new Map<number, { version: number; data: PublishedData }>();
  for (const r of rows) {
    out.set(r.unitId, {
      version: r.version,
      data: {
        total: decimalText(r.total) ?? '0',
        maxPoints: decimalText(r.maxPoints) ?? '0',
        index: decimalText(r.index) ?? '0',
        band: r.band,
        rank: r.rank,
        areas: JSON.parse(r.areas),
        nodePoints: JSON.parse(r.nodePoints),
        change: r.change === null ? null : JSON.parse(r.change),
      },
    });
  }
  return out;
}

export { todayOf };
