import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, setupTestApp } from '../../testing/app';
import { entryOf, ok, PDF, roundOfYear, sheet } from './testing';

// Evidence of a criterion: recognised by its content, stopped while it streams when it is
// too large, stored under DATA_DIR/files by hash, streamed back only to those who may see it.

const dataDir = mkdtempSync(join(tmpdir(), 'chiso-evidence-'));
const { harness } = setupTestApp({ config: { DATA_DIR: dataDir, MAX_UPLOAD_MB: '0.05' } });

/** Every stored file under DATA_DIR/files (the temporary folder included). */
function storedFiles(): string[] {
  const root = join(dataDir, 'files');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else out.push(join(dir, entry.name));
    }
  };
  try {
    walk(root);
  } catch {
    return [];
  }
  return out.sort();
}

let officer: Client;
let appraiser: Client;
let sheetId = 0;
const url = (code: string) => `/api/assessment-sheets/${sheetId}/entries/${code}/evidence`;

beforeAll(async () => {
  officer = await loginAs(harness.app, 'vinhlap.canbo');
  appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
  sheetId = (await roundOfYear(officer, 2021)).mySheetId ?? 0;
});

describe('evidence of a criterion', () => {
  it('refuses an .exe renamed .pdf, and keeps nothing of it', async () => {
    const before = storedFiles();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(2000, 0x41)]);
    const res = await officer.upload(url('1.1.1'), 'ke-hoach.pdf', exe);
    expect(res.statusCode).toBe(415);
    expect(res.json<{ code: string }>().code).toBe('files.badType');
    expect(storedFiles()).toEqual(before);
    expect(entryOf(await sheet(officer, sheetId), '1.1.1').files).toEqual([]);
  });

  it('stops an upload over MAX_UPLOAD_MB and leaves no file behind', async () => {
    const before = storedFiles();
    const big = Buffer.concat([PDF.subarray(0, 9), Buffer.alloc(200 * 1024, 0x20)]);
    const res = await officer.upload(url('1.1.1'), 'bien-ban-lon.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json<{ code: string }>().code).toBe('common.tooLarge');
    expect(storedFiles()).toEqual(before);
  });

  it('stores a real PDF by its hash and streams it back to the unit and its appraiser only', async () => {
    const file = await ok<{ id: number; mime: string; stage: string }>(
      officer.upload(url('1.1.1'), 'Kế hoạch CCHC 2021.pdf', PDF),
      201,
    );
    expect(file).toMatchObject({ mime: 'application/pdf', stage: 'self' });
    expect(storedFiles().filter((f) => !f.includes(`${join('files', 'tmp')}`)).length).toBeGreaterThan(0);
    const mine = await officer.get(`/api/files/${file.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.headers['x-content-type-options']).toBe('nosniff');
    expect(mine.rawPayload.equals(PDF)).toBe(true);
    expect((await appraiser.get(`/api/files/${file.id}`)).statusCode).toBe(200);
    expect((await harness.app.inject({ method: 'GET', url: `/api/files/${file.id}` })).statusCode).toBe(401);
    // Another commune's user may not fetch it.
    const admin = await loginAs(harness.app, 'admin');
    const units = (await admin.get('/api/units')).json<{ units: { id: number; code: string }[] }>().units;
    const thanhXa = units.find((u) => u.code === '10852')?.id;
    await admin.send('POST', '/api/users', {
      username: 'thanhxa.ev',
      fullName: 'Cán bộ Thanh Xá',
      unitId: thanhXa,
      roles: ['unit_officer'],
      password: 'mat-khau-dau',
    });
    const other = await loginAs(harness.app, 'thanhxa.ev', 'mat-khau-dau');
    expect((await other.get(`/api/files/${file.id}`)).statusCode).toBe(403);
    // Nor attach it to its own sheet.
    const otherSheet = (await roundOfYear(other, 2021)).mySheetId;
    const linked = await other.send(
      'POST',
      `/api/assessment-sheets/${otherSheet}/entries/1.1.1/evidence/link`,
      {
        fileId: file.id,
      },
    );
    expect(linked.statusCode).toBe(403);
    expect(linked.json<{ code: string }>().code).toBe('assessments.fileNotOfUnit');
  });

  it('takes uploads only from the unit’s own officers, and only while the state allows', async () => {
    expect((await appraiser.upload(url('1.1.1'), 'a.pdf', PDF)).statusCode).toBe(403);
    const s = await ok(
      officer.send(
        'DELETE',
        `${url('1.1.1')}/${entryOf(await sheet(officer, sheetId), '1.1.1').files[0]?.id}`,
      ),
    );
    expect(entryOf(s, '1.1.1').files).toEqual([]);
    expect((await officer.upload(url('9.9'), 'a.pdf', PDF)).statusCode).toBe(404);
  });
});
