import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, snap } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(username: string, password: string, viewport = DESKTOP) {
  const page = await browser.newPage({ viewport, locale: 'vi-VN' });
  await page.goto(baseUrl);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return page;
}

describe('login in Chromium', () => {
  it('shows the Vietnamese login page at first visit', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(baseUrl);
    await page.waitForURL('**/dang-nhap');
    await expect.poll(() => page.getByText('Tài khoản dùng thử').isVisible()).toBe(true);
    await snap(page, 'login');
    await page.close();
  });

  it('signs vinhlap.canbo in and shows Vĩnh Lập in the shell', async () => {
    const page = await signIn('vinhlap.canbo', 'chiso-demo');
    await page.getByTestId('my-unit').waitFor();
    expect(await page.getByTestId('my-unit').textContent()).toBe('Xã Vĩnh Lập');
    expect(await page.getByTestId('unit-tree').textContent()).toContain('Xã Vĩnh Lập');
    expect(await page.getByTestId('user-menu').textContent()).toContain('Xã Vĩnh Lập');
    await snap(page, 'home-vinhlap-canbo');
    await page.close();
  });

  it('shows the Vietnamese error for a wrong password', async () => {
    const page = await signIn('vinhlap.canbo', 'sai-mat-khau');
    const alert = page.getByRole('alert').filter({ hasText: 'không đúng' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    await snap(page, 'login-wrong-password');
    await page.close();
  });

  it('works at a phone width: the menu opens from the header', async () => {
    const page = await signIn('thanhha.thamdinh', 'chiso-demo', PHONE);
    await page.getByTestId('my-unit').waitFor();
    await page.getByRole('button', { name: 'Mở danh mục' }).click();
    await page.getByTestId('unit-tree').getByText('Xã Vĩnh Lập').click();
    expect(await page.getByTestId('selected-unit').textContent()).toBe('Xã Vĩnh Lập');
    await page.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
    await snap(page, 'home-appraiser-phone');
    await page.close();
  });
});
