import type { MultipartFile } from '@fastify/multipart';
import {
  type EvidenceStage,
  inputFromJson,
  isOverridden,
  type NodeInputJson,
  prefillFor,
  type SheetAction,
  sameInput,
  scoreValues,
} from '#core/assessment/index';
import { formatDecimal, parseDecimal } from '#core/framework/index';
import { yearPeriod } from '#core/time/index';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../lib/errors';
import { type AuditInput, appendAudit, listAudit } from '../audit/service';
import type { AuthUser } from '../auth/principal';
import { findFile } from '../files/queries';
import { type FileInfo, presentFile, saveUpload } from '../files/service';
import { notify, usersOfUnits } from '../notifications/service';
import { liveKpisForUnits } from '../projection/live-kpis';
import { compiledFramework, loadSheet, requireTransition, type SheetContext } from './access';
import {
  APPRAISAL_VISIBLE,
  decimalText,
  type Evaluation,
  evaluateSheet,
  loadSheetData,
  openReturn,
  type SheetData,
  type SheetJson,
  sheetJson,
} from './present';
import * as q from './queries';
import { setState } from './rounds';

// The sheet's use cases. Each change runs in one transaction that locks the sheet's row,
// reads it again, asks the workflow (core/assessment) whether the change may happen, makes
// it, and appends every change of points or state to the audit log in that transaction.

const entryEntity = (sheetId: number, code: string) => `${sheetId}:${code}`;

/** Audits a change to the entry of criterion `code` on the sheet. */
function auditEntry(
  tx: Db,
  sc: SheetContext,
  code: string,
  change: Omit<AuditInput, 'unitId' | 'entity' | 'entityId'>,
) {
  return appendAudit(tx, {
    ...change,
    unitId: sc.sheet.unitId,
    entity: 'assessment_entry',
    entityId: entryEntity(sc.sheet.id, code),
  });
}

interface Step {
  tx: Db;
  sc: SheetContext;
  data: SheetData;
  ev: Evaluation;
  now: Date;
}

async function change(
  ctx: AppContext,
  user: AuthUser,
  sheetId: number,
  run: (step: Step) => Promise<void>,
): Promise<SheetJson> {
  await ctx.db.transaction(async (tx) => {
    await q.lockSheet(tx, sheetId);
    const sc = await loadSheet(tx, user, sheetId);
    const data = await loadSheetData(tx, sheetId);
    await run({ tx, sc, data, ev: evaluateSheet(ctx, sc, data), now: ctx.now() });
  });
  return getSheet(ctx, user, sheetId);
}

/** The sheet; opened for the first time by the unit's officer or head, it is pre-filled first. */
export async function getSheet(ctx: AppContext, user: AuthUser, sheetId: number): Promise<SheetJson> {
  let sc = await loadSheet(ctx.db, user, sheetId);
  if (sc.sheet.openedAt === null && sc.sheet.state === 'draft' && sc.actor.unitWriter) {
    await prefillSheet(ctx, sheetId, user.id);
    sc = await loadSheet(ctx.db, user, sheetId);
  }
  return sheetJson(ctx, sc, await loadSheetData(ctx.db, sheetId));
}

/**
 * Issue 8: fills every criterion that reads a KPI from the registers of the round's year,
 * keeping the numbers behind it (KPI, value, numerator, denominator, period, when) with the
 * entry as its evidence. Once per sheet; a value the unit already typed is kept.
 */
