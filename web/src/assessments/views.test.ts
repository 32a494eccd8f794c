import { describe, expect, it } from 'vitest';
import { fixed, frameworkToJson } from '#core/framework/index';
import { sampleFramework } from '../../../core/framework/fixtures/sample';
import type { PublishedResult, SheetEntry } from '../api/assessments';
import { describeAuditValue } from './audit-view';
import { draftsFromEntries, selfInputOf, typedPoints } from './drafts';
import { type LiveFramework, liveFramework, liveScore, type TreeRow } from './live';
import { areaColumns, rankingChart, rankingRows, rankMove, signedDecimal, trendOf } from './results-view';
import { appraisalProblem, canSubmit, canWriteSelf, daysLeft, reached, samePoints } from './sheet-view';

const live = liveFramework(frameworkToJson(sampleFramework({ optionalAreas: ['8'] }))) as LiveFramework;
const leaf = (predicate: (row: TreeRow) => boolean): TreeRow => {
  const found = live.leaves.find(predicate);
  if (!found) throw new Error('no such leaf');
  return found;
};

function entry(code: string, over: Partial<SheetEntry> = {}): SheetEntry {
  return {
    code,
    name: '',
    maxPoints: '1',
    method: null,
    kpi: null,
    evidenceRequired: [],
    input: null,
    selfPoints: null,
    comment: null,
    prefill: null,
    overridden: false,
    overrideReason: null,
    files: [],
    appraisedPoints: null,
    appraisalReason: null,
    role: 'score',
    areaCode: code.split('.')[0] ?? '',
    returned: null,
    explanation: null,
    problems: [],
    ...over,
  };
}

describe('drafts from the stored sheet', () => {
  const manual = leaf((l) => l.method === 'thu_cong');
  const kpi = leaf((l) => l.kpi === 'dossiers_on_time_rate');
  const prefill = {
    kpi: 'dossiers_on_time_rate',
    input: { kind: 'rate' as const, numerator: 7, denominator: 12 },
    points: '3.5',
    value: '58.333333',
    numerator: 7,
    denominator: 12,
    period: { from: '2021-01-01', to: '2021-12-31' },
    computedAt: '2022-01-05T02:00:00.000Z',
  };

  it('shows stored points the Vietnamese way and sends them back with a dot', () => {
    const drafts = draftsFromEntries(
      live.leaves,
      [entry(manual.code, { input: { kind: 'points', points: '0.5' } })],
      'vi',
    );
    expect(drafts[manual.code]).toEqual({ points: '0,5', prefill: null, override: false });
    expect(selfInputOf(manual, drafts[manual.code])).toEqual({ kind: 'points', points: '0.5' });
    expect(typedPoints('12.25', 'en')).toBe('12.25');
  });

  it('keeps a KPI criterion on its pre-fill until it is overridden, and scores it so', () => {
    const pre = draftsFromEntries(live.leaves, [entry(kpi.code, { input: prefill.input, prefill })], 'vi');
    expect(pre[kpi.code]?.override).toBe(false);
    expect(selfInputOf(kpi, pre[kpi.code])).toEqual(prefill.input);
    expect(liveScore(live, pre).points.get(kpi.code)).toBe(fixed('3.5'));

    const over = draftsFromEntries(
      live.leaves,
      [
        entry(kpi.code, {
          input: { kind: 'points', points: '5' },
          prefill,
          overridden: true,
          overrideReason: 'x',
        }),
      ],
      'vi',
    );
    expect(over[kpi.code]).toEqual({ points: '5', prefill: prefill.input, override: true });
    expect(selfInputOf(kpi, over[kpi.code])).toEqual({ kind: 'points', points: '5' });
    expect(liveScore(live, over).points.get(kpi.code)).toBe(fixed(5));
  });
});

