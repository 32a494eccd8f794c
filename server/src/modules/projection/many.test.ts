import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDecimal, lostPoints } from '#core/framework/index';
import { type Client, loginAs, setupTestApp } from '../../testing/app';
import { unitIdsByCode } from '../../testing/plans';
import { assessmentResults, assessmentRounds } from '../assessments/schema';
import { applicableFramework } from '../frameworks/service';
import { findUnitsByCodes, listChildren } from '../units/queries';
import { planTargetBand } from './dashboard';
import { engineOnLiveInputs } from './testing';

// The points at risk against the engine, the appraiser's table of every commune below
// Thanh Hà (one pass, equal to each commune's own projection), and the unit's dashboard.

const { harness, clock } = setupTestApp();
let officer: Client;
let appraiser: Client;
let ids: Record<string, number> = {};

beforeAll(async () => {
  clock.now = new Date('2021-11-22T03:00:00Z');
  officer = await loginAs(harness.app, 'vinhlap.canbo');
  appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
  ids = await unitIdsByCode(await loginAs(harness.app, 'admin'));
});

interface Projection {
  index: string;
  band: string | null;
  areas: { code: string; index: string | null }[];
  criteria: { code: string; atRisk: string; status: string }[];
  atRisk: string[];
}

interface Table {
  year: number;
  areas: { code: string; name: string }[];
  units: {
    id: number;
    code: string;
    name: string;
    total: string;
    index: string;
    band: string | null;
    complete: boolean;
    pointsAtRisk: string;
    atRiskCount: number;
    unscoredCount: number;
    areas: Record<string, string | null>;
  }[];
  withoutFramework: number;
}

