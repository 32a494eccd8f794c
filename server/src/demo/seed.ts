import { readFileSync } from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { dateMoment } from '#core/time/index';
import { orderParentsFirst, parseUnitRows } from '#core/unit-import';
import type { Role } from '#core/units';
import type { AppContext } from '../context';
import { readTable } from '../lib/table-file';
import { hashPassword } from '../modules/auth/password';
import { seedDemoFramework } from '../modules/frameworks/demo';
import { insertPlan, insertTasks, markIssued } from '../modules/plans/queries';
import { plans } from '../modules/plans/schema';
import { findUnitsByCodes, insertUnit, updateUnitFields } from '../modules/units/queries';
import { users } from '../modules/users/schema';
import { seedAssessments } from './assessments';
import { VINH_LAP_2021, VINH_LAP_2021_TASKS } from './ke-hoach-vinh-lap-2021';
import { seedRegisters } from './registers';

export const DEMO_PASSWORD = 'chiso-demo';

/** The 2021 tree: Hải Dương → Thanh Hà → Vĩnh Lập; Thanh Quang's unknown code is given a local one. */
const UNITS_FILE = new URL('./don-vi-hai-duong-2021.csv', import.meta.url);

export const DEMO_ACCOUNTS: {
  username: string;
  fullName: string;
  unitCode: string;
  roles: Role[];
  label: string;
}[] = [
  {
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    unitCode: '30',
    roles: ['admin'],
    label: 'quản trị viên, Tỉnh Hải Dương',
  },
  {
    username: 'thanhha.thamdinh',
    fullName: 'Nguyễn Thị Thẩm Định',
    unitCode: '294',
    roles: ['appraiser'],
    label: 'thẩm định, Phòng Nội vụ huyện Thanh Hà',
  },
  {
    username: 'vinhlap.chutich',
    fullName: 'Phạm Văn Chủ Tịch',
    unitCode: '10885',
    roles: ['unit_head'],
    label: 'Chủ tịch UBND xã Vĩnh Lập',
  },
  {
    username: 'vinhlap.canbo',
    fullName: 'Trần Thị Cán Bộ',
    unitCode: '10885',
    roles: ['unit_officer'],
    label: 'công chức Văn phòng - Thống kê xã Vĩnh Lập',
  },
];

async function seedUnits(ctx: AppContext): Promise<void> {
  const table = await readTable(readFileSync(UNITS_FILE), 'csv');
  const { records, errors } = parseUnitRows(table.header.cells, table.rows, () => undefined);
  if (errors.length > 0) throw new Error(`demo unit list is invalid: ${JSON.stringify(errors)}`);
  const known = new Map(
    (
      await findUnitsByCodes(
        ctx.db,
        records.map((r) => r.code),
      )
    ).map((u) => [u.code, u]),
  );
  for (const r of orderParentsFirst(records)) {
    const existing = known.get(r.code);
    if (existing) {
      await updateUnitFields(ctx.db, existing.id, { name: r.name, level: r.level, active: true }, ctx.now());
      continue;
    }
    const parent = r.parentCode ? known.get(r.parentCode) : undefined;
    const { id, path } = await insertUnit(ctx.db, {
      code: r.code,
      name: r.name,
      level: r.level,
      parentId: parent?.id ?? null,
      parentPath: parent?.path ?? '/',
    });
    known.set(r.code, {
      id,
      path,
      code: r.code,
      name: r.name,
      level: r.level,
      parentId: parent?.id ?? null,
      active: true,
    });
  }
}

async function seedAccounts(ctx: AppContext): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const unitsByCode = new Map(
    (
      await findUnitsByCodes(
        ctx.db,
        DEMO_ACCOUNTS.map((a) => a.unitCode),
      )
    ).map((u) => [u.code, u]),
  );
  for (const account of DEMO_ACCOUNTS) {
    const unit = unitsByCode.get(account.unitCode);
    if (!unit) throw new Error(`demo unit ${account.unitCode} missing`);
    const values = {
      fullName: account.fullName,
      unitId: unit.id,
      roles: account.roles,
      passwordHash,
      active: true,
    };
    await ctx.db
      .insert(users)
      .values({ username: account.username, ...values })
      .onConflictDoUpdate({ target: users.username, set: { ...values, updatedAt: ctx.now() } });
  }
}

