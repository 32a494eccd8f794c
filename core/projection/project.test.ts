import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandFor,
  buildInputs,
  type CompiledFramework,
  compileFramework,
  fixed,
  type KpiValue,
  lostPoints,
  type NodeInput,
  scoreUnit,
  type UnitResult,
} from '../framework';
import { frameworkSpecArb, rawUnitArb, toFramework, toUnitData } from '../framework/fixtures/arbitraries';
import { compiled, expectOk, sampleFramework, smallFramework } from '../framework/fixtures/sample';
import { byLeaf } from '../framework/fixtures/units';
import {
  type CountResult,
  computeKpis,
  countResult,
  type RateResult,
  rateResult,
  recordsToReachTarget,
} from '../kpi';
import { scenarioArb } from '../kpi/arbitraries';
import {
  type CriterionProjection,
  type Level,
  manualEntries,
  type Projection,
  projectionToJson,
  projectUnit,
  scoreWith,
  toKpiValue,
} from '.';

const SAMPLE = compiled(sampleFramework());
const SMALL = compiled(smallFramework());

function find(p: Projection, code: string): CriterionProjection {
  const found = p.criteria.find((c) => c.code === code);
  if (!found) throw new Error(`no criterion ${code}`);
  return found;
}

function engineOf(
  c: CompiledFramework,
  values: Record<string, NodeInput>,
  kpis: Record<string, KpiValue | null>,
) {
  return scoreUnit(c, buildInputs(c, { values, kpis }).inputs);
}

/** What a level says it gives, checked on the engine: the criterion's points with that value. */
function pointsWith(p: Projection, code: string, level: Level): number | null {
  const { engine } = scoreWith(p.compiled, p.inputs, [{ code, level }]);
  return engine.nodes.find((n) => n.code === code)?.points ?? null;
}

