import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, setupTestApp } from '../../testing/app';
import { demoPlanId, unitIdsByCode } from '../../testing/plans';

const { harness, clock } = setupTestApp({
  config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'chiso-plans-')) },
});

interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
}
interface Plan {
  id: number;
  year: number;
  status: string;
  title: string;
  areas: { key: string; name: string; contents: string[]; targets: string[] }[];
  purposes: string[];
  signerName: string;
  number: string | null;
  issuedDate: string | null;
  totals: { total: number; done: number; overdue: number };
  progress: { areaKey: string | null; total: number; done: number; overdue: number }[];
  kpis: Record<string, Rate>;
}
interface Task {
  id: number;
  title: string;
  kind: string;
  status: string;
  progress: number;
  areaKey: string | null;
  assigneeId: number | null;
  dueAt: string;
  doneAt: string | null;
  overdue: boolean;
  criteriaCodes: string[];
  pointsAtStake: number | null;
}

let officer: Client;
let head: Client;
let ids: Record<string, number>;
let planId: number;
let officerId: number;

const getPlan = async (client: Client, id = planId) => (await client.get(`/api/plans/${id}`)).json<Plan>();
const tasksOf = async (client: Client, query = '', id = planId) =>
  (await client.get(`/api/plans/${id}/tasks${query}`)).json<{ tasks: Task[] }>().tasks;

beforeAll(async () => {
  // Late 2021, so that the demo plan's open tasks are partly overdue, partly not yet due.
  clock.now = new Date('2021-11-20T03:00:00Z');
  const admin = await loginAs(harness.app, 'admin');
  ids = await unitIdsByCode(admin);
  officer = await loginAs(harness.app, 'vinhlap.canbo');
  head = await loginAs(harness.app, 'vinhlap.chutich');
  planId = await demoPlanId(officer, ids['10885'] as number);
  officerId = (await officer.get('/api/auth/session')).json<{ user: { id: number } }>().user.id;
});

describe('the demo plan of Vĩnh Lập, 2021', () => {
  it('is the seed transcribed: issued, seven areas, the signer, the tasks and their progress', async () => {
    const plan = await getPlan(officer);
    expect(plan.status).toBe('issued');
    expect(plan.issuedDate).toBe('2021-04-08');
    expect(plan.areas.map((a) => a.name)).toEqual([
      'Công tác chỉ đạo, điều hành về CCHC',
      'Cải cách thể chế',
      'Cải cách thủ tục hành chính',
      'Cải cách tổ chức bộ máy',
      'Cải cách công vụ',
      'Cải cách tài chính công',
      'Xây dựng và phát triển chính quyền điện tử',
    ]);
    expect(plan.purposes).toHaveLength(3);
    expect(plan.signerName).toBe('Nguyễn Văn Khoa');
    expect(plan.totals).toEqual({ total: 28, done: 16, overdue: 5 });
    expect(plan.progress.find((p) => p.areaKey === 'chi_dao')).toMatchObject({ total: 12, done: 6 });
    // Propaganda due in 2021: 4 activities, 2 done by their due date (one was 4 days late, one is open).
    expect(plan.kpis.propaganda_done_rate).toEqual({ value: 50, numerator: 2, denominator: 4 });
  });

  it('filters tasks by area, officer, status and overdue, and lists "my tasks"', async () => {
    expect(await tasksOf(officer, '?area=cqdt')).toHaveLength(4);
    expect((await tasksOf(officer, '?status=doing')).every((t) => t.status === 'doing')).toBe(true);
    const overdue = await tasksOf(officer, '?overdue=true');
    expect(overdue).toHaveLength(5);
    expect(overdue.every((t) => t.overdue && t.status !== 'done')).toBe(true);
    const mineInPlan = await tasksOf(officer, `?assigneeId=${officerId}`);
    const mine = (await officer.get('/api/tasks/mine')).json<{ tasks: Task[] }>().tasks;
    expect(mine.map((t) => t.id).sort()).toEqual(mineInPlan.map((t) => t.id).sort());
    expect(mine.length).toBeGreaterThan(5);
    const dues = mine.map((t) => t.dueAt);
    expect([...dues].sort()).toEqual(dues);
    expect((await head.get('/api/tasks/mine?overdue=true')).json<{ tasks: Task[] }>().tasks).toHaveLength(1);
  });

  it('counts a task done on time into the completion KPI, and a late one only into the totals', async () => {
    const before = await getPlan(officer);
    const [open] = await tasksOf(officer, '?area=cqdt&status=todo');
    const res = await officer.send('PATCH', `/api/tasks/${open?.id}`, { status: 'done', done: '19/11/2021' });
    expect(res.statusCode).toBe(200);
    expect(res.json<Task>()).toMatchObject({ status: 'done', progress: 100, overdue: false });
    const after = await getPlan(officer);
    expect(after.totals.done).toBe(before.totals.done + 1);
    expect(after.kpis.plan_tasks_done_rate.numerator).toBe(before.kpis.plan_tasks_done_rate.numerator + 1);
    expect(after.kpis.plan_tasks_done_rate.denominator).toBe(before.kpis.plan_tasks_done_rate.denominator);

    const [late] = await tasksOf(officer, '?overdue=true&area=tthc');
    await officer.send('PATCH', `/api/tasks/${late?.id}`, { status: 'done' });
    const third = await getPlan(officer);
    expect(third.totals.done).toBe(after.totals.done + 1);
    expect(third.kpis.plan_tasks_done_rate.numerator).toBe(after.kpis.plan_tasks_done_rate.numerator);

    // Reopening takes it back out.
    await officer.send('PATCH', `/api/tasks/${open?.id}`, { status: 'doing', progress: 50 });
    expect((await getPlan(officer)).kpis.plan_tasks_done_rate).toEqual(before.kpis.plan_tasks_done_rate);
  });

  it('explains bad task input in Vietnamese, naming the field', async () => {
    const [task] = await tasksOf(officer, '?status=todo');
    const future = await officer.send('PATCH', `/api/tasks/${task?.id}`, { done: '01/01/2030' });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ message: string }>().message).toBe('done: Ngày hoàn thành không được sau hôm nay.');
    const badDate = await officer.send('POST', `/api/plans/${planId}/tasks`, {
      kind: 'plan',
      title: 'Thử',
      areaKey: null,
      criteriaCodes: [],
      assigneeId: null,
      responsibleUnit: null,
      startDate: null,
      due: '31/02/2021',
      status: 'todo',
      progress: 0,
      done: null,
      resultNote: null,
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json<{ message: string }>().message).toContain('Ngày 31/02/2021 không tồn tại');
    const badArea = await officer.send('PATCH', `/api/tasks/${task?.id}`, { areaKey: 'khong-co' });
    expect(badArea.json<{ message: string }>().message).toContain('Kế hoạch không có lĩnh vực');
    const badCode = await officer.send('PATCH', `/api/tasks/${task?.id}`, { criteriaCodes: ['1.2 a'] });
    expect(badCode.statusCode).toBe(400);
    // 2021 has a published framework for communes: a code it does not have is refused.
    const unknown = await officer.send('PATCH', `/api/tasks/${task?.id}`, { criteriaCodes: ['3.3', '9.9'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ message: string }>().message).toContain('Không có tiêu chí mã 9.9');
    const known = await officer.send('PATCH', `/api/tasks/${task?.id}`, { criteriaCodes: ['3.3'] });
    expect(known.statusCode).toBe(200);
  });
});

