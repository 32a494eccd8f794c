// The public results page's table and chart, from the published results: ranked rows,
// the areas as columns, the change from last year, and the ECharts option.

import { parseDecimal, toNumber } from '#core/framework/index';
import type { PublishedResult } from '../api/assessments';

/** An index for a chart only (a float). */
export function indexNumber(value: string): number {
  const parsed = parseDecimal(value);
  return parsed === null ? 0 : toNumber(parsed);
}

/** Rank first (unranked last), then name the Vietnamese way. */
export function rankingRows(results: readonly PublishedResult[]): PublishedResult[] {
  return [...results].sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      a.unitName.localeCompare(b.unitName, 'vi'),
  );
}

/** The areas, in framework order, as the first result lists them (every result has the same ones). */
export function areaColumns(results: readonly PublishedResult[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const result of results)
    for (const area of result.areas) if (!seen.has(area.code)) seen.set(area.code, area.name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

export type Trend = 'up' | 'down' | 'same' | 'none';

/** Whether the index went up or down since last year (the change is this year − last year). */
export function trendOf(change: PublishedResult['change']): Trend {
  const value = change?.index.change;
  if (value === null || value === undefined) return 'none';
  const delta = parseDecimal(value);
  if (delta === null) return 'none';
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
}

/** "+2,35" / "−1,10" / "0" for an index change. */
export function signedDecimal(value: string | null | undefined, lang: string): string {
  if (value === null || value === undefined) return '—';
  const parsed = parseDecimal(value);
  if (parsed === null) return value;
  const sign = parsed > 0 ? '+' : parsed < 0 ? '−' : '';
  const magnitude = Math.abs(parsed) / 1_000_000;
  const text = magnitude.toFixed(2);
  return `${sign}${lang === 'en' ? text : text.replace('.', ',')}`;
}

/** A rank change: last year's rank − this year's, so moving up is positive ("↑2"). */
export function rankMove(change: PublishedResult['change']): number | null {
  return change?.rank.change ?? null;
}

/** The ECharts option of the ranking: one bar per unit, its index, coloured by band; `highlight` stands out. */
export function rankingChart(
  results: readonly PublishedResult[],
  options: {
    highlight?: number | null;
    bandColors?: Record<string, string>;
    indexLabel: string;
    lang?: string;
    /** Bars across, one row per unit, best at the top: for a phone. */
    horizontal?: boolean;
  },
): Record<string, unknown> {
  const rows = rankingRows(results);
  const palette = ['#2e7d32', '#1565c0', '#f9a825', '#c62828', '#6a1b9a'];
  const bands = [...new Set(rows.map((r) => r.band ?? ''))];
  const colorOf = (band: string | null) =>
    options.bandColors?.[band ?? ''] ?? palette[bands.indexOf(band ?? '') % palette.length] ?? '#999';
  const units = {
    type: 'category',
    data: rows.map((r) => r.unitName),
    ...(options.horizontal
      ? { inverse: true, axisLabel: { interval: 0, fontSize: 11 } }
      : { axisLabel: { rotate: rows.length > 8 ? 45 : 0, interval: 0, fontSize: 11 } }),
  };
  const values = { type: 'value', min: 0, max: 100, name: options.indexLabel };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: options.horizontal ? 40 : 16, top: 24, bottom: 8, containLabel: true },
    xAxis: options.horizontal ? values : units,
    yAxis: options.horizontal ? units : values,
    series: [
      {
        type: 'bar',
        name: options.indexLabel,
        data: rows.map((r) => ({
          value: indexNumber(r.index),
          itemStyle: {
            color: colorOf(r.band),
            ...(options.highlight === r.unitId ? { borderColor: '#000', borderWidth: 2 } : {}),
          },
        })),
        label: {
          show: rows.length <= 25,
          position: options.horizontal ? 'right' : 'top',
          fontSize: 10,
          formatter: (p: { value: number }) => {
            const text = p.value.toFixed(2);
            return options.lang === 'en' ? text : text.replace('.', ',');
          },
        },
      },
    ],
  };
}
