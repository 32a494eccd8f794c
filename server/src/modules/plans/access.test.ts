import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, setupTestApp } from '../../testing/app';
import { demoPlanId, otherCommuneOfficer, TINY_PDF, unitIdsByCode } from '../../testing/plans';

// Every plan route, for every kind of user: the session (401), the unit subtree (403 for
// another commune) and the role (403 for those who may read but not write).

const { harness } = setupTestApp({ config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'chiso-access-')) } });

type Who = 'anonymous' | 'officer' | 'head' | 'viewer' | 'otherCommune' | 'appraiser' | 'admin';
const clients = {} as Record<Exclude<Who, 'anonymous'>, Client>;
let planId: number;
let taskId: number;
let fileId: number;
let vinhLap: number;

interface Call {
  name: string;
  run(client: Client | null): Promise<{ statusCode: number }>;
}

function request(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: () => string,
  body?: () => unknown,
): Call['run'] {
  return (client) => {
    if (!client)
      return harness.app.inject({ method, url: url(), ...(body ? { payload: body() as object } : {}) });
    return method === 'GET' ? client.get(url()) : client.send(method, url(), body?.());
  };
}

const reads: Call[] = [
  { name: 'GET /plans?unitId', run: request('GET', () => `/api/plans?unitId=${vinhLap}`) },
  { name: 'GET /plans/:id', run: request('GET', () => `/api/plans/${planId}`) },
  { name: 'GET /plans/:id/tasks', run: request('GET', () => `/api/plans/${planId}/tasks`) },
  { name: 'GET /plans/:id/amendments', run: request('GET', () => `/api/plans/${planId}/amendments`) },
  { name: 'GET /plans/:id/assignees', run: request('GET', () => `/api/plans/${planId}/assignees`) },
  { name: 'GET /plans/:id/export.docx', run: request('GET', () => `/api/plans/${planId}/export.docx`) },
  {
    name: 'GET /plans/:id/tasks/export.xlsx',
    run: request('GET', () => `/api/plans/${planId}/tasks/export.xlsx`),
  },
  { name: 'GET /tasks/:id', run: request('GET', () => `/api/tasks/${taskId}`) },
  { name: 'GET /files/:id', run: request('GET', () => `/api/files/${fileId}`) },
];

