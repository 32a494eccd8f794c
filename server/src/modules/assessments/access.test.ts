import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, setupTestApp } from '../../testing/app';
import { unitIdsByCode } from '../../testing/plans';
import type { SheetJson } from './present';
import { ok, PDF, roundOfYear, sheet } from './testing';

// Every route of the assessments module, for every kind of user, against Vĩnh Lập's sheet
// of 2021: its own unit (officer, head, viewer), another commune (Thanh Xá's officer and
// head), the unit above (Thanh Hà district: an officer without the appraiser role, and its
// appraiser), another district's appraiser, the province's admin, and no session — before
// and after the round is published. Another unit's unpublished data is never returned.

const { harness } = setupTestApp({
  config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'chiso-assess-access-')) },
});

const WHO = [
  'anonymous',
  'officer',
  'head',
  'viewer',
  'otherOfficer',
  'otherHead',
  'aboveOfficer',
  'appraiser',
  'otherAppraiser',
  'admin',
] as const;
type Who = (typeof WHO)[number];
type Signed = Exclude<Who, 'anonymous'>;
const clients = {} as Record<Signed, Client>;
const clientOf = (who: Who) => (who === 'anonymous' ? null : clients[who]);

const OWN: Signed[] = ['officer', 'head', 'viewer'];
const OTHER: Signed[] = ['otherOfficer', 'otherHead'];
const APPRAISERS: Signed[] = ['appraiser', 'admin'];
const WRITERS: Signed[] = ['officer', 'head'];

let roundId = 0;
let round2020 = 0;
let sheetId = 0; // Vĩnh Lập's
let otherSheetId = 0; // Thanh Xá's
let districtId = 0;
let vinhLapId = 0;
let frameworkId = 0;
let fileId = 0;
let explanationTo = '';

interface Res {
  statusCode: number;
  body: string;
}

interface Call {
  name: string;
  run(client: Client | null): Promise<Res>;
  /** Who may: the statuses they get before and after publication (any of them). Everyone else: 403, 401 without a session. */
  allowed: Signed[];
  before: number[];
  after: number[];
  /** A public route: everyone, the anonymous included, gets `before`/`after`. */
  public?: boolean;
}

function request(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: () => string,
  body?: () => unknown,
): Call['run'] {
  return (client) => {
    if (!client)
      return harness.app.inject({ method, url: url(), ...(body ? { payload: body() as object } : {}) });
    return method === 'GET' ? client.get(url()) : client.send(method, url(), body?.());
  };
}

const sheetUrl =
  (path = '') =>
  () =>
    `/api/assessment-sheets/${sheetId}${path}`;
const roundUrl =
  (path = '') =>
  () =>
    `/api/assessment-rounds/${roundId}${path}`;
const ALL_SIGNED = WHO.filter((w): w is Signed => w !== 'anonymous');

const reads: Call[] = [
  {
    name: 'GET /assessment-rounds',
    run: request('GET', () => '/api/assessment-rounds'),
    allowed: ALL_SIGNED,
    before: [200],
    after: [200],
  },
  {
    name: 'GET /assessment-rounds/:id',
    run: request('GET', roundUrl()),
    allowed: [...OWN, ...OTHER, ...APPRAISERS],
    before: [200],
    after: [200],
  },
  {
    name: 'GET /assessment-sheets/:id (own unit)',
    run: request('GET', sheetUrl()),
    allowed: [...OWN, ...APPRAISERS],
    before: [200],
    after: [200],
  },
  {
    name: 'GET /assessment-sheets/:id/history',
    run: request('GET', sheetUrl('/history')),
    allowed: [...OWN, ...APPRAISERS],
    before: [200],
    after: [200],
  },
  {
    name: 'GET /assessment-sheets/:id (another commune)',
    run: request('GET', () => `/api/assessment-sheets/${otherSheetId}`),
    allowed: [...OTHER, ...APPRAISERS],
    before: [200],
    after: [200],
  },
  {
    name: 'GET /files/:id (evidence)',
    run: request('GET', () => `/api/files/${fileId}`),
    allowed: [...OWN, ...APPRAISERS],
    before: [200],
    after: [200],
  },
  {
    name: 'GET /notifications',
    run: request('GET', () => '/api/notifications'),
    allowed: ALL_SIGNED,
    before: [200],
    after: [200],
  },
  {
    name: 'GET /public/rounds',
    run: request('GET', () => '/api/public/rounds'),
    allowed: [],
    before: [200],
    after: [200],
    public: true,
  },
  {
    name: 'GET /public/results (this round)',
    run: request('GET', () => `/api/public/results?roundId=${roundId}`),
    allowed: [],
    before: [404],
    after: [200],
    public: true,
  },
  {
    name: 'GET /public/results.xlsx (this round)',
    run: request('GET', () => `/api/public/results.xlsx?roundId=${roundId}`),
    allowed: [],
    before: [404],
    after: [200],
    public: true,
  },
  {
    name: 'GET /public/results (last year)',
    run: request('GET', () => `/api/public/results?roundId=${round2020}`),
    allowed: [],
    before: [200],
    after: [200],
    public: true,
  },
];

