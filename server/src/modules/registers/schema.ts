import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { CHANNELS, DISCIPLINE_FORMS } from '#core/kpi/index';
import { units } from '../units/schema';

// The registers of a unit (SPEC §5, issue 7). A date that may carry a time is two
// columns: `xxx_at` (timestamptz; 00:00 Vietnam time of the day when it has no time)
// and `xxx_has_time`. A date that never carries a time is a `date`. `search` is a folded
// copy (no accents, lower case) of the searchable text, so "vinh lap" finds "Vĩnh Lập".
// Each register has the natural key an import matches rows by, as a unique index.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const unitId = () =>
  integer('unit_id')
    .notNull()
    .references(() => units.id);
const stamps = () => ({
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const procedures = pgTable(
  'procedures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: unitId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    field: text('field').notNull(),
    inForceFrom: day('in_force_from'),
    inForceTo: day('in_force_to'),
    publishedAtOneStop: boolean('published_at_one_stop').notNull(),
    publishedOnWebsite: boolean('published_on_website').notNull(),
    search: text('search').notNull(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('procedures_unit_code_key').on(t.unitId, t.code),
    check('procedures_in_force_order', sql`${t.inForceFrom} <= ${t.inForceTo}`),
  ],
);

export const dossiers = pgTable(
  'dossiers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: unitId(),
    code: text('code').notNull(),
    // Personal data: never shown publicly.
    applicant: text('applicant'),
    procedureName: text('procedure_name').notNull(),
    field: text('field').notNull(),
    channel: text('channel').notNull(),
    receivedAt: tz('received_at').notNull(),
    receivedHasTime: boolean('received_has_time').notNull(),
    dueAt: tz('due_at').notNull(),
    dueHasTime: boolean('due_has_time').notNull(),
    resultAt: tz('result_at'),
    resultHasTime: boolean('result_has_time').notNull(),
    apologyDate: day('apology_date'),
    search: text('search').notNull(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('dossiers_unit_code_key').on(t.unitId, t.code),
    // KPIs and lists read a unit's dossiers by the day they were received.
    index('dossiers_unit_received_idx').on(t.unitId, t.receivedAt),
    check('dossiers_channel_check', sql`${t.channel} in (${inList(CHANNELS.map((c) => c.code))})`),
  ],
);

export const feedback = pgTable(
  'feedback',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: unitId(),
    code: text('code').notNull(),
    receivedAt: tz('received_at').notNull(),
    receivedHasTime: boolean('received_has_time').notNull(),
    channel: text('channel').notNull(),
    summary: text('summary').notNull(),
    dueAt: tz('due_at').notNull(),
    dueHasTime: boolean('due_has_time').notNull(),
    answeredAt: tz('answered_at'),
    answeredHasTime: boolean('answered_has_time').notNull(),
    result: text('result'),
    search: text('search').notNull(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('feedback_unit_code_key').on(t.unitId, t.code),
    index('feedback_unit_received_idx').on(t.unitId, t.receivedAt),
  ],
);

export const documentStats = pgTable(
  'document_stats',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: unitId(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    incomingTotal: integer('incoming_total').notNull(),
    incomingElectronic: integer('incoming_electronic').notNull(),
    incomingSigned: integer('incoming_signed').notNull(),
    outgoingTotal: integer('outgoing_total').notNull(),
    outgoingElectronic: integer('outgoing_electronic').notNull(),
    outgoingSigned: integer('outgoing_signed').notNull(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('document_stats_unit_month_key').on(t.unitId, t.year, t.month),
    check('document_stats_month_check', sql`${t.month} between 1 and 12`),
    check(
      'document_stats_counts_check',
      sql`${t.incomingElectronic} between 0 and ${t.incomingTotal} and ${t.incomingSigned} between 0 and ${t.incomingTotal} and ${t.outgoingElectronic} between 0 and ${t.outgoingTotal} and ${t.outgoingSigned} between 0 and ${t.outgoingTotal}`,
    ),
  ],
);

export const officials = pgTable(
  'officials',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: unitId(),
    name: text('name').notNull(),
    // The name as files are matched by it: NFC, single spaces, lower case (accents kept:
    // "Nguyễn Văn An" and "Nguyễn Văn Ân" are two people).
    nameKey: text('name_key').notNull(),
    position: text('position').notNull(),
    inPostFrom: day('in_post_from'),
    inPostTo: day('in_post_to'),
    email: text('email'),
    emailInUse: boolean('email_in_use').notNull(),
    search: text('search').notNull(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('officials_unit_name_key').on(t.unitId, t.nameKey),
    check('officials_in_post_order', sql`${t.inPostFrom} <= ${t.inPostTo}`),
  ],
);

export const disciplineDecisions = pgTable(
  'discipline_decisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: unitId(),
    officialId: integer('official_id')
      .notNull()
      .references(() => officials.id),
    decisionDate: day('decision_date').notNull(),
    form: text('form').notNull(),
    number: text('number'),
    search: text('search').notNull(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('discipline_decisions_key').on(t.unitId, t.officialId, t.decisionDate),
    index('discipline_decisions_official_idx').on(t.officialId),
    check('discipline_form_check', sql`${t.form} in (${inList(DISCIPLINE_FORMS.map((f) => f.code))})`),
  ],
);

export const reports = pgTable(
  'reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: unitId(),
    title: text('title').notNull(),
    periodCovered: text('period_covered').notNull(),
    dueAt: tz('due_at').notNull(),
    dueHasTime: boolean('due_has_time').notNull(),
    sentAt: tz('sent_at'),
    sentHasTime: boolean('sent_has_time').notNull(),
    search: text('search').notNull(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('reports_unit_title_period_key').on(t.unitId, t.title, t.periodCovered),
    index('reports_unit_due_idx').on(t.unitId, t.dueAt),
  ],
);
