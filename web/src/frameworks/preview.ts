// What the preview shows: each area's maximum and share of the total, and the index
// range of each band, from the draft as typed (the core decides what counts).

import { type Fixed, nodeRole, parseDecimal, type Role, sumFixed } from '#core/framework/index';
import { type Draft, type DraftBand, type DraftNode, flatten, toCriterion } from './draft';

export interface AreaRow {
  readonly key: string;
  readonly code: string;
  readonly name: string;
  readonly maxPoints: Fixed | null;
  /** `score` areas make the total; `bonus` and `deduction` ones add or take off within their bound. */
  readonly role: Role | null;
  readonly optional: boolean;
  /** Leaves below the area (the criteria a unit is scored on). */
  readonly criteria: number;
  /** Percent of the total maximum, for the bars only (a float). */
  readonly share: number | null;
}

export interface Preview {
  readonly areas: readonly AreaRow[];
  /** Sum of the scored areas' maxima; null while one is no number. */
  readonly total: Fixed | null;
  /** The total when every optional area is left out (the survey not run). */
  readonly totalWithoutOptional: Fixed | null;
  readonly criteria: number;
}

const leaves = (node: DraftNode) => flatten([node]).filter((n) => n.children.length === 0).length;

export function preview(draft: Draft): Preview {
  const rows = draft.areas.map((area) => ({
    key: area.key,
    code: area.code,
    name: area.name,
    maxPoints: parseDecimal(area.maxPoints),
    role: nodeRole(toCriterion(area)),
    optional: area.optional,
    criteria: leaves(area),
  }));
  const scored = rows.filter((row) => row.role === 'score');
  const complete = scored.every((row) => row.maxPoints !== null);
  const total = complete ? sumFixed(scored.map((row) => row.maxPoints as Fixed)) : null;
  const totalWithoutOptional = complete
    ? sumFixed(scored.filter((row) => !row.optional).map((row) => row.maxPoints as Fixed))
    : null;
  const areas = rows.map((row) => ({
    ...row,
    share:
      row.role === 'score' && row.maxPoints !== null && total !== null && total > 0
        ? (row.maxPoints * 100) / total
        : null,
  }));
  return {
    areas,
    total,
    totalWithoutOptional,
    criteria: rows.reduce((n, row) => n + row.criteria, 0),
  };
}

export interface BandRange {
  readonly min: Fixed | null;
  /** The next band up's minimum, which this band stays below; null for the top band. */
  readonly below: Fixed | null;
}

/** Each band's index range, bands taken highest first as the core reads them. */
export function bandRanges(bands: readonly DraftBand[]): Map<string, BandRange> {
  const ranges = new Map<string, BandRange>();
  bands.forEach((band, i) => {
    const above = bands[i - 1];
    ranges.set(band.key, {
      min: parseDecimal(band.min),
      below: above ? parseDecimal(above.min) : null,
    });
  });
  return ranges;
}
