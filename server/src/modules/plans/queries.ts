import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { PlanTaskKind } from '#core/kpi/index';
import type { PlanDocument, TaskStatus } from '#core/plan/index';
import type { CalendarDate, Period } from '#core/time/index';
import { type Db, queryRows } from '../../db/client';
import { fileColumns } from '../files/queries';
import { files } from '../files/schema';
import { units } from '../units/schema';
import { users } from '../users/schema';
import { planAmendments, plans, planTaskFiles, planTasks } from './schema';

// ---------------------------------------------------------------- plans

const planColumns = {
  id: plans.id,
  unitId: plans.unitId,
  unitName: units.name,
  unitPath: units.path,
  year: plans.year,
  status: plans.status,
  number: plans.number,
  symbol: plans.symbol,
  issuedDate: plans.issuedDate,
  place: plans.place,
  parentBody: plans.parentBody,
  issuingBody: plans.issuingBody,
  title: plans.title,
  preamble: plans.preamble,
  purposes: plans.purposes,
  requirements: plans.requirements,
  areas: plans.areas,
  duties: plans.duties,
  closing: plans.closing,
  recipients: plans.recipients,
  signAuthority: plans.signAuthority,
  signerTitle: plans.signerTitle,
  signerName: plans.signerName,
  issuedAt: plans.issuedAt,
  issuedByName: users.fullName,
  updatedAt: plans.updatedAt,
};

export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export async function findPlan(db: Db, id: number) {
  const [row] = await db
    .select(planColumns)
    .from(plans)
    .innerJoin(units, eq(units.id, plans.unitId))
    .leftJoin(users, eq(users.id, plans.issuedBy))
    .where(eq(plans.id, id));
  return row;
}

export async function findPlanId(db: Db, unitId: number, year: number): Promise<number | undefined> {
  const [row] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.unitId, unitId), eq(plans.year, year)));
  return row?.id;
}

/** Plans of a unit, newest year first, with how many of their tasks are done. */
export async function listPlans(db: Db, unitId: number) {
  return db
    .select({
      id: plans.id,
      year: plans.year,
      status: plans.status,
      number: plans.number,
      symbol: plans.symbol,
      issuedDate: plans.issuedDate,
      title: plans.title,
      taskCount: sql<number>`(select count(*)::int from ${planTasks} where ${planTasks.planId} = ${plans.id})`,
      doneCount: sql<number>`(select count(*)::int from ${planTasks} where ${planTasks.planId} = ${plans.id} and ${planTasks.status} = 'done')`,
    })
    .from(plans)
    .where(eq(plans.unitId, unitId))
    .orderBy(desc(plans.year));
}

