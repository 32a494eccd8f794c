import type { MultipartFile } from '@fastify/multipart';
import { PLAN_TASK_KINDS, type PlanTaskKind } from '#core/kpi/index';
import {
  type AreaProgress,
  type DocumentChange,
  diffPlanDocument,
  isTaskOverdue,
  type LostCriterion,
  type PlanDocument,
  parseTaskRows,
  progressByArea,
  proposeTasksFromLostPoints,
  TASK_COLUMNS,
  TASK_STATUSES,
  type TaskImportRecord,
  type TaskStatus,
} from '#core/plan/index';
import {
  type CalendarDate,
  formatVnDate,
  formatVnMoment,
  parseVnDate,
  parseVnMoment,
  type VnMoment,
  vnDateOf,
  yearPeriod,
} from '#core/time/index';
import type { Role } from '#core/units';
import type { AppContext } from '../../context';
import { AppError, conflict, forbidden, importRefused, notFound, type RowError } from '../../lib/errors';
import type { TableRow } from '../../lib/table-file';
import { requireReach, requireRole } from '../../policy';
import type { AuthUser } from '../auth/principal';
import { type FileInfo, presentFile, saveUpload } from '../files/service';
import { requireUnitInScope } from '../units/service';
import { listUnitMembers } from '../users/queries';
import { unknownCriterionCodes } from './criteria';
import { planDocx } from './docx';
import { type TaskKpis, taskKpisForUnits } from './kpis';
import * as q from './queries';

// ---------------------------------------------------------------- shapes

export type PlanStatus = 'draft' | 'issued';

export interface PlanSummary {
  id: number;
  year: number;
  status: PlanStatus;
  numberLine: string;
  issuedDate: CalendarDate | null;
  title: string;
  taskCount: number;
  doneCount: number;
}

export interface Plan extends PlanDocument {
  id: number;
  unitId: number;
  unitName: string;
  year: number;
  status: PlanStatus;
  issuedAt: string | null;
  issuedByName: string | null;
  updatedAt: string;
  /** Today in Vietnam, the day overdue is judged on. */
  today: CalendarDate;
  totals: { total: number; done: number; overdue: number };
  progress: AreaProgress[];
  /** The plan KPIs of the unit over the plan's year. */
  kpis: TaskKpis;
}

export interface Task {
  id: number;
  planId: number;
  unitId: number;
  kind: PlanTaskKind;
  title: string;
  areaKey: string | null;
  criteriaCodes: string[];
  assigneeId: number | null;
  assigneeName: string | null;
  responsibleUnit: string | null;
  startDate: CalendarDate | null;
  dueAt: string;
  dueHasTime: boolean;
  status: TaskStatus;
  progress: number;
  doneAt: string | null;
  doneHasTime: boolean;
  resultNote: string | null;
  pointsAtStake: number | null;
  overdue: boolean;
  files: FileInfo[];
  updatedAt: string;
}

// ---------------------------------------------------------------- access

/** Who writes a unit's plan and records its tasks: its officers and its head, in their own unit. */
const WRITERS: Role[] = ['unit_officer', 'unit_head'];

function requireWriter(user: AuthUser, unitId: number): void {
  requireRole(user, ...WRITERS);
  if (user.unitId !== unitId) throw forbidden('plans.ownUnitOnly');
}

/** Issuing and amending the issued plan is the head's (Chủ tịch UBND) decision. */
function requireHead(user: AuthUser, unitId: number): void {
  requireRole(user, 'unit_head');
  if (user.unitId !== unitId) throw forbidden('plans.ownUnitOnly');
}

async function requirePlan(ctx: AppContext, user: AuthUser, planId: number): Promise<q.PlanRow> {
  const plan = await q.findPlan(ctx.db, planId);
  if (!plan) throw notFound();
  requireReach(user, plan.unitPath);
  return plan;
}

async function requireTask(ctx: AppContext, user: AuthUser, taskId: number) {
  const task = await q.findTask(ctx.db, taskId);
  if (!task) throw notFound();
  requireReach(user, task.unitPath);
  return task;
}

// ---------------------------------------------------------------- helpers

const todayOf = (ctx: AppContext): CalendarDate => vnDateOf(ctx.now().toISOString());

/** A 400 naming the field and the reason, in the same shape as an import row error. */
function invalidField(field: string, message: string): AppError {
  return new AppError(400, 'plans.invalidField', { field, reason: message }, [{ row: 0, field, message }]);
}

function parseMoment(text: string, field: string): VnMoment {
  const parsed = parseVnMoment(text);
  if (!parsed.ok) throw invalidField(field, parsed.message);
  return parsed.value;
}

