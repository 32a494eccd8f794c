import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, setupTestApp } from '../../testing/app';

const { harness } = setupTestApp();
let admin: Client;
const unitIds: Record<string, number> = {};

beforeAll(async () => {
  admin = await loginAs(harness.app, 'admin');
  for (const u of (await admin.get('/api/units')).json<{ units: { id: number; code: string }[] }>().units)
    unitIds[u.code] = u.id;
});

interface User {
  id: number;
  username: string;
  roles: string[];
  active: boolean;
  unitName: string;
}

describe('users (admin page)', () => {
  it('lists the demo accounts with their units', async () => {
    const users = (await admin.get('/api/users')).json<{ users: User[] }>().users;
    expect(users.map((u) => u.username).sort()).toEqual([
      'admin',
      'thanhha.thamdinh',
      'vinhlap.canbo',
      'vinhlap.chutich',
    ]);
    expect(users.find((u) => u.username === 'vinhlap.canbo')?.unitName).toBe('Xã Vĩnh Lập');
  });

  it('creates a user who can then sign in, and resets a password, which signs the user out', async () => {
    const created = await admin.send('POST', '/api/users', {
      username: 'Thanhxa.CanBo',
      fullName: 'Lê Văn Cán Bộ',
      unitId: unitIds['10852'],
      roles: ['unit_officer'],
      password: 'mat-khau-dau',
    });
    expect(created.statusCode).toBe(201);
    const user = created.json<User>();
    expect(user.username).toBe('thanhxa.canbo');
    const session = await loginAs(harness.app, 'thanhxa.canbo', 'mat-khau-dau');
    expect(
      (await session.get('/api/units')).json<{ units: { name: string }[] }>().units.map((u) => u.name),
    ).toEqual(['Xã Thanh Xá']);

    const reset = await admin.send('PATCH', `/api/users/${user.id}`, { password: 'mat-khau-moi' });
    expect(reset.statusCode).toBe(200);
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
    await loginAs(harness.app, 'thanhxa.canbo', 'mat-khau-moi');
  });

  it('locks a user out at once when deactivated', async () => {
    const created = (
      await admin.send('POST', '/api/users', {
        username: 'tam.thoi',
        fullName: 'Tạm Thời',
        unitId: unitIds['10885'],
        roles: ['viewer'],
        password: 'mat-khau-dau',
      })
    ).json<User>();
    const session = await loginAs(harness.app, 'tam.thoi', 'mat-khau-dau');
    await admin.send('PATCH', `/api/users/${created.id}`, { active: false });
    expect((await session.get('/api/units')).statusCode).toBe(401);
    const again = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'tam.thoi', password: 'mat-khau-dau' },
    });
    expect(again.statusCode).toBe(401);
  });

  it('refuses a duplicate username, a short password and a role outside the list', async () => {
    const base = { fullName: 'X', unitId: unitIds['10885'], roles: ['viewer'], password: 'mat-khau-dau' };
    expect((await admin.send('POST', '/api/users', { ...base, username: 'admin' })).statusCode).toBe(409);
    expect(
      (await admin.send('POST', '/api/users', { ...base, username: 'ngan', password: 'abc' })).statusCode,
    ).toBe(400);
    const badRole = await admin.send('POST', '/api/users', { ...base, username: 'vai.tro', roles: ['king'] });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json<{ errors: { field: string }[] }>().errors[0]?.field).toContain('roles');
  });

  it('lets only admins manage users, and only inside their subtree', async () => {
    const appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
    expect((await appraiser.get('/api/users')).statusCode).toBe(403);
    const officer = await loginAs(harness.app, 'vinhlap.canbo');
    const me = (await officer.get('/api/auth/session')).json<{ user: { id: number } }>().user.id;
    expect((await officer.send('PATCH', `/api/users/${me}`, { roles: ['admin'] })).statusCode).toBe(403);
  });

  it('does not let an admin lock themselves out', async () => {
    const me = (await admin.get('/api/auth/session')).json<{ user: { id: number } }>().user.id;
    expect((await admin.send('PATCH', `/api/users/${me}`, { active: false })).statusCode).toBe(400);
    expect((await admin.send('PATCH', `/api/users/${me}`, { roles: ['viewer'] })).statusCode).toBe(400);
  });
});
