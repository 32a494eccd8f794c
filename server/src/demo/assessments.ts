import { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import {
  appraisedValues,
  type EntryData,
  type Leaf,
  leavesOf,
  type NodeInputJson,
  publishResults,
  type SheetState,
} from '#core/assessment/index';
import { type Fixed, formatDecimal, frameworkToJson, parseFrameworkJson, SCALE } from '#core/framework/index';
import { addDays, formatVnDate, vnDateOf } from '#core/time/index';
import type { AppContext } from '../context';
import { compiledFramework } from '../modules/assessments/access';
import * as q from '../modules/assessments/queries';
import {
  assessmentEntries,
  assessmentEvidence,
  assessmentResults,
  assessmentRounds,
  assessmentSheets,
} from '../modules/assessments/schema';
import { prefillSheet } from '../modules/assessments/sheets';
import { appendAudit } from '../modules/audit/service';
import { insertFile } from '../modules/files/queries';
import { files } from '../modules/files/schema';
import { filesRoot, storeStream } from '../modules/files/store';
import { insertFramework } from '../modules/frameworks/queries';
import { frameworks } from '../modules/frameworks/schema';
import { notify, usersOfUnits } from '../modules/notifications/service';
import { findUnitsByCodes } from '../modules/units/queries';
import { users } from '../modules/users/schema';

// The yearly loop in the demo (issue 4), owned by Thanh Hà district for its communes:
//
// - 2020: a copy of the sample framework for 2020, published, and a PUBLISHED round with
//   every commune's result (deterministic, varied points): last year's index and rank.
// - 2021: an OPEN round with the published 2021 sample framework. Deadlines are counted
//   from the day the demo is loaded, so the loop can be walked today: self-assessment due
//   in 30 days, appraisal in 45, explanation window from today to 60 days on.
//   · Vĩnh Lập: draft, opened (its KPI criteria pre-filled from its registers), every
//     manual criterion scored with evidence EXCEPT 1.1.1, 1.1.2 and 2.1 (no points, no
//     evidence: the e2e fills them), so `vinhlap.chutich` can submit once they are done.
//   · Every other commune: `provisional`, already appraised. Closing the explanation
//     window makes them final, so publishing the round ranks all 20 communes.
//
// Run again, it drops these two rounds (and what hangs off them) and makes them afresh.

export const DEMO_ROUND_OWNER = '294';
export const DEMO_OPEN_YEAR = 2021;
export const DEMO_PUBLISHED_YEAR = 2020;
/** Criteria of Vĩnh Lập's 2021 draft left empty for the e2e to fill. */
export const VINH_LAP_LEFT_EMPTY = ['1.1.1', '1.1.2', '2.1'];
const VINH_LAP = '10885';

/** A small deterministic hash in [0, 1). */
function unit01(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) % 10000) / 10000;
}

/** Points for a leaf: a quarter-point step of its maximum, higher for a "stronger" unit. */
function demoPoints(leaf: Leaf, unitCode: string, salt: string): string {
  const max = leaf.maxPoints / SCALE;
  const strength = 0.62 + 0.36 * unit01(`${salt}:${unitCode}`);
  const ratio = Math.min(
    1,
    Math.max(0, strength + 0.5 * (unit01(`${salt}:${unitCode}:${leaf.code}`) - 0.45)),
  );
  const quarter = Math.min(max, Math.round(max * ratio * 4) / 4);
  return formatDecimal(Math.round(quarter * SCALE) as Fixed);
}

const points = (text: string): NodeInputJson => ({ kind: 'points', points: text });

