import { type SQL, sql } from 'drizzle-orm';
import { DISCIPLINE_FORMS, disciplineSeverity, type RegisterKpiKey } from '#core/kpi/index';
import type { Period } from '#core/time/index';
import { dateInPeriod, instantInPeriod, periodInstants } from '../../lib/vn-sql';

// SPEC §5 in SQL: for every register KPI, which records its numerator and denominator
// count (`t` is the register's table). The aggregates of ./queries count with these, and
// the register lists filter with them to show the records behind a number, so a number
// and its list never disagree. The property test (kpis.property.test.ts) proves that
// these give what the reference functions of core/kpi give, on PGlite and PostgreSQL.

export interface KpiSql {
  /** Records the numerator counts (a count's records). */
  readonly numerator: SQL;
  /** Records the denominator counts; for a count, the same as `numerator`. */
  readonly denominator: SQL;
  /** The numerator's aggregate when it is not a count of records (sums of documents …). */
  readonly numeratorValue?: SQL;
  readonly denominatorValue?: SQL;
}

/** The KPIs of the registers kept here; plan KPIs come with the plan (issue 5). */
export type RegisterKpi = Exclude<
  RegisterKpiKey,
  | 'plan_tasks_done_rate'
  | 'propaganda_done_rate'
  | 'self_inspections_done_rate'
  | 'it_plan_done_rate'
  | 'tthc_review_done_rate'
  | 'assigned_tasks_done_rate'
>;

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const c = (t: SQL, name: string) => sql`${t}.${sql.identifier(name)}`;

/**
 * Whether something finished at `done` (null while open) is on time as things stood at
 * the end of the period: finished by then → by the deadline rule; open (or finished only
 * later) → late only once `to` is after the due day.
 *
 * The deadline rule needs no day arithmetic, because a date without a time is stored as
 * 00:00 Vietnam time of its day. Due with a time: on time exactly when `done <= due` (a
 * result without a time is its day's 00:00, so on the due day it is on time, as SPEC §5
 * says). Due without a time: on time when done falls before the next day's 00:00, i.e.
 * `done < due + 24 hours` (Vietnam keeps no daylight saving, and hours, unlike days, do
 * not depend on the session's time zone). Open at the end: not late while the due day is
 * not before `to`, i.e. `due >= 00:00 of to`.
 */
function onTimeAtEnd(t: SQL, done: string, due: string, period: Period): SQL {
  const { toStart, toEnd } = periodInstants(period);
  const doneAt = c(t, `${done}_at`);
  const dueAt = c(t, `${due}_at`);
  return sql`(case when ${doneAt} is not null and ${doneAt} < ${iso(toEnd)}
    then (case when ${c(t, `${due}_has_time`)} then ${doneAt} <= ${dueAt} else ${doneAt} < ${dueAt} + interval '24 hours' end)
    else ${dueAt} >= ${iso(toStart)} end)`;
}

/** Received on or before `to` and not finished before `from`. */
function handled(t: SQL, done: string, period: Period): SQL {
  const { fromStart, toEnd } = periodInstants(period);
  const doneAt = c(t, `${done}_at`);
  return sql`(${c(t, 'received_at')} < ${iso(toEnd)} and (${doneAt} is null or ${doneAt} >= ${iso(fromStart)}))`;
}

const rate = (numerator: SQL, denominator: SQL): KpiSql => ({ numerator, denominator });
const counted = (records: SQL): KpiSql => ({ numerator: records, denominator: records });
const both = (a: SQL, b: SQL) => sql`(${a} and ${b})`;

function timeliness(t: SQL, done: string, period: Period) {
  const all = handled(t, done, period);
  const onTime = onTimeAtEnd(t, done, 'due', period);
  return { all, onTime: both(all, onTime), late: sql`(${all} and not ${onTime})` };
}

function dossierKpis(t: SQL, period: Period) {
  const received = instantInPeriod(c(t, 'received_at'), period);
  const h = timeliness(t, 'result', period);
  return {
    dossiers_on_time_rate: rate(h.onTime, h.all),
    dossiers_received: counted(received),
    dossiers_late: counted(h.late),
    late_dossiers_without_apology: counted(both(h.late, sql`${c(t, 'apology_date')} is null`)),
    dossiers_online_rate: rate(both(received, sql`${c(t, 'channel')} = 'truc_tuyen'`), received),
  };
}

function feedbackKpis(t: SQL, period: Period) {
  const h = timeliness(t, 'answered', period);
  return { feedback_on_time_rate: rate(h.onTime, h.all) };
}

