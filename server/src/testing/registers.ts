import { sql } from 'drizzle-orm';
import { channelOf, type Registers } from '#core/kpi/index';
import { type Db, queryRows } from '../db/client';
import {
  disciplineRegister,
  documentStatRegister,
  feedbackRegister,
  officialRegister,
  procedureRegister,
  reportRegister,
} from '../modules/registers/definitions';
import { type DossierRecord, dossierRegister } from '../modules/registers/definitions/dossiers';
import { upsertRecords } from '../modules/registers/kit/bulk';

// Core's register records (what fast-check generates) written through the registers'
// real write path, so a test can compare the SQL with the reference functions.

const REGISTER_TABLES = [
  'discipline_decisions',
  'officials',
  'dossiers',
  'feedback',
  'procedures',
  'document_stats',
  'reports',
];

export async function clearRegisters(db: Db, unitId: number): Promise<void> {
  for (const table of REGISTER_TABLES) {
    await db.execute(sql`delete from ${sql.identifier(table)} where unit_id = ${unitId}`);
  }
}

const moment = (at: string, hasTime: boolean) => ({ at, hasTime });

export function dossierRecord(d: Registers['dossiers'][number]): DossierRecord {
  const channel = channelOf(d.channel);
  if (!channel) throw new Error(`unknown channel ${d.channel}`);
  return {
    code: d.code,
    applicant: d.applicant,
    procedureName: d.procedureName,
    field: d.field,
    channel,
    received: moment(d.receivedAt, d.receivedHasTime),
    due: moment(d.dueAt, d.dueHasTime),
    result: d.resultAt === null ? null : moment(d.resultAt, d.resultHasTime),
    apologyDate: d.apologyDate,
  };
}

/** Writes every register of `registers` for the unit (which must have none yet). */
export async function writeRegisters(
  db: Db,
  unitId: number,
  registers: Registers,
  now = new Date(),
): Promise<void> {
  await upsertRecords(db, dossierRegister, unitId, registers.dossiers.map(dossierRecord), now);
  await upsertRecords(
    db,
    feedbackRegister,
    unitId,
    registers.feedback.map((f) => ({
      code: f.code,
      received: moment(f.receivedAt, f.receivedHasTime),
      channel: f.channel,
      summary: f.summary,
      due: moment(f.dueAt, f.dueHasTime),
      answered: f.answeredAt === null ? null : moment(f.answeredAt, f.answeredHasTime),
      result: f.result,
    })),
    now,
  );
  await upsertRecords(db, procedureRegister, unitId, registers.procedures, now);
  await upsertRecords(db, documentStatRegister, unitId, registers.documentStats, now);
  await upsertRecords(
    db,
    officialRegister,
    unitId,
    registers.officials.map(({ id: _id, ...o }) => o),
    now,
  );
  const ids = await officialIds(db, unitId);
  await upsertRecords(
    db,
    disciplineRegister,
    unitId,
    registers.disciplineDecisions.map((d) => {
      const name = registers.officials.find((o) => o.id === d.officialId)?.name ?? '';
      const id = ids.get(name);
      if (id === undefined) throw new Error(`official ${d.officialId} not written`);
      return { official: { id, name }, decisionDate: d.date, form: d.form, number: null };
    }),
    now,
  );
  await upsertRecords(
    db,
    reportRegister,
    unitId,
    registers.reports.map((r) => ({
      title: r.title,
      periodCovered: r.periodCovered,
      due: moment(r.dueAt, r.dueHasTime),
      sent: r.sentAt === null ? null : moment(r.sentAt, r.sentHasTime),
    })),
    now,
  );
}

async function officialIds(db: Db, unitId: number): Promise<Map<string, number>> {
  const rows = await queryRows<{ id: number; name: string }>(
    db,
    sql`select id, name from officials where unit_id = ${unitId}`,
  );
  return new Map(rows.map((r) => [r.name, Number(r.id)]));
}

/**
 * The register as the database can hold it: one decision per official and day (its
 * natural key), the first one generated kept.
 */
export function storable(registers: Registers): Registers {
  const seen = new Set<string>();
  const disciplineDecisions = registers.disciplineDecisions.filter((d) => {
    const key = `${d.officialId}|${d.date}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...registers, disciplineDecisions };
}
