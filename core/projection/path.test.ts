import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Band, compileFramework, type Fixed, fixed, type NodeInput, SCALE } from '../framework';
import {
  type FrameworkSpec,
  frameworkSpecArb,
  type LeafSpec,
  leafArb,
  type NodeSpec,
  rawUnitArb,
  toFramework,
  toUnitData,
} from '../framework/fixtures/arbitraries';
import { compiled, expectOk, sampleFramework, smallFramework } from '../framework/fixtures/sample';
import { countResult, rateResult } from '../kpi';
import {
  type CriterionProjection,
  type Level,
  type PathOptions,
  type Projection,
  pathToTarget,
  projectUnit,
  scoreWith,
  type Target,
} from '.';

const SMALL = compiled(smallFramework());

/**
 * The small framework (areas 1 and 2 of 10 points, the survey absent): 1.1 at 2 of 4,
 * 1.2 at "Không kịp thời" 1 of 2, 1.3 online 3 of 10 = 30 % → 2 of 4 (50 % takes 4 new
 * online dossiers), 2.1 on time 8 of 10 → 4.8 of 6 (one record: 5.4), 2.2 one late
 * dossier without an apology → 3 of 4. Total 12.8 of 20: index 64, "Yếu".
 */
function smallUnit(): Projection {
  return projectUnit(SMALL, {
    kpis: {
      dossiers_online_rate: rateResult(3, 10),
      dossiers_on_time_rate: rateResult(8, 10),
      late_dossiers_without_apology: countResult(1),
    },
    entries: {
      '1.1': { kind: 'points', points: fixed(2) },
      '1.2': { kind: 'choice', label: 'Không kịp thời' },
    },
  });
}

const stepsOf = (path: ReturnType<typeof pathToTarget>) =>
  path.steps.map((s) => [s.code, s.from, s.to, s.effort, s.records]);