/** Both bounds are days in force/in post, so one ending on `to` still counts at `to`. */
function spanCovers(t: SQL, first: string, last: string, date: string): SQL {
  return sql`((${c(t, first)} is null or ${c(t, first)} <= ${date}::date) and (${c(t, last)} is null or ${date}::date <= ${c(t, last)}))`;
}

function procedureKpis(t: SQL, period: Period) {
  const inForce = spanCovers(t, 'in_force_from', 'in_force_to', period.to);
  const published = sql`${c(t, 'published_at_one_stop')} and ${c(t, 'published_on_website')}`;
  return { procedures_published_rate: rate(both(inForce, published), inForce) };
}

function documentKpis(t: SQL, period: Period) {
  const first = sql`make_date(${c(t, 'year')}, ${c(t, 'month')}, 1)`;
  // Monthly figures cannot be split by day: only months wholly within the period count.
  const within = sql`(${first} >= ${period.from}::date and (${first} + interval '1 month')::date <= ${period.to}::date + 1)`;
  const sum = (expression: SQL) => sql`coalesce(sum(${expression}) filter (where ${within}), 0)`;
  const all = sum(sql`${c(t, 'incoming_total')} + ${c(t, 'outgoing_total')}`);
  const of = (part: string): KpiSql => ({
    numerator: within,
    denominator: within,
    numeratorValue: sum(sql`${c(t, `incoming_${part}`)} + ${c(t, `outgoing_${part}`)}`),
    denominatorValue: all,
  });
  return { documents_electronic_rate: of('electronic'), documents_signed_rate: of('signed') };
}

function officialKpis(t: SQL, period: Period) {
  const inPost = spanCovers(t, 'in_post_from', 'in_post_to', period.to);
  // "In use" needs an address too.
  const withEmail = sql`${c(t, 'email_in_use')} and btrim(coalesce(${c(t, 'email')}, '')) <> ''`;
  return { officials_with_email_rate: rate(both(inPost, withEmail), inPost) };
}

const REPRIMAND_OR_HEAVIER = DISCIPLINE_FORMS.filter(
  (f) => disciplineSeverity(f.code) >= disciplineSeverity('khien_trach'),
).map((f) => f.code);

function disciplineKpis(t: SQL, period: Period) {
  const forms = sql.join(
    REPRIMAND_OR_HEAVIER.map((f) => sql`${f}`),
    sql`, `,
  );
  const decisions = both(dateInPeriod(c(t, 'decision_date'), period), sql`${c(t, 'form')} in (${forms})`);
  // Officials, not decisions: one official disciplined twice is one.
  const officials = sql`count(distinct ${c(t, 'official_id')}) filter (where ${decisions})`;
  return {
    officials_disciplined: { numerator: decisions, denominator: decisions, numeratorValue: officials },
  };
}

function reportKpis(t: SQL, period: Period) {
  const due = instantInPeriod(c(t, 'due_at'), period);
  return { reports_on_time_rate: rate(both(due, onTimeAtEnd(t, 'sent', 'due', period)), due) };
}

/** Every register KPI by the register it reads (core's register keys). */
export const KPI_SQL_BY_REGISTER = {
  dossiers: dossierKpis,
  feedback: feedbackKpis,
  procedures: procedureKpis,
  documentStats: documentKpis,
  officials: officialKpis,
  disciplineDecisions: disciplineKpis,
  reports: reportKpis,
} as const satisfies Record<string, (t: SQL, period: Period) => Partial<Record<RegisterKpi, KpiSql>>>;

export type KpiRegister = keyof typeof KPI_SQL_BY_REGISTER;

/** Where a register's records must lie for any of its KPIs: a superset that indexes serve. */
export function registerPrefilter(register: KpiRegister, t: SQL, period: Period): SQL | null {
  const { fromStart, toEnd } = periodInstants(period);
  switch (register) {
    case 'dossiers':
    case 'feedback': {
      const done = c(t, register === 'dossiers' ? 'result_at' : 'answered_at');
      return sql`(${c(t, 'received_at')} < ${iso(toEnd)} and (${done} is null or ${done} >= ${iso(fromStart)} or ${c(t, 'received_at')} >= ${iso(fromStart)}))`;
    }
    case 'reports':
      return instantInPeriod(c(t, 'due_at'), period);
    case 'disciplineDecisions':
      return dateInPeriod(c(t, 'decision_date'), period);
    default:
      return null;
  }
}
