import { describe, expect, it } from 'vitest';
import { frameworkFromRows, frameworkToJson } from '#core/framework/index';
import { BANDS, SMALL_HEADER, SMALL_ROWS, sampleFramework } from '../../../core/framework/fixtures/sample';
import { draftFromJson, updateNode } from './draft';
import { bandRanges, preview } from './preview';

describe('the preview', () => {
  it('gives each area its max and share; the survey is optional', () => {
    const draft = draftFromJson(frameworkToJson(sampleFramework({ optionalAreas: ['8'] })), ',');
    const p = preview(draft);
    expect(p.total).toBe(100_000_000);
    expect(p.totalWithoutOptional).toBe(84_000_000);
    expect(p.criteria).toBe(41);
    expect(p.areas.map((a) => [a.code, a.share])).toEqual([
      ['1', 14],
      ['2', 8],
      ['3', 22],
      ['4', 8],
      ['5', 10],
      ['6', 8],
      ['7', 14],
      ['8', 16],
    ]);
  });

  it('leaves bonus and deduction areas out of the total; a max that is no number leaves it unknown', () => {
    const read = frameworkFromRows(SMALL_HEADER, SMALL_ROWS, {
      year: 2021,
      level: 'xa',
      name: 'Nhỏ',
      bands: BANDS,
    });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const draft = draftFromJson(frameworkToJson(read.value), ',');
    const p = preview(draft);
    expect(p.total).toBe(30_000_000);
    expect(p.areas.map((a) => [a.code, a.role, a.share === null ? null : Math.round(a.share)])).toEqual([
      ['1', 'score', 33],
      ['2', 'score', 33],
      ['3', 'score', 33],
      ['4', 'bonus', null],
      ['5', 'deduction', null],
    ]);
    const first = draft.areas[0];
    if (!first) throw new Error('no area');
    expect(preview(updateNode(draft, first.key, { maxPoints: '' })).total).toBeNull();
  });

  it('gives each band its range below the one above it', () => {
    const draft = draftFromJson(frameworkToJson(sampleFramework()), ',');
    const ranges = [...bandRanges(draft.bands).values()];
    expect(ranges).toEqual([
      { min: 90_000_000, below: null },
      { min: 80_000_000, below: 90_000_000 },
      { min: 65_000_000, below: 80_000_000 },
      { min: 0, below: 65_000_000 },
    ]);
  });
});