/** A one-page PDF (content-sniffed as PDF), stored once by its hash. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function demoEvidenceFile(ctx: AppContext, unitId: number, uploadedBy: number): Promise<number> {
  const name = 'Ho-so-minh-chung-CCHC-2021.pdf';
  const stored = await storeStream(Readable.from([DEMO_PDF]), {
    root: filesRoot(ctx.config),
    maxBytes: ctx.config.maxUploadBytes,
  });
  const [existing] = await ctx.db
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.unitId, unitId), eq(files.sha256, stored.sha256), eq(files.originalName, name)));
  if (existing) return existing.id;
  return insertFile(
    ctx.db,
    { unitId, sha256: stored.sha256, size: stored.size, mime: stored.mime, originalName: name, uploadedBy },
    ctx.now(),
  );
}

/** The 2020 copy of the sample framework, published (reused when it exists). */
async function framework2020(
  ctx: AppContext,
  ownerId: number,
  source: { definition: unknown },
): Promise<number> {
  const [existing] = await ctx.db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(
      and(
        eq(frameworks.ownerUnitId, ownerId),
        eq(frameworks.year, DEMO_PUBLISHED_YEAR),
        eq(frameworks.level, 'commune'),
        eq(frameworks.status, 'published'),
      ),
    );
  if (existing) return existing.id;
  const parsed = parseFrameworkJson(source.definition);
  if (!parsed.ok) throw new Error('demo framework 2021 is invalid');
  const name = 'Bộ chỉ số cải cách hành chính cấp xã năm 2020';
  return insertFramework(ctx.db, {
    ownerUnitId: ownerId,
    year: DEMO_PUBLISHED_YEAR,
    level: 'commune',
    name,
    version: 1,
    status: 'published',
    definition: { ...frameworkToJson(parsed.value), year: DEMO_PUBLISHED_YEAR, name },
    copiedFromId: null,
    createdBy: null,
    publishedAt: new Date('2020-02-10T02:00:00Z'),
  });
}

export async function seedAssessments(ctx: AppContext): Promise<void> {
  const [owner] = await findUnitsByCodes(ctx.db, [DEMO_ROUND_OWNER]);
  if (!owner) throw new Error(`demo unit ${DEMO_ROUND_OWNER} missing`);
  const [fw2021] = await ctx.db
    .select({ id: frameworks.id, definition: frameworks.definition })
    .from(frameworks)
    .where(
      and(
        eq(frameworks.ownerUnitId, owner.id),
        eq(frameworks.year, DEMO_OPEN_YEAR),
        eq(frameworks.level, 'commune'),
        eq(frameworks.status, 'published'),
      ),
    );
  if (!fw2021) throw new Error('demo framework 2021 missing');
  const fw2020Id = await framework2020(ctx, owner.id, fw2021);

  await ctx.db
    .delete(assessmentRounds)
    .where(
      and(
        eq(assessmentRounds.ownerUnitId, owner.id),
        inArray(assessmentRounds.year, [DEMO_PUBLISHED_YEAR, DEMO_OPEN_YEAR]),
        eq(assessmentRounds.level, 'commune'),
      ),
    );

  const communes = await q.unitsAtLevelBelow(ctx.db, owner.path, 'commune');
  const [appraiser] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, 'thanhha.thamdinh'));
  const appraiserId = appraiser?.id ?? null;
  await seedPublished2020(ctx, owner.id, fw2020Id, communes, appraiserId);
  await seedOpen2021(ctx, owner.id, fw2021.id, communes, appraiserId);
}

type Commune = Awaited<ReturnType<typeof q.unitsAtLevelBelow>>[number];

const demoReason = 'Dữ liệu mẫu (demo)';

