import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Period } from '#core/time/index';
import { type Db, queryRows } from '../../db/client';
import {
  disciplineDecisions,
  documentStats,
  dossiers,
  feedback,
  officials,
  procedures,
  reports,
} from '../registers/schema';
import {
  KPI_SQL_BY_REGISTER,
  type KpiRegister,
  type KpiSql,
  type RegisterKpi,
  registerPrefilter,
} from './conditions';

// One SQL aggregate per register, for any number of units at once: each KPI's numerator
// and denominator, grouped by unit.

export const KPI_TABLES: Record<KpiRegister, PgTable> = {
  dossiers,
  feedback,
  procedures,
  documentStats,
  officials,
  disciplineDecisions,
  reports,
};

const T = sql`${sql.identifier('t')}`;

export interface Fraction {
  numerator: number;
  denominator: number;
}

const countOf = (condition: SQL) => sql`count(*) filter (where ${condition})`;

function aggregates(kpis: Partial<Record<RegisterKpi, KpiSql>>): { key: RegisterKpi; sql: SQL }[] {
  return (Object.entries(kpis) as [RegisterKpi, KpiSql][]).map(([key, k]) => ({
    key,
    sql: sql`(${k.numeratorValue ?? countOf(k.numerator)})::bigint as ${sql.identifier(`${key}:n`)},
             (${k.denominatorValue ?? countOf(k.denominator)})::bigint as ${sql.identifier(`${key}:d`)}`,
  }));
}

type Fractions = Map<number, Partial<Record<RegisterKpi, Fraction>>>;

/**
 * The fractions of a register's KPIs for each unit that has records; others have none.
 * The dossiers of a calendar year come from their tallies (see dossierYearFractions).
 */
export async function registerFractions(
  db: Db,
  register: KpiRegister,
  unitIds: readonly number[],
  period: Period,
): Promise<Fractions> {
  const year = calendarYearOf(period);
  if (register === 'dossiers' && year !== null) return dossierYearFractions(db, unitIds, year, period);
  return scannedFractions(db, register, unitIds, period);
}

function calendarYearOf(period: Period): number | null {
  const year = Number(period.from.slice(0, 4));
  return period.from === `${year}-01-01` && period.to === `${year}-12-31` ? year : null;
}

/**
 * A register's KPIs counted over its records (`where`, when given, narrows them): the
 * definition of SPEC §5 itself, for any period.
 */
export async function scannedFractions(
  db: Db,
  register: KpiRegister,
  unitIds: readonly number[],
  period: Period,
  where?: SQL,
): Promise<Fractions> {
  const columns = aggregates(KPI_SQL_BY_REGISTER[register](T, period));
  const filters = [registerPrefilter(register, T, period), where].filter((f): f is SQL => Boolean(f));
  const prefilter = filters.length ? sql.join(filters, sql` and `) : null;
  const rows = await queryRows<Record<string, string | number>>(
    db,
    sql`select ${T}.unit_id, ${sql.join(
      columns.map((c) => c.sql),
      sql`, `,
    )}
        from ${KPI_TABLES[register]} ${T}
        where ${T}.unit_id = any(${sql.param([...unitIds])}::integer[])${prefilter ? sql` and ${prefilter}` : sql``}
        group by ${T}.unit_id`,
  );
  const out = new Map<number, Partial<Record<RegisterKpi, Fraction>>>();
  for (const row of rows) {
    const fractions: Partial<Record<RegisterKpi, Fraction>> = {};
    for (const { key } of columns) {
      fractions[key] = { numerator: Number(row[`${key}:n`]), denominator: Number(row[`${key}:d`]) };
    }
    out.set(Number(row.unit_id), fractions);
  }
  return out;
}

/**
 * The dossier KPIs of a calendar year: the resolved dossiers' sums kept by the triggers of
 * migration 0005 (dossier_year_tallies), plus the open dossiers counted live. Proven equal
 * to the scan by kpis.property.test.ts.
 */
async function dossierYearFractions(
  db: Db,
  unitIds: readonly number[],
  year: number,
  period: Period,
): Promise<Fractions> {
  // In turn: `db` may be a transaction, whose one connection takes one query at a time.
  const open = await scannedFractions(db, 'dossiers', unitIds, period, sql`${T}.result_at is null`);
  const tallies = await queryRows<
    Record<'unit_id' | 'received' | 'online' | 'handled' | 'on_time' | 'late_na', string | number>
  >(
    db,
    sql`select unit_id, received, received_online as online, handled, on_time, late_without_apology as late_na
        from dossier_year_tallies
        where year = ${year} and unit_id = any(${sql.param([...unitIds])}::integer[])`,
  );
  const zero = { numerator: 0, denominator: 0 };
  const add = (a: Fraction | undefined, n: number, d: number): Fraction => ({
    numerator: (a ?? zero).numerator + n,
    denominator: (a ?? zero).denominator + d,
  });
  for (const row of tallies) {
    const [received, online, handled, onTime, lateNa] = [
      row.received,
      row.online,
      row.handled,
      row.on_time,
      row.late_na,
    ].map(Number) as [number, number, number, number, number];
    const unitId = Number(row.unit_id);
    const f = open.get(unitId) ?? {};
    open.set(unitId, {
      ...f,
      dossiers_on_time_rate: add(f.dossiers_on_time_rate, onTime, handled),
      dossiers_received: add(f.dossiers_received, received, received),
      dossiers_late: add(f.dossiers_late, handled - onTime, handled - onTime),
      late_dossiers_without_apology: add(f.late_dossiers_without_apology, lateNa, lateNa),
      dossiers_online_rate: add(f.dossiers_online_rate, online, received),
    });
  }
  return open;
}

/**
 * The first and last year the registers of a unit and the units below it hold something
 * in: per unit, the min and max of each register's date (index-served).
 */
export async function yearSpan(db: Db, unitPath: string): Promise<{ first: number; last: number } | null> {
  const year = (column: SQL) => sql`extract(year from ${column} at time zone 'Asia/Ho_Chi_Minh')`;
  const edge = (table: PgTable, column: string) => {
    const c = sql.identifier(column);
    return sql`((select ${year(sql`min(${c})`)} from ${table} where unit_id = u.id)),
               ((select ${year(sql`max(${c})`)} from ${table} where unit_id = u.id))`;
  };
  const [row] = await queryRows<{ first: number | null; last: number | null }>(
    db,
    sql`select min(y)::int as first, max(y)::int as last
        from units u cross join lateral (values
          ${edge(dossiers, 'received_at')}, ${edge(feedback, 'received_at')}, ${edge(reports, 'due_at')},
          ((select min(year) from ${documentStats} where unit_id = u.id)),
          ((select max(year) from ${documentStats} where unit_id = u.id))
        ) v(y)
        where u.path like ${`${unitPath}%`}`,
  );
  return row?.first == null || row.last == null ? null : { first: Number(row.first), last: Number(row.last) };
}
