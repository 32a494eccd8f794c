import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, multipart, setupTestApp } from '../../testing/app';
import { unitIdOf } from '../../testing/units';

// API tokens: made by an administrator for one unit, shown once, stored hashed,
// revocable, last use shown; accepted only on the register-writing routes that opt in,
// and only for their own unit.

const { harness, clock } = setupTestApp();
let admin: Client;
let officer: Client;
let vinhLap: number;
let thanhHong: number;
let token: string;
let tokenId: number;

const SAMPLE = readFileSync(new URL('../../../../docs/mau/ho-so-mau.csv', import.meta.url));
const dossier = {
  applicant: null,
  procedureName: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  channel: 'Trực tuyến',
  received: '2021-05-04T08:00+07:00',
  due: '2021-05-06',
  result: null,
  apologyDate: null,
};

const bearer = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  t = token,
) =>
  harness.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${t}` },
    ...(payload ? { payload } : {}),
  });

function bearerUpload(url: string, content: Buffer | string, t = token) {
  const { payload, contentType } = multipart('ho-so.csv', content);
  return harness.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${t}`, 'content-type': contentType },
    payload,
  });
}

beforeAll(async () => {
  admin = await loginAs(harness.app, 'admin');
  officer = await loginAs(harness.app, 'vinhlap.canbo');
  vinhLap = await unitIdOf(harness, '10885');
  thanhHong = await unitIdOf(harness, '10879');
});

describe('making and listing tokens', () => {
  it('is for administrators only', async () => {
    const res = await officer.send('POST', `/api/units/${vinhLap}/api-tokens`, { name: 'Một cửa' });
    expect(res.statusCode).toBe(403);
    expect((await officer.get(`/api/units/${vinhLap}/api-tokens`)).statusCode).toBe(403);
  });

  it('shows the token once, then only its prefix, with who made it and no use yet', async () => {
    const res = await admin.send('POST', `/api/units/${vinhLap}/api-tokens`, { name: 'Hệ thống một cửa' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ token: string; apiToken: { id: number; prefix: string } }>();
    token = created.token;
    tokenId = created.apiToken.id;
    expect(token).toMatch(/^chiso_[\w-]{43}$/);
    const list = (await admin.get(`/api/units/${vinhLap}/api-tokens`)).body;
    expect(list).not.toContain(token);
    expect(JSON.parse(list).tokens[0]).toMatchObject({
      name: 'Hệ thống một cửa',
      prefix: token.slice(0, 12),
      createdBy: 'Quản trị hệ thống',
      lastUsedAt: null,
      revokedAt: null,
    });
  });
});

describe('a token made for Vĩnh Lập', () => {
  it("writes Vĩnh Lập's dossiers by upsert and by import, without a CSRF header", async () => {
    const put = await bearer('PUT', `/api/units/${vinhLap}/dossiers/API-0001`, dossier);
    expect(put.statusCode, put.body).toBe(201);
    expect((await bearer('PUT', `/api/units/${vinhLap}/dossiers/API-0001`, dossier)).statusCode).toBe(200);
    const imported = await bearerUpload(`/api/units/${vinhLap}/dossiers/import`, SAMPLE);
    expect(imported.statusCode, imported.body).toBe(200);
  });

  it('records when and from where it was last used', async () => {
    const [listed] = (await admin.get(`/api/units/${vinhLap}/api-tokens`)).json<{
      tokens: { lastUsedAt: string | null; lastUsedIp: string | null }[];
    }>().tokens;
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(listed?.lastUsedIp).toBe('127.0.0.1');
  });

  it("cannot read or write another commune's registers (403)", async () => {
    expect((await bearer('PUT', `/api/units/${thanhHong}/dossiers/API-0001`, dossier)).statusCode).toBe(403);
    expect((await bearerUpload(`/api/units/${thanhHong}/dossiers/import`, SAMPLE)).statusCode).toBe(403);
    expect(
      (await bearerUpload(`/api/units/${thanhHong}/officials/import`, 'Họ và tên\nA\n')).statusCode,
    ).toBe(403);
    expect((await bearer('GET', `/api/units/${thanhHong}/dossiers`)).statusCode).toBe(403);
    expect(
      (await bearer('GET', `/api/units/${thanhHong}/kpis?from=2021-01-01&to=2021-01-31`)).statusCode,
    ).toBe(403);
    expect((await bearer('PUT', `/api/units/999999/dossiers/API-0001`, dossier)).statusCode).toBe(403);
  });

  it('cannot call any other route, even for Vĩnh Lập', async () => {
    const others: [string, () => ReturnType<typeof bearer>][] = [
      ['list dossiers', () => bearer('GET', `/api/units/${vinhLap}/dossiers`)],
      ['export', () => bearer('GET', `/api/units/${vinhLap}/dossiers/export.xlsx`)],
      ['add by form', () => bearer('POST', `/api/units/${vinhLap}/dossiers`, { ...dossier, code: 'API-2' })],
      ['edit', () => bearer('PATCH', `/api/units/${vinhLap}/dossiers/1`, {})],
      ['delete', () => bearer('DELETE', `/api/units/${vinhLap}/dossiers/1`)],
      ['KPIs', () => bearer('GET', `/api/units/${vinhLap}/kpis?from=2021-01-01&to=2021-01-31`)],
      ['units', () => bearer('GET', '/api/units')],
      ['unit', () => bearer('GET', `/api/units/${vinhLap}`)],
      ['users', () => bearer('GET', '/api/users')],
      ['session', () => bearer('GET', '/api/auth/session')],
      ['tokens', () => bearer('GET', `/api/units/${vinhLap}/api-tokens`)],
      ['new token', () => bearer('POST', `/api/units/${vinhLap}/api-tokens`, { name: 'x' })],
      ['health', () => bearer('GET', '/api/health')],
    ];
    for (const [label, call] of others) {
      const res = await call();
      expect(res.statusCode, label).toBe(403);
      expect(res.json<{ code: string }>().code, label).toBe('auth.tokenNotAllowed');
    }
  });

  it('is refused (401) once revoked, and a made-up token is refused too', async () => {
    expect(
      (await bearer('PUT', `/api/units/${vinhLap}/dossiers/API-0001`, dossier, 'chiso_made-up')).statusCode,
    ).toBe(401);
    expect(
      (await bearer('PUT', `/api/units/${vinhLap}/dossiers/API-0001`, dossier, 'nonsense')).statusCode,
    ).toBe(401);
    clock.now = new Date(clock.now.getTime() + 1000);
    expect((await admin.send('DELETE', `/api/units/${vinhLap}/api-tokens/${tokenId}`)).statusCode).toBe(204);
    const res = await bearer('PUT', `/api/units/${vinhLap}/dossiers/API-0001`, dossier);
    expect(res.statusCode).toBe(401);
    expect(res.json<{ message: string }>().message).toContain('đã bị thu hồi');
    const [listed] = (await admin.get(`/api/units/${vinhLap}/api-tokens`)).json<{
      tokens: { revokedAt: string | null }[];
    }>().tokens;
    expect(listed?.revokedAt).not.toBeNull();
  });
});

describe('the OpenAPI document', () => {
  it('describes the Bearer token and the routes that accept it', async () => {
    const doc = (await harness.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
    }>();
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    const withToken = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.security?.some((s) => 'apiToken' in s))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(withToken).toContain('PUT /api/units/{unitId}/dossiers/{code}');
    expect(withToken).toContain('POST /api/units/{unitId}/dossiers/import');
    expect(withToken).toHaveLength(8);
  });
});
