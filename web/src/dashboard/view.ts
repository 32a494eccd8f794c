import { isKpiKey, kpiDefinition, kpiRegister, type RegisterKey } from '#core/kpi/index';
import {
  addWorkingDays,
  type CalendarDate,
  isPastDueDay,
  metDeadline,
  parseVnMoment,
  vnDateOf,
} from '#core/time/index';
import type { Dashboard, ProjectedCriterion, ProjectionJson, UnitRow, UnitsBelow } from '../api/dashboard';
import { viewOfRegister } from '../registers/views';

// What the dashboard pages show, as pure functions: which dossiers take an apology letter,
// where each point at risk links to, the charts' options, the table's order.

// ---------------------------------------------------------------- apology

/** Working days ahead in which an open dossier is "sắp trễ hẹn" (the server's rule). */
export const DUE_SOON_WORKING_DAYS = 2;

interface DossierFields {
  due?: unknown;
  result?: unknown;
  apologyDate?: unknown;
}

/**
 * Whether the register page offers the apology letter for a dossier, as the server decides
 * it: no apology yet, and late (result after the due date, or open past its due day) or
 * open and due within the next two working days.
 */
export function canApologise(item: DossierFields, today: CalendarDate): boolean {
  if (item.apologyDate) return false;
  if (typeof item.due !== 'string') return false;
  const due = parseVnMoment(item.due);
  if (!due.ok) return false;
  if (typeof item.result === 'string' && item.result) {
    const result = parseVnMoment(item.result);
    return result.ok && !metDeadline(result.value, due.value);
  }
  if (isPastDueDay(due.value, today)) return true;
  return vnDateOf(due.value.at) <= addWorkingDays(today, DUE_SOON_WORKING_DAYS);
}

/** The earliest new date the form proposes: the day after the due day, and not before today. */
export function earliestNewDate(due: string, today: CalendarDate): CalendarDate {
  const parsed = parseVnMoment(due);
  const dueDay = parsed.ok ? vnDateOf(parsed.value.at) : today;
  const next = addWorkingDays(dueDay, 1);
  return next > today ? next : today;
}

// ---------------------------------------------------------------- points at risk

export interface RiskRow {
  code: string;
  name: string;
  kpi: string | null;
  status: ProjectedCriterion['status'];
  points: string | null;
  max: string;
  atRisk: number;
  message: ProjectedCriterion['message'];
  /** The register page with the records behind it, filtered. */
  records: string | null;
  /** The plan page, when tasks of the plan answer it. */
  plan: string | null;
  tasks: { id: number; title: string; status: string }[];
}

/**
 * The register page listing what costs the points: for a count (late dossiers without an
 * apology, discipline cases) the counted records; for a rate, the records that fall short.
 */
export function recordsLinkFor(kpi: string | null, year: number): string | null {
  if (!kpi || !isKpiKey(kpi)) return null;
  const register = kpiRegister(kpi) as string;
  const view = viewOfRegister(register as RegisterKey);
  if (!view) return null;
  const part = kpiDefinition(kpi).kind === 'count' ? 'numerator' : 'shortfall';
  return `${view.route}?kpi=${kpi}&part=${part}&from=${year}-01-01&to=${year}-12-31`;
}

/** Points at risk, largest first (the projection's order), then the criteria not yet scored. */
export function riskRows(dashboard: Pick<Dashboard, 'projection' | 'tasks' | 'planId' | 'year'>): RiskRow[] {
  const p = dashboard.projection;
  if (!p) return [];
  const byCode = new Map(p.criteria.map((c) => [c.code, c]));
  const planLink = dashboard.planId ? `/ke-hoach/${dashboard.planId}` : null;
  return [...p.atRisk, ...p.unscored].flatMap((code) => {
    const c = byCode.get(code);
    if (!c) return [];
    const tasks = (dashboard.tasks[code] ?? []).map((t) => ({ id: t.id, title: t.title, status: t.status }));
    const records = recordsLinkFor(c.kpi, dashboard.year);
    const planKpi = c.kpi !== null && isKpiKey(c.kpi) && (kpiRegister(c.kpi) as string) === 'planTasks';
    return [
      {
        code,
        name: c.name,
        kpi: c.kpi,
        status: c.status,
        points: c.points,
        max: c.max,
        atRisk: Number(c.atRisk),
        message: c.message,
        records,
        plan: tasks.length > 0 || planKpi ? planLink : null,
        tasks,
      },
    ];
  });
}

/** Sum of the points at risk. */
export const totalAtRisk = (p: ProjectionJson) =>
  p.criteria.filter((c) => c.status === 'at_risk').reduce((sum, c) => sum + Number(c.atRisk), 0);

// ---------------------------------------------------------------- charts

export interface BandLine {
  name: string;
  min: string;
}

const BAND_COLOURS = ['#2e7d32', '#9e9d24', '#ef6c00', '#c62828', '#6a1b9a'];

