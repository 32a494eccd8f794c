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

/** The fractions of a register's KPIs for each unit that has records; others have none. */
export async function registerFractions(
  db: Db,
  register: KpiRegister,
  unitIds: readonly number[],
  period: Period,
): Promise<Map<number, Partial<Record<RegisterKpi, Fraction>>>> {
  const columns = aggregates(KPI_SQL_BY_REGISTER[register](T, period));
  const prefilter = registerPrefilter(register, T, period);
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
