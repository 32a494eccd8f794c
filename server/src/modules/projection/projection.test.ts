import { beforeAll, describe, expect, it } from 'vitest';
import { formatDecimal } from '#core/framework/index';
import { type Client, loginAs, setupTestApp } from '../../testing/app';
import { findUnitsByCodes } from '../units/queries';
import { engineOnLiveInputs } from './testing';

const { harness, clock } = setupTestApp();

interface Criterion {
  code: string;
  kpi: string | null;
  status: string;
  points: string | null;
  max: string;
  atRisk: string;
  message: { vi: string };
}
interface Projection {
  total: string;
  index: string;
  band: string | null;
  areas: { code: string; points: string | null; max: string; index: string | null }[];
  criteria: Criterion[];
  atRisk: string[];
}

let officer: Client;
let appraiser: Client;
let vinhLapId = 0;
let thanhHongId = 0;

beforeAll(async () => {
  clock.now = new Date('2021-11-20T03:00:00Z');
  officer = await loginAs(harness.app, 'vinhlap.canbo');
  appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
  const units = await findUnitsByCodes(harness.ctx.db, ['10885', '10879']);
  vinhLapId = units.find((u) => u.code === '10885')?.id ?? 0;
  thanhHongId = units.find((u) => u.code === '10879')?.id ?? 0;
});

const projection = async (client: Client = officer, unitId = vinhLapId) => {
  const res = await client.get(`/api/units/${unitId}/projection?year=2021`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Projection>();
};
const criterion = (p: Projection, code: string) => {
  const c = p.criteria.find((x) => x.code === code);
  if (!c) throw new Error(`no criterion ${code}`);
  return c;
};

describe('the projected index of Vĩnh Lập, 2021', () => {
  it('equals what the scoring engine gives for the same live KPIs and self-assessment values', async () => {
    const p = await projection();
    const { engine } = await engineOnLiveInputs(harness.ctx, '10885', 2021);
    expect(p.total).toBe(formatDecimal(engine.total));
    expect(p.index).toBe(formatDecimal(engine.index));
    expect(p.areas.map((a) => a.points)).toEqual(
      engine.areas.map((a) => (a.points === null ? null : formatDecimal(a.points))),
    );
  });

  it('marks KPIs without data for scoring by hand and manual criteria as not yet scored', async () => {
    const p = await projection();
    expect(criterion(p, '8.1')).toMatchObject({ kpi: 'satisfaction_index', status: 'no_data', points: null });
    expect(criterion(p, '2.1').status).toBe('not_scored');
  });

  it('lists points at risk largest first, with the records that would recover them', async () => {
    const p = await projection();
    const risks = p.atRisk.map((code) => Number(criterion(p, code).atRisk));
    expect(risks.length).toBeGreaterThan(0);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    const apology = criterion(p, '3.4');
    expect(apology).toMatchObject({ kpi: 'late_dossiers_without_apology', status: 'at_risk' });
    expect(apology.message.vi).toMatch(/xin lỗi/);
  });

  it('changes the points of the nguong criterion on documents_signed_rate when a month is edited', async () => {
    const before = criterion(await projection(), '7.3');
    expect(before).toMatchObject({ status: 'at_risk', points: '2' });
    const months = (
      await officer.get(`/api/units/${vinhLapId}/document-stats?from=2021-01-01&to=2021-12-31`)
    ).json<{ items: { id: number; incomingTotal: number; outgoingTotal: number }[] }>().items;
    expect(months.length).toBe(12);
    for (const m of months) {
      const res = await officer.send('PATCH', `/api/units/${vinhLapId}/document-stats/${m.id}`, {
        incomingSigned: m.incomingTotal,
        outgoingSigned: m.outgoingTotal,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(criterion(await projection(), '7.3')).toMatchObject({ status: 'earned', points: '3' });
  });

  it('raises the plan-completion criterion (nguong on plan_tasks_done_rate) as tasks are done on time', async () => {
    const before = criterion(await projection(), '1.2');
    const plans = (await officer.get(`/api/plans?unitId=${vinhLapId}`)).json<{
      plans: { id: number; year: number }[];
    }>().plans;
    const plan = plans.find((x) => x.year === 2021);
    const tasks = (await officer.get(`/api/plans/${plan?.id}/tasks`)).json<{
      tasks: { id: number; kind: string; status: string; dueAt: string }[];
    }>().tasks;
    // Mid-January 2022: every open 2021 task can now be recorded as done on its due day.
    clock.now = new Date('2022-01-15T03:00:00Z');
    officer = await loginAs(harness.app, 'vinhlap.canbo');
    appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
    const open = tasks.filter((t) => t.kind === 'plan' && t.status !== 'done');
    expect(open.length).toBeGreaterThan(0);
    for (const t of open) {
      const due = new Date(new Date(t.dueAt).getTime() + 7 * 3600_000);
      const done = `${String(due.getUTCDate()).padStart(2, '0')}/${String(due.getUTCMonth() + 1).padStart(2, '0')}/2021`;
      const res = await officer.send('PATCH', `/api/tasks/${t.id}`, { status: 'done', done });
      expect(res.statusCode, res.body).toBe(200);
    }
    const after = criterion(await projection(), '1.2');
    expect(Number(after.points)).toBeGreaterThan(Number(before.points));
    // Two tasks of the demo were done late, so the rate stays under 100 %: the 80 % level (1 point).
    expect(after).toMatchObject({ status: 'at_risk', points: '1' });
  });
});

describe('path to target and access', () => {
  it('finds the improvements that reach Tốt, or says how close the best set gets', async () => {
    const res = await officer.get(
      `/api/units/${vinhLapId}/path-to-target?year=2021&band=${encodeURIComponent('Tốt')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const path = res.json<{
      reached: boolean;
      steps: { code: string }[];
      to: { index: string };
      shortBy: string | null;
    }>();
    if (path.reached) expect(Number(path.to.index)).toBeGreaterThanOrEqual(90);
    else expect(Number(path.shortBy)).toBeGreaterThan(0);
    expect(path.steps.length).toBeGreaterThan(0);
    const bad = await officer.get(`/api/units/${vinhLapId}/path-to-target?year=2021&band=Xuất sắc`);
    expect(bad.statusCode).toBe(400);
  });

  it('refuses another commune (403), and answers the district appraiser', async () => {
    expect((await officer.get(`/api/units/${thanhHongId}/projection?year=2021`)).statusCode).toBe(403);
    expect((await appraiser.get(`/api/units/${thanhHongId}/projection?year=2021`)).statusCode).toBe(200);
    expect((await officer.get(`/api/units/${vinhLapId}/projection?year=2035`)).statusCode).toBe(404);
  });
});