export async function prefillSheet(
  ctx: AppContext,
  sheetId: number,
  actorUserId: number | null,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await q.lockSheet(tx, sheetId);
    const sheet = await q.findSheet(tx, sheetId);
    if (!sheet || sheet.openedAt !== null || sheet.state !== 'draft') return;
    const round = await q.findRound(tx, sheet.roundId);
    if (!round) return;
    const compiled = await compiledFramework(tx, round.frameworkId);
    const period = yearPeriod(round.year);
    const now = ctx.now();
    const kpis = (await liveKpisForUnits({ ...ctx, db: tx }, [sheet.unitId], period)).get(sheet.unitId) ?? {};
    const existing = new Map((await q.entriesOf(tx, [sheet.id])).map((e) => [e.code, e]));
    const items = prefillFor(compiled, kpis, period, now.toISOString());
    for (const item of items) {
      const had = existing.get(item.code);
      const keep = had?.selfInput != null;
      await q.upsertEntry(
        tx,
        sheet.id,
        item.code,
        { prefill: item.snapshot, ...(keep ? {} : { selfInput: item.input }) },
        actorUserId,
        now,
      );
    }
    await q.updateSheet(tx, sheet.id, { openedAt: now, updatedAt: now });
    await appendAudit(
      tx,
      ...items.map((item) => ({
        at: now,
        actorUserId,
        unitId: sheet.unitId,
        entity: 'assessment_entry',
        entityId: entryEntity(sheet.id, item.code),
        action: 'prefill',
        field: 'selfInput',
        oldValue: null,
        newValue: { ...item.snapshot },
      })),
    );
  });
}

function requireLeaf(sc: SheetContext, code: string): void {
  const i = sc.compiled.position.get(code);
  if (i === undefined || sc.compiled.leaf[i] !== 1)
    throw new AppError(404, 'assessments.notCriterion', { code });
}

/** Refuses a value the engine does not take for this criterion (wrong kind, above the maximum, not a level). */
function checkValue(sc: SheetContext, code: string, input: NodeInputJson): void {
  const value = inputFromJson(input);
  if (!value)
    throw new AppError(400, 'assessments.invalidValue', { details: `${code}: ${JSON.stringify(input)}` });
  const { result, inputErrors } = scoreValues(sc.compiled, { [code]: value });
  const error = inputErrors[0]?.message ?? result.errors.find((e) => e.node === code)?.message;
  if (error)
    throw new AppError(400, 'assessments.invalidValue', { details: error }, [
      { field: code, message: error },
    ]);
}

function checkPoints(sc: SheetContext, code: string, text: string): string {
  const points = parseDecimal(text);
  if (points === null) {
    throw new AppError(400, 'assessments.invalidValue', {
      details: `${code}: "${text}" không phải là số điểm`,
    });
  }
  checkValue(sc, code, { kind: 'points', points: text });
  return formatDecimal(points);
}

const trimmed = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

// ---------------------------------------------------------------- the unit's values

export interface EntryInput {
  input?: NodeInputJson | null;
  comment?: string | null;
  overrideReason?: string | null;
}

export function saveEntry(ctx: AppContext, user: AuthUser, sheetId: number, code: string, body: EntryInput) {
  return change(ctx, user, sheetId, async ({ tx, sc, data, ev, now }) => {
    requireTransition(sc.sheet.state, 'edit', sc.actor, ev.facts);
    requireLeaf(sc, code);
    const entry = data.entries.find((e) => e.code === code);
    const oldInput = entry?.selfInput ?? null;
    const input = body.input === undefined ? oldInput : body.input;
    if (body.input) checkValue(sc, code, body.input);
    const prefill = entry?.prefill ?? null;
    const overridden = isOverridden({ input, prefill });
    let reason =
      body.overrideReason === undefined ? (entry?.overrideReason ?? null) : trimmed(body.overrideReason);
    if (!overridden) reason = null;
    else if (!reason && body.input !== undefined && !sameInput(input, oldInput)) {
      throw new AppError(400, 'assessments.overrideReasonRequired', { code }, [
        { field: 'overrideReason', message: `Tiêu chí ${code}: cần lý do sửa giá trị tự động` },
      ]);
    }
    const comment = body.comment === undefined ? (entry?.comment ?? null) : trimmed(body.comment);
    const audits = [];
    const base = {
      at: now,
      actorUserId: sc.actor.unitWriter ? user.id : null,
      unitId: sc.sheet.unitId,
      entity: 'assessment_entry',
      entityId: entryEntity(sc.sheet.id, code),
    };
    if (!sameInput(input, oldInput)) {
      audits.push({
        ...base,
        action: 'self_value',
        field: 'selfInput',
        oldValue: oldInput,
        newValue: input,
        reason,
      });
    }
    if (reason !== (entry?.overrideReason ?? null)) {
      audits.push({
        ...base,
        action: 'override_reason',
        field: 'overrideReason',
        oldValue: entry?.overrideReason ?? null,
        newValue: reason,
      });
    }
    if (comment !== (entry?.comment ?? null)) {
      audits.push({
        ...base,
        action: 'comment',
        field: 'comment',
        oldValue: entry?.comment ?? null,
        newValue: comment,
      });
    }
    if (audits.length === 0) return;
    await q.upsertEntry(
      tx,
      sc.sheet.id,
      code,
      { selfInput: input, overrideReason: reason, comment },
      user.id,
      now,
    );
    await appendAudit(tx, ...audits.map((a) => ({ ...a, actorUserId: user.id })));
  });
}

