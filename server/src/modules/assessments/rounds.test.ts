import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, vnDateOf } from '#core/time/index';
import { type Client, loginAs, setupTestApp } from '../../testing/app';
import { unitIdsByCode } from '../../testing/plans';
import type { SheetJson } from './present';
import type { RoundDetail } from './rounds';
import { entryOf, ok, PDF, roundDetail, sheet } from './testing';

// Opening a round, deadlines and reminders, a late submission and the reopening that allows
// it, a criterion returned for evidence, a rejected explanation, the window closing by date.

const { harness, clock } = setupTestApp();

let officer: Client;
let head: Client;
let appraiser: Client;
let districtId = 0;
let vinhLapId = 0;
let framework2022 = 0;
let round: RoundDetail;
let sheetId = 0;

const at = (date: string) => new Date(`${date}T03:00:00Z`);

async function signIn() {
  officer = await loginAs(harness.app, 'vinhlap.canbo');
  head = await loginAs(harness.app, 'vinhlap.chutich');
  appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
}

/** Moves the clock (sessions expire with it: sign in again). */
async function travel(date: string) {
  clock.now = at(date);
  await signIn();
}

beforeAll(async () => {
  await travel('2022-11-01');
  const admin = await loginAs(harness.app, 'admin');
  const ids = await unitIdsByCode(admin);
  districtId = ids['294'] as number;
  vinhLapId = ids['10885'] as number;
  // A 2022 framework: the 2021 one copied, then published.
  const list = (await appraiser.get('/api/frameworks?year=2021')).json<{ frameworks: { id: number }[] }>()
    .frameworks;
  const copy = await ok<{ id: number }>(
    appraiser.send('POST', `/api/frameworks/${list[0]?.id}/copy`, { year: 2022 }),
    201,
  );
  framework2022 = copy.id;
});

const body = (extra: Record<string, unknown> = {}) => ({
  ownerUnitId: districtId,
  frameworkId: framework2022,
  selfDue: '2022-12-15',
  appraisalDue: '2022-12-31',
  explanationFrom: '2023-01-03',
  explanationTo: '2023-01-13',
  ...extra,
});