/** The gauge's colour bands: from each band's minimum up to the next, best band green. */
export function gaugeBands(bands: readonly BandLine[]): [number, string][] {
  const sorted = [...bands].sort((a, b) => Number(a.min) - Number(b.min));
  // ECharts colours the arc up to each stop, as a share of 0..100.
  return sorted.map((_, i) => {
    const next = sorted[i + 1];
    const stop = next ? Number(next.min) / 100 : 1;
    return [stop, BAND_COLOURS[sorted.length - 1 - i] ?? '#999'];
  });
}

export function gaugeOption(index: number, band: string | null, bands: readonly BandLine[]) {
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        splitNumber: 5,
        startAngle: 200,
        endAngle: -20,
        radius: '92%',
        center: ['50%', '58%'],
        axisLine: { lineStyle: { width: 14, color: gaugeBands(bands) } },
        pointer: { width: 4, length: '52%', itemStyle: { color: '#37474f' } },
        anchor: { show: true, size: 8, itemStyle: { color: '#37474f' } },
        axisTick: { show: false },
        splitLine: { distance: -14, length: 14, lineStyle: { width: 2, color: '#fff' } },
        axisLabel: { distance: 18, fontSize: 10, color: '#666' },
        title: { show: true, offsetCenter: [0, '78%'], fontSize: 14, color: '#333' },
        detail: {
          valueAnimation: false,
          formatter: () => index.toLocaleString('vi-VN', { maximumFractionDigits: 2 }),
          fontSize: 20,
          fontWeight: 'bold',
          offsetCenter: [0, '50%'],
        },
        data: [{ value: index, name: band ?? '' }],
      },
    ],
  };
}

/** Component index per area, this year's projection beside last year's final result. */
export function areaBarsOption(
  p: ProjectionJson,
  lastYear: Dashboard['lastYear'],
  labels: { projected: string; lastYear: string },
  narrow: boolean,
) {
  const areas = p.areas;
  const series = [
    {
      name: labels.projected,
      type: 'bar',
      data: areas.map((a) => (a.index === null ? null : Number(a.index))),
      itemStyle: { color: '#b71c1c' },
      label: { show: !narrow, position: 'right', fontSize: 10 },
    },
  ];
  if (lastYear) {
    series.push({
      name: labels.lastYear,
      type: 'bar',
      data: areas.map((a) => {
        const value = lastYear.areas[a.code];
        return value === null || value === undefined ? null : Number(value);
      }),
      itemStyle: { color: '#90a4ae' },
      label: { show: false, position: 'right', fontSize: 10 },
    });
  }
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 30, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: areas.map((a) => `${a.code}. ${a.name}`),
      axisLabel: { width: narrow ? 110 : 220, overflow: 'truncate', fontSize: 11 },
    },
    series,
  };
}

/** Area × unit heatmap of component indexes; units in the table's order. */
export function heatmapOption(
  table: Pick<UnitsBelow, 'areas'>,
  rows: readonly UnitRow[],
  narrow: boolean,
  lang = 'vi',
) {
  // The cells read as the table does: a decimal comma in Vietnamese.
  const number = new Intl.NumberFormat(lang === 'en' ? 'en' : 'vi-VN', { maximumFractionDigits: 2 });
  const data: [number, number, number | '-'][] = [];
  rows.forEach((u, x) => {
    table.areas.forEach((a, y) => {
      const v = u.areas[a.code];
      data.push([x, y, v === null || v === undefined ? '-' : Number(v)]);
    });
  });
  return {
    tooltip: { position: 'top' },
    grid: { left: 8, right: 8, top: 8, bottom: 60, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((u) => u.name.replace(/^(Xã|Phường|Thị trấn)\s+/, '')),
      axisLabel: { rotate: 60, fontSize: 10, interval: 0 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: table.areas.map((a) => (narrow ? a.code : `${a.code}. ${a.name}`)),
      axisLabel: { width: narrow ? 30 : 200, overflow: 'truncate', fontSize: 10 },
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max: 100,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#c62828', '#ffb300', '#fff59d', '#66bb6a', '#1b5e20'] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: !narrow && rows.length <= 20,
          fontSize: 9,
          formatter: (cell: { value: [number, number, number | '-'] }) =>
            typeof cell.value[2] === 'number' ? number.format(cell.value[2]) : '',
        },
      },
    ],
  };
}

// ---------------------------------------------------------------- table order

export type SortKey = 'index' | 'pointsAtRisk' | 'name' | 'lastRank';

/** Rows in an order; ties by name (Vietnamese order). */
export function sortUnits(rows: readonly UnitRow[], key: SortKey, ascending: boolean): UnitRow[] {
  const value = (u: UnitRow): number | string | null => {
    if (key === 'name') return u.name;
    if (key === 'lastRank') return u.lastYear?.rank ?? null;
    return Number(u[key]);
  };
  const sign = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    // Units without a value go last either way.
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    if (typeof va === 'string' && typeof vb === 'string') return sign * va.localeCompare(vb, 'vi');
    if (typeof va === 'number' && typeof vb === 'number' && va !== vb) return sign * (va - vb);
    return a.name.localeCompare(b.name, 'vi');
  });
}
