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
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import type { JsonValue } from '#core/assessment/audit-chain';
import {
  EVIDENCE_STAGES,
  type EvidenceStage,
  EXPLANATION_STATUSES,
  type ExplanationStatus,
  NOTIFICATION_KINDS,
  type NotificationKind,
  SHEET_STATES,
  type SheetState,
} from '#core/assessment/states';
import { files } from '../files/schema';
import { frameworks } from '../frameworks/schema';
import { units } from '../units/schema';
import { users } from '../users/schema';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const states = SHEET_STATES as unknown as [SheetState, ...SheetState[]];
/** Exact decimals (points, indexes): PostgreSQL numeric, read as strings. */
const decimal = (name: string) => numeric(name, { precision: 14, scale: 6 });

// The yearly loop (issue 4): an appraiser's round for a year and a level, one sheet per
// unit it appraises, the sheet's entries per criterion (self, appraised), evidence,
// explanations, and the published results, which are versions and never edited.

export const assessmentRounds = pgTable(
  'assessment_rounds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The appraising unit (district for its communes, province for its districts). */
    ownerUnitId: integer('owner_unit_id')
      .notNull()
      .references(() => units.id),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => frameworks.id),
    year: integer('year').notNull(),
    level: text('level', { enum: ['province', 'district', 'commune'] }).notNull(),
    name: text('name').notNull(),
    /** Deadlines are Vietnamese calendar days, the day itself included. */
    selfDue: date('self_due', { mode: 'string' }).notNull(),
    appraisalDue: date('appraisal_due', { mode: 'string' }).notNull(),
    explanationFrom: date('explanation_from', { mode: 'string' }).notNull(),
    explanationTo: date('explanation_to', { mode: 'string' }).notNull(),
    /** Set when the appraiser closes the explanation window before its last day. */
    explanationClosedAt: timestamp('explanation_closed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('assessment_rounds_owner_year_level').on(t.ownerUnitId, t.year, t.level),
    index('assessment_rounds_year_idx').on(t.year),
    check(
      'assessment_rounds_dates_check',
      sql`${t.selfDue} <= ${t.appraisalDue} and ${t.explanationFrom} <= ${t.explanationTo}`,
    ),
  ],
);

export const assessmentSheets = pgTable(
  'assessment_sheets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => assessmentRounds.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    state: text('state', { enum: states }).notNull().default('draft'),
    /** The appraiser reopened it: a submission after the deadline is accepted. */
    reopened: boolean('reopened').notNull().default(false),
    /** When the unit first opened it and its KPI criteria were pre-filled (issue 8). */
    openedAt: timestamp('opened_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: integer('submitted_by').references(() => users.id),
    provisionalAt: timestamp('provisional_at', { withTimezone: true }),
    finalAt: timestamp('final_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('assessment_sheets_round_unit').on(t.roundId, t.unitId),
    index('assessment_sheets_unit_idx').on(t.unitId),
    check('assessment_sheets_state_check', sql`${t.state} in (${inList(SHEET_STATES)})`),
  ],
);

/** A criterion of a sheet: the unit's value and comment, the KPI pre-fill, the appraisal. */
export const assessmentEntries = pgTable(
  'assessment_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sheetId: integer('sheet_id')
      .notNull()
      .references(() => assessmentSheets.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    /** The unit's value: points, a level, or a computed criterion's inputs (NodeInputJson). */
    selfInput: jsonb('self_input').$type<JsonValue>(),
    comment: text('comment'),
    /** The KPI pre-fill and the numbers behind it, kept as its evidence (PrefillSnapshot). */
    prefill: jsonb('prefill').$type<JsonValue>(),
    /** Why the unit's value differs from the pre-fill; required then. */
    overrideReason: text('override_reason'),
    appraisedPoints: decimal('appraised_points'),
    appraisalReason: text('appraisal_reason'),
    /** Returned for more evidence: the appraiser's note; cleared when the unit answers. */
    returnNote: text('return_note'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnAnswer: text('return_answer'),
    returnAnsweredAt: timestamp('return_answered_at', { withTimezone: true }),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('assessment_entries_sheet_code').on(t.sheetId, t.code)],
);

export const assessmentEvidence = pgTable(
  'assessment_evidence',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sheetId: integer('sheet_id')
      .notNull()
      .references(() => assessmentSheets.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    fileId: integer('file_id')
      .notNull()
      .references(() => files.id),
    stage: text('stage', { enum: EVIDENCE_STAGES as unknown as [EvidenceStage, ...EvidenceStage[]] })
      .notNull()
      .default('self'),
    attachedBy: integer('attached_by').references(() => users.id),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('assessment_evidence_unique').on(t.sheetId, t.code, t.fileId, t.stage),
    index('assessment_evidence_file_idx').on(t.fileId),
    check('assessment_evidence_stage_check', sql`${t.stage} in (${inList(EVIDENCE_STAGES)})`),
  ],
);

/** The unit contests a criterion of its provisional result; the appraiser answers. */
export const assessmentExplanations = pgTable(
  'assessment_explanations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sheetId: integer('sheet_id')
      .notNull()
      .references(() => assessmentSheets.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    text: text('text').notNull(),
    status: text('status', {
      enum: EXPLANATION_STATUSES as unknown as [ExplanationStatus, ...ExplanationStatus[]],
    })
      .notNull()
      .default('pending'),
    /** The appraised points when contested, and the new points when accepted. */
    previousPoints: decimal('previous_points'),
    newPoints: decimal('new_points'),
    answer: text('answer'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answeredBy: integer('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    unique('assessment_explanations_sheet_code').on(t.sheetId, t.code),
    check('assessment_explanations_status_check', sql`${t.status} in (${inList(EXPLANATION_STATUSES)})`),
  ],
);

/**
 * A published result of a unit in a round. Never updated: a correction is the next
 * version, with its reason; the current result is the highest version.
 */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => assessmentRounds.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    total: decimal('total').notNull(),
    maxPoints: decimal('max_points').notNull(),
    index: decimal('index').notNull(),
    band: text('band'),
    rank: integer('rank'),
    /** [{ code, name, points, max, index }] per area (PublishedArea). */
    areas: jsonb('areas').$type<JsonValue>().notNull(),
    /** { code: points } for every node: compared with next year's by code. */
    nodePoints: jsonb('node_points').$type<JsonValue>().notNull(),
    /** Change from last year's published result (YearChangeJson), null without one. */
    change: jsonb('change').$type<JsonValue>(),
    /** Why this version replaces the one before (null for version 1). */
    reason: text('reason'),
    publishedBy: integer('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('assessment_results_version').on(t.roundId, t.unitId, t.version),
    index('assessment_results_unit_year_idx').on(t.unitId, t.year),
  ],
);

/** In-app notifications; `key` makes a computed one (deadline in 3 days) appear once. */
export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: NOTIFICATION_KINDS as unknown as [NotificationKind, ...NotificationKind[]],
    }).notNull(),
    key: text('key').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    roundId: integer('round_id').references(() => assessmentRounds.id, { onDelete: 'cascade' }),
    sheetId: integer('sheet_id').references(() => assessmentSheets.id, { onDelete: 'cascade' }),
    params: jsonb('params').$type<Record<string, string | number>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    unique('notifications_user_key').on(t.userId, t.key),
    index('notifications_user_idx').on(t.userId, t.id),
  ],
);
