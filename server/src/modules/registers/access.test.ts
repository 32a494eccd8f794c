import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, setupTestApp } from '../../testing/app';
import { unitIdOf } from '../../testing/units';

// Who reaches which register: every route checks the session, the role and the unit
// subtree. An officer of another commune gets 403 everywhere; an appraiser reads the
// communes below it but does not change their records.

const { harness } = setupTestApp();
let officer: Client;
let head: Client;
let appraiser: Client;
let vinhLap: number;
let thanhHong: number;

beforeAll(async () => {
  officer = await loginAsDemo('vinhlap.canbo');
  head = await loginAsDemo('vinhlap.chutich');
  appraiser = await loginAsDemo('thanhha.thamdinh');
  vinhLap = await unitIdOf(harness, '10885');
  thanhHong = await unitIdOf(harness, '10879');
});

const loginAsDemo = (username: string) => loginAs(harness.app, username);

/** A body of the right shape for each register (its values are checked after access). */
const BODIES: Record<string, object> = {
  procedures: {
    code: 'X.1',
    name: 'Thủ tục',
    field: 'Hộ tịch',
    inForceFrom: null,
    inForceTo: null,
    publishedAtOneStop: true,
    publishedOnWebsite: true,
  },
  dossiers: {
    code: 'HS-X',
    applicant: null,
    procedureName: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    channel: 'Trực tiếp',
    received: '2021-01-04',
    due: '2021-01-05',
    result: null,
    apologyDate: null,
  },
  feedback: {
    code: 'PA-X',
    received: '2021-01-04',
    channel: 'Điện thoại',
    summary: 'Hỏi thủ tục',
    due: '2021-01-06',
    answered: null,
    result: null,
  },
  'document-stats': {
    year: 2021,
    month: 1,
    incomingTotal: 1,
    incomingElectronic: 1,
    incomingSigned: 1,
    outgoingTotal: 1,
    outgoingElectronic: 1,
    outgoingSigned: 1,
  },
  officials: {
    name: 'Cán bộ X',
    position: 'Công chức',
    inPostFrom: null,
    inPostTo: null,
    email: null,
    emailInUse: false,
  },
  'discipline-decisions': {
    official: 'Cán bộ X',
    decisionDate: '2021-01-04',
    form: 'Khiển trách',
    number: null,
  },
  reports: { title: 'Báo cáo X', periodCovered: 'Quý I/2021', due: '2021-03-15', sent: null },
};
const CSV = 'Mã hồ sơ\nHS-1\n';
const PERIOD = 'from=2021-01-01&to=2021-12-31';

/** Every register route of a unit, as [label, call]. */
function routes(client: Client, unitId: number): [string, () => Promise<{ statusCode: number }>][] {
  const out: [string, () => Promise<{ statusCode: number }>][] = [];
  for (const [path, body] of Object.entries(BODIES)) {
    const base = `/api/units/${unitId}/${path}`;
    out.push(
      [`GET ${path}`, () => client.get(base)],
      [`GET ${path}/export.xlsx`, () => client.get(`${base}/export.xlsx`)],
      [`POST ${path}`, () => client.send('POST', base, body)],
      [`PATCH ${path}/1`, () => client.send('PATCH', `${base}/1`, {})],
      [`DELETE ${path}/1`, () => client.send('DELETE', `${base}/1`)],
      [`POST ${path}/import`, () => client.upload(`${base}/import`, 'tep.csv', CSV)],
    );
  }
  const { code: _code, ...dossier } = BODIES.dossiers as { code: string };
  out.push(
    ['PUT dossiers/HS-X', () => client.send('PUT', `/api/units/${unitId}/dossiers/HS-X`, dossier)],
    ['GET kpis', () => client.get(`/api/units/${unitId}/kpis?${PERIOD}`)],
    ['GET kpis/children', () => client.get(`/api/units/${unitId}/kpis/children?${PERIOD}`)],
    ['GET kpis/years', () => client.get(`/api/units/${unitId}/kpis/years`)],
  );
  return out;
}

describe('an officer of another commune', () => {
  it('gets 403 on every register and KPI route of Thanh Hồng', async () => {
    const answers = await Promise.all(
      routes(officer, thanhHong).map(async ([label, call]) => [label, (await call()).statusCode] as const),
    );
    expect(answers.filter(([, status]) => status !== 403)).toEqual([]);
    expect(answers.length).toBe(7 * 6 + 4);
  });

  it('gets 403 on the district above it too', async () => {
    const district = await unitIdOf(harness, '294');
    expect((await officer.get(`/api/units/${district}/dossiers`)).statusCode).toBe(403);
    expect((await officer.get(`/api/units/${district}/kpis/children?${PERIOD}`)).statusCode).toBe(403);
  });
});

describe('without a session', () => {
  it('every register and KPI route answers 401', async () => {
    const anonymous: Client = {
      csrfToken: '',
      cookie: '',
      get: (url) => harness.app.inject({ method: 'GET', url }),
      send: (method, url, body) =>
        harness.app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) }),
      upload: (url) => harness.app.inject({ method: 'POST', url }),
    };
    const answers = await Promise.all(
      routes(anonymous, vinhLap).map(async ([label, call]) => [label, (await call()).statusCode] as const),
    );
    expect(answers.filter(([, status]) => status !== 401)).toEqual([]);
  });
});

describe('roles', () => {
  it("lets the commune's officer and chairman write their own registers", async () => {
    const created = await officer.send('POST', `/api/units/${vinhLap}/reports`, {
      ...BODIES.reports,
      title: 'Báo cáo A',
    });
    expect(created.statusCode, created.body).toBe(201);
    const byHead = await head.send('POST', `/api/units/${vinhLap}/reports`, {
      ...BODIES.reports,
      title: 'Báo cáo B',
    });
    expect(byHead.statusCode).toBe(201);
  });

  it('lets the district appraiser read the commune but not change its records', async () => {
    expect((await appraiser.get(`/api/units/${vinhLap}/reports`)).statusCode).toBe(200);
    expect((await appraiser.get(`/api/units/${vinhLap}/kpis?${PERIOD}`)).statusCode).toBe(200);
    expect((await appraiser.send('POST', `/api/units/${vinhLap}/reports`, BODIES.reports)).statusCode).toBe(
      403,
    );
    expect((await appraiser.upload(`/api/units/${vinhLap}/dossiers/import`, 'tep.csv', CSV)).statusCode).toBe(
      403,
    );
  });

  it('refuses a write without the CSRF header of the session', async () => {
    const res = await harness.app.inject({
      method: 'POST',
      url: `/api/units/${vinhLap}/reports`,
      headers: { cookie: officer.cookie },
      payload: BODIES.reports,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ code: string }>().code).toBe('auth.csrf');
  });
});
