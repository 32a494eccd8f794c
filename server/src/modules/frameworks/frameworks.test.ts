import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, setupTestApp } from '../../testing/app';
import { findUnitsByCodes } from '../units/queries';
import { applicableFramework } from './service';

const { harness } = setupTestApp();
const SAMPLE = readFileSync(new URL('../../demo/bo-chi-so-cap-xa-2021-mau.csv', import.meta.url), 'utf8');

interface Summary {
  id: number;
  year: number;
  level: string;
  status: string;
  version: number;
  maxPoints: string;
  areaCount: number;
  criterionCount: number;
  errorCount: number;
}
interface Detail {
  framework: Summary;
  definition: { areas: { code: string; maxPoints: string; children?: unknown[] }[]; name: string };
  errors: { code: string; message: string }[];
}
interface RowErrors {
  errors: { row: number; field: string; message: string }[];
}

let appraiser: Client;
let officer: Client;
let admin: Client;
let districtId = 0;

beforeAll(async () => {
  appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
  officer = await loginAs(harness.app, 'vinhlap.canbo');
  admin = await loginAs(harness.app, 'admin');
  const [district] = await findUnitsByCodes(harness.ctx.db, ['294']);
  districtId = district?.id ?? 0;
});

const importUrl = (extra = '') =>
  `/api/frameworks/import?ownerUnitId=${districtId}&year=2022&level=commune&name=${encodeURIComponent('Bộ chỉ số xã 2022')}&optionalAreas=8${extra}`;
const count = async (client: Client) =>
  (await client.get('/api/frameworks')).json<{ frameworks: Summary[] }>().frameworks.length;