/**
 * Vĩnh Lập's 2021 plan from the seed, issued on 08/04/2021, with its tasks as they stood
 * on 15/11/2021. Run again, it replaces the demo plan (and its tasks) with a fresh copy.
 */
async function seedVinhLapPlan(ctx: AppContext): Promise<void> {
  const [unit] = await findUnitsByCodes(ctx.db, ['10885']);
  if (!unit) throw new Error('demo unit 10885 (Vĩnh Lập) missing');
  const people = await ctx.db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, ['vinhlap.canbo', 'vinhlap.chutich']));
  const idOf = (username: string) => {
    const person = people.find((p) => p.username === username);
    if (!person) throw new Error(`demo account ${username} missing`);
    return person.id;
  };
  await ctx.db.delete(plans).where(and(eq(plans.unitId, unit.id), eq(plans.year, 2021)));
  const issuedAt = new Date('2021-04-08T02:00:00Z');
  const planId = await insertPlan(
    ctx.db,
    { ...VINH_LAP_2021, unitId: unit.id, year: 2021, createdBy: idOf('vinhlap.canbo') },
    issuedAt,
  );
  await markIssued(
    ctx.db,
    planId,
    { number: VINH_LAP_2021.number, issuedDate: '2021-04-08', issuedBy: idOf('vinhlap.chutich') },
    issuedAt,
  );
  await insertTasks(
    ctx.db,
    planId,
    unit.id,
    VINH_LAP_2021_TASKS.map((t) => {
      const done = t.done ? dateMoment(t.done) : null;
      const assigneeId = t.assignee ? idOf(t.assignee) : null;
      return {
        kind: t.kind,
        title: t.title,
        areaKey: t.area,
        criteriaCodes: t.criteria,
        assigneeId,
        responsibleUnit: t.responsibleUnit,
        startDate: t.start,
        dueAt: new Date(dateMoment(t.due).at),
        dueHasTime: false,
        status: t.status,
        progress: t.status === 'done' ? 100 : (t.progress ?? 0),
        doneAt: done ? new Date(done.at) : null,
        doneHasTime: false,
        doneRecordedBy: done ? (assigneeId ?? idOf('vinhlap.canbo')) : null,
        resultNote: t.result ?? null,
        pointsAtStake: null,
      };
    }),
    new Date('2021-11-15T03:00:00Z'),
  );
}

/** Steps of the demo data, in order; each module that owns demo data adds its step here. */
export const demoSteps: { name: string; run(ctx: AppContext): Promise<void> }[] = [
  { name: 'units', run: seedUnits },
  { name: 'accounts', run: seedAccounts },
  { name: 'framework', run: seedDemoFramework },
  { name: 'plan Vĩnh Lập 2021', run: seedVinhLapPlan },
  { name: 'registers', run: seedRegisters },
  { name: 'assessments 2020 (published) and 2021 (open)', run: seedAssessments },
];

/**
 * Loads the demo data. Idempotent: run again, it restores the demo units and accounts
 * (passwords included) without duplicating anything. Never in production.
 */
export async function seedDemo(ctx: AppContext): Promise<void> {
  if (ctx.config.env === 'production') throw new Error('Không tạo dữ liệu mẫu khi NODE_ENV=production.');
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    for (const step of demoSteps) await step.run(txCtx);
  });
}

export async function hasDemoAccounts(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'vinhlap.canbo'));
  return row !== undefined;
}

export function demoAccountsBanner(): string[] {
  const lines = DEMO_ACCOUNTS.map((a) => `    ${a.username.padEnd(18)} ${DEMO_PASSWORD}   (${a.label})`);
  return ['  Tài khoản dùng thử (demo accounts):', ...lines];
}
