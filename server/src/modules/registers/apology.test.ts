import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Fixed,
  type Criterion as FrameworkNode,
  findMethod,
  formatDecimal,
  type LeafCriterion,
  parseFrameworkJson,
} from '#core/framework/index';
import { type Client, loginAs, setupTestApp } from '../../testing/app';
import { unitIdsByCode } from '../../testing/plans';
import { auditLog } from '../audit/schema';
import { verifyAuditChain } from '../audit/service';
import { applicableFramework } from '../frameworks/service';
import { findUnitsByCodes } from '../units/queries';
import { dossiers } from './schema';

// The one-stop desk's apology letter: generated for a late dossier only, in the form in
// force on its due date, read back from the .docx; the apology date recorded and audited;
// and the projected points of the apology criterion rising as the framework says.

const { harness, clock } = setupTestApp();
let officer: Client;
let head: Client;
let appraiser: Client;
let vinhLap = 0;
let thanhHong = 0;

/** Wednesday 1 December 2021, 10:00 in Vietnam. */
const NOW = new Date('2021-12-01T03:00:00Z');

beforeAll(async () => {
  clock.now = NOW;
  officer = await loginAs(harness.app, 'vinhlap.canbo');
  head = await loginAs(harness.app, 'vinhlap.chutich');
  appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
  const ids = await unitIdsByCode(await loginAs(harness.app, 'admin'));
  vinhLap = ids['10885'] as number;
  thanhHong = ids['10879'] as number;
});

/** The text of each paragraph of word/document.xml, in document order. */
function paragraphs(docx: Buffer): string[] {
  const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml'] as Uint8Array);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

const apology = (client: Client, unitId: number, code: string, body: object) =>
  client.send('POST', `/api/units/${unitId}/dossiers/${encodeURIComponent(code)}/apology`, body);

const putDossier = (code: string, fields: { received: string; due: string; result: string | null }) =>
  officer.send('PUT', `/api/units/${vinhLap}/dossiers/${encodeURIComponent(code)}`, {
    applicant: 'Trần Thị Mai',
    procedureName: 'Cấp bản sao trích lục hộ tịch',
    field: 'Hộ tịch',
    channel: 'Trực tiếp',
    apologyDate: null,
    ...fields,
  });

interface Item {
  code: string;
  procedureName: string;
  apologyDate: string | null;
}
const lateWithoutApology = async () =>
  (
    await officer.get(
      `/api/units/${vinhLap}/dossiers?kpi=late_dossiers_without_apology&part=numerator&from=2021-01-01&to=2021-12-31&limit=500`,
    )
  ).json<{ total: number; items: Item[] }>();

interface Criterion {
  code: string;
  kpi: string | null;
  points: string | null;
  max: string;
  status: string;
}
const apologyCriterion = async () => {
  const res = await officer.get(`/api/units/${vinhLap}/projection?year=2021`);
  expect(res.statusCode, res.body).toBe(200);
  const c = res
    .json<{ criteria: Criterion[] }>()
    .criteria.find((x) => x.kpi === 'late_dossiers_without_apology');
  if (!c) throw new Error('no criterion reads late_dossiers_without_apology');
  return c;
};

/** The criterion of the applicable framework that reads the KPI, as the framework states it. */
async function frameworkCriterion(kpi: string) {
  const [unit] = await findUnitsByCodes(harness.ctx.db, ['10885']);
  if (!unit) throw new Error('no Vĩnh Lập');
  const parsed = parseFrameworkJson((await applicableFramework(harness.ctx, unit, 2021))?.definition);
  if (!parsed.ok) throw new Error('demo framework invalid');
  const walk = (nodes: readonly FrameworkNode[]): LeafCriterion | undefined => {
    for (const n of nodes) {
      if (!('children' in n) && n.kpi === kpi) return n;
      const found = walk('children' in n ? n.children : []);
      if (found) return found;
    }
    return undefined;
  };
  const found = walk(parsed.value.areas);
  if (!found) throw new Error(`no criterion on ${kpi}`);
  return found;
}

describe('the apology letter of a late demo dossier', () => {
  let code = '';
  let procedure = '';
  let docx: Buffer;
  let lines: string[] = [];

  beforeAll(async () => {
    const late = await lateWithoutApology();
    expect(late.total).toBeGreaterThan(1);
    const first = late.items[0];
    if (!first) throw new Error('no late dossier without an apology');
    code = first.code;
    procedure = first.procedureName;
    const res = await apology(officer, vinhLap, code, {
      reason: 'Hồ sơ phải xác minh thêm thông tin tại thôn',
      newDate: '14/01/2022',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(String(res.headers['content-type'])).toContain('wordprocessingml');
    expect(String(res.headers['content-disposition'])).toContain('.docx');
    docx = res.rawPayload;
    lines = paragraphs(docx);
  });

  it('is a valid .docx with the dossier code, the procedure, the new date and the signature block', () => {
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const text = lines.join('\n');
    expect(text).toContain(code);
    expect(text).toContain(procedure);
    expect(text).toContain('14/01/2022');
    expect(text).toContain('Hồ sơ phải xác minh thêm thông tin tại thôn');
    expect(lines).toContain('Nơi nhận:');
    // The signature block of the unit's head, as the unit's plan prints it.
    const sign = lines.indexOf('TM. ỦY BAN NHÂN DÂN');
    expect(sign).toBeGreaterThan(0);
    expect(lines[sign + 1]).toBe('CHỦ TỊCH');
    expect(lines.slice(sign + 2).filter(Boolean)[0]).toBe('Nguyễn Văn Khoa');
    // The NĐ 30 header and the date of the letter (today).
    expect(lines).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines).toContain('Vĩnh Lập, ngày 01 tháng 12 năm 2021');
  });

  it('uses the 2018 form for a dossier due in 2021', () => {
    expect(lines).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(lines).toContain('(Ban hành kèm theo Thông tư số 01/2018/TT-VPCP)');
  });

  it('records the apology date on the dossier, with an audit entry in the chain', async () => {
    const [row] = await harness.ctx.db
      .select({ id: dossiers.id, apologyDate: dossiers.apologyDate })
      .from(dossiers)
      .where(and(eq(dossiers.unitId, vinhLap), eq(dossiers.code, code)));
    expect(row?.apologyDate).toBe('2021-12-01');
    const entries = await harness.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'dossier'), eq(auditLog.entityId, String(row?.id))));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'apology',
      unitId: vinhLap,
      reason: 'Hồ sơ phải xác minh thêm thông tin tại thôn',
      newValue: { code, apologyDate: '2021-12-01', newDate: '2022-01-14', form: 'tt01_2018' },
    });
    expect((await verifyAuditChain(harness.ctx.db)).ok).toBe(true);
  });

  it('is refused a second time, and leaves the date as it was', async () => {
    const again = await apology(head, vinhLap, code, { reason: 'Lý do khác hẳn', newDate: '20/12/2021' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toContain('đã có thư xin lỗi ngày 01/12/2021');
  });
});

