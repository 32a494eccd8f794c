import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import type { AppContext } from '../context';
import type { Database } from '../db/client';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed';
import type { App } from '../http/types';
import { freshDatabase } from './db';

export interface TestHarness {
  app: App;
  ctx: AppContext;
  database: Database;
}

export interface Client {
  csrfToken: string;
  cookie: string;
  get(url: string): Promise<Response>;
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<Response>;
  upload(url: string, filename: string, content: Buffer | string): Promise<Response>;
}

interface Response {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  rawPayload: Buffer;
  json<T = unknown>(): T;
}

export function testConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/tmp/chiso-test-unused',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}

/**
 * One app on one fresh database for a whole test file, with the demo data loaded.
 * `now` can be moved by tests that need time to pass.
 */
export function setupTestApp(options: { demo?: boolean; config?: Record<string, string> } = {}) {
  const harness = {} as TestHarness;
  const clock = { now: new Date() };
  beforeAll(async () => {
    harness.database = await freshDatabase();
    harness.ctx = {
      db: harness.database.db,
      engine: harness.database.engine,
      config: testConfig(options.config),
      now: () => clock.now,
    };
    if (options.demo !== false) await seedDemo(harness.ctx);
    harness.app = await buildApp(harness.ctx);
    await harness.app.ready();
  });
  afterAll(async () => {
    await harness.app?.close();
    await harness.database?.close();
  });
  return { harness, clock };
}

export function multipart(filename: string, content: Buffer | string) {
  const boundary = `----chiso${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([
    Buffer.from(head),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Signs in through the real login route and returns a client that sends the cookie and CSRF header. */
export async function loginAs(app: App, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = res.json<{ csrfToken: string }>();
  const headers = { cookie, 'x-csrf-token': csrfToken };
  return {
    csrfToken,
    cookie,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    send: (method, url, body) =>
      app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) }),
    upload: (url, filename, content) => {
      const { payload, contentType } = multipart(filename, content);
      return app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': contentType },
        payload,
      });
    },
  };
}