function parseDate(text: string, field: string): CalendarDate {
  const parsed = parseVnDate(text);
  if (!parsed.ok) throw invalidField(field, parsed.message);
  return parsed.value;
}

const documentOf = (row: q.PlanRow): PlanDocument => ({
  number: row.number,
  symbol: row.symbol,
  issuedDate: row.issuedDate,
  place: row.place,
  parentBody: row.parentBody,
  issuingBody: row.issuingBody,
  title: row.title,
  preamble: row.preamble,
  purposes: row.purposes,
  requirements: row.requirements,
  areas: row.areas,
  duties: row.duties,
  closing: row.closing,
  recipients: row.recipients,
  signAuthority: row.signAuthority,
  signerTitle: row.signerTitle,
  signerName: row.signerName,
});

function presentTask(row: q.TaskRow, today: CalendarDate, files: FileInfo[] = []): Task {
  const due = { at: row.dueAt.toISOString(), hasTime: row.dueHasTime };
  return {
    id: row.id,
    planId: row.planId,
    unitId: row.unitId,
    kind: row.kind,
    title: row.title,
    areaKey: row.areaKey,
    criteriaCodes: row.criteriaCodes,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    responsibleUnit: row.responsibleUnit,
    startDate: row.startDate,
    dueAt: due.at,
    dueHasTime: due.hasTime,
    status: row.status,
    progress: row.progress,
    doneAt: row.doneAt?.toISOString() ?? null,
    doneHasTime: row.doneHasTime,
    resultNote: row.resultNote,
    pointsAtStake: row.pointsAtStake,
    overdue: isTaskOverdue({ status: row.status, due }, today),
    files,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function presentTasks(ctx: AppContext, rows: q.TaskRow[]): Promise<Task[]> {
  const today = todayOf(ctx);
  const fileRows = await q.listTaskFiles(
    ctx.db,
    rows.map((r) => r.id),
  );
  const byTask = new Map<number, FileInfo[]>();
  for (const f of fileRows) {
    const list = byTask.get(f.taskId) ?? [];
    list.push(presentFile(f));
    byTask.set(f.taskId, list);
  }
  return rows.map((r) => presentTask(r, today, byTask.get(r.id)));
}

// ---------------------------------------------------------------- plans

export async function listPlans(ctx: AppContext, user: AuthUser, unitId: number): Promise<PlanSummary[]> {
  await requireUnitInScope(ctx, user, unitId);
  const rows = await q.listPlans(ctx.db, unitId);
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    status: r.status,
    numberLine: r.number ? `${r.number}/${r.symbol}` : `…/${r.symbol}`,
    issuedDate: r.issuedDate,
    title: r.title,
    taskCount: r.taskCount,
    doneCount: r.doneCount,
  }));
}

async function presentPlan(ctx: AppContext, row: q.PlanRow): Promise<Plan> {
  const today = todayOf(ctx);
  const tasks = await q.listTasks(ctx.db, row.id);
  const timed = tasks.map((t) => ({
    status: t.status,
    areaKey: t.areaKey,
    due: { at: t.dueAt.toISOString(), hasTime: t.dueHasTime },
  }));
  const kpis = (await taskKpisForUnits(ctx, [row.unitId], yearPeriod(row.year))).get(row.unitId);
  if (!kpis) throw new Error('no KPIs for the plan unit');
  return {
    ...documentOf(row),
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    year: row.year,
    status: row.status,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    issuedByName: row.issuedByName,
    updatedAt: row.updatedAt.toISOString(),
    today,
    totals: {
      total: tasks.length,
      done: tasks.filter((t) => t.status === 'done').length,
      overdue: timed.filter((t) => isTaskOverdue(t, today)).length,
    },
    progress: progressByArea(
      row.areas.map((a) => a.key),
      timed,
      today,
    ),
    kpis,
  };
}

export async function getPlan(ctx: AppContext, user: AuthUser, planId: number): Promise<Plan> {
  return presentPlan(ctx, await requirePlan(ctx, user, planId));
}

