import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type KpiResult, kpiDefinition, meetsTarget } from '#core/kpi/index';
import { queryRows } from '../db/client';
import { kpisForUnits } from '../modules/kpis/service';
import { loginAs, setupTestApp } from '../testing/app';
import { unitIdOf } from '../testing/units';
import { seedDemo } from './seed';

// The demo's registers: Vĩnh Lập's 2021 at a commune's real size, with green and red on
// the KPI page (issue 7), the same on every run.

const { harness } = setupTestApp();
const YEAR_2021 = { from: '2021-01-01', to: '2021-12-31' };

async function vinhLap2021() {
  const id = await unitIdOf(harness, '10885');
  const reading = (await kpisForUnits(harness.ctx, [id], YEAR_2021)).get(id);
  if (!reading) throw new Error('no reading');
  return reading.results;
}

const meets = (key: keyof Awaited<ReturnType<typeof vinhLap2021>>, r: KpiResult) => {
  const target = kpiDefinition(key).target;
  return target ? meetsTarget(r, target) : null;
};

describe('demo registers of Vĩnh Lập, 2021', () => {
  it('are at a commune’s real size', async () => {
    const k = await vinhLap2021();
    expect(k.dossiers_received).toMatchObject({ value: expect.any(Number) });
    const received = 'value' in k.dossiers_received ? k.dossiers_received.value : 0;
    expect(received).toBeGreaterThan(1800);
    expect(received).toBeLessThan(2300);
  });

  it('show electronic documents just above 50% and signed documents below 70%', async () => {
    const k = await vinhLap2021();
    const electronic = k.documents_electronic_rate;
    const signed = k.documents_signed_rate;
    expect(meets('documents_electronic_rate', electronic)).toBe(true);
    expect(electronic.value).toBeLessThan(52);
    expect(meets('documents_signed_rate', signed)).toBe(false);
    expect(signed.value).toBeGreaterThan(60);
  });

  it('have some late dossiers without an apology, and others that are green', async () => {
    const k = await vinhLap2021();
    expect(k.late_dossiers_without_apology.value).toBeGreaterThan(0);
    expect(meets('late_dossiers_without_apology', k.late_dossiers_without_apology)).toBe(false);
    expect(meets('officials_with_email_rate', k.officials_with_email_rate)).toBe(true);
    expect(meets('reports_on_time_rate', k.reports_on_time_rate)).toBe(true);
  });

  it('change nothing when the demo is loaded again', async () => {
    const count = async () =>
      (
        await queryRows<{ n: number; changed: string | null }>(
          harness.ctx.db,
          sql`select count(*)::int as n, max(updated_at)::text as changed from dossiers`,
        )
      )[0];
    const before = await count();
    await seedDemo({ ...harness.ctx, now: () => new Date('2030-01-01T00:00:00Z') });
    expect(await count()).toEqual(before);
  });

  it('offer the years they span to the KPI page, for the commune and for its district', async () => {
    const officer = await loginAs(harness.app, 'vinhlap.canbo');
    const appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
    const vinhLap = await unitIdOf(harness, '10885');
    const district = await unitIdOf(harness, '294');
    expect((await officer.get(`/api/units/${vinhLap}/kpis/years`)).json()).toEqual({ years: [2021, 2020] });
    expect((await appraiser.get(`/api/units/${district}/kpis/years`)).json()).toEqual({
      years: [2021, 2020],
    });
  });
});