async function seedPublished2020(
  ctx: AppContext,
  ownerId: number,
  frameworkId: number,
  communes: Commune[],
  appraiserId: number | null,
) {
  const compiled = await compiledFramework(ctx.db, frameworkId);
  const leaves = leavesOf(compiled.framework);
  const publishedAt = new Date('2021-02-05T02:00:00Z');
  const roundId = await q.insertRound(ctx.db, {
    ownerUnitId: ownerId,
    frameworkId,
    year: DEMO_PUBLISHED_YEAR,
    level: 'commune',
    name: 'Đánh giá Chỉ số CCHC cấp xã năm 2020',
    selfDue: '2020-12-15',
    appraisalDue: '2021-01-10',
    explanationFrom: '2021-01-11',
    explanationTo: '2021-01-25',
    explanationClosedAt: new Date('2021-01-25T10:00:00Z'),
    publishedAt,
    createdBy: appraiserId,
    createdAt: new Date('2020-11-02T02:00:00Z'),
  });
  const sheets = await q.insertSheets(
    ctx.db,
    roundId,
    communes.map((c) => c.id),
    publishedAt,
  );
  const codeOf = new Map(communes.map((c) => [c.id, c.code]));
  const entries: EntryData[][] = [];
  const rows: (typeof assessmentEntries.$inferInsert)[] = [];
  for (const sheet of sheets) {
    const unitCode = codeOf.get(sheet.unitId) ?? '';
    const mine = leaves.map((leaf) => {
      const value = demoPoints(leaf, unitCode, '2020');
      return {
        code: leaf.code,
        input: points(value),
        prefill: null,
        overrideReason: null,
        selfFiles: 1,
        appraisedPoints: value,
      };
    });
    entries.push(mine);
    for (const e of mine) {
      rows.push({
        sheetId: sheet.id,
        code: e.code,
        selfInput: e.input,
        appraisedPoints: e.appraisedPoints,
        updatedAt: publishedAt,
      });
    }
  }
  await ctx.db.insert(assessmentEntries).values(rows);
  const published = publishResults(
    compiled,
    sheets.map((s, i) => ({ key: s, values: appraisedValues(entries[i] ?? []), previous: null })),
  );
  if (!published.ok) throw new Error('demo 2020 results are incomplete');
  await ctx.db.insert(assessmentResults).values(
    published.results.map((r) => ({
      roundId,
      unitId: r.key.unitId,
      year: DEMO_PUBLISHED_YEAR,
      version: 1,
      total: r.data.total,
      maxPoints: r.data.maxPoints,
      index: r.data.index,
      band: r.data.band,
      rank: r.data.rank,
      areas: r.data.areas as never,
      nodePoints: r.data.nodePoints as never,
      change: null,
      reason: null,
      publishedBy: appraiserId,
      publishedAt,
    })),
  );
  await ctx.db
    .update(assessmentSheets)
    .set({
      state: 'published',
      openedAt: new Date('2020-11-05T02:00:00Z'),
      submittedAt: new Date('2020-12-10T02:00:00Z'),
      provisionalAt: new Date('2021-01-10T02:00:00Z'),
      finalAt: new Date('2021-01-25T10:00:00Z'),
      publishedAt,
    })
    .where(eq(assessmentSheets.roundId, roundId));
  await appendAudit(
    ctx.db,
    ...published.results.map((r) => ({
      at: publishedAt,
      actorUserId: appraiserId,
      unitId: r.key.unitId,
      entity: 'assessment_result',
      entityId: `${roundId}:${r.key.unitId}`,
      action: 'publish',
      field: 'version',
      oldValue: null,
      newValue: {
        version: 1,
        total: r.data.total,
        index: r.data.index,
        band: r.data.band,
        rank: r.data.rank,
      },
      reason: demoReason,
    })),
  );
}