describe('path to target, by hand', () => {
  it('starts from the projection', () => {
    const p = smallUnit();
    expect([p.total, p.index, p.band, p.complete]).toEqual([fixed('12.8'), fixed(64), 'Yếu', true]);
  });

  it('to "Trung bình" (65, 13 points): one more dossier on time, 0.6 points, the cheapest step', () => {
    const path = pathToTarget(smallUnit(), { band: 'Trung bình' });
    expect(path).toMatchObject({ reached: true, alreadyReached: false, exact: true, effort: fixed('0.6') });
    expect(stepsOf(path)).toEqual([['2.1', fixed('4.8'), fixed('5.4'), fixed('0.6'), 1]]);
    expect(path.to).toEqual({
      total: fixed('13.4'),
      maxPoints: fixed(20),
      index: fixed(67),
      band: 'Trung bình',
    });
    expect(path.steps[0]?.message.vi).toBe(
      'Cần thêm 1 hồ sơ được giải quyết đúng hạn: tiêu chí 2.1 từ 4,8 lên 5,4 điểm.',
    );
    expect(path.message.vi).toBe(
      'Để đạt loại "Trung bình" (chỉ số từ 65,00): cải thiện 1 tiêu chí, chỉ số dự kiến từ 64,00 lên 67,00.',
    );
  });

  it('full steps only: the cheapest whole criterion is worth 1 point', () => {
    const path = pathToTarget(smallUnit(), { band: 'Trung bình' }, {}, { partialSteps: false });
    expect(path.effort).toBe(fixed(1));
    expect(path.steps).toHaveLength(1);
  });

  it('to "Tốt" (90, 18 points): 5.2 points in the fewest criteria — 1.1, 1.3 and 2.1 in full', () => {
    const path = pathToTarget(smallUnit(), { band: 'Tốt' });
    expect(path.effort).toBe(fixed('5.2'));
    expect(stepsOf(path)).toEqual([
      ['1.1', fixed(2), fixed(4), fixed(2), null],
      ['1.3', fixed(2), fixed(4), fixed(2), 4],
      ['2.1', fixed('4.8'), fixed(6), fixed('1.2'), 2],
    ]);
    expect(path.to.band).toBe('Tốt');
    expect(path.steps[1]?.message.vi).toBe(
      'Cần tiếp nhận trực tuyến thêm 4 hồ sơ: tiêu chí 1.3 từ 2 lên 4 điểm.',
    );
  });

  it('efforts stated per criterion change the choice; Infinity leaves one out', () => {
    const hard = pathToTarget(smallUnit(), { band: 'Tốt' }, { '1.1': 10 });
    expect(hard.steps.map((s) => s.code).sort()).toEqual(['1.2', '1.3', '2.1', '2.2']);
    expect(hard.effort).toBe(fixed('5.2'));
    const without = pathToTarget(smallUnit(), { band: 'Tốt' }, { '1.1': Number.POSITIVE_INFINITY });
    expect(without.steps.map((s) => s.code).sort()).toEqual(['1.2', '1.3', '2.1', '2.2']);
  });

  it('an intermediate level costs its share of the stated effort', () => {
    const path = pathToTarget(
      smallUnit(),
      { band: 'Trung bình' },
      { '2.1': 3, '1.2': 5, '2.2': 5, '1.1': 5, '1.3': 5 },
    );
    expect(stepsOf(path)).toEqual([['2.1', fixed('4.8'), fixed('5.4'), fixed('1.5'), 1]]);
  });

  it('already reached: no steps', () => {
    const path = pathToTarget(smallUnit(), { index: fixed(60) });
    expect(path).toMatchObject({ reached: true, alreadyReached: true, steps: [], effort: 0, shortBy: null });
    expect(path.message.vi).toBe('Đã đạt chỉ số 60,00: chỉ số dự kiến 64,00.');
  });

  it('unreachable: says so, and how close the best set gets', () => {
    const path = pathToTarget(smallUnit(), { index: fixed(95) }, { '1.1': Number.POSITIVE_INFINITY });
    expect(path).toMatchObject({ reached: false, shortBy: fixed(5) });
    expect(path.to).toMatchObject({ total: fixed(18), index: fixed(90), band: 'Tốt' });
    expect(path.steps.map((s) => s.code).sort()).toEqual(['1.2', '1.3', '2.1', '2.2']);
    expect(path.message.vi).toBe(
      'Không thể đạt chỉ số 95,00: dù cải thiện mọi tiêu chí có thể, chỉ số dự kiến cao nhất là 90,00 (còn thiếu 5,00).',
    );
    expect(pathToTarget(smallUnit(), { index: fixed(101) }).to.index).toBe(fixed(100));
  });

  it('honours a band’s floor on every component index', () => {
    const bands: Band[] = [
      { name: 'Tốt', min: fixed(80), minAreaIndex: fixed(100) },
      { name: 'Khá', min: fixed(70) },
      { name: 'Yếu', min: fixed(0) },
    ];
    const c = compiled(smallFramework({ bands }));
    const p = projectUnit(c, {
      kpis: { dossiers_on_time_rate: rateResult(8, 10), dossiers_online_rate: rateResult(1, 2) },
      entries: {
        '1.1': { kind: 'points', points: fixed(4) },
        '1.2': { kind: 'points', points: fixed(1) },
        '2.2': { kind: 'count', count: 0 },
      },
    });
    // 4 + 1 + 4 + 4.8 + 4 = 17.8 of 20: index 89, but area 1 at 90 and area 2 at 88.
    expect([p.index, p.band]).toEqual([fixed(89), 'Khá']);
    const path = pathToTarget(p, { band: 'Tốt' });
    expect(stepsOf(path)).toEqual([
      ['2.1', fixed('4.8'), fixed(6), fixed('1.2'), 2],
      ['1.2', fixed(1), fixed(2), fixed(1), null],
    ]);
    expect(path.to.band).toBe('Tốt');
    const blocked = pathToTarget(p, { band: 'Tốt' }, { '1.2': Number.POSITIVE_INFINITY });
    expect(blocked).toMatchObject({ reached: false, shortBy: 0 });
    expect(blocked.message.key).toBe('projection.path.floor');
  });

  it('a deduction can be removed; bonuses and clamps are the engine’s', () => {
    const p = projectUnit(SMALL, {
      kpis: {
        dossiers_on_time_rate: rateResult(1, 1),
        dossiers_online_rate: rateResult(1, 1),
        late_dossiers_without_apology: countResult(0),
      },
      entries: {
        '1.1': { kind: 'points', points: fixed(4) },
        '1.2': { kind: 'points', points: fixed(1) },
        '4.1': { kind: 'points', points: fixed(1) },
        '5.1': { kind: 'points', points: fixed(3) },
      },
    });
    // 19 + 1 bonus − 3 = 17.
    expect(p.total).toBe(fixed(17));
    const path = pathToTarget(p, { index: fixed(100) });
    expect(stepsOf(path)).toEqual([['5.1', fixed(3), 0, fixed(3), null]]);
    expect(path.steps[0]?.message.vi).toBe(
      'Khắc phục hoặc giải trình để không bị trừ điểm ở tiêu chí 5.1 (đang bị trừ 3 điểm).',
    );
    expect(path.to.total).toBe(fixed(20));
  });

  it('criteria not yet scored stay at 0 unless asked for', () => {
    const p = projectUnit(compiled(sampleFramework()), {
      kpis: { dossiers_on_time_rate: rateResult(7, 12) },
    });
    const strict = pathToTarget(p, { band: 'Khá' });
    expect(strict).toMatchObject({ reached: false, to: { total: fixed(6) } });
    const all = pathToTarget(p, { band: 'Khá' }, {}, { includeUnscored: true });
    expect(all).toMatchObject({ reached: true, effort: fixed('76.5'), to: { index: fixed(80) } });
    const scored = all.steps.find((s) => s.status === 'not_scored');
    expect(scored?.message.vi).toMatch(
      /^Chấm điểm tự đánh giá, kèm tài liệu kiểm chứng: tiêu chí [\d.]+ từ 0 lên [\d,]+ điểm\.$/,
    );
    expect(all.steps.find((s) => s.status === 'no_data')?.message.key).toBe('projection.step.data');
  });

  it('a framework of real size: exact, in a few milliseconds', () => {
    const p = projectUnit(compiled(sampleFramework()), {
      kpis: {
        late_dossiers_without_apology: countResult(3),
        documents_signed_rate: rateResult(58, 100),
        dossiers_on_time_rate: rateResult(137, 191),
        dossiers_online_rate: rateResult(3, 11),
        satisfaction_index: rateResult(7531, 10000),
        plan_tasks_done_rate: rateResult(11, 17),
        reports_on_time_rate: rateResult(5, 7),
        feedback_on_time_rate: rateResult(13, 19),
        self_inspections_done_rate: rateResult(1, 3),
        propaganda_done_rate: rateResult(3, 5),
        assigned_tasks_done_rate: rateResult(17, 23),
        tthc_review_done_rate: rateResult(2, 3),
        procedures_published_rate: rateResult(97, 113),
        officials_disciplined: countResult(1),
        it_plan_done_rate: rateResult(3, 4),
        documents_electronic_rate: rateResult(41, 100),
        officials_with_email_rate: rateResult(19, 21),
      },
    });
    for (const band of ['Tốt', 'Khá', 'Trung bình']) {
      const path = pathToTarget(p, { band }, {}, { includeUnscored: true });
      expect(path).toMatchObject({ reached: true, exact: true, to: { band } });
    }
  });

  it('past its work limit the search says it is not exact, and keeps a set that reaches the target', () => {
    const p = smallUnit();
    const exact = pathToTarget(p, { band: 'Tốt' });
    const rough = pathToTarget(p, { band: 'Tốt' }, {}, { workLimit: 1 });
    expect(rough).toMatchObject({ exact: false, reached: true, to: { band: 'Tốt' } });
    expect(rough.effort).toBeGreaterThanOrEqual(exact.effort);
  });

  it('refuses a band the framework does not have and an effort that is not a number', () => {
    expect(() => pathToTarget(smallUnit(), { band: 'Xuất sắc' })).toThrow(RangeError);
    expect(() => pathToTarget(smallUnit(), { band: 'Tốt' }, { '1.1': -1 })).toThrow(RangeError);
    expect(() => pathToTarget(smallUnit(), { band: 'Tốt' }, { '1.1': Number.NaN })).toThrow(RangeError);
  });
});