const writes: Call[] = [
  {
    name: 'POST /plans',
    run: request(
      'POST',
      () => '/api/plans',
      () => ({ unitId: vinhLap, year: 2030 }),
    ),
  },
  {
    name: 'POST /plans/:id/issue',
    run: request(
      'POST',
      () => `/api/plans/${planId}/issue`,
      () => ({ number: '1', issuedDate: '01/01/2021' }),
    ),
  },
  {
    name: 'POST /plans/:id/tasks',
    run: request(
      'POST',
      () => `/api/plans/${planId}/tasks`,
      () => ({
        kind: 'plan',
        title: 'Thử quyền',
        areaKey: null,
        criteriaCodes: [],
        assigneeId: null,
        responsibleUnit: null,
        startDate: null,
        due: '31/12/2021',
        status: 'todo',
        progress: 0,
        done: null,
        resultNote: null,
      }),
    ),
  },
  {
    name: 'PATCH /tasks/:id',
    run: request(
      'PATCH',
      () => `/api/tasks/${taskId}`,
      () => ({ progress: 10 }),
    ),
  },
  { name: 'DELETE /tasks/:id', run: request('DELETE', () => `/api/tasks/${taskId}?reason=th%E1%BB%AD`) },
  {
    name: 'DELETE /tasks/:id/files/:fileId',
    run: request('DELETE', () => `/api/tasks/${taskId}/files/${fileId}`),
  },
  {
    name: 'POST /plans/:id/tasks/from-lost-points',
    run: request(
      'POST',
      () => `/api/plans/${planId}/tasks/from-lost-points`,
      () => ({ criteria: [] }),
    ),
  },
  {
    name: 'POST /tasks/:id/files',
    run: (client) =>
      client
        ? client.upload(`/api/tasks/${taskId}/files`, 'a.pdf', TINY_PDF)
        : harness.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/files` }),
  },
  {
    name: 'POST /plans/:id/tasks/import',
    run: (client) =>
      client
        ? client.upload(
            `/api/plans/${planId}/tasks/import`,
            'a.csv',
            'Nhiệm vụ,Hạn hoàn thành\nThử,31/12/2021\n',
          )
        : harness.app.inject({ method: 'POST', url: `/api/plans/${planId}/tasks/import` }),
  },
];

beforeAll(async () => {
  const admin = await loginAs(harness.app, 'admin');
  const ids = await unitIdsByCode(admin);
  vinhLap = ids['10885'] as number;
  await admin.send('POST', '/api/users', {
    username: 'vinhlap.xem',
    fullName: 'Người Xem',
    unitId: vinhLap,
    roles: ['viewer'],
    password: 'mat-khau-dau',
  });
  Object.assign(clients, {
    officer: await loginAs(harness.app, 'vinhlap.canbo'),
    head: await loginAs(harness.app, 'vinhlap.chutich'),
    viewer: await loginAs(harness.app, 'vinhlap.xem', 'mat-khau-dau'),
    otherCommune: await otherCommuneOfficer(harness.app, admin, ids['10852'] as number),
    appraiser: await loginAs(harness.app, 'thanhha.thamdinh'),
    admin,
  });
  planId = await demoPlanId(clients.officer, vinhLap);
  const tasks = (await clients.officer.get(`/api/plans/${planId}/tasks`)).json<{ tasks: { id: number }[] }>()
    .tasks;
  taskId = tasks[0]?.id as number;
  const uploaded = await clients.officer.upload(`/api/tasks/${taskId}/files`, 'kiem-chung.pdf', TINY_PDF);
  fileId = uploaded.json<{ files: { id: number }[] }>().files[0]?.id as number;
});

const clientOf = (who: Who) => (who === 'anonymous' ? null : clients[who]);

describe('reading a plan', () => {
  const allowed: Who[] = ['officer', 'head', 'viewer', 'appraiser', 'admin'];
  it.each(reads)(
    '$name: own unit and the levels above it may read; another commune 403; no session 401',
    async (call) => {
      for (const who of allowed)
        expect([who, (await call.run(clientOf(who))).statusCode]).toEqual([who, 200]);
      expect((await call.run(clients.otherCommune)).statusCode).toBe(403);
      expect((await call.run(null)).statusCode).toBe(401);
    },
  );
});

describe('changing a plan', () => {
  const refused: Who[] = ['viewer', 'otherCommune', 'appraiser', 'admin'];
  it.each(writes)(
    '$name: only the unit’s own officers and head; others 403; no session 401',
    async (call) => {
      for (const who of refused)
        expect([who, (await call.run(clientOf(who))).statusCode]).toEqual([who, 403]);
      expect((await call.run(null)).statusCode).toBe(401);
    },
  );

  it('lets the officer do the officer’s part, and keeps issuing and amending for the head', async () => {
    expect(
      (await clients.officer.send('PATCH', `/api/tasks/${taskId}`, { progress: 10 })).statusCode,
    ).not.toBe(403);
    expect((await clients.officer.send('DELETE', `/api/tasks/${taskId}?reason=x`)).statusCode).toBe(403);
    expect(
      (
        await clients.officer.send('POST', `/api/plans/${planId}/issue`, {
          number: '1',
          issuedDate: '01/01/2021',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await clients.head.send('POST', `/api/plans/${planId}/issue`, {
          number: '1',
          issuedDate: '01/01/2021',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('shows another commune nothing of Vĩnh Lập through "my tasks"', async () => {
    const res = await clients.otherCommune.get('/api/tasks/mine');
    expect(res.json<{ tasks: unknown[] }>().tasks).toEqual([]);
  });
});
