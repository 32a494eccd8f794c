import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VINH_LAP_LEFT_EMPTY } from '../../demo/assessments';
import { type Client, loginAs, setupTestApp } from '../../testing/app';
import { verifyAuditChain } from '../audit/service';
import { publishedResultsOf, selfAssessmentEntries } from './results';
import type { RoundDetail } from './rounds';
import { entryOf, ok, PDF, roundDetail, roundOfYear, sheet } from './testing';

// The yearly loop of the issue, through the HTTP API on the demo data: Vĩnh Lập fills in
// its self-assessment with evidence, the head submits, the district appraises and changes
// two criteria with reasons, Vĩnh Lập contests one, the appraiser accepts it, the round is
// published, and the public results show Vĩnh Lập's index and rank.

const { harness } = setupTestApp({ config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'chiso-loop-')) } });

let officer: Client;
let head: Client;
let appraiser: Client;
let admin: Client;
let roundId = 0;
let sheetId = 0;

beforeAll(async () => {
  officer = await loginAs(harness.app, 'vinhlap.canbo');
  head = await loginAs(harness.app, 'vinhlap.chutich');
  appraiser = await loginAs(harness.app, 'thanhha.thamdinh');
  admin = await loginAs(harness.app, 'admin');
  const round = await roundOfYear(officer, 2021);
  roundId = round.id;
  sheetId = round.mySheetId ?? 0;
});

