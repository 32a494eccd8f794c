import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { PLAN_TASK_KINDS, type PlanTaskKind } from '#core/kpi/index';
import type { PlanArea, PlanDuty } from '#core/plan/index';
import { files } from '../files/schema';
import { units } from '../units/schema';
import { users } from '../users/schema';

const KIND_CODES = PLAN_TASK_KINDS.map((k) => k.code) as [PlanTaskKind, ...PlanTaskKind[]];
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// The annual PAR plan of a unit (issue 5): the document fields as printed, the ordered
// lists as JSON arrays (they are read and printed whole), and its tasks in their own table
// because tasks are filtered, counted and scored one by one.
export const plans = pgTable(
  'plans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    status: text('status', { enum: ['draft', 'issued'] })
      .notNull()
      .default('draft'),
    number: text('number'),
    symbol: text('symbol').notNull(),
    issuedDate: date('issued_date', { mode: 'string' }),
    place: text('place').notNull(),
    parentBody: text('parent_body'),
    issuingBody: text('issuing_body').notNull(),
    title: text('title').notNull(),
    preamble: text('preamble').notNull(),
    purposes: jsonb('purposes').$type<string[]>().notNull(),
    requirements: jsonb('requirements').$type<string[]>().notNull(),
    areas: jsonb('areas').$type<PlanArea[]>().notNull(),
    duties: jsonb('duties').$type<PlanDuty[]>().notNull(),
    closing: text('closing').notNull(),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    signAuthority: text('sign_authority').notNull(),
    signerTitle: text('signer_title').notNull(),
    signerName: text('signer_name').notNull(),
    /** Who issued it and when (the action in ChiSo, not the printed date). */
    issuedBy: integer('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('plans_unit_year_unique').on(t.unitId, t.year),
    check('plans_status_check', sql`${t.status} in ('draft', 'issued')`),
    check(
      'plans_issued_check',
      sql`${t.status} = 'draft' or (${t.issuedAt} is not null and ${t.issuedDate} is not null)`,
    ),
  ],
);

/** Every change to an issued plan: who, when, why, and what changed field by field. */
export const planAmendments = pgTable(
  'plan_amendments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    amendedBy: integer('amended_by')
      .notNull()
      .references(() => users.id),
    amendedAt: timestamp('amended_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    changes: jsonb('changes').$type<{ field: string; before: string; after: string }[]>().notNull(),
  },
  (t) => [index('plan_amendments_plan_idx').on(t.planId)],
);

export const planTasks = pgTable(
  'plan_tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    // The plan's unit, kept on the task so KPIs and scope checks read one table.
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: KIND_CODES }).notNull(),
    title: text('title').notNull(),
    areaKey: text('area_key'),
    criteriaCodes: text('criteria_codes').array().notNull().default(sql`'{}'::text[]`),
    assigneeId: integer('assignee_id').references(() => users.id),
    responsibleUnit: text('responsible_unit'),
    startDate: date('start_date', { mode: 'string' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    dueHasTime: boolean('due_has_time').notNull(),
    status: text('status', { enum: ['todo', 'doing', 'done'] })
      .notNull()
      .default('todo'),
    progress: integer('progress').notNull().default(0),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneHasTime: boolean('done_has_time').notNull().default(false),
    /** Who recorded the task done and when: the done date itself may be earlier. */
    doneRecordedBy: integer('done_recorded_by').references(() => users.id),
    doneRecordedAt: timestamp('done_recorded_at', { withTimezone: true }),
    resultNote: text('result_note'),
    /** Points last year's result lost on the criteria this task answers ("start from last year"). */
    pointsAtStake: numeric('points_at_stake', { precision: 8, scale: 2, mode: 'number' }),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_tasks_plan_idx').on(t.planId, t.position),
    index('plan_tasks_unit_due_idx').on(t.unitId, t.dueAt),
    index('plan_tasks_assignee_idx').on(t.assigneeId),
    check('plan_tasks_progress_check', sql`${t.progress} between 0 and 100`),
    check('plan_tasks_kind_check', sql`${t.kind} in (${inList(KIND_CODES)})`),
    check('plan_tasks_status_check', sql`${t.status} in ('todo', 'doing', 'done')`),
    check('plan_tasks_done_check', sql`(${t.status} = 'done') = (${t.doneAt} is not null)`),
  ],
);

/** Evidence attached to a task. */
export const planTaskFiles = pgTable(
  'plan_task_files',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    fileId: integer('file_id')
      .notNull()
      .references(() => files.id),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.fileId] }), index('plan_task_files_file_idx').on(t.fileId)],
);
