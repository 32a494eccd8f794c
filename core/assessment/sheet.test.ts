import { describe, expect, it } from 'vitest';
import { compiled, sampleFramework } from '../framework/fixtures/sample';
import { buildInputs, formatDecimal, scoreAndRank } from '../framework/index';
import { rateResult } from '../kpi/result';
import { yearPeriod } from '../time/period';
import { changeFrom, nodePointsOf, publishResults, samePublished } from './publish';
import {
  appraisedValues,
  type EntryData,
  inputFromJson,
  inputToJson,
  isOverridden,
  leavesOf,
  type NodeInputJson,
  prefillFor,
  sameInput,
  scoreValues,
  sheetProblems,
} from './sheet';

const framework = compiled(sampleFramework({ optionalAreas: ['8'] }));
const leaves = leavesOf(framework.framework);
const points = (p: string): NodeInputJson => ({ kind: 'points', points: p });

/** Every leaf outside the survey at full points, with one file each. */
function fullSheet(): EntryData[] {
  return leaves
    .filter((l) => l.areaCode !== '8')
    .map((l) => ({
      code: l.code,
      input: points(formatDecimal(l.maxPoints)),
      prefill: null,
      overrideReason: null,
      selfFiles: 1,
      appraisedPoints: formatDecimal(l.maxPoints),
    }));
}

describe('a criterion value as JSON', () => {
  it('round-trips every kind and compares decimals by value', () => {
    for (const json of [
      points('1.5'),
      { kind: 'choice', label: 'Kịp thời' },
      { kind: 'rate', numerator: 17, denominator: 20 },
      { kind: 'count', count: 3 },
    ] as NodeInputJson[]) {
      const input = inputFromJson(json);
      expect(input && inputToJson(input)).toEqual(json);
    }
    expect(sameInput(points('1.50'), points('1.5'))).toBe(true);
    expect(sameInput(points('1'), { kind: 'count', count: 1 })).toBe(false);
    expect(sameInput(null, null)).toBe(true);
    expect(inputFromJson(points('một'))).toBeNull();
  });
});

describe('what blocks a submission', () => {
  it('is nothing for a full sheet with evidence; the survey area, left empty, is not assessed', () => {
    expect(sheetProblems(framework, fullSheet())).toEqual([]);
  });

  it('names each criterion without a value, without evidence, or overridden without a reason', () => {
    const entries = fullSheet()
      .filter((e) => e.code !== '2.1')
      .map((e) => (e.code === '2.2' ? { ...e, selfFiles: 0 } : e))
      .map((e) => (e.code === '2.3' ? { ...e, selfFiles: 0, input: points('0') } : e))
      .map((e) =>
        e.code === '3.3'
          ? {
              ...e,
              prefill: {
                ...snapshot('3.3'),
                input: { kind: 'rate', numerator: 9, denominator: 10 } as NodeInputJson,
              },
            }
          : e,
      );
    const problems = sheetProblems(framework, entries);
    expect(problems.map((p) => [p.code, p.kind])).toEqual([
      ['2.1', 'missing_value'],
      ['2.2', 'missing_evidence'],
      ['3.3', 'missing_reason'],
    ]);
    // 2.3 at 0 points needs no evidence; a value above the maximum is invalid.
    const above = entries.map((e) => (e.code === '4.1' ? { ...e, input: points('9') } : e));
    expect(sheetProblems(framework, above).find((p) => p.code === '4.1')?.kind).toBe('invalid');
  });

  it('takes the KPI snapshot as the evidence of a criterion left at its pre-fill', () => {
    const entries = fullSheet().map((e) =>
      e.code === '3.3'
        ? {
            ...e,
            input: { kind: 'rate', numerator: 9, denominator: 10 } as NodeInputJson,
            selfFiles: 0,
            prefill: {
              ...snapshot('3.3'),
              input: { kind: 'rate', numerator: 9, denominator: 10 } as NodeInputJson,
            },
          }
        : e,
    );
    expect(sheetProblems(framework, entries)).toEqual([]);
    expect(isOverridden(entries.find((e) => e.code === '3.3') as EntryData)).toBe(false);
  });
});

function snapshot(code: string) {
  const leaf = leaves.find((l) => l.code === code);
  return {
    kpi: leaf?.kpi ?? '',
    input: null,
    points: null,
    value: null,
    numerator: null,
    denominator: null,
    period: yearPeriod(2021),
    computedAt: '2021-11-20T03:00:00.000Z',
  };
}