describe('Vĩnh Lập’s points at risk, 2021', () => {
  it('are the points the scoring engine says the unit loses on the same inputs, largest first', async () => {
    const [unit] = await findUnitsByCodes(harness.ctx.db, ['10885']);
    if (!unit) throw new Error('no Vĩnh Lập');
    const res = await officer.get(`/api/units/${unit.id}/projection?year=2021`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<Projection>();

    const lost = lostPoints((await engineOnLiveInputs(harness.ctx, '10885', 2021)).engine);

    expect(lost.length).toBeGreaterThan(0);
    const atRisk = p.atRisk.map((code) => {
      const c = p.criteria.find((x) => x.code === code);
      return { code, lost: c?.atRisk };
    });
    // Same criteria and amounts; the order is largest first in both (ties may differ).
    expect([...atRisk].sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      lost
        .map((l) => ({ code: l.code, lost: formatDecimal(l.lost) }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    );
    const amounts = atRisk.map((a) => Number(a.lost));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });
});

describe('the appraiser’s table', () => {
  let table: Table;

  beforeAll(async () => {
    const res = await appraiser.get(`/api/units/${ids['294']}/projections?year=2021`);
    expect(res.statusCode, res.body).toBe(200);
    table = res.json<Table>();
  });

  it('has every commune below Thanh Hà, each with its projected index and band', async () => {
    const communes = await listChildren(harness.ctx.db, ids['294'] as number);
    expect(communes.length).toBeGreaterThan(10);
    expect(table.units.map((u) => u.code).sort()).toEqual(communes.map((c) => c.code).sort());
    expect(table.withoutFramework).toBe(0);
    const indexes = table.units.map((u) => Number(u.index));
    expect(indexes).toEqual([...indexes].sort((a, b) => b - a));
    expect(table.areas.length).toBeGreaterThan(5);
    for (const u of table.units) {
      expect(Object.keys(u.areas).sort()).toEqual(table.areas.map((a) => a.code).sort());
    }
  });

  it('gives every commune the same numbers as its own projection', async () => {
    expect(table.units.length).toBeGreaterThan(10);
    for (const row of table.units) {
      const res = await appraiser.get(`/api/units/${row.id}/projection?year=2021`);
      expect(res.statusCode, res.body).toBe(200);
      const own = res.json<Projection & { total: string; unscored: string[]; complete: boolean }>();
      const risk = own.atRisk.reduce(
        (sum, code) => sum + Number(own.criteria.find((c) => c.code === code)?.atRisk),
        0,
      );
      expect(row, row.name).toMatchObject({
        index: own.index,
        total: own.total,
        band: own.band,
        complete: own.complete,
        atRiskCount: own.atRisk.length,
        unscoredCount: own.unscored.length,
      });
      expect(Number(row.pointsAtRisk), row.name).toBeCloseTo(risk, 6);
      expect(own.areas.map((a) => row.areas[a.code])).toEqual(own.areas.map((a) => a.index));
    }
  });

  it('gives the province’s administrator every commune of the province, and counts the districts without a framework', async () => {
    const admin = await loginAs(harness.app, 'admin');
    const res = await admin.get(`/api/units/${ids['30']}/projections?year=2021`);
    expect(res.statusCode, res.body).toBe(200);
    const province = res.json<Table>();
    const communes = await listChildren(harness.ctx.db, ids['294'] as number);
    expect(province.units.map((u) => u.code).sort()).toEqual(communes.map((c) => c.code).sort());
    // The demo's districts are assessed by no published framework of 2021.
    const districts = await listChildren(harness.ctx.db, ids['30'] as number);
    expect(province.withoutFramework).toBe(districts.length);
  });

  it('refuses a commune user, for another unit and for their own', async () => {
    expect((await officer.get(`/api/units/${ids['294']}/projections?year=2021`)).statusCode).toBe(403);
    expect((await officer.get(`/api/units/${ids['10879']}/projections?year=2021`)).statusCode).toBe(403);
    expect((await officer.get(`/api/units/${ids['10885']}/projections?year=2021`)).statusCode).toBe(403);
  });
});

describe('the dashboard of a unit', () => {
  it('defaults to the latest year with a framework, aims at the plan’s band, and gives the path to it', async () => {
    const res = await officer.get(`/api/units/${ids['10885']}/dashboard`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<{
      years: number[];
      year: number;
      target: { band: string; source: string; quote: string | null };
      projection: Projection;
      path: { target: { band: string | null }; steps: unknown[] };
      planId: number | null;
      dueSoon: { today: string; dossiers: unknown[] };
    }>();
    expect(d.years[0]).toBe(2021);
    expect(d.year).toBe(2021);
    // The seed's plan: "… nằm trong nhóm các xã trong huyện đạt chỉ tiêu xếp hạng loại tốt".
    expect(d.target).toMatchObject({ band: 'Tốt', source: 'plan' });
    expect(d.target.quote).toMatch(/^Phấn đấu năm 2021, .*loại tốt cải cách hành chính\.$/);
    expect(d.path.target.band).toBe('Tốt');
    expect(d.planId).not.toBeNull();
    expect(d.dueSoon.today).toBe('2021-11-22');
    const own = (await officer.get(`/api/units/${ids['10885']}/projection?year=2021`)).json<Projection>();
    expect(d.projection.index).toBe(own.index);
    expect((await officer.get(`/api/units/${ids['10879']}/dashboard`)).statusCode).toBe(403);
  });

  it('reads the target band from the plan’s words, accents and case aside', () => {
    const bands = ['Tốt', 'Khá', 'Trung bình', 'Kém'];
    expect(planTargetBand(['Phấn đấu xếp loại Khá trở lên.'], bands)).toMatchObject({
      band: 'Khá',
      source: 'plan',
    });
    expect(planTargetBand(['phan dau dat loai trung binh'], bands).band).toBe('Trung bình');
    expect(planTargetBand(['Nâng cao chất lượng phục vụ tốt hơn.'], bands)).toEqual({
      band: 'Tốt',
      source: 'default',
      quote: null,
    });
    expect(planTargetBand([], ['Xuất sắc', 'Đạt']).band).toBe('Xuất sắc');
  });
});

describe('last year’s final results beside the projection', () => {
  /** unit code → its latest published 2020 result, as stored. */
  const stored = new Map<string, { index: string; rank: number | null; area1: string | null }>();

  beforeAll(async () => {
    // A published 2020 round of Thanh Hà (the demo's, or one made here) with results for
    // Vĩnh Lập and Thanh Hồng at least, as the assessments module stores them.
    const db = harness.ctx.db;
    const [unit] = await findUnitsByCodes(db, ['10885']);
    if (!unit) throw new Error('no Vĩnh Lập');
    const framework = await applicableFramework(harness.ctx, unit, 2021);
    if (!framework) throw new Error('no framework');
    const publishedAt = new Date('2021-03-15T03:00:00Z');
    const owner = ids['294'] as number;
    let [round] = await db
      .select({ id: assessmentRounds.id })
      .from(assessmentRounds)
      .where(and(eq(assessmentRounds.ownerUnitId, owner), eq(assessmentRounds.year, 2020)));
    if (!round) {
      [round] = await db
        .insert(assessmentRounds)
        .values({
          ownerUnitId: owner,
          frameworkId: framework.id,
          year: 2020,
          level: 'commune',
          name: 'Thẩm định Chỉ số CCHC cấp xã năm 2020',
          selfDue: '2021-01-15',
          appraisalDue: '2021-02-15',
          explanationFrom: '2021-02-16',
          explanationTo: '2021-02-28',
          publishedAt,
        })
        .returning({ id: assessmentRounds.id });
    }
    if (!round) throw new Error('no round');
    const roundId = round.id;
    const existing = await db
      .select({ unitId: assessmentResults.unitId })
      .from(assessmentResults)
      .where(eq(assessmentResults.year, 2020));
    const has = new Set(existing.map((r) => r.unitId));
    const result = (code: string, index: string, rank: number, areaIndex: string) => ({
      roundId,
      unitId: ids[code] as number,
      year: 2020,
      version: 1,
      total: index,
      maxPoints: '100',
      index,
      band: 'Khá',
      rank,
      areas: [
        { code: '1', name: 'Công tác chỉ đạo điều hành CCHC', points: '10', max: '14', index: areaIndex },
      ],
      nodePoints: { '1': '10' },
      publishedAt,
    });
    const missing = [result('10885', '84.5', 2, '71.43'), result('10879', '86.25', 1, '80')].filter(
      (r) => !has.has(r.unitId),
    );
    if (missing.length > 0) await db.insert(assessmentResults).values(missing);

    const rows = await db
      .select({
        unitId: assessmentResults.unitId,
        version: assessmentResults.version,
        index: assessmentResults.index,
        rank: assessmentResults.rank,
        areas: assessmentResults.areas,
      })
      .from(assessmentResults)
      .where(eq(assessmentResults.year, 2020))
      .orderBy(assessmentResults.version);
    const codeOf = new Map(Object.entries(ids).map(([code, id]) => [id, code]));
    for (const r of rows) {
      const areas = (Array.isArray(r.areas) ? r.areas : []) as { code?: string; index?: string | null }[];
      stored.set(codeOf.get(r.unitId) ?? '', {
        index: String(r.index),
        rank: r.rank,
        area1: areas.find((a) => a.code === '1')?.index ?? null,
      });
    }
  });

  it('gives the appraiser’s table last year’s rank and index, and nothing for a unit without a result', async () => {
    const table = (await appraiser.get(`/api/units/${ids['294']}/projections?year=2021`)).json<{
      units: { code: string; lastYear: { year: number; index: string; rank: number | null } | null }[];
    }>();
    expect(stored.has('10885') && stored.has('10879')).toBe(true);
    for (const u of table.units) {
      const s = stored.get(u.code);
      if (!s) {
        expect(u.lastYear).toBeNull();
        continue;
      }
      expect(u.lastYear).toMatchObject({ year: 2020, rank: s.rank });
      expect(Number(u.lastYear?.index)).toBe(Number(s.index));
    }
  });

  it('puts last year’s component index beside this year’s on the dashboard', async () => {
    const d = (await officer.get(`/api/units/${ids['10885']}/dashboard?year=2021`)).json<{
      lastYear: { year: number; rank: number | null; areas: Record<string, string | null> } | null;
    }>();
    const s = stored.get('10885');
    expect(d.lastYear).toMatchObject({ year: 2020, rank: s?.rank });
    expect(Number(d.lastYear?.areas['1'])).toBe(Number(s?.area1));
  });
});