describe('statuses and actions, by hand', () => {
  it('tru_diem 0.5 per late dossier without an apology: 3 of them put 1.5 points at risk, "3 hồ sơ"', () => {
    const p = projectUnit(SAMPLE, { kpis: { late_dossiers_without_apology: countResult(3) } });
    const c = find(p, '3.4');
    expect(c).toMatchObject({
      status: 'at_risk',
      points: fixed('0.5'),
      atRisk: fixed('1.5'),
      kpi: 'late_dossiers_without_apology',
    });
    expect(c.reading).toEqual({ kind: 'count', count: 3 });
    expect(c.action).toMatchObject({
      kind: 'records',
      mode: 'fewer',
      next: { records: 1, points: fixed(1) },
      full: { records: 3, points: fixed(2) },
    });
    expect(c.message.vi).toBe(
      'Mất 1,5 điểm: cần gửi văn bản xin lỗi cho 1 hồ sơ trễ hẹn nữa để đạt 1 điểm; ' +
        'cần gửi văn bản xin lỗi cho 3 hồ sơ trễ hẹn nữa để đạt tối đa 2 điểm.',
    );
    expect(c.message.en).toContain('3 more late dossiers need an apology for full points (2)');
    expect(c.message.key).toBe('projection.at_risk.kpi');
    expect(c.message.params).toMatchObject({ lost: '1.5', fullRecords: 3, nextRecords: 1 });
    expect(c.levels.map((l) => [l.records, l.points])).toEqual([
      [1, fixed(1)],
      [2, fixed('1.5')],
      [3, fixed(2)],
    ]);
  });

  it('tru_diem floored at 0: the next level is the first count that leaves points', () => {
    const c = find(projectUnit(SAMPLE, { kpis: { late_dossiers_without_apology: countResult(6) } }), '3.4');
    expect(c).toMatchObject({ points: 0, atRisk: fixed(2) });
    expect(c.action).toMatchObject({ next: { records: 3, points: fixed('0.5') }, full: { records: 6 } });
  });

  it('nguong on documents signed: 58 of 100 is 1 point, 2 more signed reach 60 %, 12 more reach 70 %', () => {
    const kpi = rateResult(58, 100);
    const c = find(projectUnit(SAMPLE, { kpis: { documents_signed_rate: kpi } }), '7.3');
    expect(c).toMatchObject({ status: 'at_risk', points: fixed(1), atRisk: fixed(2) });
    expect(c.action).toMatchObject({
      kind: 'records',
      mode: 'existing',
      next: { records: 2, points: fixed(2) },
      full: { records: 12, points: fixed(3) },
    });
    expect(recordsToReachTarget(kpi, 60)).toBe(2);
    expect(recordsToReachTarget(kpi, 70)).toBe(12);
    expect(c.message.vi).toContain('cần ký số thêm 12 văn bản để đạt tối đa 3 điểm');
    expect(c.message.en).toContain('12 more documents signed for full points (3)');
  });

  it('ty_le: every record is a level; full points at 100 %', () => {
    const c = find(projectUnit(SAMPLE, { kpis: { dossiers_on_time_rate: rateResult(7, 12) } }), '3.3');
    expect(c).toMatchObject({ points: fixed('3.5'), atRisk: fixed('2.5') });
    expect(c.action).toMatchObject({
      next: { records: 1, points: fixed(4) },
      full: { records: 5, points: fixed(6) },
    });
    expect(c.levels).toHaveLength(5);
    expect(recordsToReachTarget(rateResult(7, 12), 100)).toBe(5);
  });

  it('ty_le with many records to go offers the path its full level only', () => {
    const c = find(projectUnit(SAMPLE, { kpis: { dossiers_on_time_rate: rateResult(50, 100) } }), '3.3');
    expect(c.action).toMatchObject({ next: { records: 1 }, full: { records: 50, points: fixed(6) } });
    expect(c.levels.map((l) => l.records)).toEqual([50]);
  });

  it('online dossiers rise with new online dossiers ("new"), as recordsToReachTarget counts them', () => {
    const kpi = rateResult(3, 11);
    const c = find(projectUnit(SAMPLE, { kpis: { dossiers_online_rate: kpi } }), '3.7');
    expect(c).toMatchObject({ points: fixed(1), atRisk: fixed(2) });
    expect(c.action).toMatchObject({
      mode: 'new',
      next: { records: 1, points: fixed(2) },
      full: { records: 5, points: fixed(3) },
    });
    expect(recordsToReachTarget(kpi, 50, 'new')).toBe(5);
    expect(c.levels[1]?.input).toEqual({ kind: 'rate', rate: { numerator: 8, denominator: 16 } });
    expect(c.message.vi).toContain('cần tiếp nhận trực tuyến thêm 5 hồ sơ');
  });

  it('a threshold of 100 % cannot be reached by new records only: the action moves existing ones', () => {
    const framework = smallFramework();
    const area = framework.areas[0];
    if (!area || !('children' in area)) throw new Error('shape');
    const changed = compiled({
      ...framework,
      areas: [
        {
          ...area,
          children: area.children.map((n) => (n.code === '1.3' ? { ...n, params: '100:4;30:2;0:0' } : n)),
        },
        ...framework.areas.slice(1),
      ],
    });
    const c = find(projectUnit(changed, { kpis: { dossiers_online_rate: rateResult(3, 10) } }), '1.3');
    expect(c.action).toMatchObject({ mode: 'existing', full: { records: 7, points: fixed(4) } });
  });

  it('the survey is at risk below 100 %, with no records to count', () => {
    const c = find(projectUnit(SAMPLE, { kpis: { satisfaction_index: rateResult(75, 100) } }), '8.1');
    expect(c).toMatchObject({
      status: 'at_risk',
      points: fixed(12),
      atRisk: fixed(4),
      action: { kind: 'survey' },
    });
    expect(c.message.vi).toContain('chỉ số hài lòng đạt 75,00%');
    expect(c.levels.map((l) => l.points)).toEqual([fixed(16)]);
  });

  it('a manual entry below max is at risk: raise the self-assessment with evidence', () => {
    const c = find(projectUnit(SAMPLE, { entries: { '1.8': { kind: 'points', points: fixed(1) } } }), '1.8');
    expect(c).toMatchObject({ status: 'at_risk', atRisk: fixed(1), action: { kind: 'self_assessment' } });
    expect(c.message.vi).toBe('Mất 1 điểm: nâng điểm tự đánh giá, kèm tài liệu kiểm chứng.');
    expect(c.message.en).toBe('Losing 1 point: raise the self-assessment with evidence.');
  });

  it('a level chosen below the top names the level to reach', () => {
    const c = find(
      projectUnit(SMALL, { entries: { '1.2': { kind: 'choice', label: 'Không kịp thời' } } }),
      '1.2',
    );
    expect(c).toMatchObject({ status: 'at_risk', points: fixed(1), atRisk: fixed(1) });
    expect(c.levels).toEqual([
      { points: fixed(2), records: null, input: { kind: 'choice', label: 'Kịp thời' }, label: 'Kịp thời' },
    ]);
    expect(c.message.vi).toContain('lên mức "Kịp thời" (2 điểm)');
  });

  it('earned, not scored, and no data three ways (0 denominator, null, not computed)', () => {
    const p = projectUnit(SAMPLE, {
      kpis: {
        procedures_published_rate: rateResult(20, 20),
        plan_tasks_done_rate: rateResult(0, 0),
        reports_on_time_rate: null,
      },
    });
    expect(find(p, '3.2')).toMatchObject({ status: 'earned', atRisk: 0, action: null });
    expect(find(p, '3.2').message.vi).toBe('Đạt điểm tối đa (3 điểm).');
    expect(find(p, '1.1.1')).toMatchObject({ status: 'not_scored', points: null, action: { kind: 'score' } });
    for (const code of ['1.2', '1.3', '1.6']) {
      expect(find(p, code)).toMatchObject({ status: 'no_data', points: null, action: { kind: 'data' } });
    }
    expect(find(p, '1.2').message.vi).toContain(
      'Chưa có số liệu "Tỷ lệ nhiệm vụ kế hoạch CCHC hoàn thành đúng hạn"',
    );
  });

  it('deductions are at risk by the amount taken off; bonuses are never at risk', () => {
    const p = projectUnit(SMALL, {
      entries: {
        '5.1': { kind: 'points', points: fixed('1.5') },
        '4.1': { kind: 'points', points: fixed(1) },
      },
    });
    expect(find(p, '5.1')).toMatchObject({
      status: 'at_risk',
      atRisk: fixed('1.5'),
      action: { kind: 'deduction' },
    });
    expect(find(p, '5.1').levels.map((l) => l.points)).toEqual([0]);
    expect(find(p, '4.1')).toMatchObject({ status: 'earned', points: fixed(1), atRisk: 0 });
    expect(find(p, '4.1').message.vi).toBe('Điểm thưởng: 1/2 điểm.');
    const none = projectUnit(SMALL, {});
    expect(find(none, '5.1')).toMatchObject({ status: 'earned', points: 0 });
    expect(find(none, '5.1').message.vi).toBe('Không bị trừ điểm.');
  });

  it('an optional area with no value is not assessed: out of the index, the list of unscored and the path', () => {
    const p = projectUnit(SMALL, { kpis: { satisfaction_index: null } });
    expect(find(p, '3.1')).toMatchObject({ status: 'no_data', assessed: false, levels: [] });
    expect(find(p, '3.1').message.vi).toContain('chưa được tính vào chỉ số');
    expect(p.areas.find((a) => a.code === '3')).toMatchObject({ assessed: false, points: null, index: null });
    expect(p.maxPoints).toBe(fixed(20));
    expect(p.unscored.map((c) => c.code)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2']);
  });

  it('values that do not fit are reported and leave the criterion unscored', () => {
    const p = projectUnit(SAMPLE, {
      kpis: { documents_signed_rate: countResult(3), dossiers_late: { value: -1 } },
      entries: { '1.8': { kind: 'points', points: fixed(3) }, '9.9': { kind: 'points', points: fixed(1) } },
    });
    expect(find(p, '1.8')).toMatchObject({ status: 'not_scored' });
    expect(find(p, '1.8').error).toContain('vượt điểm tối đa');
    expect(find(p, '7.3')).toMatchObject({ status: 'no_data' });
    expect(find(p, '7.3').error).toContain('documents_signed_rate');
    expect(p.errors.map((e) => [e.source, e.code])).toEqual([
      ['kpi', null],
      ['kpi', '7.3'],
      ['entry', '9.9'],
      ['score', '1.8'],
    ]);
  });

  it('lists points at risk largest first, ties in framework order', () => {
    const p = projectUnit(SAMPLE, {
      kpis: {
        late_dossiers_without_apology: countResult(3),
        documents_signed_rate: rateResult(58, 100),
        dossiers_on_time_rate: rateResult(7, 12),
        dossiers_online_rate: rateResult(3, 11),
        satisfaction_index: rateResult(75, 100),
      },
      entries: { '1.8': { kind: 'points', points: fixed(1) } },
    });
    expect(p.atRisk.map((c) => [c.code, c.atRisk])).toEqual([
      ['8.1', fixed(4)],
      ['3.3', fixed('2.5')],
      ['3.7', fixed(2)],
      ['7.3', fixed(2)],
      ['3.4', fixed('1.5')],
      ['1.8', fixed(1)],
    ]);
  });
});

describe('the index, the band and the range', () => {
  it('a complete unit: the engine’s own total, index and band (the sample unit scored at leaf level, 91)', () => {
    const data = byLeaf();
    const entries = data.values ?? {};
    const kpis: Record<string, RateResult | CountResult | null> = {};
    for (const [key, value] of Object.entries(data.kpis ?? {})) {
      kpis[key] =
        value === null || value === undefined
          ? null
          : value.kind === 'rate'
            ? rateResult(value.rate.numerator, value.rate.denominator)
            : countResult(value.count);
    }
    const p = projectUnit(SAMPLE, { kpis, entries: entries as Record<string, NodeInput> });
    const engine = scoreUnit(SAMPLE, buildInputs(SAMPLE, data).inputs);
    expect(p.complete).toBe(true);
    expect([p.total, p.index, p.band]).toEqual([fixed(91), fixed(91), 'Tốt']);
    expect([p.total, p.maxPoints, p.index, p.band]).toEqual([
      engine.total,
      engine.maxPoints,
      engine.index,
      engine.band,
    ]);
    expect(p.bestCase).toEqual({ total: p.total, maxPoints: p.maxPoints, index: p.index, band: p.band });
    expect(p.atRisk.map((c) => [c.code, c.atRisk])).toEqual(lostPoints(engine).map((l) => [l.code, l.lost]));
    expect(p.unscored).toEqual([]);
  });

  it('an incomplete unit: the band of what is known (the engine gives none) and the best case', () => {
    const p = projectUnit(SAMPLE, { kpis: { dossiers_on_time_rate: rateResult(7, 12) } });
    expect(p.engine.band).toBeNull();
    expect(p.complete).toBe(false);
    expect([p.total, p.index, p.band]).toEqual([fixed('3.5'), fixed('3.5'), 'Yếu']);
    expect(p.bestCase).toEqual({
      total: fixed('97.5'),
      maxPoints: fixed(100),
      index: fixed('97.5'),
      band: 'Tốt',
    });
    expect(p.unscored).toHaveLength(p.criteria.length - 1);
  });

  it('the band on what is known honours area floors, with unscored criteria counted 0', () => {
    const framework = sampleFramework({
      bands: [
        { name: 'Tốt', min: fixed(90), minAreaIndex: fixed(70) },
        { name: 'Yếu', min: fixed(0) },
      ],
    });
    const c = compiled(framework);
    const p = projectUnit(c, { kpis: { satisfaction_index: rateResult(1, 1) } });
    expect(p.areas.find((a) => a.code === '8')).toMatchObject({ index: fixed(100), complete: true });
    expect(p.areas.find((a) => a.code === '1')).toMatchObject({ index: 0, complete: false });
    expect(p.band).toBe('Yếu');
  });

  it('converts to the API’s JSON with decimals as strings', () => {
    const p = projectUnit(SAMPLE, { kpis: { late_dossiers_without_apology: countResult(3) } });
    const json = projectionToJson(p);
    expect(json).toMatchObject({
      total: '0.5',
      maxPoints: '100',
      index: '0.5',
      band: 'Yếu',
      complete: false,
    });
    expect(json.criteria.find((c) => c.code === '3.4')).toMatchObject({
      kpi: 'late_dossiers_without_apology',
      status: 'at_risk',
      points: '0.5',
      max: '2',
      atRisk: '1.5',
      action: {
        kind: 'records',
        mode: 'fewer',
        next: { records: 1, points: '1' },
        full: { records: 3, points: '2' },
      },
    });
    expect(json.areas[0]).toEqual({
      code: '1',
      name: 'Công tác chỉ đạo điều hành CCHC',
      points: '0',
      max: '14',
      index: '0',
      assessed: true,
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

/** Projection and engine agree on everything the engine gives. */
function expectSameAsEngine(p: Projection, engine: UnitResult): void {
  expect([p.total, p.maxPoints, p.index, p.complete]).toEqual([
    engine.total,
    engine.maxPoints,
    engine.index,
    engine.complete,
  ]);
  if (engine.complete) expect(p.band).toBe(engine.band);
  else {
    expect(p.band).toBe(
      engine.maxPoints > 0
        ? bandFor(
            p.compiled.framework.bands,
            engine.index,
            p.areas.map((a) => a.index),
          )
        : null,
    );
  }
  expect(p.atRisk.map((c) => [c.code, c.atRisk])).toEqual(lostPoints(engine).map((l) => [l.code, l.lost]));
  for (const c of p.criteria) {
    const node = engine.nodes.find((n) => n.code === c.code);
    expect(node).toBeDefined();
    if (node?.status === 'scored' || node?.status === 'given') expect(c.points).toBe(node.points);
    else expect(c.points).toBeNull();
    expect(c.assessed).toBe(node?.status !== 'absent');
    if (c.status === 'earned' && c.role === 'score') expect(c.points).toBe(c.maxPoints);
    if (c.status === 'not_scored' || c.status === 'no_data') {
      expect(['pending', 'error', 'absent']).toContain(node?.status);
    }
  }
  expect(p.unscored.map((c) => c.code)).toEqual(
    engine.nodes
      .filter(
        (n) =>
          n.status === 'pending' ||
          (n.status === 'error' &&
            (n.leaf || engine.nodes[engine.nodes.indexOf(n) + 1]?.status === 'covered')),
      )
      .map((n) => n.code),
  );
  p.areas.forEach((area, q) => {
    const node = engine.areas[q];
    if (node?.index !== null && node?.index !== undefined) expect(area.index).toBe(node.index);
    if (node?.status === 'scored' || node?.status === 'given') expect(area.points).toBe(node.points);
  });
  expect(p.bestCase.total).toBeGreaterThanOrEqual(p.total);
  if (engine.complete)
    expect(p.bestCase).toEqual({ total: p.total, maxPoints: p.maxPoints, index: p.index, band: p.band });
}

/** Each level: the engine gives its points with its value, and one record fewer does not. */
function expectLevelsExact(p: Projection): void {
  for (const c of p.atRisk) {
    let previous = c.points ?? 0;
    let records = 0;
    for (const level of c.levels) {
      expect(pointsWith(p, c.code, level)).toBe(level.points);
      if (c.role === 'deduction') expect(level.points).toBeLessThan(previous);
      else expect(level.points).toBeGreaterThan(previous);
      previous = level.points;
      if (c.action?.kind !== 'records' || level.records === null || c.reading === null) continue;
      expect(level.records).toBeGreaterThan(records);
      records = level.records;
      const fewer = oneRecordFewer(c, level);
      if (fewer) expect(pointsWith(p, c.code, fewer)).toBeLessThan(level.points);
    }
    if (c.action?.kind === 'records') {
      const { next, full } = c.action;
      if (next) expect(pointsWith(p, c.code, next)).toBe(next.points);
      if (full) expect(pointsWith(p, c.code, full)).toBe(full.points);
      if (next && c.levels.length > 1) expect(next).toEqual(c.levels[0]);
      if (full) expect(full).toEqual(c.levels[c.levels.length - 1]);
    }
  }
}

function oneRecordFewer(c: CriterionProjection, level: Level): Level | null {
  if (level.records === null || level.records === 0 || c.action?.kind !== 'records') return null;
  const input = level.input;
  const mode = c.action.mode;
  if (input.kind === 'count') return { ...level, input: { kind: 'count', count: input.count + 1 } };
  if (input.kind !== 'rate') return null;
  const { numerator, denominator } = input.rate;
  const rate = { numerator: numerator - 1, denominator: mode === 'new' ? denominator - 1 : denominator };
  return { ...level, input: { kind: 'rate', rate } };
}

describe('properties', { timeout: 60_000 }, () => {
  it('on random frameworks and units, the projection is what the engine gives, and every level is exact', () => {
    const arb = frameworkSpecArb.chain((spec) =>
      fc.tuple(fc.constant(spec), rawUnitArb(spec, { maxU: 12_000 }), fc.boolean()),
    );
    fc.assert(
      fc.property(arb, ([spec, raw, floors]) => {
        const framework = toFramework(spec);
        const bands = floors
          ? framework.bands.map((b, i) => (i === 0 ? { ...b, minAreaIndex: fixed(75) } : b))
          : framework.bands;
        const c = expectOk(compileFramework({ ...framework, bands }));
        const data = toUnitData(spec, raw);
        const entries = data.values as Record<string, NodeInput>;
        const p = projectUnit(c, { entries });
        expectSameAsEngine(p, engineOf(c, entries, {}));
        expectLevelsExact(p);
      }),
      { numRuns: 200 },
    );
  });

  it('on the sample framework with KPIs from random registers, the projection is what the engine gives', () => {
    const manual = SAMPLE.nodes.flatMap((n) => ('method' in n && n.method === 'thu_cong' ? [n] : []));
    const entriesArb = fc.record(
      Object.fromEntries(
        manual.map((n) => [
          n.code,
          fc.option(
            fc
              .integer({ min: 0, max: (n.maxPoints / 500_000) | 0 })
              .map((half): NodeInput => ({ kind: 'points', points: fixed(half / 2) })),
            { nil: undefined },
          ),
        ]),
      ),
    );
    const survey = fc.option(
      fc.integer({ min: 0, max: 100 }).map((n) => rateResult(n, 100)),
      { nil: undefined },
    );
    fc.assert(
      fc.property(scenarioArb, entriesArb, survey, ({ period, registers }, entries, satisfaction) => {
        const kpis: Record<string, RateResult | CountResult | undefined> = {
          ...computeKpis(registers, period),
          satisfaction_index: satisfaction,
        };
        const p = projectUnit(SAMPLE, { kpis, entries });
        const values: Record<string, KpiValue | null> = {};
        for (const [key, result] of Object.entries(kpis)) {
          const value = result ? toKpiValue(result) : null;
          values[key] = value === 'bad' ? null : value;
        }
        const defined = Object.fromEntries(
          Object.entries(entries).filter((e): e is [string, NodeInput] => e[1] !== undefined),
        );
        expectSameAsEngine(p, engineOf(SAMPLE, defined, values));
        expectLevelsExact(p);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the self-assessment values a projection takes', () => {
  it('keeps those of criteria scored by hand and drops those of criteria reading a KPI', () => {
    const two = { kind: 'points', points: fixed(2) } as const;
    const one = { kind: 'points', points: fixed(1) } as const;
    expect(manualEntries(SAMPLE, { '2.1': two, '3.4': one })).toEqual({ '2.1': two });
  });
});
