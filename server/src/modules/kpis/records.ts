import { type SQL, sql } from 'drizzle-orm';
import { isKpiKey, kpiRegister, type RecordsPart, type RegisterKey } from '#core/kpi/index';
import type { Period } from '#core/time/index';
import { AppError } from '../../lib/errors';
import { KPI_SQL_BY_REGISTER, type KpiSql, type RegisterKpi } from './conditions';

// The records behind a KPI's number, as a condition on its register's list: `numerator`
// (a count's records), `denominator`, or `shortfall` — in the denominator but not the
// numerator (the late dossiers, the procedures not published).

export const RECORDS_PARTS = [
  'numerator',
  'denominator',
  'shortfall',
] as const satisfies readonly RecordsPart[];

export function kpiRecordsWhere(
  register: RegisterKey,
  key: string,
  part: RecordsPart,
  period: Period,
  t: SQL,
): SQL {
  if (!isKpiKey(key) || kpiRegister(key) !== register || !(register in KPI_SQL_BY_REGISTER)) {
    throw new AppError(400, 'registers.kpiOfOtherRegister', { kpi: key });
  }
  const kpis: Partial<Record<RegisterKpi, KpiSql>> = KPI_SQL_BY_REGISTER[
    register as keyof typeof KPI_SQL_BY_REGISTER
  ](t, period);
  const k = kpis[key as RegisterKpi];
  if (!k) throw new AppError(400, 'registers.kpiOfOtherRegister', { kpi: key });
  if (part === 'numerator') return k.numerator;
  if (part === 'denominator') return k.denominator;
  return sql`(${k.denominator} and not ${k.numerator})`;
}
