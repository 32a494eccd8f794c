import { describe, expect, it } from 'vitest';
import { buildInputs, fixed, frameworkToJson, scoreUnit } from '#core/framework/index';
import { sampleFramework } from '../../../core/framework/fixtures/sample';
import {
  type EntryDraft,
  entryInput,
  entryProblem,
  type LiveFramework,
  levelsOf,
  liveFramework,
  liveScore,
  showSnapshot,
} from './live';

const json = frameworkToJson(sampleFramework({ optionalAreas: ['8'] }));
const live = liveFramework(json) as LiveFramework;

const typed = (points: string): EntryDraft => ({ points, prefill: null, override: false });

describe('the live self-assessment score', () => {
  it('reads the framework into a tree whose leaves carry method, KPI and evidence', () => {
    expect('error' in live).toBe(false);
    expect(live.tree.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(live.leaves.length).toBe(41);
    const kpiLeaf = live.leaves.find((l) => l.kpi === 'dossiers_on_time_rate');
    expect(kpiLeaf?.method).toBe('ty_le');
    expect(live.leaves.every((l) => l.children === undefined)).toBe(true);
  });

  it('gives the same total, index and band as the engine for the same values', () => {
    const drafts: Record<string, EntryDraft> = {};
    const values: Record<string, { kind: 'points'; points: ReturnType<typeof fixed> }> = {};
    for (const leaf of live.leaves) {
      if (leaf.kpi) continue;
      if (leaf.levels.length > 0) continue;
      drafts[leaf.code] = typed(String(leaf.maxPoints / 2_000_000).replace('.', ','));
      values[leaf.code] = { kind: 'points', points: (leaf.maxPoints / 2) as ReturnType<typeof fixed> };
    }
    const score = liveScore(live, drafts);
    const engine = scoreUnit(live.compiled, buildInputs(live.compiled, { values }).inputs);
    expect(score.total).toBe(engine.total);
    expect(score.index).toBe(engine.index);
    expect(score.complete).toBe(false);
    expect(score.band).not.toBeNull();
    expect(score.unscored).toBeGreaterThan(0);
  });

  it('raises the total as points are typed, and ignores what is no number or above the max', () => {
    const leaf = live.leaves.find((l) => l.method === 'thu_cong' && l.maxPoints === fixed(2));
    if (!leaf) throw new Error('no manual 2-point leaf');
    const none = liveScore(live, {});
    const two = liveScore(live, { [leaf.code]: typed('2') });
    expect(two.total - none.total).toBe(fixed(2));
    expect(two.points.get(leaf.code)).toBe(fixed(2));
    expect(liveScore(live, { [leaf.code]: typed('1,5') }).total - none.total).toBe(fixed('1.5'));
    expect(entryProblem(leaf, typed('3'))).toBe('above_max');
    expect(entryProblem(leaf, typed('abc'))).toBe('not_a_number');
    expect(liveScore(live, { [leaf.code]: typed('3') }).total).toBe(none.total);
  });

  it('scores a KPI criterion from its pre-filled value until it is overridden', () => {
    const leaf = live.leaves.find((l) => l.kpi === 'dossiers_on_time_rate');
    if (!leaf) throw new Error('no KPI leaf');
    const prefill = { kind: 'rate' as const, numerator: 7, denominator: 12 };
    const pre: EntryDraft = { points: '', prefill, override: false };
    expect(entryInput(pre)).toEqual({ kind: 'rate', rate: { numerator: 7, denominator: 12 } });
    const kpiOnly = liveScore(live, { [leaf.code]: pre });
    // ty_le: max × 7/12
    expect(kpiOnly.points.get(leaf.code)).toBe(Math.round((leaf.maxPoints * 7) / 12));
    const over = liveScore(live, { [leaf.code]: { points: '6', prefill, override: true } });
    expect(over.points.get(leaf.code)).toBe(fixed(6));
    // Typed points without the override switch leave the KPI in force.
    expect(
      liveScore(live, { [leaf.code]: { points: '6', prefill, override: false } }).points.get(leaf.code),
    ).toBe(kpiOnly.points.get(leaf.code));
  });

  it('reads the levels of a choice criterion', () => {
    expect(levelsOf('Kịp thời:1;Không kịp thời:0.5;Không ban hành:0')).toEqual([
      { label: 'Kịp thời', points: fixed(1) },
      { label: 'Không kịp thời', points: fixed('0.5') },
      { label: 'Không ban hành', points: fixed(0) },
    ]);
  });

  it('shows a KPI snapshot with its numbers', () => {
    expect(showSnapshot({ kind: 'rate', numerator: 7, denominator: 12 }, 'vi')).toBe('7/12 (58,33%)');
    expect(showSnapshot({ kind: 'rate', numerator: 7, denominator: 12 }, 'en')).toBe('7/12 (58.33%)');
    expect(showSnapshot({ kind: 'count', count: 3 }, 'vi')).toBe('3');
  });
});
