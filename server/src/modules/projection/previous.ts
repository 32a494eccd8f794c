import type { AppContext } from '../../context';
import { publishedResultsOf } from '../assessments/results';

// The final (published) results of the year before, beside the projection: the
// component index per area on the dashboard, the rank in the appraiser's table. The
// assessments module gives each unit's latest published version, for many units at once.

export interface LastYearResult {
  year: number;
  index: string;
  band: string | null;
  rank: number | null;
  /** Component index per area code. */
  areas: Record<string, string | null>;
}

export async function lastYearResults(
  ctx: AppContext,
  unitIds: readonly number[],
  year: number,
): Promise<Map<number, LastYearResult>> {
  const out = new Map<number, LastYearResult>();
  if (unitIds.length === 0) return out;
  for (const [unitId, r] of await publishedResultsOf(ctx, unitIds, year)) {
    out.set(unitId, {
      year,
      index: r.index,
      band: r.band,
      rank: r.rank,
      areas: Object.fromEntries(r.areas.map((a) => [a.code, a.index])),
    });
  }
  return out;
}