// ---------------------------------------------------------------- evidence

/** The stage evidence goes to now, and the action that allows it. */
function evidenceStage(sc: SheetContext): { stage: EvidenceStage; action: SheetAction } {
  const state = sc.sheet.state;
  if (state === 'in_appraisal') return { stage: 'return', action: 'answerReturn' };
  if (state === 'provisional' || state === 'explanation') return { stage: 'explanation', action: 'contest' };
  return { stage: 'self', action: 'edit' };
}

function requireEvidenceAllowed(
  sc: SheetContext,
  data: SheetData,
  ev: Evaluation,
  code: string,
): EvidenceStage {
  requireLeaf(sc, code);
  const { stage, action } = evidenceStage(sc);
  const entry = data.entries.find((e) => e.code === code);
  requireTransition(
    sc.sheet.state,
    action,
    sc.actor,
    { ...ev.facts, criterionReturned: entry ? openReturn(entry) : false },
    { code },
  );
  return stage;
}

/** Uploads a file as evidence of a criterion: checked while it streams, owned by the sheet's unit. */
export async function uploadEvidence(
  ctx: AppContext,
  user: AuthUser,
  sheetId: number,
  code: string,
  file: MultipartFile,
): Promise<FileInfo & { stage: EvidenceStage }> {
  let stage: EvidenceStage;
  let unitId: number;
  try {
    const sc = await loadSheet(ctx.db, user, sheetId);
    const data = await loadSheetData(ctx.db, sheetId);
    stage = requireEvidenceAllowed(sc, data, evaluateSheet(ctx, sc, data), code);
    unitId = sc.sheet.unitId;
  } catch (error) {
    file.file.resume();
    throw error;
  }
  const { id } = await saveUpload(
    ctx,
    { unitId, uploadedBy: user.id },
    { stream: file.file, filename: file.filename },
  );
  await change(ctx, user, sheetId, async ({ tx, sc, data, ev, now }) => {
    const again = requireEvidenceAllowed(sc, data, ev, code);
    await attach(tx, sc, code, id, again, user.id, now);
  });
  const row = await findFile(ctx.db, id);
  if (!row) throw notFound();
  return { ...presentFile(row), stage };
}

async function attach(
  tx: Db,
  sc: SheetContext,
  code: string,
  fileId: number,
  stage: EvidenceStage,
  userId: number,
  now: Date,
) {
  const added = await q.attachEvidence(
    tx,
    { sheetId: sc.sheet.id, code, fileId, stage, attachedBy: userId },
    now,
  );
  if (!added) return;
  await auditEntry(tx, sc, code, {
    at: now,
    actorUserId: userId,
    action: 'evidence_add',
    field: stage,
    oldValue: null,
    newValue: fileId,
  });
}

/** Attaches a file the unit already uploaded (one scan proving several criteria). */
export function linkEvidence(ctx: AppContext, user: AuthUser, sheetId: number, code: string, fileId: number) {
  return change(ctx, user, sheetId, async ({ tx, sc, data, ev, now }) => {
    const stage = requireEvidenceAllowed(sc, data, ev, code);
    const file = await findFile(tx, fileId);
    if (!file) throw notFound();
    if (file.unitId !== sc.sheet.unitId) throw new AppError(403, 'assessments.fileNotOfUnit');
    await attach(tx, sc, code, fileId, stage, user.id, now);
  });
}

