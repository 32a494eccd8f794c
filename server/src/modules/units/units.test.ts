import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, setupTestApp } from '../../testing/app';

const { harness } = setupTestApp();

interface Unit {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  active: boolean;
}

let admin: Client;
let appraiser: Client;
let officer: Client;
const ids: Record<string, number> = {};

beforeAll(async () => {
  admin = await loginAs(harness.app, 'admin');
  appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
  officer = await loginAs(harness.app, 'vinhlap.canbo');
  for (const u of (await admin.get('/api/units')).json<{ units: Unit[] }>().units) ids[u.code] = u.id;
});

const listCodes = async (client: Client, query = '') =>
  (await client.get(`/api/units${query}`)).json<{ units: Unit[] }>().units.map((u) => u.code);

describe('unit tree and scope', () => {
  it('holds the demo tree: Hải Dương → Thanh Hà → its 20 communes, Vĩnh Lập among them', async () => {
    const all = (await admin.get('/api/units')).json<{ units: Unit[] }>().units;
    expect(all).toHaveLength(33);
    const vinhLap = all.find((u) => u.name === 'Xã Vĩnh Lập');
    expect(vinhLap?.level).toBe('commune');
    expect(vinhLap?.parentId).toBe(ids['294']);
    expect(all.filter((u) => u.parentId === ids['294'])).toHaveLength(20);
  });

  it('shows an officer only their own unit, an appraiser their district and its communes', async () => {
    expect(await listCodes(officer)).toEqual(['10885']);
    const district = await listCodes(appraiser);
    expect(district).toHaveLength(21);
    expect(district).toContain('294');
    expect(district).not.toContain('30');
    expect(district).not.toContain('295');
  });

  it('answers 403 for another commune, 401 without a session, 404 for no such unit', async () => {
    expect((await officer.get(`/api/units/${ids['10885']}`)).statusCode).toBe(200);
    const other = await officer.get(`/api/units/${ids['10879']}`);
    expect(other.statusCode).toBe(403);
    expect(other.json<{ message: string }>().message).toContain('không có quyền');
    expect((await officer.get(`/api/units/${ids['294']}`)).statusCode).toBe(403);
    expect((await appraiser.get(`/api/units/${ids['30']}`)).statusCode).toBe(403);
    expect((await harness.app.inject({ method: 'GET', url: `/api/units/${ids['10885']}` })).statusCode).toBe(
      401,
    );
    expect((await admin.get('/api/units/999999')).statusCode).toBe(404);
  });

  it('finds units ignoring accents: "vinh lap" finds Xã Vĩnh Lập', async () => {
    expect(await listCodes(admin, '?q=vinh%20lap')).toEqual(['10885']);
    expect(await listCodes(admin, '?q=VĨNH')).toEqual(['10885']);
  });
});