/** A new plan starts from the unit's plan of the year before, or from the usual wording of a commune plan. */
function startingDocument(
  unit: { name: string },
  year: number,
  previous: PlanDocument | null,
  previousYear: number,
): PlanDocument {
  const place = unit.name.replace(/^(xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s+/i, '');
  const base: PlanDocument = {
    number: null,
    symbol: 'KH-UBND',
    issuedDate: null,
    place,
    parentBody: null,
    issuingBody: `ỦY BAN NHÂN DÂN\n${unit.name.toUpperCase()}`,
    // "xã Vĩnh Lập" inside a sentence, as the seed writes it.
    title: `Cải thiện, nâng cao Chỉ số cải cách hành chính ${unit.name.charAt(0).toLowerCase()}${unit.name.slice(1)} năm ${year}`,
    preamble: '',
    purposes: [],
    requirements: [],
    areas: [],
    duties: [],
    closing: '',
    recipients: ['Phòng Nội vụ huyện;', 'TT Đảng ủy, HĐND, UBND xã;', 'Lưu: VT.'],
    signAuthority: 'TM. ỦY BAN NHÂN DÂN',
    signerTitle: 'CHỦ TỊCH',
    signerName: '',
  };
  if (!previous) return base;
  const bumpYear = (text: string) => text.replaceAll(String(previousYear), String(year));
  return {
    ...previous,
    number: null,
    issuedDate: null,
    title: bumpYear(previous.title),
    preamble: '',
    closing: bumpYear(previous.closing),
    duties: previous.duties.map((d) => ({ ...d, text: bumpYear(d.text) })),
  };
}

export async function createPlan(
  ctx: AppContext,
  user: AuthUser,
  input: { unitId: number; year: number },
): Promise<Plan> {
  const unit = await requireUnitInScope(ctx, user, input.unitId);
  requireWriter(user, unit.id);
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    if (await q.findPlanId(tx, unit.id, input.year)) throw conflict('plans.exists', { year: input.year });
    const previousId = await q.findPlanId(tx, unit.id, input.year - 1);
    const previous = previousId ? await q.findPlan(tx, previousId) : undefined;
    const doc = startingDocument(unit, input.year, previous ? documentOf(previous) : null, input.year - 1);
    const id = await q.insertPlan(
      tx,
      { ...doc, unitId: unit.id, year: input.year, createdBy: user.id },
      ctx.now(),
    );
    const created = await q.findPlan(tx, id);
    if (!created) throw new Error('plan vanished after insert');
    return presentPlan(scoped, created);
  });
}

function checkDocument(doc: PlanDocument): void {
  const keys = new Set<string>();
  doc.areas.forEach((area, i) => {
    if (keys.has(area.key)) throw invalidField(`areas.${i}.key`, `Khoá lĩnh vực "${area.key}" bị trùng.`);
    keys.add(area.key);
  });
}

async function ensureRemovedAreasEmpty(ctx: AppContext, plan: q.PlanRow, next: PlanDocument) {
  const kept = new Set(next.areas.map((a) => a.key));
  const removed = plan.areas.filter((a) => !kept.has(a.key));
  const counts = await q.countTasksInAreas(
    ctx.db,
    plan.id,
    removed.map((a) => a.key),
  );
  const used = counts.find((c) => c.count > 0);
  if (used) {
    const area = removed.find((a) => a.key === used.areaKey);
    throw conflict('plans.areaInUse', { name: area?.name ?? '', count: used.count });
  }
}

/**
 * Saves the plan's document. A draft is edited freely by the unit's officers and head;
 * an issued plan only by its head, with a reason, and every changed field is recorded.
 */
export async function updatePlan(
  ctx: AppContext,
  user: AuthUser,
  planId: number,
  input: { document: PlanDocument; reason?: string },
): Promise<Plan> {
  const plan = await requirePlan(ctx, user, planId);
  checkDocument(input.document);
  const next: PlanDocument =
    plan.status === 'issued'
      ? { ...input.document, number: plan.number, issuedDate: plan.issuedDate }
      : input.document;
  if (plan.status === 'draft') requireWriter(user, plan.unitId);
  else {
    requireHead(user, plan.unitId);
    if (!input.reason?.trim()) throw new AppError(400, 'plans.reasonRequired');
  }
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    await ensureRemovedAreasEmpty(scoped, plan, next);
    const changes = diffPlanDocument(documentOf(plan), next);
    if (changes.length === 0) return presentPlan(scoped, plan);
    const now = ctx.now();
    await q.updatePlanDocument(tx, plan.id, next, now);
    if (plan.status === 'issued') {
      await q.insertAmendment(
        tx,
        { planId: plan.id, amendedBy: user.id, reason: input.reason?.trim() ?? '', changes },
        now,
      );
    }
    const updated = await q.findPlan(tx, plan.id);
    if (!updated) throw new Error('plan vanished after update');
    return presentPlan(scoped, updated);
  });
}

