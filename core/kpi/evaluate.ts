import type { Period } from '../time';
import {
  KPI_CATALOGUE,
  type KpiKey,
  type KpiRegisterOf,
  kpiRegister,
  type RegisterKpiKey,
} from './catalogue';
import { documentsElectronicRate, documentsSignedRate } from './documents';
import {
  dossiersLate,
  dossiersOnlineRate,
  dossiersOnTimeRate,
  dossiersReceived,
  lateDossiersWithoutApology,
} from './dossiers';
import { type KpiEvaluation, shortfallOf } from './evaluation';
import { feedbackOnTimeRate } from './feedback';
import { officialsDisciplined, officialsWithEmailRate } from './officials';
import { planTasksDoneRate } from './plan';
import { proceduresPublishedRate } from './procedures';
import type { RegisterKey, RegisterRecords, Registers } from './records';
import { reportsOnTimeRate } from './reports';
import type { KpiResult } from './result';

/** The record type a KPI reads (Dossier for `dossiers_on_time_rate`, …). */
export type KpiRecord<K extends RegisterKpiKey> = RegisterRecords[KpiRegisterOf<K> & RegisterKey];

type Evaluators = {
  readonly [K in RegisterKpiKey]: (
    records: readonly KpiRecord<K>[],
    period: Period,
  ) => KpiEvaluation<KpiRecord<K>>;
};

const EVALUATORS: Evaluators = {
  plan_tasks_done_rate: (tasks, period) => planTasksDoneRate('plan_tasks_done_rate', tasks, period),
  propaganda_done_rate: (tasks, period) => planTasksDoneRate('propaganda_done_rate', tasks, period),
  self_inspections_done_rate: (tasks, period) =>
    planTasksDoneRate('self_inspections_done_rate', tasks, period),
  it_plan_done_rate: (tasks, period) => planTasksDoneRate('it_plan_done_rate', tasks, period),
  tthc_review_done_rate: (tasks, period) => planTasksDoneRate('tthc_review_done_rate', tasks, period),
  assigned_tasks_done_rate: (tasks, period) => planTasksDoneRate('assigned_tasks_done_rate', tasks, period),
  procedures_published_rate: proceduresPublishedRate,
  dossiers_on_time_rate: dossiersOnTimeRate,
  late_dossiers_without_apology: lateDossiersWithoutApology,
  dossiers_online_rate: dossiersOnlineRate,
  dossiers_received: dossiersReceived,
  dossiers_late: dossiersLate,
  feedback_on_time_rate: feedbackOnTimeRate,
  documents_electronic_rate: documentsElectronicRate,
  documents_signed_rate: documentsSignedRate,
  officials_with_email_rate: officialsWithEmailRate,
  officials_disciplined: officialsDisciplined,
  reports_on_time_rate: reportsOnTimeRate,
};

export const REGISTER_KPI_KEYS = Object.keys(EVALUATORS) as RegisterKpiKey[];

export function isRegisterKpiKey(key: KpiKey): key is RegisterKpiKey {
  return Object.hasOwn(EVALUATORS, key);
}

/** The reference computation of one KPI over its register's records (SPEC §5). */
export function evaluateKpi<K extends RegisterKpiKey>(
  key: K,
  records: readonly KpiRecord<K>[],
  period: Period,
): KpiEvaluation<KpiRecord<K>> {
  const evaluate: Evaluators[K] = EVALUATORS[key];
  return evaluate(records, period);
}

export function computeKpi<K extends RegisterKpiKey>(
  key: K,
  records: readonly KpiRecord<K>[],
  period: Period,
): KpiResult {
  return evaluateKpi(key, records, period).result;
}

/** `evaluateKpi` over the KPI's own register; undefined when that register is not given. */
export function evaluateKpiIn<K extends RegisterKpiKey>(
  key: K,
  registers: Partial<Registers>,
  period: Period,
): KpiEvaluation<KpiRecord<K>> | undefined {
  // RegisterKpiKey guarantees a register, but TypeScript cannot see it through K.
  const register = kpiRegister(key) as KpiRegisterOf<K> & RegisterKey;
  const records = registers[register];
  return records && evaluateKpi(key, records, period);
}

/**
 * Every KPI whose register is given, keyed as the API returns them. A register left out
 * leaves its KPIs out; an empty register gives them with no data.
 */
export function computeKpis(
  registers: Partial<Registers>,
  period: Period,
): Partial<Record<RegisterKpiKey, KpiResult>> {
  const out: Partial<Record<RegisterKpiKey, KpiResult>> = {};
  for (const { key } of KPI_CATALOGUE) {
    if (!isRegisterKpiKey(key)) continue;
    const evaluation = evaluateKpiIn(key, registers, period);
    if (evaluation) out[key] = evaluation.result;
  }
  return out;
}

export type RecordsPart = 'numerator' | 'denominator' | 'shortfall';

/**
 * The records behind a number, for the UI to link to: `numerator` (or a count's
 * records), `denominator`, or `shortfall` — in the denominator but not the numerator
 * (the late dossiers, the procedures not published). For document statistics all three
 * are months, and the shortfall is empty.
 */
export function recordsBehind<K extends RegisterKpiKey>(
  key: K,
  records: readonly KpiRecord<K>[],
  period: Period,
  part: RecordsPart,
): readonly KpiRecord<K>[] {
  const evaluation = evaluateKpi(key, records, period);
  if (part === 'numerator') return evaluation.numerator;
  if (part === 'denominator') return evaluation.denominator;
  return shortfallOf(evaluation);
}