describe('opening a round', () => {
  it('needs a published framework, sound deadlines, the appraiser role and units of the framework’s level', async () => {
    const draft = await appraiser.send('POST', '/api/assessment-rounds', body());
    expect(draft.statusCode).toBe(409);
    expect(draft.json<{ code: string }>().code).toBe('assessments.frameworkNotPublished');
    await ok(appraiser.send('POST', `/api/frameworks/${framework2022}/publish`));
    const badDates = await appraiser.send(
      'POST',
      '/api/assessment-rounds',
      body({ appraisalDue: '2022-12-01' }),
    );
    expect(badDates.statusCode).toBe(400);
    expect(badDates.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('appraisalDue');
    const notADate = await appraiser.send('POST', '/api/assessment-rounds', body({ selfDue: '31/02/2022' }));
    expect(notADate.statusCode).toBe(400);
    expect((await head.send('POST', '/api/assessment-rounds', body())).statusCode).toBe(403);
    const foreign = await appraiser.send('POST', '/api/assessment-rounds', body({ unitIds: [districtId] }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ code: string }>().code).toBe('assessments.badUnits');
  });

  it('gives every commune of the district a draft sheet and tells their users', async () => {
    round = await ok<RoundDetail>(appraiser.send('POST', '/api/assessment-rounds', body()), 201);
    expect(round).toMatchObject({ year: 2022, level: 'commune', unitCount: 20, canAppraise: true });
    expect(round.counts.draft).toBe(20);
    sheetId = round.sheets.find((s) => s.unitId === vinhLapId)?.id ?? 0;
    expect((await appraiser.send('POST', '/api/assessment-rounds', body())).statusCode).toBe(409);
    const notes = await ok<{
      items: { kind: string; sheetId: number; link: string; message: { vi: string } }[];
    }>(officer.get('/api/notifications?unread=1'));
    const opened = notes.items.find((n) => n.kind === 'round_opened' && n.sheetId === sheetId);
    expect(opened?.message.vi).toContain('15/12/2022');
    expect(opened?.link).toBe(`/danh-gia/phieu/${sheetId}`);
  });

  it('changes deadlines only by the appraiser, recorded in the audit log', async () => {
    const moved = await ok<RoundDetail>(
      appraiser.send('PATCH', `/api/assessment-rounds/${round.id}`, { selfDue: '2022-12-16' }),
    );
    expect(moved.selfDue).toBe('2022-12-16');
    expect(
      (await head.send('PATCH', `/api/assessment-rounds/${round.id}`, { selfDue: '2023-01-30' })).statusCode,
    ).toBe(403);
  });
});

/** Scores every criterion of the sheet 0 (no evidence needed), with a reason where a KPI is overridden. */
async function scoreAllZero(s: SheetJson): Promise<SheetJson> {
  let current = s;
  for (const entry of s.entries) {
    if (entry.areaCode === '8') continue;
    current = await ok(
      officer.send('PUT', `/api/assessment-sheets/${sheetId}/entries/${entry.code}`, {
        input: { kind: 'points', points: '0' },
        overrideReason: entry.prefill ? 'Chưa có số liệu năm 2022 trong sổ theo dõi' : undefined,
      }),
    );
  }
  return current;
}

describe('deadlines', () => {
  it('reminds the unit three days before the self-assessment is due, once', async () => {
    await travel('2022-12-12');
    const none = await ok<{ items: { kind: string }[] }>(officer.get('/api/notifications'));
    expect(none.items.filter((n) => n.kind === 'deadline_soon')).toEqual([]);
    await travel('2022-12-13');
    const soon = await ok<{ items: { kind: string; params: { days: number } }[] }>(
      officer.get('/api/notifications'),
    );
    expect(soon.items.filter((n) => n.kind === 'deadline_soon')).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ days: 3 }) }),
    ]);
    const again = await ok<{ items: { kind: string }[] }>(officer.get('/api/notifications'));
    expect(again.items.filter((n) => n.kind === 'deadline_soon')).toHaveLength(1);
    const read = await ok<{ count: number }>(officer.send('POST', '/api/notifications/read-all'));
    expect(read.count).toBeGreaterThan(0);
    expect((await ok<{ unread: number }>(officer.get('/api/notifications'))).unread).toBe(0);
  });

  it('refuses a late submission until the appraiser reopens the sheet', async () => {
    const s = await scoreAllZero(await sheet(officer, sheetId));
    expect(s.problems).toEqual([]);
    await travel('2022-12-17');
    const late = await head.send('POST', `/api/assessment-sheets/${sheetId}/submit`);
    expect(late.statusCode).toBe(409);
    expect(late.json<{ code: string; message: string }>()).toMatchObject({
      code: 'assessments.late',
      message: expect.stringContaining('16/12/2022'),
    });
    expect(
      (await appraiser.send('POST', `/api/assessment-sheets/${sheetId}/reopen`, { reason: ' ' })).statusCode,
    ).toBe(400);
    const reopened = await ok(
      appraiser.send('POST', `/api/assessment-sheets/${sheetId}/reopen`, { reason: 'Mất điện ngày 16/12' }),
    );
    expect(reopened).toMatchObject({ state: 'draft', reopened: true });
    const submitted = await ok(head.send('POST', `/api/assessment-sheets/${sheetId}/submit`));
    expect(submitted.state).toBe('submitted');
  });
});

