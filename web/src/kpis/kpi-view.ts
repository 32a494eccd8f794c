import { useTranslation } from 'react-i18next';
import {
  formatPercent,
  isRateResult,
  KPI_CATALOGUE,
  type KpiDefinition,
  type KpiKey,
  type KpiResult,
  type KpiTarget,
  kpiRegister,
  meetsTarget,
  type RecordsPart,
} from '#core/kpi/index';
import { calendarDate, daysInMonth } from '#core/time/index';
import type { KpiReading, Period } from '../api/registers';
import { formatCount } from '../registers/values';
import { viewOfRegister } from '../registers/views';

// What the KPI page shows for a result: its text, its verdict against the seed plan's
// target (compared on the exact fraction, in core), and where its records are.

export type Span = 'year' | `q${1 | 2 | 3 | 4}` | `m${number}`;
export const SPANS: Span[] = [
  'year',
  'q1',
  'q2',
  'q3',
  'q4',
  ...Array.from({ length: 12 }, (_, i) => `m${i + 1}` as Span),
];

export function periodOf(year: number, span: Span): Period {
  if (span === 'year') return { from: calendarDate(year, 1, 1), to: calendarDate(year, 12, 31) };
  const n = Number(span.slice(1));
  const [first, last] = span.startsWith('q') ? [3 * n - 2, 3 * n] : [n, n];
  return { from: calendarDate(year, first, 1), to: calendarDate(year, last, daysInMonth(year, last)) };
}

export function spanOf(period: Period): Span | null {
  const year = Number(period.from.slice(0, 4));
  return (
    SPANS.find((s) => {
      const p = periodOf(year, s);
      return p.from === period.from && p.to === period.to;
    }) ?? null
  );
}

export type Verdict = 'met' | 'missed' | 'noData' | 'noTarget';

export function verdictOf(result: KpiResult, target: KpiTarget | null, noData: boolean): Verdict {
  if (noData) return 'noData';
  if (!target) return 'noTarget';
  const met = meetsTarget(result, target);
  return met === null ? 'noData' : met ? 'met' : 'missed';
}

export const VERDICT_COLORS: Record<Verdict, string> = {
  met: 'green',
  missed: 'red',
  noData: 'default',
  noTarget: 'default',
};

/** The register page listing the records behind a number, for the period (and a unit below). */
export function recordsLink(key: KpiKey, part: RecordsPart, period: Period, unitId?: number): string | null {
  const view = viewOfRegister(kpiRegister(key) as Parameters<typeof viewOfRegister>[0]);
  if (!view) return null;
  const unit = unitId ? `&unit=${unitId}` : '';
  return `${view.route}?kpi=${key}&part=${part}&from=${period.from}&to=${period.to}${unit}`;
}

/** "100%" and "0" as the seed writes them; other targets with their direction. */
export function targetText(target: KpiTarget | null, kind: KpiDefinition['kind']): string {
  if (!target) return '—';
  const value = kind === 'rate' ? `${target.value}%` : String(target.value);
  if ((target.op === 'atLeast' && target.value === 100) || (target.op === 'atMost' && target.value === 0)) {
    return value;
  }
  return target.op === 'atLeast' ? `≥ ${value}` : `≤ ${value}`;
}

export interface KpiRow {
  readonly def: KpiDefinition & { readonly key: KpiKey };
  readonly result: KpiResult;
  readonly noData: boolean;
  readonly verdict: Verdict;
}

/** The reading's KPIs in catalogue order. */
export function rowsOf(reading: KpiReading | undefined): KpiRow[] {
  if (!reading) return [];
  return KPI_CATALOGUE.filter((d) => d.key in reading.kpis).map((def) => {
    const result = reading.kpis[def.key] as KpiResult;
    const noData = reading.noData.includes(def.key);
    return { def, result, noData, verdict: verdictOf(result, def.target, noData) };
  });
}

/** Texts of a KPI row in the chosen language: name, value, numbers. */
export function useKpiText() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return {
    lang,
    name: (def: KpiDefinition) => (lang === 'en' ? def.nameEn : def.nameVi),
    count: (n: number) => formatCount(n, lang),
    value: (result: KpiResult, noData: boolean, empty = t('kpis.noData')) => {
      if (isRateResult(result)) return formatPercent(result, lang) ?? empty;
      return noData ? '—' : formatCount(result.value, lang);
    },
  };
}
