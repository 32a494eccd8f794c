import { and, eq, inArray } from 'drizzle-orm';
import {
  type AreaTotals,
  inputFromJson,
  type NodePoints,
  type PreviousResult,
  type YearChangeJson,
} from '#core/assessment/index';
import { formatDecimal, type NodeInput, parseDecimal } from '#core/framework/index';
import { formatVnDate, vnDateOf } from '#core/time/index';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../lib/errors';
import { decimalText } from './present';
import * as q from './queries';
import { assessmentRounds, assessmentSheets } from './schema';

export interface PublishedResult {
  roundId: number;
  unitId: number;
  unitName: string;
  unitCode: string;
  year: number;
  version: number;
  publishedAt: string;
  /** Every correction after the first publication (version ≥ 2): that the result was corrected, and why. */
  corrections: { version: number; reason: string; publishedAt: string }[];
  total: string;
  maxPoints: string;
  index: string;
  band: string | null;
  rank: number | null;
  areas: AreaTotals[];
  change: YearChangeJson | null;
}

type VersionRow = Awaited<ReturnType<typeof q.resultVersions>>[number];

/** The latest version per round and unit, with the corrections that led to it; by rank. */
export async function presentResults(_db: Db, rows: readonly VersionRow[]): Promise<PublishedResult[]> {
  const groups = new Map<string, VersionRow[]>();
  for (const row of rows) {
    const key = `${row.roundId}:${row.unitId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const out: PublishedResult[] = [];
  for (const versions of groups.values()) {
    versions.sort((a, b) => a.version - b.version);
    const latest = versions[versions.length - 1] as VersionRow;
    out.push({
      roundId: latest.roundId,
      unitId: latest.unitId,
      unitName: latest.unitName,
      unitCode: latest.unitCode,
      year: latest.year,
      version: latest.version,
      publishedAt: latest.publishedAt.toISOString(),
      corrections: versions
        .filter((v) => v.version > 1)
        .map((v) => ({
          version: v.version,
          reason: v.reason ?? '',
          publishedAt: v.publishedAt.toISOString(),
        })),
      total: decimalText(latest.total) ?? '0',
      maxPoints: decimalText(latest.maxPoints) ?? '0',
      index: indexText(latest.index, latest.indexDecimals),
      band: latest.band,
      rank: latest.rank,
      areas: JSON.parse(latest.areas) as AreaTotals[],
      change: latest.change === null ? null : (JSON.parse(latest.change) as YearChangeJson),
    });
  }
  return out.sort(
    (a, b) =>
      a.roundId - b.roundId ||
      (a.rank ?? 1e9) - (b.rank ?? 1e9) ||
      a.unitName.localeCompare(b.unitName, 'vi'),
  );
}

/** The index as published, with the framework's decimals (numeric gives "87.250000"). */
function indexText(stored: string, decimals: number): string {
  const value = parseDecimal(stored);
  return value === null ? stored : formatDecimal(value, { decimals });
}

/** Last year's published results of some units, as `publishResults` compares with them. */
export async function previousResults(
  db: Db,
  unitIds: number[],
  year: number,
): Promise<Map<number, PreviousResult>> {
  const rows = await q.resultVersions(db, { unitIds, year });
  const out = new Map<number, PreviousResult>();
  for (const row of rows) {
    // Versions come oldest first: the last one seen wins.
    out.set(row.unitId, {
      year: row.year,
      total: decimalText(row.total) ?? '0',
      maxPoints: decimalText(row.maxPoints) ?? '0',
      index: decimalText(row.index) ?? '0',
      band: row.band,
      rank: row.rank,
      nodePoints: JSON.parse(row.nodePoints) as NodePoints,
    });
  }
  return out;
}

export interface PublishedSummary {
  roundId: number;
  roundName: string;
  version: number;
  corrected: boolean;
  total: string;
  maxPoints: string;
  index: string;
  band: string | null;
  rank: number | null;
  /** How many units the round ranked. */
  unitCount: number;
  areas: AreaTotals[];
  publishedAt: string;
}

/**
 * For the dashboard ("last year's final result and rank"): each unit's latest published
 * result of `year` — index, band, rank among its round's units, per-area component index.
 * Units without a published result that year are absent from the map. Public data.
 */
export async function publishedResultsOf(
  ctx: Pick<AppContext, 'db'>,
  unitIds: readonly number[],
  year: number,
): Promise<Map<number, PublishedSummary>> {
  const rows = await q.resultVersions(ctx.db, { unitIds: [...new Set(unitIds)], year });
  const results = await presentResults(ctx.db, rows);
  const roundIds = [...new Set(results.map((r) => r.roundId))];
  const rounds = new Map<number, { name: string; count: number }>();
  for (const roundId of roundIds) {
    const round = await q.findRound(ctx.db, roundId);
    const sheets = await q.listSheets(ctx.db, roundId);
    rounds.set(roundId, { name: round?.name ?? '', count: sheets.length });
  }
  const out = new Map<number, PublishedSummary>();
  for (const r of results) {
    const round = rounds.get(r.roundId);
    const current = out.get(r.unitId);
    if (current && current.publishedAt > r.publishedAt) continue;
    out.set(r.unitId, {
      roundId: r.roundId,
      roundName: round?.name ?? '',
      version: r.version,
      corrected: r.corrections.length > 0,
      total: r.total,
      maxPoints: r.maxPoints,
      index: r.index,
      band: r.band,
      rank: r.rank,
      unitCount: round?.count ?? 0,
      areas: r.areas,
      publishedAt: r.publishedAt,
    });
  }
  return out;
}

/**
 * The unit's current self-assessment values for a year (its sheet in the round of that
 * year, any state), as the engine reads them: the projection's `entries`. Empty without a sheet.
 */
export async function selfAssessmentEntries(
  ctx: Pick<AppContext, 'db'>,
  unitId: number,
  year: number,
): Promise<Record<string, NodeInput>> {
  return (await selfAssessmentEntriesOf(ctx, [unitId], year)).get(unitId) ?? {};
}

/** The same for many units at once (the appraiser's table): two queries, whatever their number. */
export async function selfAssessmentEntriesOf(
  ctx: Pick<AppContext, 'db'>,
  unitIds: readonly number[],
  year: number,
): Promise<Map<number, Record<string, NodeInput>>> {
  const out = new Map<number, Record<string, NodeInput>>();
  if (unitIds.length === 0) return out;
  const sheets = await ctx.db
    .select({ id: assessmentSheets.id, unitId: assessmentSheets.unitId })
    .from(assessmentSheets)
    .innerJoin(assessmentRounds, eq(assessmentRounds.id, assessmentSheets.roundId))
    .where(and(inArray(assessmentSheets.unitId, [...unitIds]), eq(assessmentRounds.year, year)));
  const unitOf = new Map(sheets.map((s) => [s.id, s.unitId]));
  const entries = await q.entriesOf(
    ctx.db,
    sheets.map((s) => s.id),
  );
  for (const entry of entries) {
    const input = entry.selfInput ? inputFromJson(entry.selfInput) : null;
    const unitId = unitOf.get(entry.sheetId);
    if (!input || unitId === undefined) continue;
    const values = out.get(unitId) ?? {};
    values[entry.code] = input;
    out.set(unitId, values);
  }
  return out;
}

// ---------------------------------------------------------------- public

export interface PublicRound {
  id: number;
  year: number;
  level: string;
  name: string;
  ownerUnitId: number;
  ownerUnitName: string;
  frameworkName: string;
  publishedAt: string;
}

const publicRound = (r: q.RoundRow): PublicRound => ({
  id: r.id,
  year: r.year,
  level: r.level,
  name: r.name,
  ownerUnitId: r.ownerUnitId,
  ownerUnitName: r.ownerUnitName,
  frameworkName: r.frameworkName,
  publishedAt: (r.publishedAt as Date).toISOString(),
});

export async function listPublicRounds(ctx: AppContext, filter: { year?: number; ownerUnitId?: number }) {
  return { rounds: (await q.publishedRounds(ctx.db, filter)).map(publicRound) };
}

/** A published round's ranking table: nothing of a round is public before it is published. */
export async function publicResults(
  ctx: AppContext,
  filter: { roundId?: number; year?: number; ownerUnitId?: number },
): Promise<{ round: PublicRound; units: PublishedResult[] }> {
  if (filter.roundId === undefined && filter.year === undefined) throw notFound();
  const [round] = await q.publishedRounds(ctx.db, filter);
  if (!round) {
    if (filter.roundId !== undefined && (await q.findRound(ctx.db, filter.roundId))) {
      throw new AppError(404, 'assessments.notPublished');
    }
    throw notFound();
  }
  const rows = await q.resultVersions(ctx.db, { roundIds: [round.id] });
  return { round: publicRound(round), units: await presentResults(ctx.db, rows) };
}

/** The ranking as a spreadsheet: one row per unit, areas side by side. */
export async function publicResultsTable(
  ctx: AppContext,
  filter: { roundId?: number; year?: number; ownerUnitId?: number },
) {
  const { round, units } = await publicResults(ctx, filter);
  const areaCodes = units[0]?.areas.map((a) => ({ code: a.code, name: a.name })) ?? [];
  const header = [
    'Thứ hạng',
    'Mã đơn vị',
    'Đơn vị',
    ...areaCodes.flatMap((a) => [`Điểm lĩnh vực ${a.code}`, `Chỉ số lĩnh vực ${a.code} (%)`]),
    'Tổng điểm',
    'Điểm tối đa',
    'Chỉ số (%)',
    'Xếp loại',
    `Chỉ số ${round.year - 1} (%)`,
    `Thay đổi chỉ số`,
    `Thứ hạng ${round.year - 1}`,
    'Phiên bản',
    'Đính chính',
  ];
  const num = (text: string | null | undefined) => (text === null || text === undefined ? '' : Number(text));
  const rows = units.map((u) => [
    u.rank ?? '',
    u.unitCode,
    u.unitName,
    ...areaCodes.flatMap((a) => {
      const area = u.areas.find((x) => x.code === a.code);
      return [num(area?.points), num(area?.index)];
    }),
    num(u.total),
    num(u.maxPoints),
    num(u.index),
    u.band ?? '',
    num(u.change?.index.previous),
    num(u.change?.index.change),
    u.change?.rank.previous ?? '',
    u.version,
    u.corrections
      .map((c) => `Phiên bản ${c.version} (${formatVnDate(vnDateOf(c.publishedAt))}): ${c.reason}`)
      .join('; '),
  ]);
  return {
    filename: `ket-qua-chi-so-cchc-${round.year}-${round.id}.xlsx`,
    sheetName: `Kết quả ${round.year}`,
    header,
    rows,
  };
}
