import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { orderParentsFirst, parseUnitRows } from '#core/unit-import';
import type { Role } from '#core/units';
import type { AppContext } from '../context';
import { readTable } from '../lib/table-file';
import { hashPassword } from '../modules/auth/password';
import { findUnitsByCodes, insertUnit, updateUnitFields } from '../modules/units/queries';
import { users } from '../modules/users/schema';
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

/** Steps of the demo data, in order; each module that owns demo data adds its step here. */
export const demoSteps: { name: string; run(ctx: AppContext): Promise<void> }[] = [
  { name: 'units', run: seedUnits },
  { name: 'accounts', run: seedAccounts },
  { name: 'registers', run: seedRegisters },
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
