import { describe, expect, it } from 'vitest';
import type { Dashboard, ProjectionJson, UnitRow } from '../api/dashboard';
import {
  canApologise,
  earliestNewDate,
  gaugeBands,
  heatmapOption,
  recordsLinkFor,
  riskRows,
  sortUnits,
} from './view';

// Wednesday 1 December 2021.
const TODAY = '2021-12-01';

describe('which dossiers the register page offers an apology letter for', () => {
  it('offers it for a dossier resolved late, or open past its due day, without one', () => {
    expect(
      canApologise({ due: '2021-11-05', result: '2021-11-08T09:00+07:00', apologyDate: null }, TODAY),
    ).toBe(true);
    expect(canApologise({ due: '2021-11-30', result: null, apologyDate: null }, TODAY)).toBe(true);
    expect(canApologise({ due: '2021-11-05', result: '2021-11-08', apologyDate: '2021-11-04' }, TODAY)).toBe(
      false,
    );
  });

  it('follows SPEC §5 on the due day: 17:05 against a day without a time is on time, 11:05 against 10:00 is late', () => {
    expect(canApologise({ due: '2021-11-05', result: '2021-11-05T17:05+07:00' }, TODAY)).toBe(false);
    expect(canApologise({ due: '2021-11-05T10:00+07:00', result: '2021-11-05T11:05+07:00' }, TODAY)).toBe(
      true,
    );
  });

  it('offers it for an open dossier due within two working days, not later', () => {
    expect(canApologise({ due: '2021-12-01T16:00+07:00', result: null }, TODAY)).toBe(true);
    expect(canApologise({ due: '2021-12-03', result: null }, TODAY)).toBe(true);
    // Monday 6 December is the third working day after Wednesday 1 December.
    expect(canApologise({ due: '2021-12-06', result: null }, TODAY)).toBe(false);
    // Friday 3 December: Monday 6 is within two working days, the weekend does not count.
    expect(canApologise({ due: '2021-12-07', result: null }, '2021-12-03')).toBe(true);
  });

  it('proposes a new date after the due day and not before today', () => {
    expect(earliestNewDate('2021-11-05', TODAY)).toBe(TODAY);
    expect(earliestNewDate('2021-12-03', TODAY)).toBe('2021-12-06');
  });
});

const criterion = (code: string, kpi: string | null, status: 'at_risk' | 'not_scored', atRisk: string) => ({
  code,
  name: `Tiêu chí ${code}`,
  kpi,
  status,
  points: status === 'at_risk' ? '1' : null,
  max: '2',
  atRisk,
  assessed: true,
  action: null,
  message: { key: 'k', params: {}, vi: `${code} vi`, en: `${code} en` },
});

describe('the points at risk on the dashboard', () => {
  const projection = {
    criteria: [
      criterion('3.4', 'late_dossiers_without_apology', 'at_risk', '1.5'),
      criterion('7.3', 'documents_signed_rate', 'at_risk', '1'),
      criterion('1.2', 'plan_tasks_done_rate', 'at_risk', '0.5'),
      criterion('2.1', null, 'not_scored', '0'),
    ],
    atRisk: ['3.4', '7.3', '1.2'],
    unscored: ['2.1'],
  } as unknown as ProjectionJson;
  const dashboard: Pick<Dashboard, 'projection' | 'tasks' | 'planId' | 'year'> = {
    projection,
    tasks: { '2.1': [{ id: 9, title: 'Sửa quy chế', status: 'todo', dueAt: '2021-06-30T17:00:00Z' }] },
    planId: 4,
    year: 2021,
  };

  it('keep the projection’s order, largest first, then what is not yet scored', () => {
    expect(riskRows(dashboard).map((r) => [r.code, r.atRisk])).toEqual([
      ['3.4', 1.5],
      ['7.3', 1],
      ['1.2', 0.5],
      ['2.1', 0],
    ]);
  });

  it('link to the records behind them, or to the plan’s tasks', () => {
    const rows = Object.fromEntries(riskRows(dashboard).map((r) => [r.code, r]));
    expect(rows['3.4']?.records).toBe(
      '/so-theo-doi/ho-so?kpi=late_dossiers_without_apology&part=numerator&from=2021-01-01&to=2021-12-31',
    );
    expect(rows['7.3']?.records).toBe(
      '/so-theo-doi/van-ban?kpi=documents_signed_rate&part=shortfall&from=2021-01-01&to=2021-12-31',
    );
    expect(rows['1.2']).toMatchObject({ records: null, plan: '/ke-hoach/4' });
    expect(rows['2.1']).toMatchObject({ records: null, plan: '/ke-hoach/4', tasks: [{ id: 9 }] });
    expect(recordsLinkFor(null, 2021)).toBeNull();
  });
});