/** Draft → issued, by the unit's head: the plan gets its number and date and is frozen. */
export async function issuePlan(
  ctx: AppContext,
  user: AuthUser,
  planId: number,
  input: { number: string | null; issuedDate: string },
): Promise<Plan> {
  const plan = await requirePlan(ctx, user, planId);
  requireHead(user, plan.unitId);
  if (plan.status === 'issued') throw conflict('plans.alreadyIssued');
  const issuedDate = parseDate(input.issuedDate, 'issuedDate');
  if (issuedDate > todayOf(ctx)) throw invalidField('issuedDate', 'Ngày ban hành không được sau hôm nay.');
  const missing: string[] = [];
  if (!plan.title.trim()) missing.push('trích yếu');
  if (!plan.signerName.trim()) missing.push('người ký');
  if (plan.areas.length === 0) missing.push('nội dung theo lĩnh vực');
  if (missing.length > 0) throw new AppError(400, 'plans.incomplete', { missing: missing.join(', ') });
  await q.markIssued(
    ctx.db,
    plan.id,
    { number: input.number?.trim() || null, issuedDate, issuedBy: user.id },
    ctx.now(),
  );
  return getPlan(ctx, user, plan.id);
}

export interface Amendment {
  id: number;
  amendedAt: string;
  amendedByName: string;
  reason: string;
  changes: DocumentChange[];
}

export async function listAmendments(ctx: AppContext, user: AuthUser, planId: number): Promise<Amendment[]> {
  const plan = await requirePlan(ctx, user, planId);
  const rows = await q.listAmendments(ctx.db, plan.id);
  return rows.map((r) => ({ ...r, amendedAt: r.amendedAt.toISOString() }));
}

export async function exportPlanDocx(
  ctx: AppContext,
  user: AuthUser,
  planId: number,
): Promise<{ filename: string; body: Buffer }> {
  const plan = await requirePlan(ctx, user, planId);
  const body = await planDocx(documentOf(plan), plan.year);
  const unitSlug = plan.unitName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { filename: `ke-hoach-cchc-${unitSlug}-${plan.year}.docx`, body };
}

/** The people of the plan's unit a task can be given to. */
export async function listAssignees(ctx: AppContext, user: AuthUser, planId: number) {
  const plan = await requirePlan(ctx, user, planId);
  return listUnitMembers(ctx.db, plan.unitId);
}

// ---------------------------------------------------------------- tasks

export interface TaskFilterInput {
  areaKey?: string;
  assigneeId?: number;
  status?: TaskStatus;
  overdue?: boolean;
}

const toFilter = (ctx: AppContext, input: TaskFilterInput): q.TaskFilter => ({
  areaKey: input.areaKey,
  assigneeId: input.assigneeId,
  status: input.status,
  overdueOn: input.overdue ? todayOf(ctx) : undefined,
});

export async function listPlanTasks(
  ctx: AppContext,
  user: AuthUser,
  planId: number,
  filter: TaskFilterInput,
): Promise<Task[]> {
  const plan = await requirePlan(ctx, user, planId);
  return presentTasks(ctx, await q.listTasks(ctx.db, plan.id, toFilter(ctx, filter)));
}

/** "My tasks": what the signed-in person is responsible for, in every plan, earliest due first. */
export async function listMyTasks(
  ctx: AppContext,
  user: AuthUser,
  filter: Omit<TaskFilterInput, 'assigneeId' | 'areaKey'>,
): Promise<(Task & { planYear: number; unitName: string })[]> {
  const rows = await q.listAssignedTasks(ctx.db, user.id, toFilter(ctx, filter));
  // Tasks given to someone who since moved unit stay theirs to see only while they reach the unit.
  const reachable = rows.filter((r) => r.unitId === user.unitId);
  const tasks = await presentTasks(ctx, reachable);
  return tasks.map((t, i) => ({
    ...t,
    planYear: reachable[i]?.planYear ?? 0,
    unitName: reachable[i]?.unitName ?? '',
  }));
}

export interface TaskInput {
  kind: PlanTaskKind;
  title: string;
  areaKey: string | null;
  criteriaCodes: string[];
  assigneeId: number | null;
  responsibleUnit: string | null;
  startDate: string | null;
  due: string;
  status: TaskStatus;
  progress: number;
  done: string | null;
  resultNote: string | null;
}