const writes: Call[] = [
  {
    name: 'PUT /assessment-sheets/:id/entries/:code',
    run: request('PUT', sheetUrl('/entries/2.2'), () => ({ input: { kind: 'points', points: '1.5' } })),
    allowed: WRITERS,
    before: [200],
    after: [409],
  },
  {
    name: 'POST …/entries/:code/evidence',
    run: (client) =>
      client
        ? client.upload(`/api/assessment-sheets/${sheetId}/entries/2.2/evidence`, 'bao-cao.pdf', PDF)
        : harness.app.inject({
            method: 'POST',
            url: `/api/assessment-sheets/${sheetId}/entries/2.2/evidence`,
          }),
    allowed: WRITERS,
    before: [201],
    after: [409],
  },
  {
    name: 'POST …/entries/:code/evidence/link',
    run: request('POST', sheetUrl('/entries/2.2/evidence/link'), () => ({ fileId })),
    allowed: WRITERS,
    before: [200],
    after: [409],
  },
  {
    name: 'DELETE …/entries/:code/evidence/:fileId',
    run: request('DELETE', () => `/api/assessment-sheets/${sheetId}/entries/2.1/evidence/${fileId}`),
    allowed: WRITERS,
    before: [200, 404],
    after: [409],
  },
  {
    name: 'POST …/submit',
    run: request('POST', sheetUrl('/submit')),
    allowed: ['head'],
    before: [422],
    after: [409],
  },
  {
    name: 'POST …/reopen',
    run: request('POST', sheetUrl('/reopen'), () => ({ reason: 'Thử quyền' })),
    allowed: APPRAISERS,
    before: [200],
    after: [409],
  },
  {
    name: 'POST …/start-appraisal',
    run: request('POST', sheetUrl('/start-appraisal')),
    allowed: APPRAISERS,
    before: [409],
    after: [409],
  },
  {
    name: 'PUT …/appraisal/:code',
    run: request('PUT', sheetUrl('/appraisal/2.2'), () => ({ points: '1', reason: 'Thử quyền' })),
    allowed: APPRAISERS,
    before: [409],
    after: [409],
  },
  {
    name: 'POST …/appraisal/accept-self',
    run: request('POST', sheetUrl('/appraisal/accept-self')),
    allowed: APPRAISERS,
    before: [409],
    after: [409],
  },
  {
    name: 'POST …/returns/:code',
    run: request('POST', sheetUrl('/returns/2.2'), () => ({ note: 'Bổ sung báo cáo' })),
    allowed: APPRAISERS,
    before: [409],
    after: [409],
  },
  {
    name: 'POST …/returns/:code/answer',
    run: request('POST', sheetUrl('/returns/2.2/answer'), () => ({ text: 'Đã bổ sung' })),
    allowed: WRITERS,
    before: [409],
    after: [409],
  },
  {
    name: 'POST …/provisional',
    run: request('POST', sheetUrl('/provisional')),
    allowed: APPRAISERS,
    before: [409],
    after: [409],
  },
  {
    name: 'POST …/explanations',
    run: request('POST', sheetUrl('/explanations'), () => ({ code: '2.2', text: 'Giải trình thử' })),
    allowed: WRITERS,
    before: [409],
    after: [409],
  },
  {
    name: 'POST …/explanations/:code/answer',
    run: request('POST', sheetUrl('/explanations/2.2/answer'), () => ({ accept: false, reason: 'Thử' })),
    allowed: APPRAISERS,
    before: [409],
    after: [409],
  },
  {
    name: 'POST …/finalize',
    run: request('POST', sheetUrl('/finalize')),
    allowed: APPRAISERS,
    before: [409],
    after: [409],
  },
  {
    name: 'POST /assessment-rounds',
    run: request(
      'POST',
      () => '/api/assessment-rounds',
      () => ({
        ownerUnitId: districtId,
        frameworkId,
        selfDue: '2021-12-15',
        appraisalDue: '2021-12-31',
        explanationFrom: '2022-01-02',
        explanationTo: '2022-01-10',
      }),
    ),
    allowed: APPRAISERS,
    before: [409],
    after: [409],
  },
  {
    name: 'PATCH /assessment-rounds/:id',
    run: request('PATCH', roundUrl(), () => ({ explanationTo })),
    allowed: APPRAISERS,
    before: [200],
    after: [200],
  },
  {
    name: 'POST /assessment-rounds/:id/publish',
    run: request('POST', roundUrl('/publish')),
    allowed: APPRAISERS,
    before: [409],
    after: [409],
  },
  {
    name: 'POST /assessment-rounds/:id/corrections',
    run: request('POST', roundUrl('/corrections'), () => ({
      unitId: vinhLapId,
      reason: 'Đính chính thử',
      points: { '2.2': '0' },
    })),
    allowed: APPRAISERS,
    before: [409],
    after: [200, 409],
  },
  {
    name: 'POST /assessment-rounds/:id/close-explanations',
    run: request('POST', roundUrl('/close-explanations')),
    allowed: APPRAISERS,
    // Before publication it would end every commune's explanation: only the refusals are tried.
    before: [],
    after: [200],
  },
];