describe('the KPI pre-fill', () => {
  it('fills each KPI criterion with the KPI as the engine reads it, and scores it as the engine does', () => {
    const kpis = {
      dossiers_on_time_rate: rateResult(45, 50),
      late_dossiers_without_apology: { value: 2 },
      documents_signed_rate: rateResult(0, 0),
    };
    const filled = prefillFor(framework, kpis, yearPeriod(2021), '2021-11-20T03:00:00.000Z');
    const byCode = new Map(filled.map((f) => [f.code, f]));
    expect(byCode.get('3.3')).toMatchObject({
      input: { kind: 'rate', numerator: 45, denominator: 50 },
      snapshot: { kpi: 'dossiers_on_time_rate', value: '90', numerator: 45, denominator: 50, points: '5.4' },
    });
    expect(byCode.get('3.4')).toMatchObject({
      input: { kind: 'count', count: 2 },
      snapshot: { value: '2', points: '1', numerator: null },
    });
    // 0 / 0 is no data, and a KPI not computed at all too: left to a person.
    expect(byCode.get('7.3')).toMatchObject({ input: null, snapshot: { value: null, points: null } });
    expect(byCode.get('1.2')?.input).toBeNull();
    expect(filled.map((f) => f.code)).toEqual(leaves.filter((l) => l.kpi).map((l) => l.code));
  });
});

describe('publishing a round', () => {
  const unit = (
    name: string,
    lower: string[],
  ): { key: string; values: ReturnType<typeof appraisedValues>; previous: null } => {
    const entries = fullSheet().map((e) => (lower.includes(e.code) ? { ...e, appraisedPoints: '0' } : e));
    return { key: name, values: appraisedValues(entries), previous: null };
  };

  it('ranks the units as the engine does, ties sharing a rank', () => {
    const units = [unit('A', ['2.1']), unit('B', []), unit('C', ['2.2']), unit('D', ['2.1', '2.2'])];
    const published = publishResults(framework, units);
    if (!published.ok) throw new Error('incomplete');
    expect(published.results.map((r) => [r.key, r.data.rank, r.data.index])).toEqual([
      ['A', 2, '97.62'],
      ['B', 1, '100.00'],
      ['C', 2, '97.62'],
      ['D', 4, '95.24'],
    ]);
    const engine = scoreAndRank(
      framework,
      units.map((u) => ({ unit: u.key, inputs: buildInputs(framework, { values: u.values }).inputs })),
    );
    expect(published.results.map((r) => r.data.rank)).toEqual(engine.units.map((u) => u.rank));
  });

  it('refuses an incomplete unit, naming what is missing', () => {
    const incomplete = {
      key: 'E',
      values: appraisedValues(fullSheet().filter((e) => e.code !== '4.2')),
      previous: null,
    };
    const published = publishResults(framework, [unit('B', []), incomplete]);
    expect(published).toMatchObject({ ok: false, incomplete: [{ key: 'E', pending: ['4.2'] }] });
  });

  it('compares with last year by criterion code, and tells a correction from the same result', () => {
    const last = publishResults(framework, [unit('A', ['2.1', '2.2']), unit('B', [])]);
    if (!last.ok) throw new Error('incomplete');
    const lastA = last.results[0]?.data;
    if (!lastA) throw new Error('no A');
    const previous = { year: 2020, ...lastA };
    const now = publishResults(framework, [{ ...unit('A', ['2.1']), previous }, unit('B', ['5.1', '5.3'])]);
    if (!now.ok) throw new Error('incomplete');
    const change = now.results[0]?.data.change;
    expect(change).toMatchObject({
      previousYear: 2020,
      index: { previous: '95.24', current: '97.62', change: '2.38' },
      rank: { previous: 2, current: 1, change: 1 },
    });
    expect(change?.areas.find((a) => a.code === '2')?.points).toEqual({
      previous: '4',
      current: '6',
      change: '2',
    });
    const a = now.results[0]?.data;
    if (!a) throw new Error('no A');
    expect(samePublished(a, { ...a, index: '97.620' })).toBe(true);
    expect(samePublished(a, { ...a, rank: 2 })).toBe(false);
    const result = scoreValues(framework, appraisedValues(fullSheet())).result;
    expect(changeFrom(framework, result, { year: 2020, ...lastA }).total.change).toBe('4');
    expect(Object.keys(nodePointsOf(framework, result))).toContain('3.3');
  });
});
