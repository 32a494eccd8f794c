import { describe, expect, it } from 'vitest';
import { fixed } from './fixed';
import { BANDS } from './fixtures/sample';
import type { Criterion, Framework, LeafCriterion, ParentCriterion } from './model';
import { validateFramework } from './validate';

const leaf = (
  code: string,
  max: string,
  method = 'thu_cong',
  extra: Partial<LeafCriterion> = {},
): Criterion => ({
  code,
  name: `Tiêu chí ${code}`,
  maxPoints: fixed(max),
  evidence: [],
  method,
  params: '',
  ...extra,
});
const parent = (
  code: string,
  max: string,
  children: Criterion[],
  extra: Partial<ParentCriterion> = {},
): Criterion => ({
  code,
  name: `Lĩnh vực ${code}`,
  maxPoints: fixed(max),
  evidence: [],
  children,
  ...extra,
});
const framework = (areas: Criterion[], extra: Partial<Framework> = {}): Framework => ({
  year: 2021,
  level: 'xa',
  name: 'Thử',
  bands: BANDS,
  indexDecimals: 2,
  areas,
  ...extra,
});
const codes = (f: Framework) => validateFramework(f).map((e) => [e.code, e.node ?? null]);

describe('validateFramework', () => {
  it('accepts a tree of any depth whose parents sum', () => {
    const deep = parent('1', '3', [
      parent('1.1', '3', [parent('1.1.1', '3', [leaf('1.1.1.1', '1'), leaf('1.1.1.2', '2')])]),
    ]);
    expect(validateFramework(framework([deep]))).toEqual([]);
  });

  it('codes must be well formed, unique and consistent with the tree', () => {
    const f = framework([
      parent('1', '3', [leaf('1.1', '1'), leaf('2.2', '1'), leaf('1.1', '1')]),
      parent('2', '1', [leaf('2.1.1', '1')]),
      leaf('3.1', '1'),
      leaf('4 a', '1'),
    ]);
    expect(codes(f)).toEqual([
      ['code_not_under_parent', '2.2'],
      ['duplicate_code', '1.1'],
      ['code_not_under_parent', '2.1.1'],
      ['code_not_under_parent', '3.1'],
      ['bad_code', '4 a'],
    ]);
  });

  it('every error carries a Vietnamese reason', () => {
    const [error] = validateFramework(framework([parent('1', '3', [leaf('1.2.1', '3')])]));
    expect(error).toEqual({
      code: 'code_not_under_parent',
      message: 'Mã 1.2.1 không khớp vị trí: đang nằm dưới 1',
      node: '1.2.1',
      field: 'code',
    });
  });

  it('max points must be positive; parents need children, leaves a method', () => {
    const f = framework([parent('1', '0', [leaf('1.1', '0'), leaf('1.2', '1', '')]), parent('2', '1', [])]);
    expect(codes(f)).toEqual([
      ['bad_max_points', '1'],
      ['parent_sum_mismatch', '1'],
      ['bad_max_points', '1.1'],
      ['leaf_without_method', '1.2'],
      ['leaf_without_method', '2'],
    ]);
  });

  it('params must fit the method and KPIs must be known and of the right kind', () => {
    const f = framework([
      parent('1', '6', [
        leaf('1.1', '1', 'nguong', { params: '100:2' }),
        leaf('1.2', '1', 'ty_le', { kpi: 'dossiers_fast_rate' }),
        leaf('1.3', '1', 'ty_le', { kpi: 'officials_disciplined' }),
        leaf('1.4', '1', 'thu_cong', { kpi: 'dossiers_on_time_rate' }),
        leaf('1.5', '1', 'tru_diem', { kpi: 'officials_disciplined', params: '' }),
        leaf('1.6', '1', 'tru_diem', { kpi: 'officials_disciplined', params: '0,5' }),
      ]),
    ]);
    expect(codes(f)).toEqual([
      ['bad_params', '1.1'],
      ['unknown_kpi', '1.2'],
      ['kpi_kind_mismatch', '1.3'],
      ['kpi_not_allowed', '1.4'],
      ['bad_params', '1.5'],
    ]);
  });

  it('extra KPIs can be allowed by the caller', () => {
    const f = framework([parent('1', '1', [leaf('1.1', '1', 'ty_le', { kpi: 'x_rate' })])]);
    expect(validateFramework(f, { kpis: [{ key: 'x_rate', kind: 'rate' }] })).toEqual([]);
  });

  it('bonus and deduction children are outside their parent’s max; a mixed pair alone is refused', () => {
    const ok = framework([
      parent('1', '3', [leaf('1.1', '3'), leaf('1.2', '1', 'diem_thuong'), leaf('1.3', '2', 'diem_tru')]),
      parent('2', '2', [leaf('2.1', '1', 'diem_thuong'), leaf('2.2', '1', 'diem_thuong')]),
    ]);
    expect(validateFramework(ok)).toEqual([]);
    const mixed = framework([
      parent('1', '1', [leaf('1.1', '1')]),
      parent('2', '2', [leaf('2.1', '1', 'diem_thuong'), leaf('2.2', '1', 'diem_tru')]),
    ]);
    expect(codes(mixed)).toEqual([['mixed_adjustments', '2']]);
    const onlyBonus = framework([parent('1', '1', [leaf('1.1', '1', 'diem_thuong')])]);
    expect(codes(onlyBonus)).toEqual([['no_scored_area', null]]);
  });

  it('only an area can be optional', () => {
    const f = framework([
      parent('1', '1', [leaf('1.1', '1', 'thu_cong', { optional: true })], { optional: true }),
    ]);
    expect(codes(f)).toEqual([['optional_not_area', '1.1']]);
  });

  it('checks metadata: year, level, name, decimals, bands, tie-break', () => {
    const f = framework([parent('1', '1', [leaf('1.1', '1')])], {
      year: 21.5,
      level: ' ',
      name: '',
      indexDecimals: 7,
      bands: [
        { name: 'Tốt', min: fixed(90) },
        { name: 'Tốt', min: fixed(95) },
        { name: 'Khá', min: fixed(101) },
      ],
      tieBreak: ['1', '9', '1'],
    });
    expect(codes(f)).toEqual([
      ['bad_year', null],
      ['bad_level', null],
      ['bad_name', null],
      ['bad_index_decimals', null],
      ['bad_bands', null],
      ['bad_bands', null],
      ['bad_bands', null],
      ['bad_bands', null],
      ['bad_bands', null],
      ['bad_tie_break', '9'],
      ['bad_tie_break', '1'],
    ]);
  });

  it('an empty framework is refused', () => {
    expect(codes(framework([]))).toEqual([['empty_framework', null]]);
  });
});
