import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { assessmentResults } from '../assessments/schema';

// The final (published) results of the year before, beside the projection: the
// component index per area on the dashboard, the rank in the appraiser's table. One
// query for all the units; the current result of a unit is its highest version.

export interface LastYearResult {
  year: number;
  index: string;
  band: string | null;
  rank: number | null;
  /** Component index per area code. */
  areas: Record<string, string | null>;
}

interface PublishedArea {
  code?: unknown;
  index?: unknown;
}

const decimalText = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : null;

export async function lastYearResults(
  ctx: AppContext,
  unitIds: readonly number[],
  year: number,
): Promise<Map<number, LastYearResult>> {
  const out = new Map<number, LastYearResult>();
  if (unitIds.length === 0) return out;
  const rows = await ctx.db
    .select({
      unitId: assessmentResults.unitId,
      version: assessmentResults.version,
      index: assessmentResults.index,
      band: assessmentResults.band,
      rank: assessmentResults.rank,
      areas: assessmentResults.areas,
    })
    .from(assessmentResults)
    .where(and(inArray(assessmentResults.unitId, [...unitIds]), eq(assessmentResults.year, year)))
    .orderBy(desc(assessmentResults.version), desc(assessmentResults.publishedAt));
  for (const row of rows) {
    if (out.has(row.unitId)) continue;
    const areas: Record<string, string | null> = {};
    if (Array.isArray(row.areas)) {
      for (const a of row.areas as PublishedArea[]) {
        if (typeof a?.code === 'string') areas[a.code] = decimalText(a.index);
      }
    }
    out.set(row.unitId, {
      year,
      index: String(row.index),
      band: row.band,
      rank: row.rank,
      areas,
    });
  }
  return out;
}
