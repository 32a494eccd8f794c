import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, snap } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('admin pages in Chromium', () => {
  it('lists the unit tree, imports a unit file with a bad row and shows the row errors', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${baseUrl}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('chiso-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('menuitem', { name: 'Đơn vị' }).click();
    await page.getByRole('cell', { name: 'Xã Vĩnh Lập' }).waitFor();
    await snap(page, 'units-admin');

    const csv = 'Mã,Tên đơn vị,Cấp,Mã đơn vị cấp trên\n12001,Xã Mới,xa,294\n12002,Xã Lỗi,ap,294\n';
    await page
      .getByTestId('import-input')
      .setInputFiles({ name: 'don-vi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Cấp "ap" không hợp lệ').waitFor();
    expect(await dialog.textContent()).toContain('chưa có dữ liệu nào được lưu');
    await snap(page, 'units-import-errors');
    await dialog.getByRole('button', { name: 'Đóng' }).last().click();
    expect(await page.getByRole('cell', { name: 'Xã Mới' }).count()).toBe(0);

    await page.getByRole('menuitem', { name: 'Người dùng' }).click();
    await page.getByRole('cell', { name: 'vinhlap.canbo' }).waitFor();
    await snap(page, 'users-admin');
    await page.close();
  });
});