describe('appraisal and explanation', () => {
  it('returns a criterion for evidence: no provisional result until the unit answers', async () => {
    let s = await ok(
      appraiser.send('POST', `/api/assessment-sheets/${sheetId}/returns/2.1`, {
        note: 'Thiếu kế hoạch theo dõi',
      }),
    );
    expect(s.state).toBe('in_appraisal');
    expect(entryOf(s, '2.1').returned).toMatchObject({ note: 'Thiếu kế hoạch theo dõi', open: true });
    s = await ok(appraiser.send('POST', `/api/assessment-sheets/${sheetId}/appraisal/accept-self`));
    const blocked = await appraiser.send('POST', `/api/assessment-sheets/${sheetId}/provisional`);
    expect(blocked.json<{ code: string }>().code).toBe('assessments.openReturns');
    // The unit sees the note (not the points), adds a file and answers.
    expect(entryOf(await sheet(officer, sheetId), '2.1').appraisedPoints).toBeNull();
    const notes = await ok<{ items: { kind: string }[] }>(officer.get('/api/notifications'));
    expect(notes.items.map((n) => n.kind)).toContain('criterion_returned');
    const file = await ok<{ stage: string }>(
      officer.upload(`/api/assessment-sheets/${sheetId}/entries/2.1/evidence`, 'ke-hoach-theo-doi.pdf', PDF),
      201,
    );
    expect(file.stage).toBe('return');
    expect(
      (await officer.send('PUT', `/api/assessment-sheets/${sheetId}/entries/2.1`, { comment: 'x' }))
        .statusCode,
    ).toBe(409);
    s = await ok(
      officer.send('POST', `/api/assessment-sheets/${sheetId}/returns/2.1/answer`, {
        text: 'Đã bổ sung kế hoạch',
      }),
    );
    expect(entryOf(s, '2.1').returned).toMatchObject({ open: false, answer: 'Đã bổ sung kế hoạch' });
    s = await ok(appraiser.send('POST', `/api/assessment-sheets/${sheetId}/provisional`));
    expect(s.state).toBe('provisional');
  });

  it('accepts explanations only inside the window; a rejection needs a reason', async () => {
    const early = await officer.send('POST', `/api/assessment-sheets/${sheetId}/explanations`, {
      code: '2.1',
      text: 'Đề nghị xem xét',
    });
    expect(early.json<{ code: string }>().code).toBe('assessments.windowNotOpen');
    await travel('2023-01-05');
    await ok(
      officer.send('POST', `/api/assessment-sheets/${sheetId}/explanations`, {
        code: '2.1',
        text: 'Đề nghị xem xét',
      }),
    );
    const twice = await officer.send('POST', `/api/assessment-sheets/${sheetId}/explanations`, {
      code: '2.1',
      text: 'Lần nữa',
    });
    expect(twice.statusCode).toBe(409);
    const noReason = await appraiser.send(
      'POST',
      `/api/assessment-sheets/${sheetId}/explanations/2.1/answer`,
      {
        accept: false,
      },
    );
    expect(noReason.json<{ code: string }>().code).toBe('assessments.answerReasonRequired');
    const s = await ok(
      appraiser.send('POST', `/api/assessment-sheets/${sheetId}/explanations/2.1/answer`, {
        accept: false,
        reason: 'Kế hoạch ban hành sau thời hạn',
      }),
    );
    expect(entryOf(s, '2.1').explanation).toMatchObject({
      status: 'rejected',
      answer: 'Kế hoạch ban hành sau thời hạn',
    });
  });

  it('makes results final when the window’s last day has passed, and publishes only a whole round', async () => {
    await travel('2023-01-14');
    const late = await officer.send('POST', `/api/assessment-sheets/${sheetId}/explanations`, {
      code: '2.2',
      text: 'Muộn',
    });
    expect(late.json<{ code: string }>().code).toBe('assessments.windowClosed');
    // The other communes never submitted: nothing is published.
    const refused = await appraiser.send('POST', `/api/assessment-rounds/${round.id}/publish`);
    expect(refused.statusCode).toBe(409);
    const body = refused.json<{ code: string; errors: { message: string }[] }>();
    expect(body.code).toBe('assessments.notAllFinal');
    expect(body.errors).toHaveLength(19);
    // …and the refusal changed nothing, not even Vĩnh Lập's state.
    expect((await sheet(officer, sheetId)).state).toBe('explanation');
    const detail = await roundDetail(appraiser, round.id);
    expect(detail.publishedAt).toBeNull();
    expect(vnDateOf(clock.now.toISOString())).toBe(addDays(detail.explanationTo, 1));
  });
});