async function addUser(admin: Client, username: string, unitId: number, role: string): Promise<Client> {
  const res = await admin.send('POST', '/api/users', {
    username,
    fullName: `Người dùng ${username}`,
    unitId,
    roles: [role],
    password: 'mat-khau-dau',
  });
  if (res.statusCode !== 201) throw new Error(`cannot create ${username}: ${res.body}`);
  return loginAs(harness.app, username, 'mat-khau-dau');
}

beforeAll(async () => {
  const admin = await loginAs(harness.app, 'admin');
  const ids = await unitIdsByCode(admin);
  vinhLapId = ids['10885'] as number;
  districtId = ids['294'] as number;
  Object.assign(clients, {
    officer: await loginAs(harness.app, 'vinhlap.canbo'),
    head: await loginAs(harness.app, 'vinhlap.chutich'),
    viewer: await addUser(admin, 'vinhlap.xem', vinhLapId, 'viewer'),
    otherOfficer: await addUser(admin, 'thanhxa.canbo', ids['10852'] as number, 'unit_officer'),
    otherHead: await addUser(admin, 'thanhxa.chutich', ids['10852'] as number, 'unit_head'),
    aboveOfficer: await addUser(admin, 'thanhha.canbo', districtId, 'unit_officer'),
    appraiser: await loginAs(harness.app, 'thanhha.thamdinh'),
    otherAppraiser: await addUser(admin, 'namsach.thamdinh', ids['291'] as number, 'appraiser'),
    admin,
  });
  const round = await roundOfYear(clients.officer, 2021);
  roundId = round.id;
  round2020 = (await roundOfYear(clients.officer, 2020)).id;
  sheetId = round.mySheetId as number;
  otherSheetId = (await roundOfYear(clients.otherOfficer, 2021)).mySheetId as number;
  frameworkId = round.frameworkId;
  explanationTo = round.explanationTo;
  const s = await sheet(clients.officer, sheetId);
  fileId = s.entries.flatMap((e) => e.files)[0]?.id as number;
  expect(fileId).toBeGreaterThan(0);
});

async function check(calls: Call[], phase: 'before' | 'after') {
  for (const call of calls) {
    const expected = call[phase];
    if (call.public) {
      for (const who of WHO) {
        const res = await call.run(clientOf(who));
        expect([call.name, who, expected.includes(res.statusCode)], res.body).toEqual([call.name, who, true]);
      }
      continue;
    }
    // The refusals first: they change nothing.
    for (const who of WHO) {
      if (who !== 'anonymous' && call.allowed.includes(who)) continue;
      const res = await call.run(clientOf(who));
      expect([call.name, who, res.statusCode], res.body).toEqual([
        call.name,
        who,
        who === 'anonymous' ? 401 : 403,
      ]);
    }
    if (expected.length === 0) continue;
    for (const who of call.allowed) {
      const res = await call.run(clients[who]);
      expect([call.name, who, expected.includes(res.statusCode)], `${res.statusCode} ${res.body}`).toEqual([
        call.name,
        who,
        true,
      ]);
    }
  }
}

