import { describe, expect, it } from 'vitest';
import { loginAs, setupTestApp } from '../../testing/app';

const { harness } = setupTestApp({ demo: false });

const firstRun = {
  unit: { code: '30', name: 'Tỉnh Hải Dương', level: 'province' },
  admin: { username: 'quantri', fullName: 'Quản Trị', password: 'mat-khau-manh' },
};

describe('first run without demo data', () => {
  it('has no users and asks for the first administrator', async () => {
    const res = await harness.app.inject({ method: 'GET', url: '/api/setup' });
    expect(res.json()).toEqual({ needsSetup: true, demo: false });
  });

  it('creates the top unit and the first admin once; a second attempt is refused', async () => {
    const res = await harness.app.inject({ method: 'POST', url: '/api/setup', payload: firstRun });
    expect(res.statusCode).toBe(201);
    const admin = await loginAs(harness.app, 'quantri', 'mat-khau-manh');
    const units = (await admin.get('/api/units')).json<{ units: { name: string }[] }>().units;
    expect(units.map((u) => u.name)).toEqual(['Tỉnh Hải Dương']);

    const again = await harness.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...firstRun, admin: { ...firstRun.admin, username: 'kexau' } },
    });
    expect(again.statusCode).toBe(409);
    expect((await harness.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      needsSetup: false,
      demo: false,
    });
  });
});