async function seedOpen2021(
  ctx: AppContext,
  ownerId: number,
  frameworkId: number,
  communes: Commune[],
  appraiserId: number | null,
) {
  const compiled = await compiledFramework(ctx.db, frameworkId);
  const leaves = leavesOf(compiled.framework);
  const now = ctx.now();
  const today = vnDateOf(now.toISOString());
  const name = 'Đánh giá Chỉ số CCHC cấp xã năm 2021';
  const selfDue = addDays(today, 30);
  const roundId = await q.insertRound(ctx.db, {
    ownerUnitId: ownerId,
    frameworkId,
    year: DEMO_OPEN_YEAR,
    level: 'commune',
    name,
    selfDue,
    appraisalDue: addDays(today, 45),
    explanationFrom: today,
    explanationTo: addDays(today, 60),
    createdBy: appraiserId,
    createdAt: now,
  });
  const sheets = await q.insertSheets(
    ctx.db,
    roundId,
    communes.map((c) => c.id),
    now,
  );
  const codeOf = new Map(communes.map((c) => [c.id, c.code]));
  const others = sheets.filter((s) => codeOf.get(s.unitId) !== VINH_LAP);
  const rows: (typeof assessmentEntries.$inferInsert)[] = [];
  for (const sheet of others) {
    const unitCode = codeOf.get(sheet.unitId) ?? '';
    for (const leaf of leaves) {
      const appraised = demoPoints(leaf, unitCode, '2021');
      // Most units scored themselves as appraised; some a little higher on some criteria.
      const self = unit01(`self:${unitCode}:${leaf.code}`) < 0.15 ? formatDecimal(leaf.maxPoints) : appraised;
      rows.push({
        sheetId: sheet.id,
        code: leaf.code,
        selfInput: points(self),
        appraisedPoints: appraised,
        appraisalReason: self === appraised ? null : 'Tài liệu kiểm chứng chưa chứng minh đủ kết quả tự chấm',
        updatedAt: now,
      });
    }
  }
  if (rows.length > 0) await ctx.db.insert(assessmentEntries).values(rows);
  if (others.length > 0) {
    await ctx.db
      .update(assessmentSheets)
      .set({ state: 'provisional', openedAt: now, submittedAt: now, provisionalAt: now, updatedAt: now })
      .where(
        inArray(
          assessmentSheets.id,
          others.map((s) => s.id),
        ),
      );
  }
  const states: [number, number, SheetState][] = others.map((s) => [s.id, s.unitId, 'provisional']);
  await appendAudit(
    ctx.db,
    ...sheets.map((s) => ({
      at: now,
      actorUserId: appraiserId,
      unitId: s.unitId,
      entity: 'assessment_sheet',
      entityId: s.id,
      action: 'state',
      field: 'state',
      oldValue: null,
      newValue: 'draft',
      reason: demoReason,
    })),
    ...states.map(([id, unitId, state]) => ({
      at: now,
      actorUserId: appraiserId,
      unitId,
      entity: 'assessment_sheet',
      entityId: id,
      action: 'state',
      field: 'state',
      oldValue: 'draft',
      newValue: state,
      reason: demoReason,
    })),
  );

  const vinhLap = sheets.find((s) => codeOf.get(s.unitId) === VINH_LAP);
  if (!vinhLap) return;
  await notify(
    ctx.db,
    await usersOfUnits(ctx.db, [vinhLap.unitId]),
    {
      kind: 'round_opened',
      key: `round_opened:${roundId}`,
      unitId: vinhLap.unitId,
      roundId,
      sheetId: vinhLap.id,
      params: { round: name, selfDue: formatVnDate(selfDue) },
    },
    now,
  );
  const [officer] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, 'vinhlap.canbo'));
  const officerId = officer?.id ?? null;
  // Opened by the officer: the KPI criteria are pre-filled from Vĩnh Lập's 2021 registers.
  await prefillSheet(ctx, vinhLap.id, officerId);
  if (officerId === null) return;
  const fileId = await demoEvidenceFile(ctx, vinhLap.unitId, officerId);
  const prefilled = new Set(
    (await q.entriesOf(ctx.db, [vinhLap.id])).filter((e) => e.selfInput !== null).map((e) => e.code),
  );
  // The survey area (optional) is the appraiser's to merge; the unit leaves it empty.
  const optional = new Set(compiled.framework.areas.filter((a) => a.optional).map((a) => a.code));
  const manual = leaves.filter(
    (l) => !prefilled.has(l.code) && !VINH_LAP_LEFT_EMPTY.includes(l.code) && !optional.has(l.areaCode),
  );
  const audits = [];
  for (const leaf of manual) {
    const value = demoPoints(leaf, VINH_LAP, 'vinhlap-self');
    const input = points(value);
    await q.upsertEntry(ctx.db, vinhLap.id, leaf.code, { selfInput: input }, officerId, now);
    await ctx.db
      .insert(assessmentEvidence)
      .values({
        sheetId: vinhLap.id,
        code: leaf.code,
        fileId,
        stage: 'self',
        attachedBy: officerId,
        attachedAt: now,
      })
      .onConflictDoNothing();
    const entityId = `${vinhLap.id}:${leaf.code}`;
    const base = {
      at: now,
      actorUserId: officerId,
      unitId: vinhLap.unitId,
      entity: 'assessment_entry',
      entityId,
    };
    audits.push(
      { ...base, action: 'self_value', field: 'selfInput', oldValue: null, newValue: input },
      { ...base, action: 'evidence_add', field: 'self', oldValue: null, newValue: fileId },
    );
  }
  await appendAudit(ctx.db, ...audits);
}