export function unlinkEvidence(
  ctx: AppContext,
  user: AuthUser,
  sheetId: number,
  code: string,
  fileId: number,
) {
  return change(ctx, user, sheetId, async ({ tx, sc, data, ev, now }) => {
    const stage = requireEvidenceAllowed(sc, data, ev, code);
    if (!(await q.detachEvidence(tx, { sheetId: sc.sheet.id, code, fileId, stage }))) throw notFound();
    await auditEntry(tx, sc, code, {
      at: now,
      actorUserId: user.id,
      action: 'evidence_remove',
      field: stage,
      oldValue: fileId,
      newValue: null,
    });
  });
}

// ---------------------------------------------------------------- states

/** The head submits: refused criterion by criterion while anything is missing, and after the deadline. */
export function submit(ctx: AppContext, user: AuthUser, sheetId: number) {
  return change(ctx, user, sheetId, async ({ tx, sc, ev, now }) => {
    const to = requireTransition(
      sc.sheet.state,
      'submit',
      sc.actor,
      ev.facts,
      { count: ev.problems.length },
      ev.problems.map((p) => ({ field: p.code, message: p.message })),
    );
    await setState(tx, sc.sheet, to, { userId: user.id, at: now });
  });
}

export function reopen(ctx: AppContext, user: AuthUser, sheetId: number, reason: string) {
  return change(ctx, user, sheetId, async ({ tx, sc, ev, now }) => {
    const to = requireTransition(sc.sheet.state, 'reopen', sc.actor, ev.facts);
    const why = reason.trim();
    if (!why) throw new AppError(400, 'assessments.reasonRequired');
    await setState(tx, sc.sheet, to, { userId: user.id, at: now, reason: why }, { reopened: true });
    if (sc.sheet.state === to) {
      await appendAudit(tx, {
        at: now,
        actorUserId: user.id,
        unitId: sc.sheet.unitId,
        entity: 'assessment_sheet',
        entityId: sc.sheet.id,
        action: 'reopen',
        field: 'reopened',
        oldValue: sc.sheet.reopened,
        newValue: true,
        reason: why,
      });
    }
  });
}

export function startAppraisal(ctx: AppContext, user: AuthUser, sheetId: number) {
  return change(ctx, user, sheetId, async ({ tx, sc, ev, now }) => {
    const to = requireTransition(sc.sheet.state, 'startAppraisal', sc.actor, ev.facts);
    await setState(tx, sc.sheet, to, { userId: user.id, at: now });
  });
}

async function moveTo(step: Step, action: SheetAction, userId: number, extra: Record<string, string> = {}) {
  const { tx, sc, ev, now } = step;
  const to = requireTransition(sc.sheet.state, action, sc.actor, ev.facts, extra);
  if (to !== sc.sheet.state) await setState(tx, sc.sheet, to, { userId, at: now });
}

// ---------------------------------------------------------------- appraisal

async function setAppraised(
  step: Step,
  userId: number,
  code: string,
  points: string,
  reason: string | null,
  action = 'appraise',
): Promise<void> {
  const { tx, sc, data, now } = step;
  const entry = data.entries.find((e) => e.code === code);
  const old = decimalText(entry?.appraisedPoints ?? null);
  if (old === points && (entry?.appraisalReason ?? null) === reason) return;
  await q.upsertEntry(
    tx,
    sc.sheet.id,
    code,
    { appraisedPoints: points, appraisalReason: reason },
    userId,
    now,
  );
  await auditEntry(tx, sc, code, {
    at: now,
    actorUserId: userId,
    action,
    field: 'appraisedPoints',
    oldValue: old,
    newValue: points,
    reason,
  });
}

/** The self points of a criterion as the engine gives them (null: the unit gave none). */
function selfPointsOf(ev: Evaluation, code: string): string | null {
  const node = ev.self.result.nodes.find((n) => n.code === code);
  if (!node || node.points === null || (node.status !== 'scored' && node.status !== 'given')) return null;
  return formatDecimal(node.points);
}