describe('frameworks', () => {
  it('has the sample framework in the demo: published, commune level, 2021, 8 areas and 100 points', async () => {
    const list = (await appraiser.get('/api/frameworks?year=2021')).json<{ frameworks: Summary[] }>()
      .frameworks;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      year: 2021,
      level: 'commune',
      status: 'published',
      maxPoints: '100',
      areaCount: 8,
      errorCount: 0,
    });
  });

  it('shows the published framework to the communes it assesses, and refuses them drafts and editing', async () => {
    const list = (await officer.get('/api/frameworks')).json<{ frameworks: Summary[] }>().frameworks;
    // The demo has the 2021 framework and its 2020 copy (the published 2020 round): both published.
    expect(new Set(list.map((f) => f.status))).toEqual(new Set(['published']));
    expect((await officer.upload(importUrl(), 'bo.csv', SAMPLE)).statusCode).toBe(403);
    expect(
      (
        await officer.send('POST', '/api/frameworks', {
          ownerUnitId: districtId,
          year: 2023,
          level: 'commune',
          name: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('finds the framework a unit is assessed by', async () => {
    const [vinhLap] = await findUnitsByCodes(harness.ctx.db, ['10885']);
    if (!vinhLap) throw new Error('no Vĩnh Lập');
    const found = await applicableFramework(harness.ctx, vinhLap, 2021);
    expect(found?.name).toBe('Bộ chỉ số cải cách hành chính cấp xã năm 2021');
    expect(await applicableFramework(harness.ctx, vinhLap, 2030)).toBeUndefined();
  });

  it('imports the sample CSV as a draft with 8 areas and 100 points, and round-trips through .xlsx', async () => {
    const res = await appraiser.upload(importUrl(), 'bo-chi-so.csv', SAMPLE);
    expect(res.statusCode).toBe(201);
    const { id } = res.json<{ id: number }>();
    const detail = (await appraiser.get(`/api/frameworks/${id}`)).json<Detail>();
    expect(detail.framework).toMatchObject({
      status: 'draft',
      maxPoints: '100',
      areaCount: 8,
      errorCount: 0,
    });
    expect(detail.definition.areas.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);

    const xlsx = await appraiser.get(`/api/frameworks/${id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const again = await appraiser.upload(importUrl(), 'bo-chi-so.xlsx', xlsx.rawPayload);
    expect(again.statusCode).toBe(201);
    const copy = (await appraiser.get(`/api/frameworks/${again.json<{ id: number }>().id}`)).json<Detail>();
    expect(copy.definition).toEqual(detail.definition);
    expect(copy.framework.version).toBe(detail.framework.version + 1);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Bộ chỉ số', 'Thông tin']);
  });

  it('refuses a bad file with every bad row and its reason, and stores nothing', async () => {
    const before = await count(appraiser);
    const bad = SAMPLE.replace('1.1,Kế hoạch CCHC năm,2,', '1.1,Kế hoạch CCHC năm,3,')
      .replace(
        '1.3,Thực hiện chế độ báo cáo CCHC định kỳ đầy đủ và đúng hạn,1.5,ty_le',
        '1.3,Thực hiện chế độ báo cáo CCHC định kỳ đầy đủ và đúng hạn,1.5,ty_le_moi',
      )
      .replace(
        '100:2;80:1;0:0,Báo cáo kết quả thực hiện kế hoạch',
        '100:2;abc,Báo cáo kết quả thực hiện kế hoạch',
      )
      .replace('2.4,Xử lý', '2.3,Xử lý');
    const res = await appraiser.upload(importUrl(), 'bo-chi-so.csv', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json<RowErrors>().errors).toEqual([
      { row: 2, field: 'Điểm tối đa', message: 'Điểm tối đa của 1 là 14 nhưng tổng các tiêu chí con là 15' },
      { row: 3, field: 'Điểm tối đa', message: 'Điểm tối đa của 1.1 là 3 nhưng tổng các tiêu chí con là 2' },
      {
        row: 6,
        field: 'Tham số',
        message: '1.2: Danh sách ngưỡng không hợp lệ: "abc" không đúng dạng "giá trị:điểm"',
      },
      {
        row: 7,
        field: 'Phương pháp chấm',
        message: 'Phương pháp chấm "ty_le_moi" của 1.3 không có trong danh mục',
      },
      { row: 22, field: 'Mã', message: 'Mã 2.3 bị lặp (đã có ở dòng 21)' },
    ]);
    expect(await count(appraiser)).toBe(before);
  });

  it('edits a draft, refuses to publish it with errors, publishes it when valid, then refuses edits', async () => {
    const { id } = (await appraiser.upload(importUrl(), 'bo.csv', SAMPLE)).json<{ id: number }>();
    const detail = (await appraiser.get(`/api/frameworks/${id}`)).json<Detail>();
    const broken = {
      ...detail.definition,
      areas: detail.definition.areas.map((a, i) => (i === 0 ? { ...a, maxPoints: '15' } : a)),
    };
    const saved = await appraiser.send('PUT', `/api/frameworks/${id}`, {
      ...detail.definition,
      ...broken,
      year: 2022,
      level: 'commune',
      bands: [
        { name: 'Tốt', min: '90' },
        { name: 'Yếu', min: '0' },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<Detail>().errors.map((e) => e.code)).toContain('parent_sum_mismatch');
    const refused = await appraiser.send('POST', `/api/frameworks/${id}/publish`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ message: string }>().message).toContain('lỗi');

    await appraiser.send('PUT', `/api/frameworks/${id}`, detail.definition);
    const published = await appraiser.send('POST', `/api/frameworks/${id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json<Detail>().framework.status).toBe('published');
    expect((await appraiser.send('PUT', `/api/frameworks/${id}`, detail.definition)).statusCode).toBe(409);
    expect((await appraiser.send('DELETE', `/api/frameworks/${id}`)).statusCode).toBe(409);
  });

  it("copies last year's framework into a new draft for the next year", async () => {
    const [demo] = (await appraiser.get('/api/frameworks?year=2021')).json<{ frameworks: Summary[] }>()
      .frameworks;
    const res = await appraiser.send('POST', `/api/frameworks/${demo?.id}/copy`, { year: 2023 });
    expect(res.statusCode).toBe(201);
    const copy = (await appraiser.get(`/api/frameworks/${res.json<{ id: number }>().id}`)).json<Detail>();
    expect(copy.framework).toMatchObject({ year: 2023, status: 'draft', version: 1, maxPoints: '100' });
    expect(copy.definition.name).toBe('Bộ chỉ số cải cách hành chính cấp xã năm 2023');
    expect((await appraiser.send('DELETE', `/api/frameworks/${copy.framework.id}`)).statusCode).toBe(204);
  });

  it('keeps drafts from appraisers of other districts', async () => {
    const units = (await admin.get('/api/units?q=nam sach')).json<{ units: { id: number }[] }>().units;
    await admin.send('POST', '/api/users', {
      username: 'namsach.thamdinh',
      fullName: 'Thẩm định Nam Sách',
      unitId: units[0]?.id,
      roles: ['appraiser'],
      password: 'mat-khau-dai',
    });
    const other = await loginAs(harness.app, 'namsach.thamdinh', 'mat-khau-dai');
    const { id } = (await appraiser.upload(importUrl(), 'bo.csv', SAMPLE)).json<{ id: number }>();
    expect((await other.get(`/api/frameworks/${id}`)).statusCode).toBe(403);
    expect((await other.get('/api/frameworks')).json<{ frameworks: unknown[] }>().frameworks).toEqual([]);
    expect((await other.upload(importUrl(), 'bo.csv', SAMPLE)).statusCode).toBe(403);
  });
});
