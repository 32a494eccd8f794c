import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp } from '../../testing/app';
import { newCommune, userOf } from '../../testing/units';

// Forms and the API: add, edit, delete, the dossier upsert one-stop systems call, and a
// KPI that follows an edit.

const { harness } = setupTestApp();
let officer: Client;
let unitId: number;

beforeAll(async () => {
  unitId = await newCommune(harness, 'T-EDIT');
  officer = await userOf(harness, unitId, 'sua.canbo');
});

const dossier = {
  code: 'HS-2021-0001',
  applicant: 'Nguyễn Văn Bình',
  procedureName: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  channel: 'Trực tuyến',
  received: '2021-03-01T08:15',
  due: '02/03/2021',
  result: null,
  apologyDate: null,
};

describe('a dossier through the form', () => {
  let id: number;

  it('is added, read back in the API form, and its code cannot be used twice', async () => {
    const res = await officer.send('POST', `/api/units/${unitId}/dossiers`, dossier);
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json<{ id: number }>();
    id = item.id;
    expect(item).toMatchObject({
      code: 'HS-2021-0001',
      channel: 'truc_tuyen',
      received: '2021-03-01T08:15+07:00',
      due: '2021-03-02',
      result: null,
    });
    const again = await officer.send('POST', `/api/units/${unitId}/dossiers`, dossier);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toBe(
      'Đã có bản ghi cùng Mã hồ sơ trong sổ của đơn vị.',
    );
  });

  it('refuses bad values naming the field and the reason', async () => {
    const res = await officer.send('POST', `/api/units/${unitId}/dossiers`, {
      ...dossier,
      code: 'HS-2021-0002',
      received: '30/02/2021',
      channel: 'fax',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string; message: string }[] }>().errors).toEqual([
      {
        field: 'Hình thức nộp',
        message:
          '“fax” không hợp lệ cho “Hình thức nộp”: chỉ nhận Trực tiếp, Trực tuyến hoặc Bưu chính công ích',
      },
      { field: 'Ngày tiếp nhận', message: 'Ngày 30/02/2021 không tồn tại (tháng 2/2021 có 28 ngày)' },
    ]);
  });

  it('is edited field by field, checked as a whole', async () => {
    const res = await officer.send('PATCH', `/api/units/${unitId}/dossiers/${id}`, {
      result: '2021-03-02T16:00',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ result: '2021-03-02T16:00+07:00', applicant: 'Nguyễn Văn Bình' });
    const bad = await officer.send('PATCH', `/api/units/${unitId}/dossiers/${id}`, { result: '2021-02-28' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain(
      'Ngày có kết quả (28/02/2021) trước ngày tiếp nhận',
    );
  });

  it('is deleted', async () => {
    expect((await officer.send('DELETE', `/api/units/${unitId}/dossiers/${id}`)).statusCode).toBe(204);
    expect((await officer.send('DELETE', `/api/units/${unitId}/dossiers/${id}`)).statusCode).toBe(404);
  });
});

describe('PUT /units/{unitId}/dossiers/{code}', () => {
  const { code: _code, ...body } = dossier;
  const put = (b: object) => officer.send('PUT', `/api/units/${unitId}/dossiers/HS-PUT-1`, b);

  it('inserts (201), then updates (200), and sending the same again changes nothing', async () => {
    expect((await put(body)).statusCode).toBe(201);
    const updated = await put({ ...body, result: '2021-03-02' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ code: 'HS-PUT-1', result: '2021-03-02' });
    const list = async () =>
      (await officer.get(`/api/units/${unitId}/dossiers?q=HS-PUT-1`)).json<{
        total: number;
        items: { id: number }[];
      }>();
    const before = await list();
    expect((await put({ ...body, result: '2021-03-02' })).statusCode).toBe(200);
    expect(await list()).toEqual(before);
    expect(before.total).toBe(1);
  });
});

describe('document statistics and documents_signed_rate', () => {
  const kpi = async () =>
    (await officer.get(`/api/units/${unitId}/kpis?from=2021-01-01&to=2021-03-31`)).json<{
      kpis: Record<string, { value: number | null; numerator: number; denominator: number }>;
    }>().kpis.documents_signed_rate;

  it('moves when a month is added and edited through the API', async () => {
    expect(await kpi()).toEqual({ value: null, numerator: 0, denominator: 0 });
    const month = {
      year: 2021,
      month: 2,
      incomingTotal: 60,
      incomingElectronic: 40,
      incomingSigned: 30,
      outgoingTotal: 40,
      outgoingElectronic: 30,
      outgoingSigned: 35,
    };
    const created = await officer.send('POST', `/api/units/${unitId}/document-stats`, month);
    expect(created.statusCode, created.body).toBe(201);
    expect(await kpi()).toEqual({ value: 65, numerator: 65, denominator: 100 });

    const id = created.json<{ id: number }>().id;
    const edited = await officer.send('PATCH', `/api/units/${unitId}/document-stats/${id}`, {
      incomingSigned: 40,
    });
    expect(edited.statusCode).toBe(200);
    expect(await kpi()).toEqual({ value: 75, numerator: 75, denominator: 100 });
  });

  it('refuses more signed documents than documents', async () => {
    const res = await officer.send('POST', `/api/units/${unitId}/document-stats`, {
      year: 2021,
      month: 3,
      incomingTotal: 10,
      incomingElectronic: 5,
      incomingSigned: 11,
      outgoingTotal: 0,
      outgoingElectronic: 0,
      outgoingSigned: 0,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain(
      'Văn bản đến ký số (11) nhiều hơn tổng số văn bản đến (10)',
    );
  });
});

describe('officials and their discipline decisions', () => {
  it('cannot delete an official who still has a decision', async () => {
    const official = await officer.send('POST', `/api/units/${unitId}/officials`, {
      name: 'Hoàng Văn Khải',
      position: 'Công chức Văn hoá - Xã hội',
      inPostFrom: '2019-01-01',
      inPostTo: null,
      email: 'khaihv@haiduong.gov.vn',
      emailInUse: true,
    });
    expect(official.statusCode, official.body).toBe(201);
    const decision = await officer.send('POST', `/api/units/${unitId}/discipline-decisions`, {
      official: 'hoàng  văn khải',
      decisionDate: '2021-06-10',
      form: 'Cảnh cáo',
      number: '45/QĐ-UBND',
    });
    expect(decision.statusCode, decision.body).toBe(201);
    expect(decision.json()).toMatchObject({ official: 'Hoàng Văn Khải', form: 'canh_cao' });

    const id = official.json<{ id: number }>().id;
    const refused = await officer.send('DELETE', `/api/units/${unitId}/officials/${id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ message: string }>().message).toContain('còn 1 quyết định kỷ luật');

    const kpis = await officer.get(`/api/units/${unitId}/kpis?from=2021-01-01&to=2021-12-31`);
    expect(kpis.json<{ kpis: Record<string, unknown> }>().kpis.officials_disciplined).toEqual({ value: 1 });
  });

  it('names an official the register does not have', async () => {
    const res = await officer.send('POST', `/api/units/${unitId}/discipline-decisions`, {
      official: 'Người Lạ',
      decisionDate: '2021-06-10',
      form: 'Khiển trách',
      number: null,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain(
      'Không có cán bộ “Người Lạ” trong danh sách cán bộ, công chức của đơn vị',
    );
  });
});