/** Everything a user of one commune can read before publication holds nothing of another commune. */
async function expectNoLeak(phase: 'before' | 'after') {
  const privateReads = reads.filter((r) => !r.public);
  for (const [who, foreign] of [
    ['officer', 'Thanh Xá'],
    ['head', 'Thanh Xá'],
    ['viewer', 'Thanh Xá'],
    ['otherOfficer', 'Vĩnh Lập'],
    ['otherHead', 'Vĩnh Lập'],
  ] as [Signed, string][]) {
    for (const call of privateReads) {
      const res = await call.run(clients[who]);
      if (res.statusCode !== 200 || !res.body.startsWith('{')) continue;
      expect([phase, call.name, who, res.body.includes(foreign)]).toEqual([phase, call.name, who, false]);
    }
  }
}

describe('before publication', () => {
  it.each(reads)('$name', async (call) => check([call], 'before'));
  it.each(writes)('$name', async (call) => check([call], 'before'));

  it('returns nothing of another unit’s unpublished sheet, scores or state', async () => {
    await expectNoLeak('before');
    const mine = await ok<{
      sheets: { unitId: number }[];
      counts: Record<string, number>;
      unitCount: number;
    }>(clients.officer.get(`/api/assessment-rounds/${roundId}`));
    expect(mine.sheets.map((s) => s.unitId)).toEqual([vinhLapId]);
    // Not even how far the others are: the unit's counts hold its own sheet only.
    expect(mine.counts).toMatchObject({ draft: 1, provisional: 0 });
    expect(Object.values(mine.counts).reduce((a, b) => a + b, 0)).toBe(1);
    expect(mine.unitCount).toBe(20);
    const list = await ok<{ rounds: { id: number }[] }>(clients.aboveOfficer.get('/api/assessment-rounds'));
    expect(list.rounds).toEqual([]);
    const far = await ok<{ rounds: { id: number }[] }>(clients.otherAppraiser.get('/api/assessment-rounds'));
    expect(far.rounds).toEqual([]);
    const board = await ok<{ sheets: unknown[] }>(clients.appraiser.get(`/api/assessment-rounds/${roundId}`));
    expect(board.sheets.length).toBe(20);
  });
});

describe('after publication', () => {
  beforeAll(async () => {
    // Vĩnh Lập completes and submits; the district appraises, closes the explanations and publishes.
    let s: SheetJson = await sheet(clients.officer, sheetId);
    for (const problem of s.problems) {
      if (problem.kind === 'missing_value') {
        s = await ok(
          clients.officer.send('PUT', `/api/assessment-sheets/${sheetId}/entries/${problem.code}`, {
            input: { kind: 'points', points: '1' },
          }),
        );
      }
    }
    for (const problem of s.problems) {
      if (problem.kind === 'missing_evidence') {
        s = await ok(
          clients.officer.send(
            'POST',
            `/api/assessment-sheets/${sheetId}/entries/${problem.code}/evidence/link`,
            {
              fileId,
            },
          ),
        );
      }
    }
    expect(s.problems).toEqual([]);
    await ok(clients.head.send('POST', `/api/assessment-sheets/${sheetId}/submit`));
    await ok(clients.appraiser.send('POST', `/api/assessment-sheets/${sheetId}/appraisal/accept-self`));
    await ok(clients.appraiser.send('POST', `/api/assessment-sheets/${sheetId}/provisional`));
    await ok(clients.appraiser.send('POST', `/api/assessment-rounds/${roundId}/close-explanations`));
    await ok(clients.appraiser.send('POST', `/api/assessment-rounds/${roundId}/publish`));
  });

  it.each(reads)('$name', async (call) => check([call], 'after'));
  it.each(writes)('$name', async (call) => check([call], 'after'));

  it('publishes results, not sheets: another commune still cannot read Vĩnh Lập’s sheet or evidence', async () => {
    await expectNoLeak('after');
    const pub = await ok<{ units: { unitName: string }[] }>(
      harness.app.inject({ method: 'GET', url: `/api/public/results?roundId=${roundId}` }),
    );
    expect(pub.units.map((u) => u.unitName)).toContain('Xã Vĩnh Lập');
    expect((await clients.otherOfficer.get(`/api/assessment-sheets/${sheetId}`)).statusCode).toBe(403);
  });
});
