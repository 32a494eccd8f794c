import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, snap } from './browser';

// The dashboard in Chromium: the chairman of Vĩnh Lập sees the projected index and the
// points at risk, follows the apology criterion to its late dossiers, makes a letter, and
// the index goes up; the district appraiser sees the table and heatmap of its communes.

const baseUrl = inject('baseUrl');
let browser: Browser;

async function login(page: Page, username: string) {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('chiso-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** The number of records the register page lists ("7 bản ghi …"). */
async function recordCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('register-total').textContent()) ?? '';
  return Number(/([\d.]+) bản ghi/.exec(text)?.[1]?.replace(/\./g, '') ?? Number.NaN);
}

/** The projected index as the dashboard shows it ("85,25" → 85.25). */
async function projectedIndex(page: Page): Promise<number> {
  const text = (await page.getByTestId('projected-index').textContent()) ?? '';
  return Number(text.replace(/\./g, '').replace(',', '.'));
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Chooses the dashboard's year and waits for the page to show it. */
async function showYear(page: Page, year: number): Promise<void> {
  await page.getByTestId('dashboard-year').click();
  await page.locator(`.ant-select-item-option[title="${year}"]`).click();
  await page
    .getByTestId('dashboard-title')
    .filter({ hasText: `năm ${year}` })
    .waitFor();
}

describe('the dashboard in Chromium', () => {
  it('shows vinhlap.chutich the projected index and the points at risk, and an apology raises the index', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await login(page, 'vinhlap.chutich');
    // The unit's first page is its dashboard (the year the demo's registers hold is 2021;
    // another e2e file may have published a later framework, which would be the default).
    await page.getByTestId('projected-index').waitFor();
    await showYear(page, 2021);
    await page.getByTestId('index-gauge').locator('canvas').first().waitFor();
    await page.getByTestId('area-bars').locator('canvas').first().waitFor();
    const before = await projectedIndex(page);
    expect(before).toBeGreaterThan(0);
    expect(await page.getByTestId('target-band').textContent()).toContain('Mục tiêu: loại Tốt');
    const apologyRow = page.getByTestId('risk-3.4');
    await apologyRow.waitFor();
    expect(await apologyRow.textContent()).toContain('xin lỗi');
    const riskBefore = await page.getByTestId('risk-points-3.4').textContent();
    await page.getByTestId('path-card').waitFor();
    await snap(page, 'dashboard-unit');
    await snap(page, 'dashboard-unit-top', { fullPage: false });

    // The records behind the points: the late dossiers without an apology.
    await page.getByTestId('risk-records-3.4').click();
    await page.getByTestId('kpi-banner').waitFor();
    await expect
      .poll(async () => page.getByTestId('register-total').textContent())
      .toMatch(/[1-9]\d* bản ghi/);
    // The criterion deducts per late dossier without a letter, down to 0: write them all.
    let left = await recordCount(page);
    expect(left).toBeGreaterThan(0);
    for (let made = 0; left > 0; made += 1) {
      const button = page.locator('[data-testid^="apology-"]').first();
      await button.waitFor();
      await button.click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Lý do chậm trễ').fill('Hồ sơ phải xác minh thêm thông tin tại thôn');
      if (made === 0) {
        // Let the dialog finish opening before the picture.
        await page.waitForTimeout(500);
        await snap(page, 'dashboard-apology-form', { fullPage: false });
      }
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Lập thư và tải về' }).click();
      expect((await download).suggestedFilename()).toMatch(/^thu-xin-loi-.+\.docx$/);
      await dialog.waitFor({ state: 'hidden' });
      // The list refreshes: the dossier has its apology now and leaves the list.
      const expected = left - 1;
      await expect.poll(() => recordCount(page)).toBe(expected);
      left = expected;
    }

    await page.getByRole('menuitem', { name: 'Chỉ số dự kiến' }).click();
    await page.getByTestId('projected-index').waitFor();
    await showYear(page, 2021);
    await expect.poll(() => projectedIndex(page)).toBeGreaterThan(before);
    // Every late dossier has its letter: the criterion earns its points and leaves the list.
    expect(await page.getByTestId('risk-3.4').count()).toBe(0);
    expect(riskBefore).toMatch(/−/);
    await snap(page, 'dashboard-unit-after');
    await page.close();
  });

  it('fits a phone', async () => {
    const page = await browser.newPage({ viewport: PHONE, locale: 'vi-VN' });
    await login(page, 'vinhlap.chutich');
    await page.getByTestId('projected-index').waitFor();
    await showYear(page, 2021);
    await page.getByTestId('risk-total').waitFor();
    await page.getByTestId('area-bars').locator('canvas').first().waitFor();
    await snap(page, 'dashboard-unit-phone');
    await snap(page, 'dashboard-unit-phone-top', { fullPage: false });
    await page.close();
  });

  it('shows thanhha.thamdinh the table and heatmap of Thanh Hà’s communes', async () => {
    for (const [viewport, name] of [
      [DESKTOP, 'dashboard-appraiser'],
      [PHONE, 'dashboard-appraiser-phone'],
    ] as const) {
      const page = await browser.newPage({ viewport, locale: 'vi-VN' });
      await login(page, 'thanhha.thamdinh');
      await page.goto(`${baseUrl}/bang-dieu-khien`);
      await showYear(page, 2021);
      const table = page.getByTestId('units-table');
      await table.getByTestId('table-unit-10885').waitFor();
      expect(await table.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(10);
      expect(await table.textContent()).toContain('Xã Vĩnh Lập');
      await page.getByTestId('area-heatmap').locator('canvas').first().waitFor();
      await snap(page, name);
      if (name === 'dashboard-appraiser') {
        // Sorting by name puts the communes in Vietnamese order; a click opens one commune.
        await table.getByRole('columnheader', { name: 'Đơn vị' }).click();
        await table.getByTestId('table-unit-10885').click();
        await page.getByTestId('projected-index').waitFor();
        expect(await page.getByTestId('dashboard-unit').textContent()).toBe('Xã Vĩnh Lập');
      }
      await page.close();
    }
  });
});
