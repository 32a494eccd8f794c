// The report as .json, .csv, .xlsx or an aligned table on stdout.

import { writeXlsx } from '../../lib/table-file';
import type { OutFormat } from './args';
import { index, points, type Report, type ReportLine } from './report';

/**
 * `{"units":[{"unit","areas":[{"code","points","index"}],"total","index","band","rank"}]}`.
 * Points and indexes are exact decimal strings with a dot ("10.275", "85.00"); null
 * where not known (an incomplete unit's total, index, band, rank).
 */
export function toJson(report: Report): string {
  const { compiled } = report;
  const units = report.lines.map((l) => ({
    unit: l.unit,
    areas: l.areas.map((a) => ({ code: a.code, points: points(a.points), index: index(compiled, a.index) })),
    total: points(l.total),
    index: index(compiled, l.index),
    band: l.band,
    rank: l.rank,
  }));
  return `${JSON.stringify({ units }, null, 2)}\n`;
}

function header(report: Report): string[] {
  const areas = report.compiled.areas;
  const codes = Array.from(areas, (position) => report.compiled.codes[position] as string);
  return [
    'Đơn vị',
    ...codes.flatMap((code) => [`Điểm lĩnh vực ${code}`, `Chỉ số lĩnh vực ${code} (%)`]),
    'Tổng điểm',
    'Điểm tối đa',
    'Chỉ số (%)',
    'Xếp loại',
    'Thứ hạng',
    'Ghi chú',
  ];
}

/** One row per unit; decimals as text with a dot, an unknown value empty. */
function textRow(report: Report, l: ReportLine): string[] {
  const { compiled } = report;
  return [
    l.unit,
    ...l.areas.flatMap((a) => [points(a.points) ?? '', index(compiled, a.index) ?? '']),
    points(l.total) ?? '',
    points(l.maxPoints) ?? '',
    index(compiled, l.index) ?? '',
    l.band ?? '',
    l.rank === null ? '' : String(l.rank),
    l.notes.join('; '),
  ];
}

/** UTF-8 with a BOM (so Excel shows the accents), comma-separated, decimals with a dot. */
export function toCsv(report: Report): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const rows = [header(report), ...report.lines.map((l) => textRow(report, l))];
  return `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Numbers as numbers, so Excel sorts and sums them; unknown values empty. */
export function toXlsx(report: Report): Promise<Buffer> {
  const rows = report.lines.map((l) =>
    textRow(report, l).map((cell, c) => (c > 0 && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)),
  );
  return writeXlsx('Kết quả', header(report), rows);
}

export async function render(report: Report, format: OutFormat): Promise<string | Buffer> {
  if (format === 'json') return toJson(report);
  if (format === 'csv') return toCsv(report);
  return toXlsx(report);
}

/**
 * For people: rank, unit, total, index, band and each area's points; then each area's
 * component index; then the notes. Decimal comma, as Vietnamese tables write it.
 */
export function toTable(report: Report): string {
  const { compiled, lines } = report;
  const areaCodes = lines[0]?.areas.map((a) => a.code) ?? [];
  const dash = (text: string | null) => text ?? '—';
  const main = [
    ['Hạng', 'Đơn vị', 'Tổng', 'Tối đa', 'Chỉ số', 'Xếp loại', ...areaCodes.map((c) => `LV ${c}`)],
    ...lines.map((l) => [
      l.rank === null ? '—' : String(l.rank),
      l.unit,
      dash(points(l.total, ',')),
      dash(points(l.maxPoints, ',')),
      dash(index(compiled, l.index, ',')),
      dash(l.band),
      ...l.areas.map((a) => dash(points(a.points, ','))),
    ]),
  ];
  const components = [
    ['Đơn vị', ...areaCodes.map((c) => `LV ${c}`)],
    ...lines.map((l) => [l.unit, ...l.areas.map((a) => dash(index(compiled, a.index, ',')))]),
  ];
  const notes = lines.flatMap((l) => l.notes.map((note) => `  ${l.unit}: ${note}`));
  const framework = compiled.framework;
  return [
    `${framework.name} (${framework.year}, cấp ${framework.level}) — điểm tối đa ${points(compiled.maxTotal, ',')}`,
    '',
    align(main, new Set([1, 5])),
    '',
    'Chỉ số thành phần theo lĩnh vực (%):',
    align(components, new Set([0])),
    ...(notes.length > 0 ? ['', 'Ghi chú:', ...notes] : []),
    '',
  ].join('\n');
}

/** Columns padded to their widest cell; text columns to the left, numbers to the right. */
function align(rows: readonly string[][], left: ReadonlySet<number>): string {
  const width = (s: string) => [...s.normalize('NFC')].length;
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  const pad = (cell: string, c: number) => {
    const space = ' '.repeat((widths[c] ?? 0) - width(cell));
    return left.has(c) ? cell + space : space + cell;
  };
  return rows.map((r) => r.map(pad).join('  ').trimEnd()).join('\n');
}
