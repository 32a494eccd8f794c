import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp } from '../../testing/app';
import { newCommune, userOf } from '../../testing/units';

// The sample register of SPEC §5 (shared/data/ho-so-mau.csv, copied to docs/mau), through
// the real import route, and its January 2021 KPIs worked out by hand from the file:
//
//   row  dossier  received          due               result            apology  at 31/01
//   2    0001     30/12/2020 09:00  31/12/2020        04/01/2021 10:00  —        carried over, late
//   3    0002     04/01 08:10       04/01 16:30       04/01 10:20       —        on time
//   4    0003     04/01 08:40       04/01 10:00       04/01 11:05       —        late (after the due time)
//   5    0004     04/01 09:00       04/01 10:00       04/01 (no time)   —        on time
//   6    0005     05/01 14:12 (online) 08/01           08/01 17:05       —        on time (due has no time)
//   7    0006     05/01 15:30       05/01             07/01 09:00       05/01    late, apology
//   8    0007     11/01 08:00       22/02             26/02             —        open at 31/01, not yet due
//   9    0008     12/01 09:45       26/01             25/01             —        on time
//   10   0009     13/01 10:00 (online) 13/01 16:30     13/01 16:30       —        on time (exactly at the due time)
//   11   0010     25/01 07:50 (online) 01/02           open              —        not yet due: on time
//   12   0011     26/01 08:30       29/01             open              28/01    late, apology
//   13   0012     28/01 16:00       29/01             open              —        late
//
// Received in January: rows 3–13 = 11, online 3 (27.27%). Handled: 11 + the carried-over
// 0001 = 12, on time 7 (58.33%), late 5 (0001, 0003, 0006, 0011, 0012), of which without
// an apology 3 (0001, 0003, 0012).

const SAMPLE = readFileSync(new URL('../../../../docs/mau/ho-so-mau.csv', import.meta.url), 'utf8');
const JANUARY = 'from=2021-01-01&to=2021-01-31';

const { harness } = setupTestApp();
let officer: Client;
let unitId: number;

beforeAll(async () => {
  unitId = await newCommune(harness, 'T-HS');
  officer = await userOf(harness, unitId, 'hoso.canbo');
});

const importCsv = (csv: string, name = 'ho-so.csv') =>
  officer.upload(`/api/units/${unitId}/dossiers/import`, name, csv);
const kpis = async (query = JANUARY) =>
  (await officer.get(`/api/units/${unitId}/kpis?${query}`)).json<{
    kpis: Record<string, { value: number | null; numerator?: number; denominator?: number }>;
    noData: string[];
  }>();
const total = async () =>
  (await officer.get(`/api/units/${unitId}/dossiers?limit=1`)).json<{ total: number }>().total;

describe('importing ho-so-mau.csv', () => {
  it('has no KPI data before anything is imported', async () => {
    const before = await kpis();
    expect(before.kpis.dossiers_on_time_rate).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(before.noData).toContain('dossiers_on_time_rate');
    expect(before.noData).toContain('late_dossiers_without_apology');
  });

  it('stores its 12 dossiers and gives the January 2021 KPIs worked out by hand', async () => {
    const res = await importCsv(SAMPLE);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ inserted: 12, updated: 0 });

    const { kpis: k, noData } = await kpis();
    expect(k.dossiers_received).toEqual({ value: 11 });
    expect(k.dossiers_online_rate).toEqual({ value: (3 * 100) / 11, numerator: 3, denominator: 11 });
    expect(k.dossiers_on_time_rate).toEqual({ value: (7 * 100) / 12, numerator: 7, denominator: 12 });
    expect(k.dossiers_late).toEqual({ value: 5 });
    expect(k.late_dossiers_without_apology).toEqual({ value: 3 });
    expect(noData).not.toContain('late_dossiers_without_apology');
  });

  it('lists the records behind a number: the late dossiers without an apology', async () => {
    const res = await officer.get(
      `/api/units/${unitId}/dossiers?kpi=late_dossiers_without_apology&part=numerator&${JANUARY}`,
    );
    const codes = res.json<{ items: { code: string }[] }>().items.map((d) => d.code.slice(-4));
    expect(codes.sort()).toEqual(['0001', '0003', '0012']);
    const late = await officer.get(
      `/api/units/${unitId}/dossiers?kpi=dossiers_on_time_rate&part=shortfall&${JANUARY}`,
    );
    expect(late.json<{ total: number }>().total).toBe(5);
  });

  it('keeps dates as written: with a time or without, in Vietnam time', async () => {
    const res = await officer.get(`/api/units/${unitId}/dossiers?q=0005`);
    const [d] = res.json<{ items: Record<string, unknown>[] }>().items;
    expect(d).toMatchObject({
      code: '000.00.28.H23-210105-0005',
      applicant: 'Vũ Văn Đức',
      channel: 'truc_tuyen',
      received: '2021-01-05T14:12+07:00',
      due: '2021-01-08',
      result: '2021-01-08T17:05+07:00',
      apologyDate: null,
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const res = await importCsv(SAMPLE);
    expect(res.json()).toEqual({ inserted: 0, updated: 0 });
    expect(await total()).toBe(12);
  });

  it('updates a dossier whose row changed, matched by its code', async () => {
    const changed = SAMPLE.replace(
      '28/01/2021 16:00,29/01/2021,,',
      '28/01/2021 16:00,29/01/2021,,28/01/2021',
    );
    expect((await importCsv(changed)).json()).toEqual({ inserted: 0, updated: 1 });
    expect((await kpis()).kpis.late_dossiers_without_apology).toEqual({ value: 2 });
    await importCsv(SAMPLE);
  });

  it('reads the columns in any order, with headers in any case and without accents', async () => {
    const lines = SAMPLE.trim().split('\n');
    const header =
      'MA HO SO,chu ho so,ten thu tuc,LINH VUC,hinh thuc nop,ngay tiep nhan,ngay hen tra,ngay co ket qua,ngay xin loi';
    const res = await importCsv([header, ...lines.slice(1)].join('\n'));
    expect(res.json()).toEqual({ inserted: 0, updated: 0 });
  });
});

