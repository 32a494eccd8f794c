import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, snap } from './browser';

// The yearly loop in Chromium with the demo accounts, on the demo's open 2021 round (see
// docs/api-assessments.md, "Demo data": Vĩnh Lập's sheet is a draft with every criterion
// scored except 1.1.1, 1.1.2 and 2.1; the 19 other communes are appraised). Vĩnh Lập's
// officer fills those three with evidence, the chairman submits (refused first while evidence
// is missing), the appraiser changes two criteria with reasons, Vĩnh Lập contests one, the
// appraiser accepts it, the results are published and /cong-khai shows Vĩnh Lập's index and rank.

const baseUrl = inject('baseUrl');
let browser: Browser;

const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
// A Windows program's first bytes, named as a PDF: refused by its content.
const FAKE_PDF = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(256, 0)]);

const VINH_LAP = 'Xã Vĩnh Lập';
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

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Presses the open confirmation's button, then waits until it has gone (antd fades it out). */
async function confirm(page: Page, name: string | RegExp): Promise<void> {
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name }).click();
  await expect.poll(() => page.locator('.ant-popconfirm:visible').count()).toBe(0);
}

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

  it('the appraiser sees the 2021 round’s board and the form that opens a round', async () => {
    const page = await signIn('thanhha.thamdinh');
    await page.goto(`${baseUrl}/danh-gia`);
    await page.getByTestId('round-link-2021').click();
    await page.waitForURL(/\/danh-gia\/dot\/\d+$/);
    roundId = Number(page.url().split('/').at(-1));
    await page.getByTestId(`board-state-${VINH_LAP}`).filter({ hasText: 'Đang tự đánh giá' }).waitFor();
    expect(await page.getByTestId('count-provisional').textContent()).toContain('19');
    await snap(page, 'assess-board-opened');

    // The form that opens a round (2021's is open already: one round per year and level).
    await page.goto(`${baseUrl}/danh-gia`);
    await page.getByTestId('open-round').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Năm').fill('2021');
    await dialog.getByTestId('round-framework').click();
    await page.locator('.ant-select-item-option').filter({ hasText: FRAMEWORK }).first().click();
    await pickDate(page, dialog.getByLabel('Hạn tự đánh giá'), day(7));
    await pickDate(page, dialog.getByLabel('Hạn thẩm định'), day(14));
    await settle(page);
    await snap(page, 'assess-open-round', { fullPage: false });
    await dialog.getByRole('button', { name: /Huỷ|Hủy|Cancel/ }).click();
    await page.close();
  });

  /** Scores one criterion in its drawer: points, comment, one PDF; the drawer closes when saved. */
  async function fillCriterion(page: Page, code: string, points: string, comment: string, file: string) {
    await page.getByTestId(`criterion-${code}`).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('criterion-points').fill(points);
    await drawer.getByTestId('criterion-comment').fill(comment);
    await drawer
      .getByTestId('evidence-input')
      .setInputFiles({ name: file, mimeType: 'application/pdf', buffer: TINY_PDF });
    await drawer.getByTestId('evidence-link').filter({ hasText: file }).waitFor();
    await drawer.getByTestId('criterion-save').click();
    await drawer.waitFor({ state: 'hidden' });
  }

  it('vinhlap.canbo scores a criterion with evidence, and the total moves while typing', async () => {
    const page = await signIn('vinhlap.canbo');
    await page.goto(`${baseUrl}/danh-gia`);
    await page.getByTestId('round-link-2021').click();
    await page.waitForURL(/\/danh-gia\/phieu\/\d+$/);
    sheetUrl = page.url();
    await page.getByTestId('sheet-title').filter({ hasText: VINH_LAP }).waitFor();
    // The three criteria the demo left unscored have no evidence yet either.
    for (const code of ['1.1.1', '1.1.2', '2.1'])
      expect(await page.getByTestId(`points-${code}`).textContent()).toBe('—');
    const total = async () => Number((await page.getByTestId('live-total').textContent()) ?? 'NaN');
    const before = await total();

    // Points typed move the total at once, before anything is saved.
    await page.getByTestId('criterion-1.1.1').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('criterion-points').fill('1');
    await expect.poll(total).toBe(before + 1);
    await drawer.getByTestId('drawer-live-score').waitFor();
    await drawer.getByTestId('criterion-comment').fill('Kế hoạch số 12/KH-UBND ngày 15/01/2021');
    // A program renamed .pdf: refused by its content, with the server's Vietnamese message.
    await drawer.getByTestId('evidence-input').setInputFiles({
      name: 'bao-cao.pdf',
      mimeType: 'application/pdf',
      buffer: FAKE_PDF,
    });
    const refusal = page.locator('.ant-message-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    expect(await drawer.getByTestId('evidence-link').count()).toBe(0);
    await settle(page);
    await snap(page, 'assess-self-drawer-refused', { fullPage: false });
    await drawer.getByTestId('evidence-input').setInputFiles({
      name: 'Ke hoach CCHC 2021.pdf',
      mimeType: 'application/pdf',
      buffer: TINY_PDF,
    });
    await drawer.getByTestId('evidence-link').filter({ hasText: 'Ke hoach CCHC 2021.pdf' }).waitFor();
    await drawer.getByTestId('criterion-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(total).toBe(before + 1);
    await page.getByTestId('points-1.1.1').filter({ hasText: '1' }).waitFor();

    // A KPI criterion: pre-filled from the registers with the numbers behind it; an override needs a reason.
    await page.getByTestId('criterion-3.3').click();
    await drawer.getByTestId('prefill-snapshot').waitFor();
    expect(await drawer.getByTestId('prefill-snapshot').textContent()).toMatch(/\d+\/\d+ \(\d+,\d{2}%\)/);
    await drawer.getByTestId('override').check();
    await drawer.getByTestId('criterion-points').fill('6');
    expect(await drawer.getByTestId('criterion-save').isDisabled()).toBe(true);
    await drawer.getByTestId('override-reason').fill('Số liệu một cửa thiếu 2 hồ sơ trả trước hạn');
    expect(await drawer.getByTestId('criterion-save').isDisabled()).toBe(false);
    await settle(page);
    await snap(page, 'assess-self-kpi-override', { fullPage: false });
    // Not saved: the pre-filled value stays.
    await drawer.getByTestId('override').uncheck();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await snap(page, 'assess-self');
    await page.setViewportSize(PHONE);
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    await snap(page, 'assess-self-phone', { fullPage: false });
    await page.close();
  });

  it('vinhlap.chutich is refused criterion by criterion while evidence is missing, then submits', async () => {
    const page = await signIn('vinhlap.chutich');
    await page.goto(sheetUrl);
    await page.getByTestId('submit-sheet').click();
    await confirm(page, 'Nộp bản tự đánh giá');
    const refusals = page.getByTestId('submit-refusals');
    await refusals.waitFor();
    const listed = await refusals.locator('li').allTextContents();
    expect(listed.some((line) => line.startsWith('1.1.2'))).toBe(true);
    expect(listed.some((line) => line.startsWith('2.1'))).toBe(true);
    expect(listed.some((line) => line.startsWith('1.1.1'))).toBe(false);
    await settle(page);
    await snap(page, 'assess-submit-refused');

    const officer = await signIn('vinhlap.canbo');
    await officer.goto(sheetUrl);
    await officer.getByTestId('sheet-title').waitFor();
    await fillCriterion(
      officer,
      '1.1.2',
      '1',
      'Kế hoạch xác định đủ nhiệm vụ trên 6 lĩnh vực',
      'Ke hoach CCHC 2021 - phu luc.pdf',
    );
    await fillCriterion(officer, '2.1', '2', 'Kế hoạch 20/KH-UBND và báo cáo 6 tháng', 'Bao cao TDTHPL.pdf');
    await officer.close();

    await page.reload();
    await page.getByTestId('submit-sheet').click();
    await confirm(page, 'Nộp bản tự đánh giá');
    await page.getByTestId('sheet-state').filter({ hasText: 'Đã nộp' }).waitFor();
    expect(await page.getByTestId('submit-sheet').count()).toBe(0);
    await page.getByText('Bản tự đánh giá đã nộp nên chỉ xem được.').waitFor();
    await snap(page, 'assess-submitted');
    await page.close();
  });

  it('the appraiser reopens the submitted sheet with a reason, and the chairman submits it again', async () => {
    const page = await signIn('thanhha.thamdinh');
    await page.goto(sheetUrl);
    await page.getByTestId('sheet-state').filter({ hasText: 'Đã nộp' }).waitFor();
    await page.getByTestId('reopen-open').click();
    // No reason, no reopening.
    expect(await page.getByTestId('reopen-ok').isDisabled()).toBe(true);
    await page.getByTestId('reopen-reason').fill('Xã xin bổ sung tài liệu kiểm chứng tiêu chí 2.1');
    await settle(page);
    await snap(page, 'assess-reopen', { fullPage: false });
    await page.getByTestId('reopen-ok').click();
    await page.getByTestId('sheet-state').filter({ hasText: 'Đang tự đánh giá' }).waitFor();
    await page.getByText('Đã mở lại', { exact: true }).waitFor();
    await page.close();

    const head = await signIn('vinhlap.chutich');
    await head.goto(sheetUrl);
    await head.getByTestId('submit-sheet').click();
    await confirm(head, 'Nộp bản tự đánh giá');
    await head.getByTestId('sheet-state').filter({ hasText: 'Đã nộp' }).waitFor();
    await head.close();
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
    await confirm(page, /OK|Đồng ý|Xác nhận/);
    await page.getByText('Đã chấp nhận điểm tự chấm.').waitFor();

    const drawer = page.getByRole('dialog');
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
    await confirm(page, /OK|Đồng ý|Xác nhận/);
    await page.getByTestId('sheet-state').filter({ hasText: 'Có kết quả tạm thời' }).waitFor();
    await page.close();
  });

  it('Vĩnh Lập contests one criterion with a text and new evidence', async () => {
    const page = await signIn('vinhlap.chutich');
    await page.goto(sheetUrl);
    await page.getByRole('tab', { name: 'Giải trình' }).click();
    await page.getByTestId('contest-open').click();
    const dialog = page.getByRole('dialog');
    // The list is long (virtual): type to find the criterion.
    await dialog.getByTestId('contest-criterion').click();
    await page.keyboard.type('2.1. Ban hành');
    await page.locator('.ant-select-item-option').filter({ hasText: '2.1. Ban hành' }).first().click();
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

  it('the appraiser accepts it with new points, closes the explanations and publishes the round', async () => {
    const page = await signIn('thanhha.thamdinh');
    await page.goto(sheetUrl);
    await page.getByRole('tab', { name: 'Giải trình' }).click();
    const form = page.getByTestId('answer-2.1');
    await form.getByTestId('explanation-points').fill('2');
    await form.getByTestId('explanation-answer').fill('Chấp nhận: báo cáo đã gửi đúng hạn.');
    await form.getByTestId('explanation-accept').click();
    await page.getByTestId('explanation-status-2.1').filter({ hasText: 'Được chấp nhận' }).waitFor();
    await snap(page, 'assess-explanation-answered');
    // The window is closed for the whole round (every provisional sheet becomes final), then published.
    await page.goto(`${baseUrl}/danh-gia/dot/${roundId}`);
    await page.getByTestId('close-explanations').click();
    await confirm(page, /OK|Đồng ý|Xác nhận/);
    await page.getByTestId(`board-state-${VINH_LAP}`).filter({ hasText: 'Kết quả chính thức' }).waitFor();
    await page.getByTestId('publish-round').click();
    await confirm(page, /OK|Đồng ý|Xác nhận/);
    await page.getByTestId(`board-state-${VINH_LAP}`).filter({ hasText: 'Đã công bố' }).waitFor();
    await snap(page, 'assess-board-published');
    await page.close();
  });

  it('the appraiser corrects a published result with a reason: a new version, the old kept', async () => {
    const page = await signIn('thanhha.thamdinh');
    await page.goto(sheetUrl);
    await page.getByTestId('sheet-result').waitFor();
    await page.getByTestId('correct-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('correct-criterion').click();
    await page.keyboard.type('3.6. Thực hiện');
    await page.locator('.ant-select-item-option').filter({ hasText: '3.6. Thực hiện' }).first().click();
    await dialog.getByTestId('correct-points').fill('3');
    await dialog
      .getByTestId('correct-reason')
      .fill('Cộng sót quyết định kiện toàn Bộ phận Một cửa đã nộp kèm hồ sơ');
    await settle(page);
    await snap(page, 'assess-correction', { fullPage: false });
    await dialog.getByTestId('correct-ok').click();
    await page.getByTestId('sheet-result').getByText('đã được đính chính').waitFor();
    await page.close();
  });

  it('/cong-khai shows Vĩnh Lập’s index and rank without a login, with the chart and the .xlsx', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/cong-khai?dot=${roundId}`);
    await page.getByTestId('public-title').waitFor();
    const index = page.getByTestId(`public-index-${VINH_LAP}`);
    await index.waitFor();
    expect(await index.textContent()).toMatch(/^\d{1,3},\d{2}$/);
    const row = page.locator('tr', { has: page.getByTestId(`public-unit-${VINH_LAP}`) });
    const rank = Number(await row.locator('td').first().textContent());
    expect(rank).toBeGreaterThanOrEqual(1);
    expect(rank).toBeLessThanOrEqual(20);
    expect(await page.locator('tbody tr.ant-table-row').count()).toBe(20);
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    // The corrected result says so, with its reason.
    // (A unit whose rank moved because of it gets a new version too, with the same reason.)
    await page
      .getByTestId('public-corrections')
      .locator('li')
      .filter({ hasText: `${VINH_LAP}: đính chính` })
      .filter({ hasText: 'Cộng sót quyết định kiện toàn' })
      .waitFor();
    await row.getByTestId('corrected-tag').waitFor();
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
    await snap(admin, 'assess-audit', { fullPage: false });
    await admin.close();
  });
});
