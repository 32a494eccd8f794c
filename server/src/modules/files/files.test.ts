import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, setupTestApp } from '../../testing/app';
import { demoPlanId, otherCommuneOfficer, TINY_PDF, unitIdsByCode } from '../../testing/plans';

const dataDir = mkdtempSync(join(tmpdir(), 'chiso-files-'));
// 50 KB: small enough to overflow cheaply, large enough for the files below.
const { harness } = setupTestApp({ config: { DATA_DIR: dataDir, MAX_UPLOAD_MB: '0.05' } });

let officer: Client;
let other: Client;
let appraiser: Client;
let taskId: number;

/** Every file under DATA_DIR/files, temporary ones included. */
function storedFiles(): string[] {
  const root = join(dataDir, 'files');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

beforeAll(async () => {
  const admin = await loginAs(harness.app, 'admin');
  const ids = await unitIdsByCode(admin);
  officer = await loginAs(harness.app, 'vinhlap.canbo');
  appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
  other = await otherCommuneOfficer(harness.app, admin, ids['10852'] as number);
  const planId = await demoPlanId(officer, ids['10885'] as number);
  const tasks = (await officer.get(`/api/plans/${planId}/tasks`)).json<{ tasks: { id: number }[] }>().tasks;
  taskId = tasks[0]?.id as number;
});

interface TaskWithFiles {
  files: { id: number; name: string; mime: string; size: number }[];
}

describe('evidence files', () => {
  it('stores a PDF by its content hash and streams it back with safe headers', async () => {
    // The demo data brings its own evidence file.
    const before = storedFiles().filter((f) => !f.includes(`${join('files', 'tmp')}`)).length;
    const res = await officer.upload(`/api/tasks/${taskId}/files`, 'Biên bản giao ban quý II.pdf', TINY_PDF);
    expect(res.statusCode).toBe(200);
    const file = res.json<TaskWithFiles>().files.at(-1);
    expect(file).toMatchObject({
      name: 'Biên bản giao ban quý II.pdf',
      mime: 'application/pdf',
      size: TINY_PDF.length,
    });
    expect(storedFiles().filter((f) => !f.includes(`${join('files', 'tmp')}`))).toHaveLength(before + 1);

    const download = await officer.get(`/api/files/${file?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(TINY_PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Biên bản giao ban quý II.pdf')}`,
    );

    // The same bytes again: a second record, one file on disk.
    await officer.upload(`/api/tasks/${taskId}/files`, 'ban-sao.pdf', TINY_PDF);
    expect(storedFiles().filter((f) => !f.includes(`${join('files', 'tmp')}`))).toHaveLength(before + 1);
  });

  it('recognises Word and Excel files by the entries inside the zip', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Số liệu').addRow(['Tỷ lệ', 100]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await officer.upload(`/api/tasks/${taskId}/files`, 'so-lieu.bin', xlsx);
    expect(res.statusCode).toBe(200);
    expect(res.json<TaskWithFiles>().files.at(-1)?.mime).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('refuses an .exe renamed .pdf, and leaves nothing behind', async () => {
    const before = storedFiles();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(2000, 1)]);
    const res = await officer.upload(`/api/tasks/${taskId}/files`, 'bien-ban.pdf', exe);
    expect(res.statusCode).toBe(415);
    expect(res.json<{ message: string }>().message).toContain('PDF, JPEG, PNG');
    expect(storedFiles()).toEqual(before);
    const zipNotOffice = Buffer.from('PK\x03\x04not really an office file');
    expect((await officer.upload(`/api/tasks/${taskId}/files`, 'x.docx', zipNotOffice)).statusCode).toBe(415);
  });

  it('stops an oversize upload and leaves no file on disk', async () => {
    const before = storedFiles();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200 * 1024, 0x20)]);
    const res = await officer.upload(`/api/tasks/${taskId}/files`, 'qua-lon.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json<{ message: string }>().message).toContain('Tệp quá lớn');
    expect(storedFiles()).toEqual(before);
  });

  it('lets only users reaching the owning unit download: not another commune', async () => {
    const task = (await officer.get(`/api/tasks/${taskId}`)).json<TaskWithFiles>();
    const fileId = task.files[0]?.id;
    expect((await other.get(`/api/files/${fileId}`)).statusCode).toBe(403);
    expect((await appraiser.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await harness.app.inject({ method: 'GET', url: `/api/files/${fileId}` })).statusCode).toBe(401);
    expect((await officer.get('/api/files/999999')).statusCode).toBe(404);
  });

  it('lets neither another commune nor the appraiser attach evidence', async () => {
    expect((await other.upload(`/api/tasks/${taskId}/files`, 'a.pdf', TINY_PDF)).statusCode).toBe(403);
    expect((await appraiser.upload(`/api/tasks/${taskId}/files`, 'a.pdf', TINY_PDF)).statusCode).toBe(403);
  });

  it('detaches a file from a task', async () => {
    const task = (await officer.get(`/api/tasks/${taskId}`)).json<TaskWithFiles>();
    const count = task.files.length;
    const res = await officer.send('DELETE', `/api/tasks/${taskId}/files/${task.files[0]?.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<TaskWithFiles>().files).toHaveLength(count - 1);
  });
});