/** Status, progress and done date settled together: a task is done exactly when it has a done date. */
function settleState(
  ctx: AppContext,
  current: { status: TaskStatus; progress: number; done: VnMoment | null },
  change: { status?: TaskStatus; progress?: number; done?: string | null },
): { status: TaskStatus; progress: number; done: VnMoment | null } {
  let done = current.done;
  if (change.done !== undefined) done = change.done === null ? null : parseMoment(change.done, 'done');
  let status = change.status ?? (change.done ? 'done' : current.status);
  if (change.done === null && change.status === undefined && status === 'done') status = 'doing';
  if (status === 'done' && !done) {
    // Marked done without a date: done now, to the minute.
    done = { at: ctx.now().toISOString(), hasTime: true };
  }
  if (status !== 'done') done = null;
  if (done && vnDateOf(done.at) > todayOf(ctx))
    throw invalidField('done', 'Ngày hoàn thành không được sau hôm nay.');
  let progress = change.progress ?? current.progress;
  if (status === 'done') progress = 100;
  else if (change.status !== undefined && current.status === 'done' && change.progress === undefined)
    progress = 0;
  if (status !== 'done' && progress === 100 && change.progress === 100) {
    throw invalidField('progress', 'Tiến độ 100% là hoàn thành: chọn trạng thái "Hoàn thành".');
  }
  return { status, progress, done };
}

async function checkTaskRefs(
  ctx: AppContext,
  plan: { unitId: number; year: number; areas: { key: string }[] },
  input: { areaKey?: string | null; assigneeId?: number | null; criteriaCodes?: string[] },
) {
  if (input.areaKey && !plan.areas.some((a) => a.key === input.areaKey)) {
    throw invalidField('areaKey', `Kế hoạch không có lĩnh vực "${input.areaKey}".`);
  }
  if (input.assigneeId) {
    const members = await listUnitMembers(ctx.db, plan.unitId);
    if (!members.some((m) => m.id === input.assigneeId)) {
      throw invalidField('assigneeId', 'Người phụ trách phải là người dùng đang hoạt động của đơn vị.');
    }
  }
  if (input.criteriaCodes && input.criteriaCodes.length > 0) {
    const unknown = await unknownCriterionCodes(ctx, plan.unitId, plan.year, input.criteriaCodes);
    const first = unknown[0];
    if (first) throw invalidField('criteriaCodes', first.message);
  }
}

function checkDates(startDate: CalendarDate | null, due: VnMoment, done: VnMoment | null) {
  if (startDate && startDate > vnDateOf(due.at))
    throw invalidField('startDate', 'Ngày bắt đầu sau hạn hoàn thành.');
  if (startDate && done && vnDateOf(done.at) < startDate) {
    throw invalidField('done', 'Ngày hoàn thành trước ngày bắt đầu.');
  }
}

/** A task's dates and state as stored: the due and done moments split into instant and has-time. */
function storedTiming(
  startDate: CalendarDate | null,
  due: VnMoment,
  state: { status: TaskStatus; progress: number; done: VnMoment | null },
) {
  return {
    startDate,
    dueAt: new Date(due.at),
    dueHasTime: due.hasTime,
    status: state.status,
    progress: state.progress,
    doneAt: state.done ? new Date(state.done.at) : null,
    doneHasTime: state.done?.hasTime ?? false,
  };
}

/** Who recorded a task done and when: set when its done moment is new, cleared when it is reopened. */
function doneRecord(done: VnMoment | null, previousDoneAt: Date | null, userId: number, now: Date) {
  if (done === null) return { doneRecordedBy: null, doneRecordedAt: null };
  return previousDoneAt?.toISOString() === done.at ? {} : { doneRecordedBy: userId, doneRecordedAt: now };
}

export async function createTask(
  ctx: AppContext,
  user: AuthUser,
  planId: number,
  input: TaskInput,
): Promise<Task> {
  const plan = await requirePlan(ctx, user, planId);
  requireWriter(user, plan.unitId);
  await checkTaskRefs(ctx, plan, input);
  const due = parseMoment(input.due, 'due');
  const startDate = input.startDate ? parseDate(input.startDate, 'startDate') : null;
  const state = settleState(ctx, { status: 'todo', progress: 0, done: null }, input);
  checkDates(startDate, due, state.done);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const [id] = await q.insertTasks(
      tx,
      plan.id,
      plan.unitId,
      [
        {
          kind: input.kind,
          title: input.title,
          areaKey: input.areaKey,
          criteriaCodes: input.criteriaCodes,
          assigneeId: input.assigneeId,
          responsibleUnit: input.responsibleUnit,
          ...storedTiming(startDate, due, state),
          doneRecordedBy: state.done ? user.id : null,
          resultNote: input.resultNote,
          pointsAtStake: null,
        },
      ],
      now,
    );
    if (id === undefined) throw new Error('task insert returned no id');
    if (plan.status === 'issued') {
      await q.insertAmendment(
        tx,
        {
          planId: plan.id,
          amendedBy: user.id,
          reason: 'Bổ sung nhiệm vụ vào kế hoạch đã ban hành',
          changes: [
            { field: 'Nhiệm vụ', before: '(chưa có)', after: `${input.title} — hạn ${formatVnMoment(due)}` },
          ],
        },
        now,
      );
    }
    const row = await q.findTask(tx, id);
    if (!row) throw new Error('task vanished after insert');
    return presentTask(row, todayOf(ctx));
  });
}