describe('the gauge and the appraiser’s table', () => {
  it('colours the gauge by band, the best band at the top end', () => {
    const bands = [
      { name: 'Tốt', min: '90' },
      { name: 'Khá', min: '80' },
      { name: 'Trung bình', min: '70' },
      { name: 'Yếu', min: '0' },
    ];
    const stops = gaugeBands(bands);
    expect(stops.map((s) => s[0])).toEqual([0.7, 0.8, 0.9, 1]);
    expect(stops[3]?.[1]).toBe('#2e7d32');
  });

  it('sorts units by index, points at risk, name (Vietnamese) or last year’s rank, units without a rank last', () => {
    const row = (name: string, index: string, risk: string, rank: number | null) =>
      ({
        name,
        index,
        pointsAtRisk: risk,
        lastYear: rank === null ? null : { year: 2020, index: '80', band: null, rank, areas: {} },
      }) as UnitRow;
    const rows = [
      row('Xã Thanh Hồng', '82', '5', 3),
      row('Xã Vĩnh Lập', '85.5', '2', null),
      row('Xã Cẩm Chế', '79', '9', 1),
    ];
    expect(sortUnits(rows, 'index', false).map((r) => r.name)).toEqual([
      'Xã Vĩnh Lập',
      'Xã Thanh Hồng',
      'Xã Cẩm Chế',
    ]);
    expect(sortUnits(rows, 'pointsAtRisk', true).map((r) => r.index)).toEqual(['85.5', '82', '79']);
    expect(sortUnits(rows, 'name', true).map((r) => r.name)).toEqual([
      'Xã Cẩm Chế',
      'Xã Thanh Hồng',
      'Xã Vĩnh Lập',
    ]);
    expect(sortUnits(rows, 'lastRank', true).map((r) => r.name)).toEqual([
      'Xã Cẩm Chế',
      'Xã Thanh Hồng',
      'Xã Vĩnh Lập',
    ]);
    expect(sortUnits(rows, 'lastRank', false).map((r) => r.name)).toEqual([
      'Xã Thanh Hồng',
      'Xã Cẩm Chế',
      'Xã Vĩnh Lập',
    ]);
  });
});

describe('the heatmap of area × unit', () => {
  const rows = [
    { name: 'Xã Vĩnh Lập', areas: { '1': '53.57', '2': null } },
    { name: 'Xã Thanh Hồng', areas: { '1': '100', '2': '87.5' } },
  ] as unknown as UnitRow[];
  const areas = {
    areas: [
      { code: '1', name: 'Chỉ đạo điều hành' },
      { code: '2', name: 'Thể chế' },
    ],
  };
  const labelOf = (lang: string, cell: [number, number, number | '-']) => {
    const series = heatmapOption(areas, rows, false, lang).series[0];
    return series?.label.formatter({ value: cell });
  };

  it('holds one cell per unit and area, a missing index as "-"', () => {
    expect(heatmapOption(areas, rows, false).series[0]?.data).toEqual([
      [0, 0, 53.57],
      [0, 1, '-'],
      [1, 0, 100],
      [1, 1, 87.5],
    ]);
  });

  it('writes its cells as the table does: a decimal comma in Vietnamese, a point in English', () => {
    expect(labelOf('vi', [0, 0, 53.57])).toBe('53,57');
    expect(labelOf('en', [0, 0, 53.57])).toBe('53.57');
    expect(labelOf('vi', [0, 1, '-'])).toBe('');
  });
});