// --- Brute force -------------------------------------------------------------------

interface Candidate {
  readonly criterion: CriterionProjection;
  readonly options: readonly { readonly level: Level; readonly effort: number }[];
}

/** The improvable criteria as the documentation states them, with the efforts it states. */
function candidates(p: Projection, effort: Record<string, number>, options: PathOptions): Candidate[] {
  return p.criteria.flatMap((criterion) => {
    const unscored = criterion.status === 'not_scored' || criterion.status === 'no_data';
    if (!criterion.assessed) return [];
    if (criterion.status !== 'at_risk' && !(options.includeUnscored && unscored)) return [];
    const levels = options.partialSteps === false ? criterion.levels.slice(-1) : criterion.levels;
    const stated = effort[criterion.code];
    if (levels.length === 0 || stated === Number.POSITIVE_INFINITY) return [];
    const from = criterion.points ?? 0;
    return [
      {
        criterion,
        options: levels.map((level) => ({
          level,
          // Full steps only when an effort is stated: the share rule is checked by hand above.
          effort: stated === undefined ? Math.abs(level.points - from) : stated * SCALE,
        })),
      },
    ];
  });
}

interface Oracle {
  /** Least (effort, count) over the sets that reach the target; null if none does. */
  readonly best: { readonly effort: number; readonly count: number } | null;
  readonly already: boolean;
  readonly maxTotal: number;
  /** Least (effort, count) over the sets that get `maxTotal`. */
  readonly bestAtMax: { readonly effort: number; readonly count: number };
}

