import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, snap } from './browser';

// The yearly loop in Chromium with the demo accounts: the appraiser opens a round, Vĩnh
// Lập's officer fills the self-assessment with evidence, the chairman submits, the appraiser
// changes two criteria with reasons, Vĩnh Lập contests one, the appraiser accepts it, the
// results are published and /cong-khai shows Vĩnh Lập's index and rank.

const baseUrl = inject('baseUrl');
let browser: Browser;

const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
// A Windows program's first bytes, named as a PDF: refused by its content.
const FAKE_PDF = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(256, 0)]);

const VINH_LAP = 'Xã Vĩnh Lập';
const THANH_XA = 'Xã Thanh Xá';
const FRAMEWORK = 'Bộ chỉ số cải cách hành chính cấp xã năm 2021';

async function signIn(username: string, viewport = DESKTOP, password = 'chiso-demo'): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'vi-VN' });
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('user-menu').waitFor();
  return page;
}

/** Lets antd's animations (drawers, modals, messages) finish before a screenshot. */
const settle = (page: Page) => page.waitForTimeout(400);

/** Calls the API in the page's session (cookie and CSRF token), as the web app does. */
async function api<T = unknown>(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const res = await fetch(url, {
        method,
        headers: {
          'x-csrf-token': session.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    { method, url, body },
  );
}

async function uploadPdf(page: Page, url: string, name: string): Promise<number> {
  return page.evaluate(
    async ({ url, name, bytes }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const form = new FormData();
      form.append('file', new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'x-csrf-token': session.csrfToken },
        body: form,
      });
      return res.status;
    },
    { url, name, bytes: [...TINY_PDF] },
  );
}

interface Entry {
  code: string;
  maxPoints: string;
  kpi: string | null;
  method: string | null;
  input: unknown;
  prefill: { input: unknown } | null;
  evidenceRequired: string[];
  files: unknown[];
}
interface Sheet {
  id: number;
  state: string;
  entries: Entry[];
  problems: { code: string; kind: string; message: string }[];
}

/**
 * Fills what the officer did not fill by hand, through the same API the page uses: every
 * criterion without a value gets its maximum (a KPI with no data, with the reason required
 * to depart from the empty pre-fill), each with one PDF where the framework asks evidence.
 * The optional survey area (8) is left out, as the Hà Nội rule allows.
 */