export async function insertPlan(
  db: Db,
  values: PlanDocument & { unitId: number; year: number; createdBy: number },
  now: Date,
): Promise<number> {
  const [row] = await db
    .insert(plans)
    .values({
      ...documentValues(values),
      unitId: values.unitId,
      year: values.year,
      createdBy: values.createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: plans.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

function documentValues(doc: PlanDocument) {
  return {
    number: doc.number,
    symbol: doc.symbol,
    issuedDate: doc.issuedDate,
    place: doc.place,
    parentBody: doc.parentBody,
    issuingBody: doc.issuingBody,
    title: doc.title,
    preamble: doc.preamble,
    purposes: [...doc.purposes],
    requirements: [...doc.requirements],
    areas: doc.areas.map((a) => ({ ...a, contents: [...a.contents], targets: [...a.targets] })),
    duties: [...doc.duties],
    closing: doc.closing,
    recipients: [...doc.recipients],
    signAuthority: doc.signAuthority,
    signerTitle: doc.signerTitle,
    signerName: doc.signerName,
  };
}

export async function updatePlanDocument(db: Db, id: number, doc: PlanDocument, now: Date): Promise<void> {
  await db
    .update(plans)
    .set({ ...documentValues(doc), updatedAt: now })
    .where(eq(plans.id, id));
}

export async function markIssued(
  db: Db,
  id: number,
  values: { number: string | null; issuedDate: CalendarDate; issuedBy: number },
  now: Date,
): Promise<void> {
  await db
    .update(plans)
    .set({ ...values, status: 'issued', issuedAt: now, updatedAt: now })
    .where(eq(plans.id, id));
}

export async function insertAmendment(
  db: Db,
  values: {
    planId: number;
    amendedBy: number;
    reason: string;
    changes: { field: string; before: string; after: string }[];
  },
  now: Date,
): Promise<void> {
  await db.insert(planAmendments).values({ ...values, amendedAt: now });
}

export async function listAmendments(db: Db, planId: number) {
  return db
    .select({
      id: planAmendments.id,
      amendedAt: planAmendments.amendedAt,
      amendedByName: users.fullName,
      reason: planAmendments.reason,
      changes: planAmendments.changes,
    })
    .from(planAmendments)
    .innerJoin(users, eq(users.id, planAmendments.amendedBy))
    .where(eq(planAmendments.planId, planId))
    .orderBy(desc(planAmendments.amendedAt), desc(planAmendments.id));
}

// ---------------------------------------------------------------- tasks

/** The Vietnam-local day of a timestamptz, without relying on the server's time-zone data. */
const vnDay = (column: SQL | AnyPgColumn) => sql`((${column} at time zone 'UTC') + interval '7 hours')::date`;

const assignees = alias(users, 'assignee');

const taskColumns = {
  id: planTasks.id,
  planId: planTasks.planId,
  unitId: planTasks.unitId,
  kind: planTasks.kind,
  title: planTasks.title,
  areaKey: planTasks.areaKey,
  criteriaCodes: planTasks.criteriaCodes,
  assigneeId: planTasks.assigneeId,
  assigneeName: assignees.fullName,
  responsibleUnit: planTasks.responsibleUnit,
  startDate: planTasks.startDate,
  dueAt: planTasks.dueAt,
  dueHasTime: planTasks.dueHasTime,
  status: planTasks.status,
  progress: planTasks.progress,
  doneAt: planTasks.doneAt,
  doneHasTime: planTasks.doneHasTime,
  resultNote: planTasks.resultNote,
  pointsAtStake: planTasks.pointsAtStake,
  position: planTasks.position,
  updatedAt: planTasks.updatedAt,
};

export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

export interface TaskFilter {
  areaKey?: string;
  assigneeId?: number;
  status?: TaskStatus;
  /** Only tasks not done whose due day is before this day. */
  overdueOn?: CalendarDate;
}

function taskConditions(filter: TaskFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.areaKey !== undefined) conditions.push(eq(planTasks.areaKey, filter.areaKey));
  if (filter.assigneeId !== undefined) conditions.push(eq(planTasks.assigneeId, filter.assigneeId));
  if (filter.status !== undefined) conditions.push(eq(planTasks.status, filter.status));
  if (filter.overdueOn !== undefined) {
    conditions.push(ne(planTasks.status, 'done'), sql`${vnDay(planTasks.dueAt)} < ${filter.overdueOn}::date`);
  }
  return conditions;
}

export async function listTasks(db: Db, planId: number, filter: TaskFilter = {}) {
  return db
    .select(taskColumns)
    .from(planTasks)
    .leftJoin(assignees, eq(assignees.id, planTasks.assigneeId))
    .where(and(eq(planTasks.planId, planId), ...taskConditions(filter)))
    .orderBy(asc(planTasks.position), asc(planTasks.id));
}

/** Tasks given to one person, in every plan, the earliest due first; with their plan's year and unit. */
export async function listAssignedTasks(db: Db, userId: number, filter: TaskFilter = {}) {
  return db
    .select({ ...taskColumns, planYear: plans.year, unitName: units.name })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .innerJoin(units, eq(units.id, planTasks.unitId))
    .leftJoin(assignees, eq(assignees.id, planTasks.assigneeId))
    .where(and(eq(planTasks.assigneeId, userId), ...taskConditions(filter)))
    .orderBy(asc(planTasks.dueAt), asc(planTasks.id));
}

/** A task with what deciding access needs: its plan's state and its unit's path. */
export async function findTask(db: Db, id: number) {
  const [row] = await db
    .select({ ...taskColumns, planStatus: plans.status, planYear: plans.year, unitPath: units.path })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .innerJoin(units, eq(units.id, planTasks.unitId))
    .leftJoin(assignees, eq(assignees.id, planTasks.assigneeId))
    .where(eq(planTasks.id, id));
  return row;
}

export interface TaskValues {
  kind: PlanTaskKind;
  title: string;
  areaKey: string | null;
  criteriaCodes: string[];
  assigneeId: number | null;
  responsibleUnit: string | null;
  startDate: CalendarDate | null;
  dueAt: Date;
  dueHasTime: boolean;
  status: TaskStatus;
  progress: number;
  doneAt: Date | null;
  doneHasTime: boolean;
  resultNote: string | null;
  pointsAtStake: number | null;
}

export async function insertTasks(
  db: Db,
  planId: number,
  unitId: number,
  rows: (TaskValues & { doneRecordedBy: number | null })[],
  now: Date,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const [last] = await db
    .select({ max: sql<number>`coalesce(max(${planTasks.position}), 0)::int` })
    .from(planTasks)
    .where(eq(planTasks.planId, planId));
  const start = last?.max ?? 0;
  const inserted = await db
    .insert(planTasks)
    .values(
      rows.map((r, i) => ({
        ...r,
        planId,
        unitId,
        position: start + i + 1,
        doneRecordedAt: r.doneAt ? now : null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: planTasks.id });
  return inserted.map((r) => r.id);
}

export async function updateTask(
  db: Db,
  id: number,
  values: Partial<TaskValues> & { doneRecordedBy?: number | null; doneRecordedAt?: Date | null },
  now: Date,
): Promise<void> {
  await db
    .update(planTasks)
    .set({ ...values, updatedAt: now })
    .where(eq(planTasks.id, id));
}

export async function deleteTask(db: Db, id: number): Promise<void> {
  await db.delete(planTasks).where(eq(planTasks.id, id));
}

/** How many tasks of a plan sit in each of the given areas. */
export async function countTasksInAreas(db: Db, planId: number, areaKeys: string[]) {
  if (areaKeys.length === 0) return [];
  return db
    .select({ areaKey: planTasks.areaKey, count: sql<number>`count(*)::int` })
    .from(planTasks)
    .where(and(eq(planTasks.planId, planId), inArray(planTasks.areaKey, areaKeys)))
    .groupBy(planTasks.areaKey);
}

// ---------------------------------------------------------------- evidence

export async function attachFile(db: Db, taskId: number, fileId: number, now: Date): Promise<void> {
  await db.insert(planTaskFiles).values({ taskId, fileId, attachedAt: now }).onConflictDoNothing();
}

export async function detachFile(db: Db, taskId: number, fileId: number): Promise<number> {
  const removed = await db
    .delete(planTaskFiles)
    .where(and(eq(planTaskFiles.taskId, taskId), eq(planTaskFiles.fileId, fileId)))
    .returning({ fileId: planTaskFiles.fileId });
  return removed.length;
}

export async function listTaskFiles(db: Db, taskIds: number[]) {
  if (taskIds.length === 0) return [];
  return db
    .select({ taskId: planTaskFiles.taskId, ...fileColumns })
    .from(planTaskFiles)
    .innerJoin(files, eq(files.id, planTaskFiles.fileId))
    .innerJoin(users, eq(users.id, files.uploadedBy))
    .where(inArray(planTaskFiles.taskId, taskIds))
    .orderBy(asc(planTaskFiles.attachedAt), asc(files.id));
}

// ---------------------------------------------------------------- KPIs

/**
 * Per unit and task kind: tasks due in the period, and those of them done by their due
 * date — SPEC §5 / `planTasksDoneRate` in SQL. A done moment meets the due moment on an
 * earlier Vietnam day, or on the due day unless both carry a time and it is later.
 */
export async function taskKpiCounts(db: Db, unitIds: number[], period: Period) {
  if (unitIds.length === 0) return [];
  const t = planTasks;
  return queryRows<{ unitId: number; kind: PlanTaskKind; due: number; doneOnTime: number }>(
    db,
    sql`select ${t.unitId} as "unitId", ${t.kind} as kind, count(*)::int as due,
          count(*) filter (where ${t.doneAt} is not null and (
            ${vnDay(t.doneAt)} < ${vnDay(t.dueAt)}
            or (${vnDay(t.doneAt)} = ${vnDay(t.dueAt)}
                and (not ${t.doneHasTime} or not ${t.dueHasTime} or ${t.doneAt} <= ${t.dueAt}))
          ))::int as "doneOnTime"
        from ${t}
        where ${inArray(t.unitId, unitIds)}
          and ${vnDay(t.dueAt)} between ${period.from}::date and ${period.to}::date
        group by ${t.unitId}, ${t.kind}`,
  );
}