const lessCost = (a: { effort: number; count: number }, b: { effort: number; count: number } | null) =>
  b === null || a.effort < b.effort || (a.effort === b.effort && a.count < b.count);

/** Every combination of levels, each scored by the engine. */
function bruteForce(p: Projection, list: readonly Candidate[], target: Target): Oracle {
  const bands = p.compiled.framework.bands;
  const wanted = 'band' in target ? bands.findIndex((b) => b.name === target.band) : -1;
  const choice = list.map(() => -1);
  let best: Oracle['best'] = null;
  let already = false;
  let maxTotal = -1;
  let bestAtMax = { effort: 0, count: 0 };
  const visit = (i: number) => {
    if (i < list.length) {
      for (let k = -1; k < (list[i]?.options.length ?? 0); k++) {
        choice[i] = k;
        visit(i + 1);
      }
      return;
    }
    const changes: { code: string; level: Level }[] = [];
    let cost = { effort: 0, count: 0 };
    list.forEach((c, j) => {
      const option = c.options[choice[j] ?? -1];
      if (!option) return;
      changes.push({ code: c.criterion.code, level: option.level });
      cost = { effort: cost.effort + option.effort, count: cost.count + 1 };
    });
    const { engine, score } = scoreWith(p.compiled, p.inputs, changes);
    const band = engine.complete ? engine.band : score.band;
    const reached =
      wanted >= 0
        ? band !== null && bands.findIndex((b) => b.name === band) <= wanted
        : 'index' in target && score.index >= target.index;
    if (reached && lessCost(cost, best)) best = cost;
    if (reached && cost.count === 0) already = true;
    if (score.total > maxTotal || (score.total === maxTotal && lessCost(cost, bestAtMax))) {
      if (score.total > maxTotal) maxTotal = score.total;
      bestAtMax = cost;
    }
  };
  visit(0);
  return { best, already, maxTotal, bestAtMax };
}

const bandsArb: fc.Arbitrary<Band[]> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 3 }),
    fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), { minLength: 3, maxLength: 3 }),
  )
  .map(([mins, floors]) => [
    ...[...mins]
      .sort((a, b) => b - a)
      .map((min, i) => {
        const floor = floors[i];
        return {
          name: `Loại ${i + 1}`,
          min: fixed(min),
          ...(floor === undefined ? {} : { minAreaIndex: fixed(floor) }),
        };
      }),
    { name: 'Cuối', min: fixed(0) },
  ]);

const SCORED: LeafSpec['method'][] = ['thu_cong', 'lua_chon', 'nguong', 'ty_le', 'tru_diem', 'khao_sat'];

/** Flat frameworks with many leaves, for 8 to 12 improvable criteria. */
const wideSpecArb: fc.Arbitrary<FrameworkSpec> = fc.record({
  areas: fc.array(
    fc
      .tuple(
        fc.array(leafArb(SCORED), { minLength: 2, maxLength: 5 }),
        fc.array(leafArb(['diem_thuong', 'diem_tru']), { maxLength: 1 }),
      )
      .map(([scored, adjustments]): NodeSpec => ({ kind: 'parent', children: [...scored, ...adjustments] })),
    { minLength: 2, maxLength: 4 },
  ),
  lastOptional: fc.boolean(),
  bonusArea: fc.option(leafArb(['diem_thuong']), { nil: null }),
  deductionArea: fc.option(leafArb(['diem_tru']), { nil: null }),
});

