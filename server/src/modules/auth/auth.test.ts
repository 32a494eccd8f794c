import { describe, expect, it } from 'vitest';
import { loginAs, setupTestApp } from '../../testing/app';

const { harness, clock } = setupTestApp();

const login = (username: string, password: string, ip = '10.0.0.1') =>
  harness.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

describe('login', () => {
  it('signs in with a demo account and sets an httpOnly SameSite=Lax session cookie', async () => {
    const res = await login('vinhlap.canbo', 'chiso-demo');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ user: { username: string; unit: { name: string } }; csrfToken: string }>();
    expect(body.user.username).toBe('vinhlap.canbo');
    expect(body.user.unit.name).toBe('Xã Vĩnh Lập');
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const cookie = res.cookies.find((c) => c.name === 'chiso_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  it('accepts the username in any case', async () => {
    expect((await login('VinhLap.CanBo', 'chiso-demo')).statusCode).toBe(200);
  });

  it('refuses a wrong password with a Vietnamese message', async () => {
    const res = await login('vinhlap.chutich', 'sai-mat-khau', '10.0.0.2');
    expect(res.statusCode).toBe(401);
    expect(res.json<{ message: string }>().message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('locks an account after 5 failures, even for the right password, then frees it after 15 minutes', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('thanhha.thamdinh', 'wrong', `10.1.0.${i}`)).statusCode).toBe(401);
    const locked = await login('thanhha.thamdinh', 'chiso-demo', '10.1.0.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json<{ message: string }>().message).toMatch(/thử lại sau \d+ phút/);
    clock.now = new Date(clock.now.getTime() + 16 * 60_000);
    expect((await login('thanhha.thamdinh', 'chiso-demo', '10.1.0.99')).statusCode).toBe(200);
  });

  it('limits failures per address across accounts', async () => {
    for (let i = 0; i < 20; i++) await login(`khong-ton-tai-${i}`, 'x', '10.9.9.9');
    expect((await login('admin', 'chiso-demo', '10.9.9.9')).statusCode).toBe(429);
    expect((await login('admin', 'chiso-demo', '10.9.9.10')).statusCode).toBe(200);
  });
});

describe('session', () => {
  it('returns the user and the CSRF token; 401 without a cookie', async () => {
    const client = await loginAs(harness.app, 'vinhlap.chutich');
    const res = await client.get('/api/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ csrfToken: string }>().csrfToken).toBe(client.csrfToken);
    expect((await harness.app.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });

  it('refuses a state-changing request with a session cookie but no or a wrong CSRF header', async () => {
    const client = await loginAs(harness.app, 'admin');
    const body = { code: 'CSRF-1', name: 'Xã Thử', level: 'commune', parentId: null };
    const without = await harness.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: client.cookie },
      payload: body,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json<{ code: string }>().code).toBe('auth.csrf');
    const wrong = await harness.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: client.cookie, 'x-csrf-token': 'not-the-token' },
      payload: body,
    });
    expect(wrong.statusCode).toBe(403);
    const units = await client.get('/api/units?q=csrf-1');
    expect(units.json<{ units: unknown[] }>().units).toHaveLength(0);
  });

  it('logs out: the cookie no longer works', async () => {
    const client = await loginAs(harness.app, 'vinhlap.canbo');
    expect((await client.send('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('expires a session left unused longer than its lifetime', async () => {
    const client = await loginAs(harness.app, 'vinhlap.canbo');
    clock.now = new Date(clock.now.getTime() + 9 * 3600_000);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });
});

describe('change password', () => {
  it('requires the current password, signs out the other sessions and accepts the new password', async () => {
    const a = await loginAs(harness.app, 'vinhlap.chutich');
    const b = await loginAs(harness.app, 'vinhlap.chutich');
    const wrong = await a.send('POST', '/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'mat-khau-moi-1',
    });
    expect(wrong.statusCode).toBe(400);
    const short = await a.send('POST', '/api/auth/password', {
      currentPassword: 'chiso-demo',
      newPassword: 'ngan',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json<{ message: string }>().message).toContain('ít nhất 8 ký tự');
    const ok = await a.send('POST', '/api/auth/password', {
      currentPassword: 'chiso-demo',
      newPassword: 'mat-khau-moi-1',
    });
    expect(ok.statusCode).toBe(204);
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
    expect((await b.get('/api/auth/session')).statusCode).toBe(401);
    expect((await login('vinhlap.chutich', 'chiso-demo', '10.3.0.1')).statusCode).toBe(401);
    expect((await login('vinhlap.chutich', 'mat-khau-moi-1', '10.3.0.1')).statusCode).toBe(200);
  });
});