export function appraise(
  ctx: AppContext,
  user: AuthUser,
  sheetId: number,
  code: string,
  body: { points: string; reason?: string | null },
) {
  return change(ctx, user, sheetId, async (step) => {
    const { sc, ev } = step;
    requireTransition(sc.sheet.state, 'appraise', sc.actor, ev.facts);
    requireLeaf(sc, code);
    const points = checkPoints(sc, code, body.points);
    const self = selfPointsOf(ev, code);
    const reason = trimmed(body.reason);
    if (self !== null && parseDecimal(self) !== parseDecimal(points) && !reason) {
      throw new AppError(400, 'assessments.reasonRequired', {}, [
        { field: 'reason', message: `Tiêu chí ${code}: tự chấm ${self}, thẩm định ${points}` },
      ]);
    }
    await moveTo(step, 'appraise', user.id);
    await setAppraised(step, user.id, code, points, reason);
  });
}

/** "Accept all self points": every criterion the unit scored and the appraiser has not yet. */
export function acceptSelf(ctx: AppContext, user: AuthUser, sheetId: number) {
  return change(ctx, user, sheetId, async (step) => {
    const { sc, data, ev } = step;
    requireTransition(sc.sheet.state, 'appraise', sc.actor, ev.facts);
    await moveTo(step, 'appraise', user.id);
    const appraised = new Set(data.entries.filter((e) => e.appraisedPoints !== null).map((e) => e.code));
    for (const leafCode of sc.compiled.codes.filter((_, i) => sc.compiled.leaf[i] === 1)) {
      if (appraised.has(leafCode)) continue;
      const self = selfPointsOf(ev, leafCode);
      if (self === null) continue;
      await setAppraised(step, user.id, leafCode, self, null, 'accept_self');
    }
  });
}

export function returnCriterion(
  ctx: AppContext,
  user: AuthUser,
  sheetId: number,
  code: string,
  note: string,
) {
  return change(ctx, user, sheetId, async (step) => {
    const { tx, sc, ev, now } = step;
    requireTransition(sc.sheet.state, 'returnCriterion', sc.actor, ev.facts);
    requireLeaf(sc, code);
    const text = note.trim();
    if (!text) throw new AppError(400, 'assessments.reasonRequired');
    await moveTo(step, 'returnCriterion', user.id);
    await q.upsertEntry(
      tx,
      sc.sheet.id,
      code,
      { returnNote: text, returnedAt: now, returnAnswer: null, returnAnsweredAt: null },
      user.id,
      now,
    );
    await auditEntry(tx, sc, code, {
      at: now,
      actorUserId: user.id,
      action: 'return',
      field: 'returnNote',
      oldValue: null,
      newValue: text,
      reason: text,
    });
    await notify(
      tx,
      await usersOfUnits(tx, [sc.sheet.unitId]),
      {
        kind: 'criterion_returned',
        key: `criterion_returned:${sc.sheet.id}:${code}:${now.getTime()}`,
        unitId: sc.sheet.unitId,
        roundId: sc.round.id,
        sheetId: sc.sheet.id,
        params: { code, note: text },
      },
      now,
    );
  });
}

export function answerReturn(ctx: AppContext, user: AuthUser, sheetId: number, code: string, text: string) {
  return change(ctx, user, sheetId, async ({ tx, sc, data, ev, now }) => {
    requireLeaf(sc, code);
    const entry = data.entries.find((e) => e.code === code);
    requireTransition(
      sc.sheet.state,
      'answerReturn',
      sc.actor,
      { ...ev.facts, criterionReturned: entry ? openReturn(entry) : false },
      { code },
    );
    const answer = text.trim();
    await q.upsertEntry(tx, sc.sheet.id, code, { returnAnswer: answer, returnAnsweredAt: now }, user.id, now);
    await auditEntry(tx, sc, code, {
      at: now,
      actorUserId: user.id,
      action: 'return_answer',
      field: 'returnAnswer',
      oldValue: entry?.returnAnswer ?? null,
      newValue: answer,
    });
  });
}

export function publishProvisional(ctx: AppContext, user: AuthUser, sheetId: number) {
  return change(ctx, user, sheetId, async (step) => {
    await moveTo(step, 'publishProvisional', user.id, { count: String(step.ev.facts.unappraised) });
  });
}

// ---------------------------------------------------------------- explanation