function caseArb(options: { pending: boolean; wide?: boolean }) {
  return (options.wide ? wideSpecArb : frameworkSpecArb).chain((spec) =>
    fc.tuple(
      fc.constant(spec),
      rawUnitArb(spec, { pending: options.pending }),
      bandsArb,
      fc.oneof(
        fc.integer({ min: 0, max: 10_500 }).map((h): Target => ({ index: fixed((h / 100).toFixed(2)) })),
        fc.nat({ max: 3 }).map((k) => ({ band: k })),
      ),
      fc.option(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constant(Number.POSITIVE_INFINITY)), {
          minLength: 1,
        }),
        {
          nil: undefined,
        },
      ),
    ),
  );
}

function checkAgainstBruteForce(
  [spec, raw, bands, rawTarget, efforts]: [
    Parameters<typeof toFramework>[0],
    Parameters<typeof toUnitData>[1],
    Band[],
    Target | { band: number },
    number[] | undefined,
  ],
  options: PathOptions,
  limit: { items: number; combinations: number; atLeast?: number },
): void {
  const c = expectOk(compileFramework({ ...toFramework(spec), bands }));
  const p = projectUnit(c, { entries: toUnitData(spec, raw).values as Record<string, NodeInput> });
  const bandOf = (k: number) => bands[Math.min(k, bands.length - 1)]?.name ?? '';
  const target: Target =
    'band' in rawTarget && typeof rawTarget.band === 'number'
      ? { band: bandOf(rawTarget.band) }
      : (rawTarget as Target);
  const effort: Record<string, number> = {};
  if (efforts) {
    p.criteria.forEach((criterion, i) => {
      effort[criterion.code] = efforts[i % efforts.length] ?? 1;
    });
  }
  const list = candidates(p, effort, options);
  const combinations = list.reduce((n, c) => n * (c.options.length + 1), 1);
  fc.pre(list.length <= limit.items && combinations <= limit.combinations);
  const oracle = bruteForce(p, list, target);
  if (limit.atLeast !== undefined) fc.pre(list.length >= limit.atLeast);
  const path = pathToTarget(p, target, effort, options);
  const count = path.steps.length;
  expect(path.exact).toBe(true);
  expect(path.alreadyReached).toBe(oracle.already);
  expect(path.reached).toBe(oracle.best !== null);
  if (oracle.best !== null) expect({ effort: path.effort, count }).toEqual(oracle.best);
  else {
    expect(path.to.total).toBe(oracle.maxTotal);
    expect({ effort: path.effort, count }).toEqual(oracle.bestAtMax);
    const targetIndex =
      'index' in target ? target.index : (bands.find((b) => b.name === target.band)?.min as Fixed);
    expect(path.shortBy).toBe(Math.max(targetIndex - path.to.index, 0));
  }
  // What the path reports is the engine's score of its steps.
  const again = scoreWith(p.compiled, p.inputs, path.steps).score;
  expect(path.to).toEqual(again);
}

describe('path to target against brute force', { timeout: 60_000 }, () => {
  it('full steps, up to 12 improvable criteria, stated or default efforts, floors, unreachable targets', () => {
    fc.assert(
      fc.property(caseArb({ pending: false }), (input) =>
        checkAgainstBruteForce(input, { partialSteps: false }, { items: 12, combinations: 4096 }),
      ),
      { numRuns: 120 },
    );
  });

  it('intermediate levels (multiple choice), default efforts', () => {
    fc.assert(
      fc.property(caseArb({ pending: false }), ([spec, raw, bands, target]) =>
        checkAgainstBruteForce([spec, raw, bands, target, undefined], {}, { items: 12, combinations: 6000 }),
      ),
      { numRuns: 120 },
    );
  });

  it('wide frameworks with 8 to 12 improvable criteria, full steps and intermediate levels', () => {
    fc.assert(
      fc.property(caseArb({ pending: false, wide: true }), fc.boolean(), (input, partial) =>
        checkAgainstBruteForce(
          partial ? [input[0], input[1], input[2], input[3], undefined] : input,
          { partialSteps: partial },
          { items: 12, combinations: 8192, atLeast: 8 },
        ),
      ),
      { numRuns: 60 },
    );
  });

  it('with criteria not yet scored, kept at 0 or raised', () => {
    fc.assert(
      fc.property(caseArb({ pending: true }), fc.boolean(), (input, includeUnscored) =>
        checkAgainstBruteForce(
          input,
          { partialSteps: false, includeUnscored },
          { items: 12, combinations: 4096 },
        ),
      ),
      { numRuns: 100 },
    );
  });
});
