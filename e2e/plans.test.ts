import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, snap } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const TASK = 'Đăng tin tuyên truyền CCHC trên Trang thông tin điện tử xã (quý IV)';

async function login(page: Page, username: string, password = 'chiso-demo') {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** The number of done tasks the plan page shows. */
async function doneCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('plan-completion').textContent())?.replace(/\D/g, ''));
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the PAR plan in Chromium', () => {
  let planUrl = '';

  it('shows vinhlap.canbo their tasks and Vĩnh Lập’s plan', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await login(page, 'vinhlap.canbo');
    await page.getByRole('menuitem', { name: 'Nhiệm vụ của tôi' }).click();
    await page.getByTestId('my-task-title').filter({ hasText: TASK }).waitFor();
    expect(await page.getByTestId('overdue-tag').count()).toBeGreaterThan(0);
    await snap(page, 'plans-my-tasks');

    await page.getByRole('menuitem', { name: 'Kế hoạch CCHC' }).click();
    await page.getByTestId('plan-link-2021').click();
    await page
      .getByTestId('plan-title')
      .filter({ hasText: 'Kế hoạch CCHC năm 2021 — Xã Vĩnh Lập' })
      .waitFor();
    await page.getByTestId('progress-chart').locator('canvas').waitFor();
    planUrl = page.url();
    expect(await doneCount(page)).toBe(16);
    await snap(page, 'plans-overview');

    await page.getByRole('tab', { name: /Văn bản kế hoạch/ }).click();
    // An officer reads the issued plan as it prints; only the chairman amends it.
    await page.getByTestId('plan-preview').getByText('Nguyễn Văn Khoa').waitFor();
    await snap(page, 'plans-document', { fullPage: false });
    await page.close();
  });

  it('lets the chairman amend the issued plan, with a reason', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await login(page, 'vinhlap.chutich');
    await page.goto(planUrl);
    await page.getByRole('tab', { name: /Văn bản kế hoạch/ }).click();
    await page.getByLabel('Họ tên người ký').fill('Nguyễn Văn Khoa');
    await page
      .getByLabel('Đoạn kết')
      .fill(
        'Trên đây là Kế hoạch cải thiện nâng cao chỉ số cải cách hành chính nhà nước trên địa bàn xã Vĩnh Lập năm 2021.',
      );
    await snap(page, 'plans-editor', { fullPage: false });
    await page.getByRole('button', { name: 'Sửa đổi, bổ sung' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('Bổ sung năm thực hiện vào đoạn kết');
    await dialog.getByRole('button', { name: 'Sửa đổi, bổ sung' }).click();
    await page.getByRole('tab', { name: 'Lịch sử sửa đổi' }).click();
    await page.getByText('Bổ sung năm thực hiện vào đoạn kết').waitFor();
    await snap(page, 'plans-amendments', { fullPage: false });
    await page.close();
  });

  it('lets the officer mark a task done with evidence, and the completion goes up', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await login(page, 'vinhlap.canbo');
    await page.goto(planUrl);
    const before = await doneCount(page);
    await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
    await page.getByTestId('task-title').filter({ hasText: TASK }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Nhiệm vụ đã quá hạn mà chưa hoàn thành.').waitFor();

    await drawer.getByTestId('evidence-input').setInputFiles({
      name: 'Tin bài tuyên truyền quý IV.pdf',
      mimeType: 'application/pdf',
      buffer: TINY_PDF,
    });
    await drawer
      .getByTestId('evidence-link')
      .filter({ hasText: 'Tin bài tuyên truyền quý IV.pdf' })
      .waitFor();

    // Ant Design's dropdown opens with an animation: choose again if the first click fell in it.
    await expect
      .poll(
        async () => {
          await drawer.getByLabel('Trạng thái').click();
          const option = page.locator('.ant-select-item-option[title="Hoàn thành"]');
          await option.waitFor({ state: 'visible' });
          await option.click();
          return drawer.getByLabel('Ngày hoàn thành').isVisible();
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await snap(page, 'plans-task-drawer');
    await page.getByTestId('task-save').click();
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: 'Tổng quan' }).click();
    await expect.poll(() => doneCount(page)).toBe(before + 1);
    await snap(page, 'plans-overview-after');

    await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
    await page.getByText('Bảng theo trạng thái').click();
    await page.getByTestId('board-done').getByText(TASK).waitFor();
    await snap(page, 'plans-board');
    await page.close();
  });

  it('fits a phone', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await login(page, 'vinhlap.canbo');
    await page.goto(planUrl);
    await page.getByTestId('progress-chart').locator('canvas').waitFor();
    await snap(page, 'plans-overview-phone');
    await page.goto(`${baseUrl}/nhiem-vu-cua-toi`);
    await page.getByTestId('my-task-title').first().waitFor();
    await snap(page, 'plans-my-tasks-phone');
    await page.close();
  });

  it('does not let another commune reach Vĩnh Lập’s plan', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await login(page, 'admin');
    const created = await page.evaluate(async () => {
      const session = await (await fetch('/api/auth/session')).json();
      const units = (await (await fetch('/api/units?q=thanh%20xa')).json()).units as { id: number }[];
      const res = await fetch('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          username: 'thanhxa.canbo',
          fullName: 'Lê Văn Xã Khác',
          unitId: units[0]?.id,
          roles: ['unit_officer'],
          password: 'mat-khau-dau',
        }),
      });
      return res.status;
    });
    expect(created).toBe(201);
    await context.close();

    const other = await browser.newPage({ viewport: DESKTOP });
    await login(other, 'thanhxa.canbo', 'mat-khau-dau');
    const planId = planUrl.split('/').at(-1);
    const api = await other.evaluate(async (id) => (await fetch(`/api/plans/${id}`)).status, planId);
    expect(api).toBe(403);
    await other.goto(planUrl);
    await other.getByText('Bạn không có quyền truy cập dữ liệu của đơn vị này.').waitFor();
    await snap(other, 'plans-other-commune-403');
    await other.close();
  });
});