export async function updateTask(
  ctx: AppContext,
  user: AuthUser,
  taskId: number,
  input: Partial<TaskInput> & { reason?: string },
): Promise<Task> {
  const task = await requireTask(ctx, user, taskId);
  requireWriter(user, task.unitId);
  const plan = await q.findPlan(ctx.db, task.planId);
  if (!plan) throw notFound();
  const currentDue: VnMoment = { at: task.dueAt.toISOString(), hasTime: task.dueHasTime };
  const due = input.due !== undefined ? parseMoment(input.due, 'due') : currentDue;
  // On an issued plan, a task's title, kind and due date are the plan itself: changing
  // them needs the head and a reason, and is recorded like any amendment.
  const changes: DocumentChange[] = [];
  if (input.title !== undefined && input.title !== task.title) {
    changes.push({ field: `Nhiệm vụ #${task.id} — tên`, before: task.title, after: input.title });
  }
  if (input.kind !== undefined && input.kind !== task.kind) {
    const label = (k: PlanTaskKind) => PLAN_TASK_KINDS.find((x) => x.code === k)?.vi ?? k;
    changes.push({
      field: `Nhiệm vụ #${task.id} — loại`,
      before: label(task.kind),
      after: label(input.kind),
    });
  }
  if (formatVnMoment(due) !== formatVnMoment(currentDue)) {
    changes.push({
      field: `Nhiệm vụ #${task.id} — hạn`,
      before: formatVnMoment(currentDue),
      after: formatVnMoment(due),
    });
  }
  if (plan.status === 'issued' && changes.length > 0) {
    requireHead(user, task.unitId);
    if (!input.reason?.trim()) throw new AppError(400, 'plans.reasonRequired');
  }
  await checkTaskRefs(ctx, plan, input);
  const startDate =
    input.startDate === undefined
      ? task.startDate
      : input.startDate
        ? parseDate(input.startDate, 'startDate')
        : null;
  const currentDone = task.doneAt ? { at: task.doneAt.toISOString(), hasTime: task.doneHasTime } : null;
  const state = settleState(ctx, { status: task.status, progress: task.progress, done: currentDone }, input);
  checkDates(startDate, due, state.done);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    await q.updateTask(
      tx,
      task.id,
      {
        kind: input.kind,
        title: input.title,
        areaKey: input.areaKey,
        criteriaCodes: input.criteriaCodes,
        assigneeId: input.assigneeId,
        responsibleUnit: input.responsibleUnit,
        ...storedTiming(startDate, due, state),
        resultNote: input.resultNote,
        ...doneRecord(state.done, task.doneAt, user.id, now),
      },
      now,
    );
    if (plan.status === 'issued' && changes.length > 0) {
      await q.insertAmendment(
        tx,
        { planId: plan.id, amendedBy: user.id, reason: input.reason?.trim() ?? '', changes },
        now,
      );
    }
    const [row] = await q.listTasks(tx, plan.id).then((rows) => rows.filter((r) => r.id === task.id));
    if (!row) throw new Error('task vanished after update');
    return (await presentTasks({ ...ctx, db: tx }, [row]))[0] as Task;
  });
}

export async function deleteTask(
  ctx: AppContext,
  user: AuthUser,
  taskId: number,
  reason?: string,
): Promise<void> {
  const task = await requireTask(ctx, user, taskId);
  requireWriter(user, task.unitId);
  if (task.planStatus === 'issued') {
    requireHead(user, task.unitId);
    if (!reason?.trim()) throw new AppError(400, 'plans.reasonRequired');
  }
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    if (task.planStatus === 'issued') {
      await q.insertAmendment(
        tx,
        {
          planId: task.planId,
          amendedBy: user.id,
          reason: reason?.trim() ?? '',
          changes: [{ field: `Nhiệm vụ #${task.id}`, before: task.title, after: '(đã bỏ)' }],
        },
        now,
      );
    }
    await q.deleteTask(tx, task.id);
  });
}

// ---------------------------------------------------------------- evidence