describe('the yearly loop of Vĩnh Lập, 2021', () => {
  it('shows the unit its open round, its own sheet only, and the round-opened notification', async () => {
    const round = await roundDetail(officer, roundId);
    expect(round.sheets.map((s) => s.unitName)).toEqual(['Xã Vĩnh Lập']);
    expect(round.canAppraise).toBe(false);
    const board = await roundDetail(appraiser, roundId);
    expect(board.sheets.length).toBe(20);
    expect(board.canAppraise).toBe(true);
    const notes = await ok<{ items: { kind: string; message: { vi: string } }[] }>(
      officer.get('/api/notifications'),
    );
    expect(notes.items.map((n) => n.kind)).toContain('round_opened');
  });

  it('refuses a submission while criteria lack points or evidence, criterion by criterion', async () => {
    const s = await sheet(head, sheetId);
    expect(s.state).toBe('draft');
    expect(s.problems.map((p) => p.code)).toEqual(VINH_LAP_LEFT_EMPTY);
    const res = await head.send('POST', `/api/assessment-sheets/${sheetId}/submit`);
    expect(res.statusCode).toBe(422);
    const body = res.json<{ code: string; errors: { field: string }[] }>();
    expect(body.code).toBe('assessments.incomplete');
    expect(body.errors.map((e) => e.field)).toEqual(VINH_LAP_LEFT_EMPTY);
  });

  it('lets the officer fill the rest with evidence, but never submit', async () => {
    for (const code of VINH_LAP_LEFT_EMPTY) {
      await ok(
        officer.send('PUT', `/api/assessment-sheets/${sheetId}/entries/${code}`, {
          input: { kind: 'points', points: '1' },
          comment: `Đã thực hiện (${code})`,
        }),
      );
    }
    let s = await sheet(officer, sheetId);
    expect(s.problems.map((p) => [p.code, p.kind])).toEqual(
      VINH_LAP_LEFT_EMPTY.map((c) => [c, 'missing_evidence']),
    );
    const file = await ok<{ id: number; stage: string }>(
      officer.upload(
        `/api/assessment-sheets/${sheetId}/entries/1.1.1/evidence`,
        'ke-hoach-cchc-2021.pdf',
        PDF,
      ),
      201,
    );
    expect(file.stage).toBe('self');
    for (const code of VINH_LAP_LEFT_EMPTY.slice(1)) {
      s = await ok(
        officer.send('POST', `/api/assessment-sheets/${sheetId}/entries/${code}/evidence/link`, {
          fileId: file.id,
        }),
      );
    }
    expect(s.problems).toEqual([]);
    expect(s.can.submit).toBe(false);
    expect((await officer.send('POST', `/api/assessment-sheets/${sheetId}/submit`)).statusCode).toBe(403);
  });

  it('lets the head submit, and then the scores are locked', async () => {
    const s = await ok(head.send('POST', `/api/assessment-sheets/${sheetId}/submit`));
    expect(s.state).toBe('submitted');
    const locked = await officer.send('PUT', `/api/assessment-sheets/${sheetId}/entries/2.2`, {
      input: { kind: 'points', points: '2' },
    });
    expect(locked.statusCode).toBe(409);
  });

  it('lets the appraiser change two criteria, each with a reason', async () => {
    let s = await sheet(appraiser, sheetId);
    const self22 = entryOf(s, '2.2').selfPoints;
    const noReason = await appraiser.send('PUT', `/api/assessment-sheets/${sheetId}/appraisal/2.2`, {
      points: '0.5',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ code: string }>().code).toBe('assessments.reasonRequired');
    s = await ok(
      appraiser.send('PUT', `/api/assessment-sheets/${sheetId}/appraisal/2.2`, {
        points: '0.5',
        reason: 'Chưa có báo cáo rà soát văn bản QPPL',
      }),
    );
    expect(s.state).toBe('in_appraisal');
    s = await ok(
      appraiser.send('PUT', `/api/assessment-sheets/${sheetId}/appraisal/4.1`, {
        points: '1',
        reason: 'Quyết định kiện toàn ban hành muộn',
      }),
    );
    s = await ok(appraiser.send('POST', `/api/assessment-sheets/${sheetId}/appraisal/accept-self`));
    expect(entryOf(s, '2.2')).toMatchObject({ selfPoints: self22, appraisedPoints: '0.5' });
    expect(s.appraised?.complete).toBe(true);
    // Before the provisional result, the unit does not see the appraisal.
    const unitView = await sheet(officer, sheetId);
    expect(entryOf(unitView, '2.2').appraisedPoints).toBeNull();
    expect(unitView.appraised).toBeNull();
  });

  it('publishes a provisional result, which Vĩnh Lập contests on one criterion; the appraiser accepts', async () => {
    let s = await ok(appraiser.send('POST', `/api/assessment-sheets/${sheetId}/provisional`));
    expect(s.state).toBe('provisional');
    const seen = await sheet(officer, sheetId);
    expect(entryOf(seen, '2.2').appraisedPoints).toBe('0.5');
    await ok(
      officer.upload(`/api/assessment-sheets/${sheetId}/entries/2.2/evidence`, 'bao-cao-ra-soat.pdf', PDF),
      201,
    );
    s = await ok(
      officer.send('POST', `/api/assessment-sheets/${sheetId}/explanations`, {
        code: '2.2',
        text: 'Báo cáo rà soát số 15/BC-UBND ngày 20/11/2021 đã gửi, kèm theo đây.',
      }),
    );
    expect(s.state).toBe('explanation');
    expect(entryOf(s, '2.2').files.map((f) => f.stage)).toContain('explanation');
    expect((await appraiser.send('POST', `/api/assessment-sheets/${sheetId}/finalize`)).statusCode).toBe(409);
    s = await ok(
      appraiser.send('POST', `/api/assessment-sheets/${sheetId}/explanations/2.2/answer`, {
        accept: true,
        points: '2',
        reason: 'Đã có báo cáo rà soát',
      }),
    );
    expect(entryOf(s, '2.2')).toMatchObject({
      appraisedPoints: '2',
      explanation: { status: 'accepted', previousPoints: '0.5', newPoints: '2' },
    });
    const notes = await ok<{ items: { kind: string }[] }>(officer.get('/api/notifications'));
    expect(notes.items.map((n) => n.kind)).toContain('explanation_answered');
  });

  it('keeps results hidden until the round is published, then ranks every commune', async () => {
    expect(
      (await harness.app.inject({ method: 'GET', url: `/api/public/results?roundId=${roundId}` })).statusCode,
    ).toBe(404);
    const refused = await appraiser.send('POST', `/api/assessment-rounds/${roundId}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('assessments.notAllFinal');
    await ok<RoundDetail>(appraiser.send('POST', `/api/assessment-rounds/${roundId}/close-explanations`));
    const round = await ok<RoundDetail>(appraiser.send('POST', `/api/assessment-rounds/${roundId}/publish`));
    expect(round.counts.published).toBe(20);
    const res = await harness.app.inject({ method: 'GET', url: `/api/public/results?roundId=${roundId}` });
    expect(res.statusCode, res.body).toBe(200);
    const { units } = res.json<{
      units: { unitName: string; rank: number; index: string; change: unknown }[];
    }>();
    expect(units).toHaveLength(20);
    const vinhLap = units.find((u) => u.unitName === 'Xã Vĩnh Lập');
    expect(vinhLap?.rank).toBeGreaterThan(0);
    expect(vinhLap?.index).toMatch(/^\d+\.\d\d$/);
    expect(vinhLap?.change).toMatchObject({ previousYear: 2020 });
    const ranks = units.map((u) => u.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const xlsx = await harness.app.inject({
      method: 'GET',
      url: `/api/public/results.xlsx?roundId=${roundId}`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const summary = (await publishedResultsOf(harness.ctx, [sheetUnit()], 2021)).get(sheetUnit());
    expect(summary).toMatchObject({
      rank: vinhLap?.rank,
      index: vinhLap?.index,
      unitCount: 20,
      corrected: false,
    });
  });

  it('never edits a published result: a correction is a new version with its reason', async () => {
    const unitId = sheetUnit();
    const res = await appraiser.send('POST', `/api/assessment-rounds/${roundId}/corrections`, {
      unitId,
      reason: 'Sai sót khi tổng hợp điểm tiêu chí 6.1',
      points: { '6.1': '0' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const pub = await ok<{ units: { unitId: number; version: number; corrections: { reason: string }[] }[] }>(
      harness.app.inject({ method: 'GET', url: `/api/public/results?year=2021` }),
    );
    const mine = pub.units.find((u) => u.unitId === unitId);
    expect(mine?.version).toBe(2);
    expect(mine?.corrections).toEqual([
      expect.objectContaining({ reason: 'Sai sót khi tổng hợp điểm tiêu chí 6.1' }),
    ]);
    expect((await verifyAuditChain(harness.ctx.db)).ok).toBe(true);
    const history = await ok<{ items: { action: string }[] }>(
      officer.get(`/api/assessment-sheets/${sheetId}/history`),
    );
    const actions = new Set(history.items.map((i) => i.action));
    for (const a of [
      'prefill',
      'self_value',
      'evidence_add',
      'state',
      'appraise',
      'contest',
      'explanation_answer',
    ]) {
      expect(actions, a).toContain(a);
    }
    const audit = await ok<{ items: { action: string; entityId: string }[] }>(
      admin.get(`/api/audit?unitId=${unitId}&entity=assessment_result`),
    );
    // Newest first: this correction, this year's publication, and last year's (the demo's).
    expect(audit.items.map((i) => [i.action, i.entityId.startsWith(`${roundId}:`)])).toEqual([
      ['correct', true],
      ['publish', true],
      ['publish', false],
    ]);
    expect(Object.keys(await selfAssessmentEntries(harness.ctx, unitId, 2021)).length).toBeGreaterThan(30);
  });
});

describe('the API document', () => {
  it('says the public results need no login, and lists every route of the loop', async () => {
    const doc = (await harness.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, { security?: unknown[]; summary?: string }>>;
    }>();
    for (const path of ['/api/public/results', '/api/public/results.xlsx', '/api/public/rounds']) {
      expect(doc.paths[path]?.get?.security, path).toEqual([]);
      expect(doc.paths[path]?.get?.summary, path).toMatch(/không cần đăng nhập/);
    }
    expect(doc.paths['/api/assessment-sheets/{sheetId}']?.get?.security).toBeUndefined();
    expect(doc.paths['/api/assessment-sheets/{sheetId}/entries/{code}/evidence']?.post).toBeDefined();
    expect(doc.paths['/api/audit/verify']?.get).toBeDefined();
  });
});

let vinhLapUnitId = 0;
function sheetUnit(): number {
  return vinhLapUnitId;
}
beforeAll(async () => {
  const s = await sheet(appraiser, sheetId);
  vinhLapUnitId = s.unit.id;
});
