import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/app';
import { testEngine } from '../../testing/db';

const { harness } = setupTestApp({ demo: false });

describe('health and API documentation', () => {
  it('reports the database engine and the last migration, without a session', async () => {
    const res = await harness.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ engine: string; migration: { tag: string; count: number } }>();
    expect(body.engine).toBe(testEngine());
    expect(body.migration.count).toBeGreaterThan(0);
    expect(body.migration.tag).toMatch(/^\d{4}_/);
  });

  it('serves the OpenAPI document at /api/docs, marking public routes as such', async () => {
    const ui = await harness.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
    const doc = (await harness.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/units']?.get).toBeDefined();
    expect(doc.paths['/api/auth/login']?.post?.security).toEqual([]);
    expect(doc.paths['/api/units']?.get?.security).toBeUndefined();
  });

  it('tells an anonymous caller nothing about routes that do not exist', async () => {
    const res = await harness.app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(res.statusCode).toBe(401);
  });
});