export async function attachEvidence(
  ctx: AppContext,
  user: AuthUser,
  taskId: number,
  file: MultipartFile,
): Promise<Task> {
  const task = await requireTask(ctx, user, taskId).catch((error: unknown) => {
    file.file.resume();
    throw error;
  });
  try {
    requireWriter(user, task.unitId);
  } catch (error) {
    file.file.resume();
    throw error;
  }
  const { id } = await saveUpload(
    ctx,
    { unitId: task.unitId, uploadedBy: user.id },
    { stream: file.file, filename: file.filename },
  );
  await q.attachFile(ctx.db, task.id, id, ctx.now());
  return getTask(ctx, user, task.id);
}

export async function detachEvidence(
  ctx: AppContext,
  user: AuthUser,
  taskId: number,
  fileId: number,
): Promise<Task> {
  const task = await requireTask(ctx, user, taskId);
  requireWriter(user, task.unitId);
  if ((await q.detachFile(ctx.db, task.id, fileId)) === 0) throw notFound();
  return getTask(ctx, user, task.id);
}

export async function getTask(ctx: AppContext, user: AuthUser, taskId: number): Promise<Task> {
  const task = await requireTask(ctx, user, taskId);
  const [row] = (await q.listTasks(ctx.db, task.planId)).filter((r) => r.id === task.id);
  if (!row) throw notFound();
  return (await presentTasks(ctx, [row]))[0] as Task;
}

// ---------------------------------------------------------------- proposals

/**
 * "Start from last year's result": every criterion that lost points becomes a task of
 * the plan, the most points at stake first, due at the end of the plan's year. A
 * criterion some task already answers is skipped, so feeding the same result twice adds nothing.
 */
export async function addTasksFromLostPoints(
  ctx: AppContext,
  user: AuthUser,
  planId: number,
  criteria: LostCriterion[],
): Promise<Task[]> {
  const plan = await requirePlan(ctx, user, planId);
  requireWriter(user, plan.unitId);
  const unknown = await unknownCriterionCodes(
    ctx,
    plan.unitId,
    plan.year,
    criteria.map((c) => c.code),
  );
  if (unknown[0]) throw invalidField('criteria', unknown[0].message);
  const existing = await q.listTasks(ctx.db, plan.id);
  const covered = new Set(existing.flatMap((t) => t.criteriaCodes));
  const proposals = proposeTasksFromLostPoints(criteria).filter(
    (p) => !p.criteriaCodes.some((c) => covered.has(c)),
  );
  const due = parseMoment(`31/12/${plan.year}`, 'due');
  return ctx.db.transaction(async (tx) => {
    const ids = await q.insertTasks(
      tx,
      plan.id,
      plan.unitId,
      proposals.map((p) => ({
        kind: 'plan' as const,
        title: p.title,
        areaKey: null,
        criteriaCodes: [...p.criteriaCodes],
        assigneeId: null,
        responsibleUnit: null,
        startDate: null,
        dueAt: new Date(due.at),
        dueHasTime: false,
        status: 'todo' as const,
        progress: 0,
        doneAt: null,
        doneHasTime: false,
        doneRecordedBy: null,
        resultNote: null,
        pointsAtStake: p.pointsAtStake,
      })),
      ctx.now(),
    );
    const rows = (await q.listTasks(tx, plan.id)).filter((r) => ids.includes(r.id));
    rows.sort((a, b) => (b.pointsAtStake ?? 0) - (a.pointsAtStake ?? 0) || a.position - b.position);
    return presentTasks({ ...ctx, db: tx }, rows);
  });
}

// ---------------------------------------------------------------- Excel

const statusLabel = (s: TaskStatus) => TASK_STATUSES.find((x) => x.code === s)?.vi ?? s;
const kindLabel = (k: PlanTaskKind) => PLAN_TASK_KINDS.find((x) => x.code === k)?.vi ?? k;

