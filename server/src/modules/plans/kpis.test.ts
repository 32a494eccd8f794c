import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { periodArb, planTasksArb } from '#core/kpi/arbitraries';
import { planTasksDoneRate } from '#core/kpi/index';
import { VINH_LAP_2021 } from '../../demo/ke-hoach-vinh-lap-2021';
import { setupTestApp } from '../../testing/app';
import { findUnitsByCodes } from '../units/queries';
import { findUserIdByUsername } from '../users/queries';
import { PLAN_KPI_KEYS, taskKpisForUnits } from './kpis';
import { insertPlan, insertTasks } from './queries';
import { planTasks } from './schema';

// The server counts the plan KPIs in SQL; the reference is `planTasksDoneRate` in core.
// Random task registers, with every edge case of a due date with or without a time,
// must give the same numerator and denominator both ways.

const { harness } = setupTestApp();
let planId: number;
let unitId: number;
let otherUnitId: number;

beforeAll(async () => {
  const [unit, other] = await findUnitsByCodes(harness.ctx.db, ['10852', '10879']);
  unitId = unit?.id as number;
  otherUnitId = other?.id as number;
  const admin = (await findUserIdByUsername(harness.ctx.db, 'admin')) as number;
  planId = await insertPlan(
    harness.ctx.db,
    { ...VINH_LAP_2021, unitId, year: 2030, createdBy: admin },
    new Date(),
  );
});

describe('taskKpisForUnits', () => {
  it('equals planTasksDoneRate on random tasks and periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        periodArb.chain((period) =>
          planTasksArb(period, { maxLength: 25 }).map((tasks) => ({ period, tasks })),
        ),
        async ({ period, tasks }) => {
          await harness.ctx.db.delete(planTasks).where(eq(planTasks.planId, planId));
          await insertTasks(
            harness.ctx.db,
            planId,
            unitId,
            tasks.map((t) => ({
              kind: t.kind,
              title: t.title,
              areaKey: null,
              criteriaCodes: [],
              assigneeId: null,
              responsibleUnit: null,
              startDate: null,
              dueAt: new Date(t.dueAt),
              dueHasTime: t.dueHasTime,
              status: t.doneAt ? 'done' : 'todo',
              progress: t.doneAt ? 100 : 0,
              doneAt: t.doneAt ? new Date(t.doneAt) : null,
              doneHasTime: t.doneHasTime,
              doneRecordedBy: null,
              resultNote: null,
              pointsAtStake: null,
            })),
            new Date(),
          );
          const server = (await taskKpisForUnits(harness.ctx, [unitId, otherUnitId], period)).get(unitId);
          for (const key of PLAN_KPI_KEYS) {
            expect(server?.[key]).toEqual(planTasksDoneRate(key, tasks, period).result);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives every plan KPI, with no data, for a unit without tasks', async () => {
    const kpis = (
      await taskKpisForUnits(harness.ctx, [otherUnitId], { from: '2021-01-01', to: '2021-12-31' })
    ).get(otherUnitId);
    expect(Object.keys(kpis ?? {}).sort()).toEqual([...PLAN_KPI_KEYS].sort());
    expect(kpis?.plan_tasks_done_rate).toEqual({ value: null, numerator: 0, denominator: 0 });
  });
});