describe('draft → issued, and amendments of an issued plan', () => {
  let draftId: number;

  it('starts next year’s plan from this year’s, as a draft the officer edits', async () => {
    const res = await officer.send('POST', '/api/plans', { unitId: ids['10885'], year: 2022 });
    expect(res.statusCode).toBe(201);
    const draft = res.json<Plan>();
    draftId = draft.id;
    expect(draft.status).toBe('draft');
    expect(draft.title).toContain('2022');
    expect(draft.areas).toHaveLength(7);
    expect(draft.number).toBeNull();
    expect((await officer.send('POST', '/api/plans', { unitId: ids['10885'], year: 2022 })).statusCode).toBe(
      409,
    );

    const { id: _id, ...rest } = draft;
    const document = pickDocument(rest);
    document.purposes = ['Mục đích mới'];
    document.signerName = '';
    const saved = await officer.send('PUT', `/api/plans/${draftId}`, { document });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<Plan>().purposes).toEqual(['Mục đích mới']);
    expect(
      (await officer.get(`/api/plans/${draftId}/amendments`)).json<{ amendments: [] }>().amendments,
    ).toEqual([]);
  });

  it('is issued by the head only, and only once', async () => {
    expect(
      (await officer.send('POST', `/api/plans/${draftId}/issue`, { number: '12', issuedDate: '15/11/2021' }))
        .statusCode,
    ).toBe(403);
    const unsigned = await head.send('POST', `/api/plans/${draftId}/issue`, {
      number: '12',
      issuedDate: '15/11/2021',
    });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json<{ message: string }>().message).toContain('người ký');
    const document = pickDocument(await getPlan(head, draftId));
    document.signerName = 'Nguyễn Văn Khoa';
    await head.send('PUT', `/api/plans/${draftId}`, { document });
    const issued = await head.send('POST', `/api/plans/${draftId}/issue`, {
      number: '12',
      issuedDate: '15/11/2021',
    });
    expect(issued.statusCode).toBe(200);
    expect(issued.json<Plan>()).toMatchObject({ status: 'issued', number: '12', issuedDate: '2021-11-15' });
    expect(
      (await head.send('POST', `/api/plans/${draftId}/issue`, { number: '13', issuedDate: '16/11/2021' }))
        .statusCode,
    ).toBe(409);
  });

  it('changes only through an amendment by the head, with a reason, recorded field by field', async () => {
    const document = pickDocument(await getPlan(head, draftId));
    document.purposes = ['Mục đích đã sửa'];
    expect((await officer.send('PUT', `/api/plans/${draftId}`, { document, reason: 'Sửa' })).statusCode).toBe(
      403,
    );
    const noReason = await head.send('PUT', `/api/plans/${draftId}`, { document });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ message: string }>().message).toContain('lý do');
    clock.now = new Date('2021-11-20T04:00:00Z');
    const ok = await head.send('PUT', `/api/plans/${draftId}`, {
      document,
      reason: 'Theo Kế hoạch số 300/KH-UBND của UBND huyện',
    });
    expect(ok.statusCode).toBe(200);
    const amendments = (await officer.get(`/api/plans/${draftId}/amendments`)).json<{
      amendments: {
        amendedByName: string;
        amendedAt: string;
        reason: string;
        changes: { field: string; before: string; after: string }[];
      }[];
    }>().amendments;
    expect(amendments).toHaveLength(1);
    expect(amendments[0]).toMatchObject({
      amendedByName: 'Phạm Văn Chủ Tịch',
      amendedAt: '2021-11-20T04:00:00.000Z',
      reason: 'Theo Kế hoạch số 300/KH-UBND của UBND huyện',
      changes: [{ field: 'Mục đích', before: '- Mục đích mới', after: '- Mục đích đã sửa' }],
    });
    clock.now = new Date('2021-11-20T03:00:00Z');
  });

  it('refuses to drop an area that still has tasks', async () => {
    const document = pickDocument(await getPlan(head));
    document.areas = document.areas.filter((a) => a.key !== 'cqdt');
    const res = await head.send('PUT', `/api/plans/${planId}`, { document, reason: 'Bỏ lĩnh vực' });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ message: string }>().message).toContain('Xây dựng và phát triển chính quyền điện tử');
  });

  it('records moving an issued plan task’s deadline, which needs the head and a reason', async () => {
    const [task] = await tasksOf(officer, '?area=cong_vu');
    expect(
      (await officer.send('PATCH', `/api/tasks/${task?.id}`, { due: '15/01/2022', reason: 'x' })).statusCode,
    ).toBe(403);
    expect((await head.send('PATCH', `/api/tasks/${task?.id}`, { due: '15/01/2022' })).statusCode).toBe(400);
    const ok = await head.send('PATCH', `/api/tasks/${task?.id}`, {
      due: '15/01/2022',
      reason: 'Chờ hướng dẫn của huyện',
    });
    expect(ok.statusCode).toBe(200);
    const amendments = (await head.get(`/api/plans/${planId}/amendments`)).json<{
      amendments: { changes: { field: string; after: string }[] }[];
    }>().amendments;
    expect(amendments[0]?.changes[0]).toMatchObject({ after: '15/01/2022' });
    // Progress is not a change of the plan: the officer records it freely.
    expect(
      (await officer.send('PATCH', `/api/tasks/${task?.id}`, { status: 'doing', progress: 30 })).statusCode,
    ).toBe(200);
  });
});