describe('the projected points of the apology criterion', () => {
  it('rise by what the framework gives once every late dossier has its letter', async () => {
    const before = await apologyCriterion();
    const late = await lateWithoutApology();
    const count = late.total;
    expect(count).toBeGreaterThan(0);

    // Expected from the framework itself: its method and parameters for 0 and `count` records.
    const stated = await frameworkCriterion('late_dossiers_without_apology');
    const method = findMethod(stated.method);
    if (!method) throw new Error(`unknown method ${stated.method}`);
    const params = method.parseParams(stated.params, stated.maxPoints);
    if (!params.ok) throw new Error('bad params');
    const score = (n: number) => method.score(n, 1, stated.maxPoints, params.value) as Fixed;
    expect(before.points).toBe(formatDecimal(score(count)));

    for (const item of late.items) {
      const res = await apology(head, vinhLap, item.code, {
        reason: 'Hồ sơ cần bổ sung giấy tờ',
        newDate: '31/01/2022',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await lateWithoutApology()).total).toBe(0);
    const after = await apologyCriterion();
    expect(after.points).toBe(formatDecimal(score(0)));
    expect(Number(after.points) - Number(before.points)).toBeCloseTo(
      Number(formatDecimal(score(0))) - Number(formatDecimal(score(count))),
      6,
    );
    expect(after.status).toBe('earned');
  });
});

describe('which dossiers may have a letter, and who may make it', () => {
  it('refuses a dossier resolved on time, and one not yet due', async () => {
    expect(
      (await putDossier('XL-DUNG-HAN', { received: '2021-11-01', due: '2021-11-05', result: '2021-11-05' }))
        .statusCode,
    ).toBe(201);
    const onTime = await apology(officer, vinhLap, 'XL-DUNG-HAN', {
      reason: 'Thử lập thư',
      newDate: '10/12/2021',
    });
    expect(onTime.statusCode).toBe(409);
    expect(onTime.json<{ message: string }>().message).toContain('đúng hạn');

    // Due Monday 6 December: three working days after Wednesday 1 December.
    expect(
      (await putDossier('XL-CHUA-HAN', { received: '2021-11-29', due: '2021-12-06', result: null }))
        .statusCode,
    ).toBe(201);
    const notDue = await apology(officer, vinhLap, 'XL-CHUA-HAN', {
      reason: 'Thử lập thư',
      newDate: '10/12/2021',
    });
    expect(notDue.statusCode).toBe(409);
    expect(notDue.json<{ message: string }>().message).toContain('chưa trễ hẹn');
  });

  it('lists open dossiers due within two working days as "sắp trễ hẹn", and lets their letter go out in time', async () => {
    await putDossier('XL-HOM-NAY', { received: '2021-11-29', due: '2021-12-01T16:00', result: null });
    // Friday 3 December is the second working day after Wednesday 1 December.
    await putDossier('XL-THU-SAU', { received: '2021-11-29', due: '2021-12-03', result: null });
    await putDossier('XL-DA-XONG', { received: '2021-11-29', due: '2021-12-02', result: '2021-12-01' });
    await putDossier('XL-QUA-HAN', { received: '2021-11-22', due: '2021-11-30', result: null });
    const res = await officer.get(`/api/units/${vinhLap}/dossiers-due-soon`);
    expect(res.statusCode, res.body).toBe(200);
    const soon = res.json<{ today: string; until: string; dossiers: { code: string }[] }>();
    expect(soon).toMatchObject({ today: '2021-12-01', until: '2021-12-03' });
    expect(soon.dossiers.map((d) => d.code)).toEqual(['XL-HOM-NAY', 'XL-THU-SAU']);

    const inTime = await apology(officer, vinhLap, 'XL-THU-SAU', {
      reason: 'Chờ kết quả xác minh của cơ quan khác',
      newDate: '08/12/2021',
    });
    expect(inTime.statusCode, inTime.body).toBe(200);
    // Open and already past its due day: late, and its new date cannot be in the past.
    const past = await apology(officer, vinhLap, 'XL-QUA-HAN', {
      reason: 'Chờ kết quả xác minh',
      newDate: '30/11/2021',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json<{ message: string }>().message).toContain('phải sau ngày hẹn trả cũ');
  });

  it('chooses the form in force on the due date: 2018 until 30/6/2025, 2025 from 1/7/2025', async () => {
    clock.now = new Date('2025-07-10T03:00:00Z');
    const local = await loginAs(harness.app, 'vinhlap.canbo');
    const forms: Record<string, string[]> = {};
    for (const [code, due] of [
      ['XL-2025-A', '2025-06-30'],
      ['XL-2025-B', '2025-07-01'],
    ] as const) {
      const put = await local.send('PUT', `/api/units/${vinhLap}/dossiers/${code}`, {
        applicant: null,
        procedureName: 'Chứng thực chữ ký',
        field: 'Chứng thực',
        channel: 'Trực tuyến',
        received: '2025-06-25',
        due,
        result: '2025-07-08',
        apologyDate: null,
      });
      expect(put.statusCode, put.body).toBe(201);
      const res = await apology(local, vinhLap, code, {
        reason: 'Thiếu cán bộ tư pháp',
        newDate: '15/07/2025',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['x-apology-date']).toBe('2025-07-10');
      forms[code] = paragraphs(res.rawPayload);
    }
    expect(forms['XL-2025-A']).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(forms['XL-2025-B']).toContain('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(forms['XL-2025-B']).toContain('(Ban hành kèm theo Thông tư số 03/2025/TT-VPCP)');
    // No applicant: the letter leaves the name to be written by hand.
    expect(forms['XL-2025-B']?.some((l) => l.startsWith('Kính gửi: Ông (bà)/tổ chức …'))).toBe(true);
    clock.now = NOW;
  });

  it('refuses another commune, the appraiser and bad input', async () => {
    const [other] = (await appraiser.get(`/api/units/${thanhHong}/dossiers?limit=1`)).json<{
      items: { code: string }[];
    }>().items;
    if (!other) throw new Error('Thanh Hồng has no dossier');
    const body = { reason: 'Lý do chậm trễ', newDate: '31/12/2021' };
    expect((await apology(officer, thanhHong, other.code, body)).statusCode).toBe(403);
    // Still open two days after its due day (created above): late, without a letter.
    const late = { code: 'XL-QUA-HAN' };
    // The district appraiser reads the registers but does not write the commune's letters.
    expect((await apology(appraiser, vinhLap, late.code, body)).statusCode).toBe(403);
    expect((await apology(officer, vinhLap, 'KHONG-CO', body)).statusCode).toBe(404);
    const bad = await apology(officer, vinhLap, late.code, {
      reason: 'Lý do chậm trễ',
      newDate: '31/02/2021',
    });
    expect(bad.statusCode).toBe(400);
    expect((await apology(officer, vinhLap, late.code, { newDate: '31/12/2021' })).statusCode).toBe(400);
  });
});
