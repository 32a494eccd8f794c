import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { leavesOf } from '#core/assessment/index';
import { buildInputs, formatDecimal, scoreUnit } from '#core/framework/index';
import { toKpiValue } from '#core/projection/index';
import { yearPeriod } from '#core/time/index';
import { type Client, loginAs, setupTestApp } from '../../testing/app';
import { liveKpisForUnits } from '../projection/live-kpis';
import { compiledFramework } from './access';
import { assessmentEntries, assessmentSheets } from './schema';
import { entryOf, ok, roundOfYear, sheet } from './testing';

// Issue 8: when a unit first opens its self-assessment, every criterion that reads a KPI is
// filled from the registers of the round's year, with the numbers behind it kept as its
// evidence; the officer may change such a value only with a reason, which the appraiser sees.

const { harness } = setupTestApp();

let officer: Client;
let appraiser: Client;
let sheetId = 0;
let unitId = 0;

beforeAll(async () => {
  officer = await loginAs(harness.app, 'vinhlap.canbo');
  appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
  sheetId = (await roundOfYear(officer, 2021)).mySheetId ?? 0;
  const [row] = await harness.ctx.db
    .select({ unitId: assessmentSheets.unitId })
    .from(assessmentSheets)
    .where(eq(assessmentSheets.id, sheetId));
  unitId = row?.unitId ?? 0;
  // As it stood before anyone of Vĩnh Lập opened it: no entries.
  await harness.ctx.db.delete(assessmentEntries).where(eq(assessmentEntries.sheetId, sheetId));
  await harness.ctx.db.execute(sql`update assessment_sheets set opened_at = null where id = ${sheetId}`);
});

describe('the KPI pre-fill of a self-assessment', () => {
  it('is not made when the appraiser looks first', async () => {
    const s = await sheet(appraiser, sheetId);
    expect(s.openedAt).toBeNull();
    expect(s.entries.every((e) => e.prefill === null)).toBe(true);
  });

  it('fills every KPI criterion from the registers of the year, as the scoring engine scores them', async () => {
    const s = await sheet(officer, sheetId);
    expect(s.openedAt).not.toBeNull();
    const framework = await compiledFramework(harness.ctx.db, s.round.frameworkId);
    const live = (await liveKpisForUnits(harness.ctx, [unitId], yearPeriod(2021))).get(unitId) ?? {};
    const kpis = Object.fromEntries(
      Object.entries(live).map(([k, v]) => {
        const value = v === null ? null : toKpiValue(v);
        return [k, value === 'bad' ? null : value];
      }),
    );
    const engine = scoreUnit(framework, buildInputs(framework, { kpis }).inputs);
    const kpiLeaves = leavesOf(framework.framework).filter((l) => l.kpi);
    expect(kpiLeaves.length).toBeGreaterThan(10);
    for (const leaf of kpiLeaves) {
      const entry = entryOf(s, leaf.code);
      const reading = live[leaf.kpi as string] ?? null;
      expect(entry.prefill, leaf.code).toMatchObject({
        kpi: leaf.kpi,
        period: { from: '2021-01-01', to: '2021-12-31' },
      });
      expect(entry.overridden).toBe(false);
      if (reading === null) {
        // No data (the survey): left for a person to score.
        expect(entry.input, leaf.code).toBeNull();
        expect(entry.prefill?.value).toBeNull();
        continue;
      }
      if ('denominator' in reading) {
        expect(entry.prefill).toMatchObject({
          numerator: reading.numerator,
          denominator: reading.denominator,
        });
        expect(entry.input).toEqual({
          kind: 'rate',
          numerator: reading.numerator,
          denominator: reading.denominator,
        });
      } else {
        expect(entry.input).toEqual({ kind: 'count', count: reading.value });
        expect(entry.prefill?.value).toBe(String(reading.value));
      }
      const node = engine.nodes.find((n) => n.code === leaf.code);
      const points = node?.points === null || node?.points === undefined ? null : formatDecimal(node.points);
      expect([leaf.code, entry.selfPoints, entry.prefill?.points]).toEqual([leaf.code, points, points]);
    }
    // The snapshot is the evidence: no KPI criterion asks for a file.
    expect(
      s.problems.filter((p) => kpiLeaves.some((l) => l.code === p.code) && p.kind === 'missing_evidence'),
    ).toEqual([]);
  });

  it('is made once: opening again changes nothing', async () => {
    const first = await sheet(officer, sheetId);
    const again = await sheet(officer, sheetId);
    expect(again.openedAt).toBe(first.openedAt);
    expect(again.entries.map((e) => e.prefill?.computedAt)).toEqual(
      first.entries.map((e) => e.prefill?.computedAt),
    );
  });

  it('lets the officer override a pre-filled value only with a reason, which the appraiser sees', async () => {
    const before = entryOf(await sheet(officer, sheetId), '3.3');
    expect(before.input?.kind).toBe('rate');
    const refused = await officer.send('PUT', `/api/assessment-sheets/${sheetId}/entries/3.3`, {
      input: { kind: 'points', points: '6' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ code: string }>().code).toBe('assessments.overrideReasonRequired');
    const blank = await officer.send('PUT', `/api/assessment-sheets/${sheetId}/entries/3.3`, {
      input: { kind: 'points', points: '6' },
      overrideReason: '   ',
    });
    expect(blank.statusCode).toBe(400);
    const reason = 'Hệ thống một cửa ghi nhầm 3 hồ sơ trễ hẹn do lỗi đồng bộ (công văn 12/VP)';
    const s = await ok(
      officer.send('PUT', `/api/assessment-sheets/${sheetId}/entries/3.3`, {
        input: { kind: 'points', points: '6' },
        overrideReason: reason,
      }),
    );
    expect(entryOf(s, '3.3')).toMatchObject({ overridden: true, overrideReason: reason, selfPoints: '6' });
    // Overridden, the snapshot no longer proves the value: a file is needed.
    expect(entryOf(s, '3.3').problems.map((p) => p.kind)).toEqual(['missing_evidence']);

    const seen = entryOf(await sheet(appraiser, sheetId), '3.3');
    expect(seen).toMatchObject({
      overridden: true,
      overrideReason: reason,
      input: { kind: 'points', points: '6' },
    });
    expect(seen.prefill).toEqual(before.prefill);

    // Back to the registers' value: no reason needed, none kept.
    const back = await ok(
      officer.send('PUT', `/api/assessment-sheets/${sheetId}/entries/3.3`, { input: before.input }),
    );
    expect(entryOf(back, '3.3')).toMatchObject({ overridden: false, overrideReason: null });
  });

  it('records the pre-fill and the override in the audit log', async () => {
    const history = await ok<{ items: { action: string; entityId: string; reason: string | null }[] }>(
      appraiser.get(`/api/assessment-sheets/${sheetId}/history`),
    );
    expect(history.items.some((i) => i.action === 'prefill' && i.entityId === `${sheetId}:3.3`)).toBe(true);
    const override = history.items.find(
      (i) => i.action === 'self_value' && i.entityId === `${sheetId}:3.3` && i.reason,
    );
    expect(override?.reason).toMatch(/đồng bộ/);
  });
});
