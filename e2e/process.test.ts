import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runToExit, type ServerProcess, startServer, tempDataDir } from './server-process';

const started: ServerProcess[] = [];
const databases: string[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
  for (const name of databases) await adminQuery(`drop database if exists ${name} with (force)`);
});

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An empty database on the test server, so the server's first start seeds the demo there. */
async function freshPostgresDatabase(url: string): Promise<string> {
  const name = `chiso_e2e_${Date.now().toString(36)}`;
  await adminQuery(`create database ${name}`);
  databases.push(name);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

describe('the server process', () => {
  it('refuses a second process on the same data directory; the first keeps working', async () => {
    const dataDir = inject('dataDir');
    const second = await runToExit({ DATA_DIR: dataDir });
    expect(second.code).not.toBe(0);
    expect(second.output).toContain('đang được tiến trình ChiSo khác');
    const health = await fetch(`${inject('baseUrl')}/api/health`);
    expect(health.status).toBe(200);
  });

  it('starts with DEMO=0 on an empty directory and asks for the first administrator', async () => {
    const server = await startServer({ DATA_DIR: tempDataDir(), DEMO: '0' });
    started.push(server);
    expect(server.output()).toContain('để tạo quản trị viên đầu tiên');
    const setup = await (await fetch(`${server.url}/api/setup`)).json();
    expect(setup).toEqual({ needsSetup: true, demo: false });
  });

  it('never creates demo accounts in production', async () => {
    const server = await startServer({ DATA_DIR: tempDataDir(), NODE_ENV: 'production' });
    started.push(server);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'chiso-demo' }),
    });
    expect(login.status).toBe(401);
    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needsSetup: true, demo: false });
  });

  it('exits with a clear message when the configuration is invalid', async () => {
    const result = await runToExit({ DATA_DIR: tempDataDir(), PORT: 'abc' });
    expect(result.code).toBe(2);
    expect(result.output).toContain('Cấu hình không hợp lệ');
    expect(result.output).toContain('PORT');
  });

  it('keeps every acknowledged write when the process is killed', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ DATA_DIR: dataDir });
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'chiso-demo' }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const units = (await (
      await fetch(`${first.url}/api/units?q=thanh ha`, { headers: { cookie } })
    ).json()) as {
      units: { id: number; code: string }[];
    };
    const district = units.units.find((u) => u.code === '294');
    const created = await fetch(`${first.url}/api/units`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({
        code: 'KILL-1',
        name: 'Xã Sau Sự Cố',
        level: 'commune',
        parentId: district?.id,
      }),
    });
    expect(created.status).toBe(201);
    first.child.kill('SIGKILL');
    await first.stop();

    const second = await startServer({ DATA_DIR: dataDir });
    started.push(second);
    const again = await fetch(`${second.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'chiso-demo' }),
    });
    const cookie2 = again.headers.get('set-cookie')?.split(';')[0] ?? '';
    const found = (await (
      await fetch(`${second.url}/api/units?q=sau su co`, { headers: { cookie: cookie2 } })
    ).json()) as {
      units: { code: string }[];
    };
    expect(found.units.map((u) => u.code)).toEqual(['KILL-1']);
  });

  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    it('runs on PostgreSQL when DATABASE_URL is set', async () => {
      const server = await startServer({
        DATA_DIR: tempDataDir(),
        DATABASE_URL: await freshPostgresDatabase(pgUrl),
      });
      started.push(server);
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { engine: string };
      expect(health.engine).toBe('postgres');
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'vinhlap.canbo', password: 'chiso-demo' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
      const units = (await (await fetch(`${server.url}/api/units`, { headers: { cookie } })).json()) as {
        units: { name: string }[];
      };
      expect(units.units.map((u) => u.name)).toEqual(['Xã Vĩnh Lập']);
    });
  }
});