describe('what the pages allow before asking the server', () => {
  it('lets only the head submit, and only a draft', () => {
    expect(canSubmit(['unit_head'], 'draft')).toBe(true);
    expect(canSubmit(['unit_officer'], 'draft')).toBe(false);
    expect(canSubmit(['unit_head'], 'submitted')).toBe(false);
    expect(canWriteSelf(['unit_officer'], 'draft')).toBe(true);
    expect(canWriteSelf(['unit_officer'], 'in_appraisal')).toBe(false);
    expect(reached('final', 'provisional')).toBe(true);
    expect(reached('submitted', 'provisional')).toBe(false);
  });

  it('asks a reason only when the appraised points differ from the self points', () => {
    expect(samePoints('1.5', '1,50')).toBe(true);
    expect(appraisalProblem(fixed(2), '1.5', '1,5', '')).toBeNull();
    expect(appraisalProblem(fixed(2), '1.5', '1', '')).toBe('reason_required');
    expect(appraisalProblem(fixed(2), '1.5', '1', 'Thiếu biên bản')).toBeNull();
    expect(appraisalProblem(fixed(2), '1.5', '3', 'x')).toBe('above_max');
    expect(appraisalProblem(fixed(2), null, 'a', 'x')).toBe('not_a_number');
  });

  it('counts days to a deadline', () => {
    expect(daysLeft('2022-01-15', '2022-01-12')).toBe(3);
    expect(daysLeft('2022-01-10', '2022-01-12')).toBe(-2);
  });

  it('writes audit values shortly', () => {
    expect(describeAuditValue({ kind: 'points', points: '1.5' })).toBe('1.5 điểm');
    expect(describeAuditValue({ kind: 'rate', numerator: 7, denominator: 12 })).toBe('7/12');
    expect(describeAuditValue(null)).toBe('∅');
  });
});

describe('the public ranking', () => {
  const result = (
    unitName: string,
    rank: number | null,
    index: string,
    change: PublishedResult['change'] = null,
  ): PublishedResult => ({
    roundId: 1,
    unitId: unitName.length,
    unitName,
    unitCode: String(unitName.length),
    year: 2021,
    version: 1,
    publishedAt: '2022-03-01T00:00:00Z',
    corrections: [],
    total: index,
    maxPoints: '100',
    index,
    band: 'Khá',
    rank,
    areas: [
      { code: '1', name: 'Chỉ đạo', points: '10', max: '14', index: '71.43' },
      { code: '2', name: 'Thể chế', points: '8', max: '8', index: '100' },
    ],
    change,
  });

  it('orders by rank, unranked last, and lists the areas once', () => {
    const rows = rankingRows([
      result('Ứng Hoè', null, '0'),
      result('Vĩnh Lập', 2, '85'),
      result('Thanh Xá', 1, '90'),
    ]);
    expect(rows.map((r) => r.unitName)).toEqual(['Thanh Xá', 'Vĩnh Lập', 'Ứng Hoè']);
    expect(areaColumns(rows).map((a) => a.code)).toEqual(['1', '2']);
  });

  it('shows the change from last year with its sign', () => {
    const delta = (change: string) => ({ current: null, previous: null, change });
    const up = {
      previousYear: 2020,
      total: delta('2'),
      index: delta('2.35'),
      band: { current: 'Khá', previous: 'Khá' },
      rank: { current: 3, previous: 4, change: 1 },
      areas: [],
    };
    expect(trendOf(up)).toBe('up');
    expect(trendOf({ ...up, index: delta('-1.1') })).toBe('down');
    expect(rankMove(up)).toBe(1);
    expect(trendOf(null)).toBe('none');
    expect(signedDecimal('2.35', 'vi')).toBe('+2,35');
    expect(signedDecimal('-1.1', 'en')).toBe('−1.10');
  });

  it('charts one bar per unit in rank order', () => {
    const option = rankingChart([result('Vĩnh Lập', 2, '85.5'), result('Thanh Xá', 1, '90')], {
      indexLabel: 'Chỉ số',
    });
    const xAxis = option.xAxis as { data: string[] };
    const series = option.series as { data: { value: number }[] }[];
    expect(xAxis.data).toEqual(['Thanh Xá', 'Vĩnh Lập']);
    expect(series[0]?.data.map((d) => d.value)).toEqual([90, 85.5]);
  });
});
