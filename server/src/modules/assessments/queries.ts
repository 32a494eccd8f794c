import { and, asc, desc, eq, inArray, like, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { JsonValue } from '#core/assessment/audit-chain';
import type { NodeInputJson, PrefillSnapshot } from '#core/assessment/sheet';
import type { EvidenceStage, SheetState } from '#core/assessment/states';
import type { UnitLevel } from '#core/units';
import type { Db } from '../../db/client';
import { files } from '../files/schema';
import { frameworks } from '../frameworks/schema';
import { units } from '../units/schema';
import { users } from '../users/schema';
import {
  assessmentEntries,
  assessmentEvidence,
  assessmentExplanations,
  assessmentResults,
  assessmentRounds,
  assessmentSheets,
} from './schema';

// ---------------------------------------------------------------- rounds

const owner = alias(units, 'owner');

const roundColumns = {
  id: assessmentRounds.id,
  ownerUnitId: assessmentRounds.ownerUnitId,
  ownerUnitName: owner.name,
  ownerPath: owner.path,
  frameworkId: assessmentRounds.frameworkId,
  frameworkName: frameworks.name,
  year: assessmentRounds.year,
  level: assessmentRounds.level,
  name: assessmentRounds.name,
  selfDue: assessmentRounds.selfDue,
  appraisalDue: assessmentRounds.appraisalDue,
  explanationFrom: assessmentRounds.explanationFrom,
  explanationTo: assessmentRounds.explanationTo,
  explanationClosedAt: assessmentRounds.explanationClosedAt,
  publishedAt: assessmentRounds.publishedAt,
  createdAt: assessmentRounds.createdAt,
};

export type RoundRow = Awaited<ReturnType<typeof findRound>> & object;

function roundsQuery(db: Db) {
  return db
    .select(roundColumns)
    .from(assessmentRounds)
    .innerJoin(owner, eq(owner.id, assessmentRounds.ownerUnitId))
    .innerJoin(frameworks, eq(frameworks.id, assessmentRounds.frameworkId));
}

export async function findRound(db: Db, id: number) {
  const [row] = await roundsQuery(db).where(eq(assessmentRounds.id, id));
  return row;
}

/** Rounds owned inside a subtree, or appraising a unit (its sheet), newest year first. */
export async function listRounds(
  db: Db,
  scope: { ownerPrefix: string | null; unitId: number },
  year?: number,
) {
  const reach: SQL[] = [
    sql`exists (select 1 from ${assessmentSheets} s where s.round_id = ${assessmentRounds.id} and s.unit_id = ${scope.unitId})`,
  ];
  if (scope.ownerPrefix !== null) reach.push(like(owner.path, `${scope.ownerPrefix}%`));
  const where = [or(...reach) as SQL];
  if (year !== undefined) where.push(eq(assessmentRounds.year, year));
  return roundsQuery(db)
    .where(and(...where))
    .orderBy(desc(assessmentRounds.year), asc(owner.path), asc(assessmentRounds.id));
}

export async function findRoundFor(db: Db, ownerUnitId: number, year: number, level: UnitLevel) {
  const [row] = await db
    .select({ id: assessmentRounds.id })
    .from(assessmentRounds)
    .where(
      and(
        eq(assessmentRounds.ownerUnitId, ownerUnitId),
        eq(assessmentRounds.year, year),
        eq(assessmentRounds.level, level),
      ),
    );
  return row;
}

export async function insertRound(db: Db, values: typeof assessmentRounds.$inferInsert): Promise<number> {
  const [row] = await db.insert(assessmentRounds).values(values).returning({ id: assessmentRounds.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function updateRound(
  db: Db,
  id: number,
  values: Partial<typeof assessmentRounds.$inferInsert>,
): Promise<void> {
  await db.update(assessmentRounds).set(values).where(eq(assessmentRounds.id, id));
}

/** The active units a round of `level` owned by the unit at `ownerPath` appraises: its subtree at that level. */
export async function unitsAtLevelBelow(db: Db, ownerPath: string, level: UnitLevel) {
  return db
    .select({ id: units.id, name: units.name, code: units.code, path: units.path })
    .from(units)
    .where(
      and(
        like(units.path, `${ownerPath}%`),
        ne(units.path, ownerPath),
        eq(units.level, level),
        eq(units.active, true),
      ),
    )
    .orderBy(asc(units.name));
}

// ---------------------------------------------------------------- sheets

export const sheetColumns = {
  id: assessmentSheets.id,
  roundId: assessmentSheets.roundId,
  unitId: assessmentSheets.unitId,
  unitName: units.name,
  unitCode: units.code,
  unitPath: units.path,
  state: assessmentSheets.state,
  reopened: assessmentSheets.reopened,
  openedAt: assessmentSheets.openedAt,
  submittedAt: assessmentSheets.submittedAt,
  submittedBy: assessmentSheets.submittedBy,
  provisionalAt: assessmentSheets.provisionalAt,
  finalAt: assessmentSheets.finalAt,
  publishedAt: assessmentSheets.publishedAt,
  updatedAt: assessmentSheets.updatedAt,
};

export type SheetRow = Awaited<ReturnType<typeof findSheet>> & object;

export async function findSheet(db: Db, id: number) {
  const [row] = await db
    .select(sheetColumns)
    .from(assessmentSheets)
    .innerJoin(units, eq(units.id, assessmentSheets.unitId))
    .where(eq(assessmentSheets.id, id));
  return row;
}

/** Locks the sheet's row for the rest of the transaction: one change of a sheet at a time. */
export async function lockSheet(db: Db, id: number): Promise<void> {
  await db.execute(sql`select id from ${assessmentSheets} where id = ${id} for update`);
}

export async function listSheets(db: Db, roundId: number, unitId?: number) {
  return db
    .select(sheetColumns)
    .from(assessmentSheets)
    .innerJoin(units, eq(units.id, assessmentSheets.unitId))
    .where(
      unitId === undefined
        ? eq(assessmentSheets.roundId, roundId)
        : and(eq(assessmentSheets.roundId, roundId), eq(assessmentSheets.unitId, unitId)),
    )
    .orderBy(asc(units.name));
}

export async function sheetStateCounts(db: Db, roundIds: number[]) {
  if (roundIds.length === 0) return [];
  return db
    .select({
      roundId: assessmentSheets.roundId,
      state: assessmentSheets.state,
      count: sql<number>`count(*)::int`,
    })
    .from(assessmentSheets)
    .where(inArray(assessmentSheets.roundId, roundIds))
    .groupBy(assessmentSheets.roundId, assessmentSheets.state);
}

export async function sheetIdsOfUnit(db: Db, roundIds: number[], unitId: number) {
  if (roundIds.length === 0) return [];
  return db
    .select({ id: assessmentSheets.id, roundId: assessmentSheets.roundId, state: assessmentSheets.state })
    .from(assessmentSheets)
    .where(and(inArray(assessmentSheets.roundId, roundIds), eq(assessmentSheets.unitId, unitId)));
}

export async function insertSheets(db: Db, roundId: number, unitIds: number[], now: Date) {
  if (unitIds.length === 0) return [];
  return db
    .insert(assessmentSheets)
    .values(unitIds.map((unitId) => ({ roundId, unitId, state: 'draft' as const, updatedAt: now })))
    .returning({ id: assessmentSheets.id, unitId: assessmentSheets.unitId });
}

export async function updateSheet(
  db: Db,
  id: number,
  values: Partial<typeof assessmentSheets.$inferInsert> & { state?: SheetState },
): Promise<void> {
  await db.update(assessmentSheets).set(values).where(eq(assessmentSheets.id, id));
}

// ---------------------------------------------------------------- entries

export interface EntryRow {
  id: number;
  sheetId: number;
  code: string;
  selfInput: NodeInputJson | null;
  comment: string | null;
  prefill: PrefillSnapshot | null;
  overrideReason: string | null;
  appraisedPoints: string | null;
  appraisalReason: string | null;
  returnNote: string | null;
  returnedAt: Date | null;
  returnAnswer: string | null;
  returnAnsweredAt: Date | null;
  updatedAt: Date;
}

export async function entriesOf(db: Db, sheetIds: number[]): Promise<EntryRow[]> {
  if (sheetIds.length === 0) return [];
  const rows = await db
    .select({
      id: assessmentEntries.id,
      sheetId: assessmentEntries.sheetId,
      code: assessmentEntries.code,
      // jsonb read as text and parsed here: a driver may parse a JSON string twice.
      selfInput: sql<string | null>`${sql.raw('"assessment_entries"."self_input"::text')}`,
      comment: assessmentEntries.comment,
      prefill: sql<string | null>`${sql.raw('"assessment_entries"."prefill"::text')}`,
      overrideReason: assessmentEntries.overrideReason,
      appraisedPoints: assessmentEntries.appraisedPoints,
      appraisalReason: assessmentEntries.appraisalReason,
      returnNote: assessmentEntries.returnNote,
      returnedAt: assessmentEntries.returnedAt,
      returnAnswer: assessmentEntries.returnAnswer,
      returnAnsweredAt: assessmentEntries.returnAnsweredAt,
      updatedAt: assessmentEntries.updatedAt,
    })
    .from(assessmentEntries)
    .where(inArray(assessmentEntries.sheetId, sheetIds));
  return rows.map((r) => ({
    ...r,
    selfInput: r.selfInput === null ? null : (JSON.parse(r.selfInput) as NodeInputJson),
    prefill: r.prefill === null ? null : (JSON.parse(r.prefill) as PrefillSnapshot),
  }));
}

export type EntryChange = Partial<{
  selfInput: NodeInputJson | null;
  comment: string | null;
  prefill: PrefillSnapshot | null;
  overrideReason: string | null;
  appraisedPoints: string | null;
  appraisalReason: string | null;
  returnNote: string | null;
  returnedAt: Date | null;
  returnAnswer: string | null;
  returnAnsweredAt: Date | null;
}>;

const jsonb = (value: JsonValue | object | null) =>
  value === null ? sql`null` : sql`${JSON.stringify(value)}::jsonb`;

/** Creates or changes one criterion's entry. */
export async function upsertEntry(
  db: Db,
  sheetId: number,
  code: string,
  change: EntryChange,
  by: number | null,
  now: Date,
): Promise<void> {
  const { selfInput, prefill, ...rest } = change;
  const values = {
    ...rest,
    ...(selfInput !== undefined ? { selfInput: jsonb(selfInput) } : {}),
    ...(prefill !== undefined ? { prefill: jsonb(prefill) } : {}),
    updatedBy: by,
    updatedAt: now,
  };
  await db
    .insert(assessmentEntries)
    .values({ sheetId, code, ...values })
    .onConflictDoUpdate({ target: [assessmentEntries.sheetId, assessmentEntries.code], set: values });
}

// ---------------------------------------------------------------- evidence

export async function evidenceOf(db: Db, sheetIds: number[]) {
  if (sheetIds.length === 0) return [];
  return db
    .select({
      sheetId: assessmentEvidence.sheetId,
      code: assessmentEvidence.code,
      stage: assessmentEvidence.stage,
      id: files.id,
      originalName: files.originalName,
      size: files.size,
      mime: files.mime,
      uploadedAt: files.uploadedAt,
      uploadedByName: users.fullName,
    })
    .from(assessmentEvidence)
    .innerJoin(files, eq(files.id, assessmentEvidence.fileId))
    .innerJoin(users, eq(users.id, files.uploadedBy))
    .where(inArray(assessmentEvidence.sheetId, sheetIds))
    .orderBy(asc(assessmentEvidence.attachedAt), asc(assessmentEvidence.id));
}

export async function attachEvidence(
  db: Db,
  values: { sheetId: number; code: string; fileId: number; stage: EvidenceStage; attachedBy: number },
  now: Date,
): Promise<boolean> {
  const rows = await db
    .insert(assessmentEvidence)
    .values({ ...values, attachedAt: now })
    .onConflictDoNothing()
    .returning({ id: assessmentEvidence.id });
  return rows.length > 0;
}

export async function detachEvidence(
  db: Db,
  where: { sheetId: number; code: string; fileId: number; stage: EvidenceStage },
): Promise<boolean> {
  const rows = await db
    .delete(assessmentEvidence)
    .where(
      and(
        eq(assessmentEvidence.sheetId, where.sheetId),
        eq(assessmentEvidence.code, where.code),
        eq(assessmentEvidence.fileId, where.fileId),
        eq(assessmentEvidence.stage, where.stage),
      ),
    )
    .returning({ id: assessmentEvidence.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------- explanations

export async function explanationsOf(db: Db, sheetIds: number[]) {
  if (sheetIds.length === 0) return [];
  return db
    .select()
    .from(assessmentExplanations)
    .where(inArray(assessmentExplanations.sheetId, sheetIds))
    .orderBy(asc(assessmentExplanations.id));
}

export async function insertExplanation(db: Db, values: typeof assessmentExplanations.$inferInsert) {
  const [row] = await db
    .insert(assessmentExplanations)
    .values(values)
    .returning({ id: assessmentExplanations.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function answerExplanation(
  db: Db,
  id: number,
  values: {
    status: 'accepted' | 'rejected';
    newPoints: string | null;
    answer: string;
    answeredBy: number;
    answeredAt: Date;
  },
) {
  await db.update(assessmentExplanations).set(values).where(eq(assessmentExplanations.id, id));
}

// ---------------------------------------------------------------- results

export const resultColumns = {
  id: assessmentResults.id,
  roundId: assessmentResults.roundId,
  unitId: assessmentResults.unitId,
  unitName: units.name,
  unitCode: units.code,
  year: assessmentResults.year,
  version: assessmentResults.version,
  total: assessmentResults.total,
  maxPoints: assessmentResults.maxPoints,
  index: assessmentResults.index,
  band: assessmentResults.band,
  rank: assessmentResults.rank,
  areas: sql<string>`${sql.raw('"assessment_results"."areas"::text')}`,
  nodePoints: sql<string>`${sql.raw('"assessment_results"."node_points"::text')}`,
  change: sql<string | null>`${sql.raw('"assessment_results"."change"::text')}`,
  reason: assessmentResults.reason,
  publishedAt: assessmentResults.publishedAt,
  /** The decimals the round's framework publishes its index with. */
  indexDecimals: sql<number>`coalesce((${frameworks.definition} ->> 'indexDecimals')::int, 2)`,
};

/** Every version of the results of some rounds (or of some units in a year), oldest first. */
export async function resultVersions(
  db: Db,
  where: { roundIds?: number[]; unitIds?: number[]; year?: number },
) {
  const conditions: SQL[] = [];
  if (where.roundIds) {
    if (where.roundIds.length === 0) return [];
    conditions.push(inArray(assessmentResults.roundId, where.roundIds));
  }
  if (where.unitIds) {
    if (where.unitIds.length === 0) return [];
    conditions.push(inArray(assessmentResults.unitId, where.unitIds));
  }
  if (where.year !== undefined) conditions.push(eq(assessmentResults.year, where.year));
  return db
    .select(resultColumns)
    .from(assessmentResults)
    .innerJoin(units, eq(units.id, assessmentResults.unitId))
    .innerJoin(assessmentRounds, eq(assessmentRounds.id, assessmentResults.roundId))
    .innerJoin(frameworks, eq(frameworks.id, assessmentRounds.frameworkId))
    .where(and(...conditions))
    .orderBy(asc(assessmentResults.roundId), asc(assessmentResults.unitId), asc(assessmentResults.version));
}

export async function insertResults(db: Db, rows: (typeof assessmentResults.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(assessmentResults).values(rows);
}

/** Published rounds, newest first (public). */
export async function publishedRounds(
  db: Db,
  filter: { year?: number; ownerUnitId?: number; roundId?: number },
) {
  const where: SQL[] = [sql`${assessmentRounds.publishedAt} is not null`];
  if (filter.year !== undefined) where.push(eq(assessmentRounds.year, filter.year));
  if (filter.ownerUnitId !== undefined) where.push(eq(assessmentRounds.ownerUnitId, filter.ownerUnitId));
  if (filter.roundId !== undefined) where.push(eq(assessmentRounds.id, filter.roundId));
  return roundsQuery(db)
    .where(and(...where))
    .orderBy(desc(assessmentRounds.year), desc(assessmentRounds.publishedAt), asc(owner.name));
}

/** The users of some units (for notifications). */
export async function activeUsersOf(db: Db, unitIds: number[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({ id: users.id, unitId: users.unitId, roles: users.roles })
    .from(users)
    .where(and(inArray(users.unitId, unitIds), eq(users.active, true)));
}
