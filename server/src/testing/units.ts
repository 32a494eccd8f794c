import type { Role } from '#core/units';
import { DEMO_PASSWORD } from '../demo/seed';
import { hashPassword } from '../modules/auth/password';
import { findUnitsByCodes, insertUnit } from '../modules/units/queries';
import { users } from '../modules/users/schema';
import { type Client, loginAs, type TestHarness } from './app';

/** A new commune under Thanh Hà with empty registers, so a test owns all its records. */
export async function newCommune(
  harness: TestHarness,
  code: string,
  name = `Xã Thử ${code}`,
): Promise<number> {
  const [district] = await findUnitsByCodes(harness.ctx.db, ['294']);
  if (!district) throw new Error('demo district 294 missing');
  const { id } = await insertUnit(harness.ctx.db, {
    code,
    name,
    level: 'commune',
    parentId: district.id,
    parentPath: district.path,
  });
  return id;
}

/** Signs in as a new user of the unit with the given role. */
export async function userOf(
  harness: TestHarness,
  unitId: number,
  username: string,
  role: Role = 'unit_officer',
): Promise<Client> {
  await harness.ctx.db.insert(users).values({
    username,
    fullName: `Người dùng ${username}`,
    unitId,
    roles: [role],
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  return loginAs(harness.app, username);
}

/** The id of a demo unit by its code. */
export async function unitIdOf(harness: TestHarness, code: string): Promise<number> {
  const [unit] = await findUnitsByCodes(harness.ctx.db, [code]);
  if (!unit) throw new Error(`unit ${code} missing`);
  return unit.id;
}