export function contest(ctx: AppContext, user: AuthUser, sheetId: number, code: string, text: string) {
  return change(ctx, user, sheetId, async (step) => {
    const { tx, sc, data, now } = step;
    requireTransition(sc.sheet.state, 'contest', sc.actor, step.ev.facts);
    requireLeaf(sc, code);
    if (data.explanations.some((x) => x.code === code))
      throw new AppError(409, 'assessments.alreadyContested', { code });
    const entry = data.entries.find((e) => e.code === code);
    const body = text.trim();
    await q.insertExplanation(tx, {
      sheetId: sc.sheet.id,
      code,
      text: body,
      status: 'pending',
      previousPoints: entry?.appraisedPoints ?? null,
      createdBy: user.id,
      createdAt: now,
    });
    await appendAudit(tx, {
      at: now,
      actorUserId: user.id,
      unitId: sc.sheet.unitId,
      entity: 'assessment_explanation',
      entityId: entryEntity(sc.sheet.id, code),
      action: 'contest',
      field: 'text',
      oldValue: null,
      newValue: body,
    });
    await moveTo(step, 'contest', user.id);
  });
}

export function answerExplanation(
  ctx: AppContext,
  user: AuthUser,
  sheetId: number,
  code: string,
  body: { accept: boolean; points?: string | null; reason?: string | null },
) {
  return change(ctx, user, sheetId, async (step) => {
    const { tx, sc, data, now } = step;
    const x = data.explanations.find((e) => e.code === code);
    requireTransition(
      sc.sheet.state,
      'answerExplanation',
      sc.actor,
      { ...step.ev.facts, criterionContested: x?.status === 'pending' },
      { code },
    );
    if (!x) throw notFound();
    const reason = trimmed(body.reason);
    let newPoints: string | null = null;
    if (body.accept) {
      if (!body.points) throw new AppError(400, 'assessments.pointsRequired');
      newPoints = checkPoints(sc, code, body.points);
      await setAppraised(step, user.id, code, newPoints, reason ?? 'Chấp nhận giải trình');
    } else if (!reason) {
      throw new AppError(400, 'assessments.answerReasonRequired');
    }
    const answer = reason ?? 'Chấp nhận giải trình';
    await q.answerExplanation(tx, x.id, {
      status: body.accept ? 'accepted' : 'rejected',
      newPoints,
      answer,
      answeredBy: user.id,
      answeredAt: now,
    });
    await appendAudit(tx, {
      at: now,
      actorUserId: user.id,
      unitId: sc.sheet.unitId,
      entity: 'assessment_explanation',
      entityId: entryEntity(sc.sheet.id, code),
      action: 'explanation_answer',
      field: 'status',
      oldValue: 'pending',
      newValue: { status: body.accept ? 'accepted' : 'rejected', points: newPoints },
      reason: answer,
    });
    await notify(
      tx,
      await usersOfUnits(tx, [sc.sheet.unitId]),
      {
        kind: 'explanation_answered',
        key: `explanation_answered:${sc.sheet.id}:${code}`,
        unitId: sc.sheet.unitId,
        roundId: sc.round.id,
        sheetId: sc.sheet.id,
        params: {
          code,
          outcome: body.accept ? `chấp nhận, ${newPoints} điểm` : `không chấp nhận (${answer})`,
          outcomeEn: body.accept ? `accepted, ${newPoints} points` : `rejected (${answer})`,
        },
      },
      now,
    );
  });
}

export function finalize(ctx: AppContext, user: AuthUser, sheetId: number) {
  return change(ctx, user, sheetId, async (step) => moveTo(step, 'finalize', user.id));
}

/** The sheet's history from the audit log; the unit does not see the appraisal before its provisional result. */
export async function sheetHistory(ctx: AppContext, user: AuthUser, sheetId: number) {
  const sc = await loadSheet(ctx.db, user, sheetId);
  const hideAppraisal = !sc.actor.appraiser && !APPRAISAL_VISIBLE.includes(sc.sheet.state);
  const items = await listAudit(ctx.db, {
    limit: 1000,
    of: [
      { entity: 'assessment_sheet', entityId: String(sheetId) },
      { entity: 'assessment_entry', entityIdPrefix: `${sheetId}:` },
      { entity: 'assessment_explanation', entityIdPrefix: `${sheetId}:` },
    ],
    ...(hideAppraisal ? { exceptActions: ['appraise', 'accept_self'] } : {}),
  });
  return { items };
}