export async function exportTasks(
  ctx: AppContext,
  user: AuthUser,
  planId: number,
): Promise<{ filename: string; header: string[]; rows: (string | number)[][] }> {
  const plan = await requirePlan(ctx, user, planId);
  const rows = await q.listTasks(ctx.db, plan.id);
  const areaName = new Map(plan.areas.map((a) => [a.key, a.name]));
  const members = await listUnitMembers(ctx.db, plan.unitId);
  const username = new Map(members.map((m) => [m.id, m.username]));
  const c = TASK_COLUMNS;
  return {
    filename: `nhiem-vu-ke-hoach-${plan.year}.xlsx`,
    header: [
      c.id,
      c.title,
      c.kind,
      c.area,
      c.criteria,
      c.assignee,
      c.responsibleUnit,
      c.startDate,
      c.due,
      c.status,
      c.progress,
      c.done,
      c.resultNote,
    ],
    rows: rows.map((r) => [
      r.id,
      r.title,
      kindLabel(r.kind),
      r.areaKey ? (areaName.get(r.areaKey) ?? '') : '',
      r.criteriaCodes.join(', '),
      r.assigneeId ? (username.get(r.assigneeId) ?? r.assigneeName ?? '') : '',
      r.responsibleUnit ?? '',
      r.startDate ? formatVnDate(r.startDate) : '',
      formatVnMoment({ at: r.dueAt.toISOString(), hasTime: r.dueHasTime }),
      statusLabel(r.status),
      r.progress,
      r.doneAt ? formatVnMoment({ at: r.doneAt.toISOString(), hasTime: r.doneHasTime }) : '',
      r.resultNote ?? '',
    ]),
  };
}

/**
 * Imports a task sheet all-or-nothing: rows with a "Mã nhiệm vụ" update that task, the
 * others are added. Into an issued plan only the head imports, and the import is recorded.
 */
export async function importTasks(
  ctx: AppContext,
  user: AuthUser,
  planId: number,
  table: { header: TableRow; rows: TableRow[] },
  filename: string,
): Promise<{ inserted: number; updated: number }> {
  const plan = await requirePlan(ctx, user, planId);
  requireWriter(user, plan.unitId);
  if (plan.status === 'issued') requireHead(user, plan.unitId);
  return ctx.db.transaction(async (tx) => {
    const existing = await q.listTasks(tx, plan.id);
    const members = await listUnitMembers(tx, plan.unitId);
    const { records, errors } = parseTaskRows(table.header.cells, table.rows, {
      areas: plan.areas,
      members,
      taskIds: new Set(existing.map((t) => t.id)),
      today: todayOf(ctx),
    });
    const rowErrors: RowError[] = [...errors];
    const allCodes = [...new Set(records.flatMap((r) => r.criteriaCodes))];
    const unknown = new Map(
      (await unknownCriterionCodes({ ...ctx, db: tx }, plan.unitId, plan.year, allCodes)).map((u) => [
        u.code,
        u.message,
      ]),
    );
    for (const r of records) {
      for (const code of r.criteriaCodes) {
        const message = unknown.get(code);
        if (message) rowErrors.push({ row: r.row, field: TASK_COLUMNS.criteria, message });
      }
    }
    if (rowErrors.length > 0) throw importRefused(rowErrors.sort((a, b) => a.row - b.row));

    const now = ctx.now();
    const values = (r: TaskImportRecord) => ({
      kind: r.kind,
      title: r.title,
      areaKey: r.areaKey,
      criteriaCodes: r.criteriaCodes,
      assigneeId: r.assigneeId,
      responsibleUnit: r.responsibleUnit,
      ...storedTiming(r.startDate, r.due, r),
      resultNote: r.resultNote,
    });
    const byId = new Map(existing.map((t) => [t.id, t]));
    const changes: DocumentChange[] = [];
    let updated = 0;
    for (const r of records) {
      if (r.id === null) continue;
      const old = byId.get(r.id);
      if (!old) continue;
      const oldDue = formatVnMoment({ at: old.dueAt.toISOString(), hasTime: old.dueHasTime });
      if (old.title !== r.title)
        changes.push({ field: `Nhiệm vụ #${old.id} — tên`, before: old.title, after: r.title });
      if (oldDue !== formatVnMoment(r.due))
        changes.push({ field: `Nhiệm vụ #${old.id} — hạn`, before: oldDue, after: formatVnMoment(r.due) });
      await q.updateTask(
        tx,
        r.id,
        {
          ...values(r),
          pointsAtStake: old.pointsAtStake,
          ...doneRecord(r.done, old.doneAt, user.id, now),
        },
        now,
      );
      updated += 1;
    }
    const added = records.filter((r) => r.id === null);
    await q.insertTasks(
      tx,
      plan.id,
      plan.unitId,
      added.map((r) => ({ ...values(r), pointsAtStake: null, doneRecordedBy: r.done ? user.id : null })),
      now,
    );
    for (const r of added) changes.push({ field: 'Nhiệm vụ', before: '(chưa có)', after: r.title });
    if (plan.status === 'issued' && changes.length > 0) {
      await q.insertAmendment(
        tx,
        { planId: plan.id, amendedBy: user.id, reason: `Nhập nhiệm vụ từ tệp ${filename}`, changes },
        now,
      );
    }
    return { inserted: added.length, updated };
  });
}
