import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '#core/assessment/sha256';
import type { Io } from '../../cli/io';
import { main } from '../../cli/main';
import { openPglite, queryRows } from '../../db/client';
import { type Client, loginAs, setupTestApp, testConfig } from '../../testing/app';
import { runAuditVerify, verifyAndReport } from './cli';
import { type AuditInput, appendAudit, nodeSha256, verifyAuditChain } from './service';

const { harness } = setupTestApp();

function capture(): Io & { text: () => string } {
  let text = '';
  return { out: (t) => (text += t), err: (t) => (text += t), cwd: '/', text: () => text };
}

const entry = (i: number): AuditInput => ({
  at: new Date(Date.UTC(2021, 11, 1, 0, 0, i)),
  actorUserId: null,
  unitId: null,
  entity: 'test',
  entityId: `e${i}`,
  action: 'set',
  field: 'points',
  oldValue: i === 0 ? null : String(i - 1),
  newValue: { points: String(i), list: [1, 2.5, 'ba'], nested: { b: true, a: null } },
  reason: i % 2 === 0 ? `Lý do ${i}` : null,
});

let admin: Client;
let appraiser: Client;

beforeAll(async () => {
  admin = await loginAs(harness.app, 'admin');
  appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
});

describe('the audit log', () => {
  it('node:crypto and the pure hasher give the same digests', () => {
    for (const text of ['', 'abc', 'Vĩnh Lập — 8,5 điểm', '{"a":[1,2]}'.repeat(100)]) {
      expect(nodeSha256(text)).toBe(sha256Hex(text));
    }
  });

  it('appends inside the caller transaction, and a rollback leaves nothing', async () => {
    const before = await verifyAuditChain(harness.ctx.db);
    expect(before.ok).toBe(true);
    await harness.ctx.db
      .transaction(async (tx) => {
        await appendAudit(tx, entry(100));
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await verifyAuditChain(harness.ctx.db)).toEqual(before);
  });

  it('keeps a linear chain when many transactions append at once', async () => {
    const start = (await verifyAuditChain(harness.ctx.db)).count;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        harness.ctx.db.transaction(async (tx) => {
          await appendAudit(tx, entry(i), entry(i + 50));
        }),
      ),
    );
    const [last] = await queryRows<{ hash: string }>(
      harness.ctx.db,
      sql`select hash from audit_log order by id desc limit 1`,
    );
    expect(await verifyAuditChain(harness.ctx.db)).toEqual({
      ok: true,
      count: start + 24,
      lastHash: last?.hash,
    });
    const io = capture();
    expect(await verifyAndReport(harness.ctx.db, io)).toBe(0);
    expect(io.text()).toContain(`${start + 24} mục`);
    // The last hash is printed, to be kept elsewhere: it reveals entries deleted from the end.
    expect(io.text()).toContain(`${last?.hash}`);
  });

  it('is reported intact to an admin only', async () => {
    const res = await admin.get('/api/audit/verify');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
    expect((await appraiser.get('/api/audit/verify')).statusCode).toBe(403);
    expect((await appraiser.get('/api/audit')).statusCode).toBe(403);
    expect((await harness.app.inject({ method: 'GET', url: '/api/audit/verify' })).statusCode).toBe(401);
    const list = await admin.get('/api/audit?entity=test&limit=5');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<{ items: { id: number; newValue: { points: string } }[] }>().items;
    expect(items).toHaveLength(5);
    expect(items[0]?.id).toBeGreaterThan(items[1]?.id ?? 0);
  });

  it('names the row changed directly in the database, in the API and on the command line', async () => {
    const [target] =
      (await harness.ctx.db
        .execute(sql`select id from audit_log where entity = 'test' order by id limit 1 offset 5`)
        .then((r) => (r as unknown as { rows: { id: string | number }[] }).rows)) ?? [];
    const id = Number(target?.id);
    await harness.ctx.db.execute(
      sql`update audit_log set new_value = jsonb_set(new_value, '{points}', '"9"') where id = ${id}`,
    );
    expect(await verifyAuditChain(harness.ctx.db)).toMatchObject({ ok: false, brokenAt: id, reason: 'hash' });
    const res = await admin.get('/api/audit/verify');
    expect(res.json()).toMatchObject({ ok: false, brokenAt: id });
    const io = capture();
    expect(await verifyAndReport(harness.ctx.db, io)).toBe(1);
    expect(io.text()).toContain(`#${id}`);
  });
});

describe('npx chiso audit verify', () => {
  it('reads the PGlite data directory, says intact, then names the row changed in the database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chiso-audit-cli-'));
    const config = testConfig({ DATA_DIR: dataDir });
    const database = await openPglite(join(dataDir, 'db'));
    await database.migrate();
    await database.db.transaction(async (tx) => {
      await appendAudit(tx, entry(1), entry(2), entry(3));
    });
    await database.close();

    const intact = capture();
    expect(await runAuditVerify([], intact, config)).toBe(0);
    expect(intact.text()).toContain('nguyên vẹn: 3 mục');

    const again = await openPglite(join(dataDir, 'db'));
    await again.db.execute(sql`update audit_log set reason = 'sửa lén' where id = 2`);
    await again.close();
    const broken = capture();
    expect(await runAuditVerify([], broken, config)).toBe(1);
    expect(broken.text()).toContain('#2');

    const usage = capture();
    expect(await main(['audit', 'verify', '--help'], usage)).toBe(0);
    expect(usage.text()).toContain('chiso audit verify');
    expect(await main(['audit', 'verify', '--lạ'], capture())).toBe(2);
  });
});