describe('editing units (admin only)', () => {
  it('creates, renames, moves and deactivates a unit', async () => {
    const created = await admin.send('POST', '/api/units', {
      code: 'T-01',
      name: 'Xã Thử Nghiệm',
      level: 'commune',
      parentId: ids['294'],
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json<Unit>();
    expect(await listCodes(appraiser, '?q=thu nghiem')).toEqual(['T-01']);

    const renamed = await admin.send('PATCH', `/api/units/${unit.id}`, { name: 'Xã Thử Nghiệm Mới' });
    expect(renamed.json<Unit>().name).toBe('Xã Thử Nghiệm Mới');

    const moved = await admin.send('PATCH', `/api/units/${unit.id}`, { parentId: ids['295'] });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<Unit>().parentId).toBe(ids['295']);
    expect(await listCodes(appraiser, '?q=thu nghiem')).toEqual([]);

    const off = await admin.send('PATCH', `/api/units/${unit.id}`, { active: false });
    expect(off.json<Unit>().active).toBe(false);
    expect(await listCodes(admin, '?q=thu nghiem')).toEqual([]);
    expect(await listCodes(admin, '?q=thu nghiem&includeInactive=true')).toEqual(['T-01']);
  });

  it('moves a district with its communes: the communes follow into the new subtree', async () => {
    const d = (
      await admin.send('POST', '/api/units', {
        code: 'D-1',
        name: 'Huyện Thử',
        level: 'district',
        parentId: ids['30'],
      })
    ).json<Unit>();
    const c = (
      await admin.send('POST', '/api/units', {
        code: 'C-1',
        name: 'Xã Con',
        level: 'commune',
        parentId: d.id,
      })
    ).json<Unit>();
    // Under the 2025 two-tier shape a commune sits directly under the province.
    const flat = await admin.send('PATCH', `/api/units/${c.id}`, { parentId: ids['30'] });
    expect(flat.statusCode).toBe(200);
    const back = await admin.send('PATCH', `/api/units/${c.id}`, { parentId: d.id });
    expect(back.statusCode).toBe(200);
    const intoChild = await admin.send('PATCH', `/api/units/${d.id}`, { parentId: c.id });
    expect(intoChild.statusCode).toBe(400);
    const busy = await admin.send('PATCH', `/api/units/${d.id}`, { active: false });
    expect(busy.statusCode).toBe(400);
    expect(busy.json<{ message: string }>().message).toContain('1 đơn vị trực thuộc');
  });

  it('refuses a level that cannot sit under its parent, and a code already used', async () => {
    const bad = await admin.send('POST', '/api/units', {
      code: 'X-9',
      name: 'Huyện Sai',
      level: 'district',
      parentId: ids['294'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toBe(
      'Đơn vị cấp huyện không thể trực thuộc đơn vị cấp huyện.',
    );
    const dup = await admin.send('POST', '/api/units', {
      code: '10885',
      name: 'Trùng',
      level: 'commune',
      parentId: ids['294'],
    });
    expect(dup.statusCode).toBe(409);
  });

  it('refuses non-admins and admins outside their subtree', async () => {
    const res = await appraiser.send('POST', '/api/units', {
      code: 'A-1',
      name: 'Xã A',
      level: 'commune',
      parentId: ids['294'],
    });
    expect(res.statusCode).toBe(403);
    expect((await officer.send('PATCH', `/api/units/${ids['10885']}`, { name: 'Đổi tên' })).statusCode).toBe(
      403,
    );
  });
});

const GOOD_CSV = [
  'Mã,Tên đơn vị,Cấp,Mã đơn vị cấp trên',
  '30,Tỉnh Hải Dương,tinh,',
  '323,Huyện Văn Lâm,huyen,30',
  '12001,Xã Lạc Đạo,xa,323',
  '12002,Xã Chỉ Đạo,Xã,323',
].join('\n');

describe('importing a unit list', () => {
  it('stores nothing when one row is bad, and names the row, the field and the reason', async () => {
    const before = await listCodes(admin, '?includeInactive=true');
    const bad = `${GOOD_CSV}\n12003,Xã Lỗi,ap,323\n12004,,xa,323\n12002,Xã Trùng,xa,323\n12005,Xã Mồ Côi,xa,999`;
    const res = await admin.upload('/api/units/import', 'don-vi.csv', bad);
    expect(res.statusCode).toBe(422);
    const body = res.json<{ message: string; errors: { row: number; field: string; message: string }[] }>();
    expect(body.message).toContain('chưa có dữ liệu nào được lưu');
    expect(body.errors).toEqual([
      { row: 6, field: 'Cấp', message: 'Cấp "ap" không hợp lệ; dùng tinh, huyen hoặc xa.' },
      { row: 7, field: 'Tên đơn vị', message: 'Bắt buộc nhập tên đơn vị.' },
      { row: 8, field: 'Mã', message: 'Mã "12002" trùng với dòng 5.' },
      {
        row: 9,
        field: 'Mã đơn vị cấp trên',
        message: 'Không tìm thấy đơn vị cấp trên có mã "999" trong tệp hay trong hệ thống.',
      },
    ]);
    expect(await listCodes(admin, '?includeInactive=true')).toEqual(before);
  });

  it('imports a good file, and importing it again changes nothing', async () => {
    const first = await admin.upload('/api/units/import', 'don-vi.csv', GOOD_CSV);
    expect(first.json()).toEqual({ inserted: 3, updated: 0 });
    const again = await admin.upload('/api/units/import', 'don-vi.csv', GOOD_CSV);
    expect(again.json()).toEqual({ inserted: 0, updated: 0 });
    const lacDao = (await admin.get('/api/units?q=lac dao')).json<{ units: Unit[] }>().units[0];
    const vanLam = (await admin.get('/api/units?q=van lam')).json<{ units: Unit[] }>().units[0];
    expect(lacDao?.parentId).toBe(vanLam?.id);
  });

  it('reads .xlsx with the same columns and refuses a missing column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đơn vị');
    sheet.addRow(['MÃ', 'Tên Đơn Vị', 'cấp', 'Mã đơn vị cấp trên']);
    sheet.addRow(['12010', 'Xã Mới', 'xa', '323']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const ok = await admin.upload('/api/units/import', 'don-vi.xlsx', xlsx);
    expect(ok.json()).toEqual({ inserted: 1, updated: 0 });

    const missing = await admin.upload('/api/units/import', 'don-vi.csv', 'Mã,Tên đơn vị\n1,Xã A');
    expect(missing.statusCode).toBe(422);
    expect(missing.json<{ errors: { row: number; field: string }[] }>().errors).toEqual([
      { row: 1, field: 'Cấp', message: 'Thiếu cột "Cấp" trong dòng tiêu đề.' },
      { row: 1, field: 'Mã đơn vị cấp trên', message: 'Thiếu cột "Mã đơn vị cấp trên" trong dòng tiêu đề.' },
    ]);
  });

  it('refuses an import into units outside the admin scope, and a file of another type', async () => {
    const district = await loginAs(harness.app, 'admin');
    const txt = await district.upload('/api/units/import', 'don-vi.txt', GOOD_CSV);
    expect(txt.statusCode).toBe(400);
    expect(txt.json<{ message: string }>().message).toContain('.xlsx hoặc .csv');
    expect((await appraiser.upload('/api/units/import', 'don-vi.csv', GOOD_CSV)).statusCode).toBe(403);
  });

  it('exports the tree to .xlsx in the import layout', async () => {
    const res = await admin.get('/api/units/export.xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Mã', 'Tên đơn vị', 'Cấp', 'Mã đơn vị cấp trên']);
    const rows: string[] = [];
    sheet?.eachRow((row) => rows.push(String(row.getCell(2).value)));
    expect(rows).toContain('Xã Vĩnh Lập');
  });
});