describe('start from last year’s result', () => {
  it('turns criteria that lost points into tasks, the most points at stake first, once', async () => {
    const draft = (
      await officer.send('POST', '/api/plans', { unitId: ids['10885'], year: 2023 })
    ).json<Plan>();
    const criteria = [
      { code: '1.5.2', name: 'Mức độ hoàn thành kế hoạch tuyên truyền', lostPoints: 0.5 },
      { code: '3.3', name: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', lostPoints: 2.25 },
      { code: '7.2', name: 'Tỷ lệ văn bản trao đổi dưới dạng điện tử', lostPoints: 1 },
      { code: '5.2', name: 'Không có cán bộ bị kỷ luật', lostPoints: 0 },
    ];
    const res = await officer.send('POST', `/api/plans/${draft.id}/tasks/from-lost-points`, { criteria });
    expect(res.statusCode).toBe(200);
    const tasks = res.json<{ tasks: Task[] }>().tasks;
    expect(tasks.map((t) => [t.criteriaCodes, t.pointsAtStake])).toEqual([
      [['3.3'], 2.25],
      [['7.2'], 1],
      [['1.5.2'], 0.5],
    ]);
    expect(tasks[0]?.title).toBe('Khắc phục tiêu chí 3.3: Tỷ lệ hồ sơ TTHC giải quyết đúng hạn');
    const again = await officer.send('POST', `/api/plans/${draft.id}/tasks/from-lost-points`, { criteria });
    expect(again.json<{ tasks: Task[] }>().tasks).toEqual([]);
  });
});

describe('tasks to and from Excel', () => {
  async function sheet(rows: (string | number)[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Nhiệm vụ');
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('exports the tasks and imports the file back unchanged', async () => {
    const res = await officer.get(`/api/plans/${planId}/tasks/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0];
    expect(ws?.getRow(1).getCell(2).value).toBe('Nhiệm vụ');
    expect(ws?.rowCount).toBe(29);
    const before = await tasksOf(officer);
    const back = await head.upload(`/api/plans/${planId}/tasks/import`, 'nhiem-vu.xlsx', res.rawPayload);
    expect(back.json()).toEqual({ inserted: 0, updated: 28 });
    const after = await tasksOf(officer);
    expect(after.map((t) => [t.id, t.title, t.status, t.dueAt, t.doneAt, t.areaKey, t.assigneeId])).toEqual(
      before.map((t) => [t.id, t.title, t.status, t.dueAt, t.doneAt, t.areaKey, t.assigneeId]),
    );
  });

  it('refuses a file with bad rows whole, naming row, column and reason', async () => {
    const draft = (
      await officer.send('POST', '/api/plans', { unitId: ids['10885'], year: 2024 })
    ).json<Plan>();
    const file = await sheet([
      ['Nhiệm vụ', 'Loại', 'Lĩnh vực', 'Cán bộ phụ trách', 'Hạn hoàn thành', 'Trạng thái', 'Ngày hoàn thành'],
      [
        'Tuyên truyền trên loa',
        'Tuyên truyền CCHC',
        'Công tác chỉ đạo, điều hành về CCHC',
        'vinhlap.canbo',
        '30/06/2024',
        '',
        '',
      ],
      ['', 'Tuyên truyền CCHC', '9', 'không có ai', '31/02/2024', '', ''],
      ['Rà soát TTHC', 'Loại lạ', '', '', '30/06/2024', 'Hoàn thành', ''],
    ]);
    const res = await officer.upload(`/api/plans/${draft.id}/tasks/import`, 'nhiem-vu.xlsx', file);
    expect(res.statusCode).toBe(422);
    const errors = res.json<{ errors: { row: number; field: string; message: string }[] }>().errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        { row: 3, field: 'Nhiệm vụ', message: 'Bắt buộc nhập tên nhiệm vụ.' },
        expect.objectContaining({ row: 3, field: 'Lĩnh vực' }),
        expect.objectContaining({ row: 3, field: 'Cán bộ phụ trách' }),
        expect.objectContaining({
          row: 3,
          field: 'Hạn hoàn thành',
          message: expect.stringContaining('không tồn tại'),
        }),
        expect.objectContaining({ row: 4, field: 'Loại' }),
        { row: 4, field: 'Ngày hoàn thành', message: 'Nhiệm vụ hoàn thành phải có ngày hoàn thành.' },
      ]),
    );
    expect(errors.some((e) => e.row === 2)).toBe(false);
    expect(await tasksOf(officer, '', draft.id)).toEqual([]);

    const good = await sheet([
      ['Nhiệm vụ', 'Loại', 'Lĩnh vực', 'Cán bộ phụ trách', 'Hạn hoàn thành', 'Tiêu chí'],
      [
        'Tuyên truyền trên loa',
        'tuyen truyen cchc',
        '1',
        'Trần Thị Cán Bộ',
        '30/06/2024 17:00',
        '1.5.2; 1.5.3',
      ],
    ]);
    const ok = await officer.upload(`/api/plans/${draft.id}/tasks/import`, 'nhiem-vu.xlsx', good);
    expect(ok.json()).toEqual({ inserted: 1, updated: 0 });
    expect((await tasksOf(officer, '', draft.id))[0]).toMatchObject({
      kind: 'propaganda',
      areaKey: 'chi_dao',
      assigneeId: officerId,
      criteriaCodes: ['1.5.2', '1.5.3'],
    });
  });
});

/** The document part of a plan as the PUT route takes it. */
function pickDocument(plan: object) {
  const keys = [
    'number',
    'symbol',
    'issuedDate',
    'place',
    'parentBody',
    'issuingBody',
    'title',
    'preamble',
    'purposes',
    'requirements',
    'areas',
    'duties',
    'closing',
    'recipients',
    'signAuthority',
    'signerTitle',
    'signerName',
  ];
  const source = plan as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, source[k]])) as Record<string, unknown> & {
    purposes: string[];
    signerName: string;
    areas: { key: string }[];
  };
}