async function fillRest(page: Page, sheetId: number): Promise<void> {
  const sheet = (await api<Sheet>(page, 'GET', `/api/assessment-sheets/${sheetId}`)).body;
  for (const entry of sheet.entries) {
    if (entry.code.startsWith('8')) continue;
    if (entry.method === null) continue;
    if (entry.input === null) {
      const noData = entry.prefill !== null;
      const res = await api(page, 'PUT', `/api/assessment-sheets/${sheetId}/entries/${entry.code}`, {
        input: { kind: 'points', points: entry.maxPoints },
        ...(noData ? { overrideReason: 'Sổ theo dõi chưa có số liệu; chấm theo báo cáo của đơn vị' } : {}),
      });
      expect(res.status, `${entry.code}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  }
  const after = (await api<Sheet>(page, 'GET', `/api/assessment-sheets/${sheetId}`)).body;
  for (const problem of after.problems.filter((p) => p.kind === 'missing_evidence')) {
    expect(
      await uploadPdf(
        page,
        `/api/assessment-sheets/${sheetId}/entries/${problem.code}/evidence`,
        `TLKC ${problem.code}.pdf`,
      ),
    ).toBe(201);
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Today in Vietnam, as dd/mm/yyyy, `days` from now. */
function day(days: number): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

async function pickDate(page: Page, input: ReturnType<Page['locator']>, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await page.keyboard.press('Escape').catch(() => undefined);
}

describe('self-assessment, appraisal, explanation and publication in Chromium', () => {
  let roundId = 0;
  let sheetUrl = '';
  let sheetId = 0;

  it('the appraiser opens the 2021 round for Vĩnh Lập and Thanh Xá', async () => {
    const page = await signIn('thanhha.thamdinh');
    await page.goto(`${baseUrl}/danh-gia`);
    await page.getByTestId('open-round').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Năm').fill('2021');
    await dialog.getByTestId('round-framework').click();
    await page.locator('.ant-select-item-option').filter({ hasText: FRAMEWORK }).first().click();
    await pickDate(page, dialog.getByLabel('Hạn tự đánh giá'), day(7));
    await pickDate(page, dialog.getByLabel('Hạn thẩm định'), day(14));
    const range = dialog.locator('.ant-picker-range input');
    await range.first().click();
    await range.first().fill(day(0));
    await range.first().press('Enter');
    await range.last().fill(day(21));
    await range.last().press('Enter');
    await dialog.getByTestId('units-none').click();
    await dialog.getByRole('checkbox', { name: VINH_LAP }).check();
    await dialog.getByRole('checkbox', { name: THANH_XA }).check();
    await settle(page);
    await snap(page, 'assess-open-round', { fullPage: false });
    await dialog.getByTestId('open-round-ok').click();
    await page.waitForURL(/\/danh-gia\/dot\/\d+$/);
    roundId = Number(page.url().split('/').at(-1));
    await page.getByTestId(`board-state-${VINH_LAP}`).filter({ hasText: 'Đang tự đánh giá' }).waitFor();
    await snap(page, 'assess-board-opened');
    await page.close();
  });

  it('vinhlap.canbo fills the self-assessment with evidence, and the total moves while typing', async () => {
    const page = await signIn('vinhlap.canbo');
    await page.goto(`${baseUrl}/danh-gia`);
    await page.getByTestId('round-link-2021').click();
    await page.waitForURL(/\/danh-gia\/phieu\/\d+$/);
    sheetUrl = page.url();
    sheetId = Number(sheetUrl.split('/').at(-1));
    await page.getByTestId('sheet-title').filter({ hasText: VINH_LAP }).waitFor();
    const total = async () => Number((await page.getByTestId('live-total').textContent()) ?? 'NaN');
    const before = await total();

    // A manual criterion: points, comment, evidence; the total rises by the points as typed.
    await page.getByTestId('criterion-1.1.1').click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByTestId('criterion-points').fill('1');
    await expect.poll(total).toBe(before + 1);
    await drawer.getByTestId('criterion-comment').fill('Kế hoạch số 12/KH-UBND ngày 15/01/2021');
    await drawer.getByTestId('evidence-input').setInputFiles({
      name: 'Ke hoach CCHC 2021.pdf',
      mimeType: 'application/pdf',
      buffer: TINY_PDF,
    });
    await drawer.getByTestId('evidence-link').filter({ hasText: 'Ke hoach CCHC 2021.pdf' }).waitFor();
    // A program renamed .pdf: refused by its content, with the server's Vietnamese message.
    await drawer.getByTestId('evidence-input').setInputFiles({
      name: 'bao-cao.pdf',
      mimeType: 'application/pdf',
      buffer: FAKE_PDF,
    });
    const refusal = page.locator('.ant-message-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/[ăâđêôơưáàảãạ]/i);
    await snap(page, 'assess-self-drawer-refused', { fullPage: false });
    await drawer.getByTestId('criterion-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(total).toBe(before + 1);

    // A KPI criterion: pre-filled from the registers with the numbers behind it; an override needs a reason.
    await page.getByTestId('criterion-3.3').click();
    await drawer.getByTestId('prefill-snapshot').waitFor();
    await drawer.getByTestId('override').check();
    await drawer.getByTestId('criterion-points').fill('6');
    expect(await drawer.getByTestId('criterion-save').isDisabled()).toBe(true);
    await settle(page);
    await snap(page, 'assess-self-kpi-override', { fullPage: false });
    await drawer.getByTestId('override').uncheck();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await snap(page, 'assess-self');
    await page.setViewportSize(PHONE);
    await settle(page);
    await snap(page, 'assess-self-phone');
    await page.close();
  });

  it('vinhlap.chutich is refused criterion by criterion while evidence is missing, then submits', async () => {
    const page = await signIn('vinhlap.chutich');
    await page.goto(sheetUrl);
    await page.getByTestId('submit-sheet').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Nộp bản tự đánh giá' }).click();
    await page.getByTestId('submit-refusals').waitFor();
    expect(await page.getByTestId('submit-refusals').locator('li').count()).toBeGreaterThan(1);
    await settle(page);
    await snap(page, 'assess-submit-refused');

    // The officer's remaining criteria, through the same API (see fillRest).
    const officer = await signIn('vinhlap.canbo');
    await officer.goto(sheetUrl);
    await fillRest(officer, sheetId);
    await officer.close();

    await page.reload();
    await page.getByTestId('submit-sheet').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Nộp bản tự đánh giá' }).click();
    await page.getByTestId('sheet-state').filter({ hasText: 'Đã nộp' }).waitFor();
    expect(await page.getByTestId('submit-sheet').count()).toBe(0);
    await page.getByText('Bản tự đánh giá đã nộp nên chỉ xem được.').waitFor();
    await snap(page, 'assess-submitted');
    await page.close();
  });

  it('Thanh Xá completes its own sheet (through the API, by a head the admin creates)', async () => {
    const admin = await signIn('admin');
    const units = (
      await api<{ units: { id: number; name: string }[] }>(admin, 'GET', '/api/units?q=thanh%20xa')
    ).body.units;
    const thanhXa = units.find((u) => u.name === THANH_XA);
    expect(thanhXa).toBeDefined();
    const created = await api(admin, 'POST', '/api/users', {
      username: 'thanhxa.chutich',
      fullName: 'Trần Văn Xá',
      unitId: thanhXa?.id,
      roles: ['unit_head'],
      password: 'mat-khau-xa',
    });
    expect(created.status).toBe(201);
    await admin.close();

    const head = await signIn('thanhxa.chutich', DESKTOP, 'mat-khau-xa');
    const round = (
      await api<{ sheets: { id: number; unitName: string }[] }>(
        head,
        'GET',
        `/api/assessment-rounds/${roundId}`,
      )
    ).body;
    const own = round.sheets.find((s) => s.unitName === THANH_XA);
    expect(own).toBeDefined();
    const id = own?.id ?? 0;
    await api(head, 'GET', `/api/assessment-sheets/${id}`); // opened: pre-filled
    await fillRest(head, id);
    const submitted = await api<Sheet>(head, 'POST', `/api/assessment-sheets/${id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    await head.close();

    const appraiser = await signIn('thanhha.thamdinh');
    for (const step of ['start-appraisal', 'appraisal/accept-self', 'provisional', 'finalize']) {
      const res = await api(appraiser, 'POST', `/api/assessment-sheets/${id}/${step}`);
      expect(res.status, `${step}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    await appraiser.close();
  });

  it('thanhha.thamdinh changes two criteria with reasons and publishes the provisional result', async () => {
    const page = await signIn('thanhha.thamdinh');
    await page.goto(`${baseUrl}/danh-gia/dot/${roundId}`);
    await page.getByTestId(`board-state-${VINH_LAP}`).filter({ hasText: 'Đã nộp' }).waitFor();
    await snap(page, 'assess-board');
    await page.getByTestId(`sheet-link-${VINH_LAP}`).click();
    await page.getByTestId('start-appraisal').click();
    await page.getByTestId('sheet-state').filter({ hasText: 'Đang thẩm định' }).waitFor();
    await page.getByTestId('accept-all').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /OK|Đồng ý|Xác nhận/ })
      .click();
    await page.getByText('Đã chấp nhận điểm tự chấm.').waitFor();

    const drawer = page.locator('.ant-drawer-content');
    const change = async (code: string, points: string, reason: string) => {
      await page.getByTestId(`appraise-${code}`).click();
      await drawer.getByTestId('appraised-points').fill(points);
      // A different value needs a reason before it can be saved.
      expect(await drawer.getByTestId('appraise-save').isDisabled()).toBe(true);
      await drawer.getByTestId('appraisal-reason').fill(reason);
      await settle(page);
      await snap(page, `assess-appraise-${code}`, { fullPage: false });
      await drawer.getByTestId('appraise-save').click();
      await drawer.waitFor({ state: 'hidden' });
    };
    await change('1.1.1', '0,5', 'Kế hoạch ban hành sau ngày 31/01/2021');
    await change('2.1', '1', 'Chưa có báo cáo theo dõi thi hành pháp luật 6 tháng cuối năm');
    await page.getByTestId('appraised-1.1.1').filter({ hasText: '0,5' }).waitFor();
    await page.getByTestId('appraised-2.1').filter({ hasText: '1' }).waitFor();
    await snap(page, 'assess-appraisal');

    await page.getByTestId('publish-provisional').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /OK|Đồng ý|Xác nhận/ })
      .click();
    await page.getByTestId('sheet-state').filter({ hasText: 'Có kết quả tạm thời' }).waitFor();
    await page.close();
  });

  it('Vĩnh Lập contests one criterion with a text and new evidence', async () => {
    const page = await signIn('vinhlap.chutich');
    await page.goto(sheetUrl);
    await page.getByRole('tab', { name: 'Giải trình' }).click();
    await page.getByTestId('contest-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('contest-criterion').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^2\.1\./ })
      .click();
    await dialog
      .getByTestId('contest-text')
      .fill('Đơn vị đã có báo cáo 6 tháng cuối năm số 45/BC-UBND ngày 20/12/2021, gửi kèm.');
    await dialog.getByTestId('contest-file').setInputFiles({
      name: 'Bao cao 45-BC-UBND.pdf',
      mimeType: 'application/pdf',
      buffer: TINY_PDF,
    });
    await settle(page);
    await snap(page, 'assess-contest', { fullPage: false });
    await dialog.getByTestId('contest-send').click();
    await page.getByTestId('explanation-status-2.1').filter({ hasText: 'Chờ trả lời' }).waitFor();
    await snap(page, 'assess-explanation-sent');
    await page.close();
  });

  it('the appraiser accepts it with new points, finalises and publishes the round', async () => {
    const page = await signIn('thanhha.thamdinh');
    await page.goto(sheetUrl);
    await page.getByRole('tab', { name: 'Giải trình' }).click();
    const form = page.getByTestId('answer-2.1');
    await form.getByTestId('explanation-points').fill('2');
    await form.getByTestId('explanation-answer').fill('Chấp nhận: báo cáo đã gửi đúng hạn.');
    await form.getByTestId('explanation-accept').click();
    await page.getByTestId('explanation-status-2.1').filter({ hasText: 'Được chấp nhận' }).waitFor();
    await snap(page, 'assess-explanation-answered');
    await page.getByTestId('finalize-sheet').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /OK|Đồng ý|Xác nhận/ })
      .click();
    await page.getByTestId('sheet-state').filter({ hasText: 'Kết quả chính thức' }).waitFor();

    await page.goto(`${baseUrl}/danh-gia/dot/${roundId}`);
    await page.getByTestId('publish-round').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /OK|Đồng ý|Xác nhận/ })
      .click();
    await page.getByTestId(`board-state-${VINH_LAP}`).filter({ hasText: 'Đã công bố' }).waitFor();
    await snap(page, 'assess-board-published');
    await page.close();
  });

  it('/cong-khai shows Vĩnh Lập’s index and rank without a login, with the chart and the .xlsx', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/cong-khai`);
    await page.getByTestId('public-title').waitFor();
    const index = page.getByTestId(`public-index-${VINH_LAP}`);
    await index.waitFor();
    expect(await index.textContent()).toMatch(/^\d{1,3},\d{2}$/);
    const row = page.locator('tr', { has: page.getByTestId(`public-unit-${VINH_LAP}`) });
    expect(await row.locator('td').first().textContent()).toMatch(/^[12]$/);
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    await page.getByTestId('public-chart').locator('canvas').waitFor();
    const xlsx = await page.evaluate(
      async (href) => {
        const res = await fetch(href);
        return { status: res.status, type: res.headers.get('content-type') };
      },
      (await page.getByTestId('public-xlsx').getAttribute('href')) ?? '',
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain('spreadsheetml');
    await settle(page);
    await snap(page, 'assess-public');
    await page.setViewportSize(PHONE);
    await settle(page);
    await snap(page, 'assess-public-phone');
    await context.close();
  });

  it('the officer is notified; the admin finds the audit chain intact', async () => {
    const page = await signIn('vinhlap.canbo');
    await page.getByTestId('notification-bell').click();
    await page
      .getByTestId('notification-list')
      .getByText(/công bố/)
      .first()
      .waitFor();
    await settle(page);
    await snap(page, 'assess-notifications', { fullPage: false });
    await page.close();

    const admin = await signIn('admin');
    await admin.goto(`${baseUrl}/nhat-ky`);
    await admin.getByTestId('audit-verify').click();
    await admin.getByTestId('audit-verdict').filter({ hasText: 'nguyên vẹn' }).waitFor();
    await snap(admin, 'assess-audit');
    await admin.close();
  });
});