describe('a file with bad rows', () => {
  const bad = [
    SAMPLE.trim(),
    // row 14: a date that does not exist
    'HS-X1,,Đăng ký khai sinh,Hộ tịch,Trực tiếp,31/02/2021,05/03/2021,,',
    // row 15: due before received
    'HS-X2,,Đăng ký khai sinh,Hộ tịch,Trực tiếp,10/03/2021 08:00,09/03/2021,,',
    // row 16: an unknown channel
    'HS-X3,,Đăng ký khai sinh,Hộ tịch,Qua mạng,10/03/2021,12/03/2021,,',
    // row 17: a code already in the file (row 3)
    '000.00.28.H23-210104-0002,,Đăng ký khai sinh,Hộ tịch,Trực tiếp,10/03/2021,12/03/2021,,',
  ].join('\n');

  it('is refused whole (422), naming each bad row, field and reason, and stores nothing', async () => {
    const res = await importCsv(bad);
    expect(res.statusCode).toBe(422);
    const body = res.json<{ message: string; errors: { row: number; field: string; message: string }[] }>();
    expect(body.message).toContain('chưa có dữ liệu nào được lưu');
    expect(body.errors).toEqual([
      {
        row: 14,
        field: 'Ngày tiếp nhận',
        message: 'Ngày 31/02/2021 không tồn tại (tháng 2/2021 có 28 ngày)',
      },
      {
        row: 15,
        field: 'Ngày hẹn trả',
        message: 'Ngày hẹn trả (09/03/2021) trước ngày tiếp nhận (10/03/2021 08:00)',
      },
      {
        row: 16,
        field: 'Hình thức nộp',
        message:
          '“Qua mạng” không hợp lệ cho “Hình thức nộp”: chỉ nhận Trực tiếp, Trực tuyến hoặc Bưu chính công ích',
      },
    ]);
    expect(await total()).toBe(12);
  });

  it('names a code repeated in the file once the rows themselves are good', async () => {
    const repeated = [
      SAMPLE.trim(),
      '000.00.28.H23-210104-0002,,Đăng ký khai sinh,Hộ tịch,Trực tiếp,10/03/2021,12/03/2021,,',
    ].join('\n');
    const res = await importCsv(repeated);
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: unknown[] }>().errors).toEqual([
      { row: 14, field: 'Mã hồ sơ', message: 'Trùng “Mã hồ sơ” với dòng 3 của tệp' },
    ]);
    expect(await total()).toBe(12);
  });

  it('names a missing required column on row 1', async () => {
    const noDue = SAMPLE.replace('Ngày hẹn trả', 'Ghi chú');
    const res = await importCsv(noDue);
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: unknown[] }>().errors).toEqual([
      { row: 1, field: 'Ngày hẹn trả', message: 'Thiếu cột “Ngày hẹn trả” trong dòng tiêu đề (dòng 1)' },
    ]);
  });

  it('refuses a file that is neither .csv nor .xlsx, and an empty one', async () => {
    expect((await importCsv(SAMPLE, 'ho-so.txt')).statusCode).toBe(400);
    const empty = await importCsv(SAMPLE.split('\n')[0] ?? '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ message: string }>().message).toBe('Tệp không có dòng dữ liệu nào.');
  });

  it('finds a code repeated thousands of rows apart (in different write batches)', async () => {
    const header = SAMPLE.split('\n')[0] ?? '';
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `BIG-${i},,Đăng ký khai sinh,Hộ tịch,Trực tiếp,04/02/2021 08:00,05/02/2021,,`,
    );
    const res = await importCsv(
      [header, ...rows, 'BIG-1,,Đăng ký khai sinh,Hộ tịch,Trực tiếp,04/02/2021,05/02/2021,,'].join('\n'),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: unknown[] }>().errors).toEqual([
      { row: 6002, field: 'Mã hồ sơ', message: 'Trùng “Mã hồ sơ” với dòng 3 của tệp' },
    ]);
    expect(await total()).toBe(12);
  });

  it('lists the first 1,000 errors of a very bad file and counts every bad row', async () => {
    const header = SAMPLE.split('\n')[0] ?? '';
    const rows = Array.from(
      { length: 1500 },
      (_, i) => `BAD-${i},,Đăng ký khai sinh,Hộ tịch,Fax,04/02/2021,05/02/2021,,`,
    );
    const res = await importCsv([header, ...rows].join('\n'));
    expect(res.statusCode).toBe(422);
    const body = res.json<{ message: string; errors: unknown[] }>();
    expect(body.errors).toHaveLength(1000);
    expect(body.message).toBe(
      'Tệp có 1500 dòng lỗi; chưa có dữ liệu nào được lưu. Dưới đây là 1000 lỗi đầu tiên: sửa rồi nhập lại.',
    );
  });
});
