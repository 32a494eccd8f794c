import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, snap } from './browser';
import { root } from './server-process';

// Issue 7 in Chromium, as vinhlap.canbo: import a dossier file (and see a bad one refused
// row by row), open the KPI page, see the late dossiers without an apology, follow the
// link to them; at a desktop's width and a phone's.

const baseUrl = inject('baseUrl');
const SAMPLE = readFileSync(`${root}/docs/mau/ho-so-mau.csv`);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(viewport = DESKTOP): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'vi-VN' });
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill('vinhlap.canbo');
  await page.getByLabel('Mật khẩu').fill('chiso-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('my-unit').waitFor();
  return page;
}

const lateWithoutApology = (page: Page) => page.getByTestId('kpi-value-late_dossiers_without_apology');

describe('registers and KPIs in Chromium (vinhlap.canbo)', () => {
  let before = 0;

  it('imports a dossier file, and refuses a bad one naming each row', async () => {
    const page = await signIn();
    await page.getByRole('menuitem', { name: 'Chỉ tiêu KPI' }).click();
    await lateWithoutApology(page).waitFor();
    before = Number(await lateWithoutApology(page).textContent());

    await page.getByRole('menuitem', { name: 'Hồ sơ TTHC' }).click();
    await page
      .getByText(/^10885\.H23-/)
      .first()
      .waitFor();
    await snap(page, 'registers-dossiers');

    const bad = Buffer.concat([
      SAMPLE,
      Buffer.from('HS-LOI,,Đăng ký khai sinh,Hộ tịch,Qua mạng,31/02/2021,05/03/2021,,\r\n'),
    ]);
    await page
      .getByTestId('import-input')
      .setInputFiles({ name: 'ho-so-loi.csv', mimeType: 'text/csv', buffer: bad });
    const dialog = page.getByRole('dialog').filter({ hasText: 'Các dòng lỗi' });
    await dialog.getByText('Ngày 31/02/2021 không tồn tại').waitFor();
    expect(await dialog.textContent()).toContain('“Qua mạng” không hợp lệ cho “Hình thức nộp”');
    await snap(page, 'registers-import-errors');
    await dialog.getByRole('button', { name: 'Đóng' }).last().click();

    await page
      .getByTestId('import-input')
      .setInputFiles({ name: 'ho-so-mau.csv', mimeType: 'text/csv', buffer: SAMPLE });
    await page.getByText('Đã nhập: thêm 12, cập nhật 0 bản ghi').waitFor();
    await page.close();
  });

  it('shows the KPIs green and red, and links the late dossiers without an apology', async () => {
    const page = await signIn();
    await page.getByRole('menuitem', { name: 'Chỉ tiêu KPI' }).click();
    await lateWithoutApology(page).waitFor();
    // Over 2021 ho-so-mau adds five: 0001 (resolved in January, after its due day), 0003 (after
    // its due time), 0007 (resolved 26/02, due 22/02), 0010 and 0012 (still open, past due).
    await expect.poll(async () => Number(await lateWithoutApology(page).textContent())).toBe(before + 5);
    expect(await page.getByTestId('kpi-verdict-documents_electronic_rate').textContent()).toBe('Đạt');
    expect(await page.getByTestId('kpi-verdict-documents_signed_rate').textContent()).toBe('Chưa đạt');
    expect(await page.getByTestId('kpi-value-documents_signed_rate').textContent()).toMatch(/^\d+,\d\d%$/);
    await snap(page, 'kpis-vinhlap-2021');

    await page.getByText(/^Xem \d+ hồ sơ trễ hạn chưa có văn bản xin lỗi$/).click();
    await page.getByTestId('kpi-banner').waitFor();
    expect(await page.getByTestId('kpi-banner').textContent()).toContain(
      'các bản ghi được đếm trong chỉ tiêu “Số hồ sơ trễ hẹn không có văn bản xin lỗi”',
    );
    await expect
      .poll(async () => await page.getByTestId('register-total').textContent())
      .toContain(`${before + 5} bản ghi`);
    await snap(page, 'late-without-apology');

    await page.getByTestId('register-search').locator('input').fill('h23 210104 0003');
    await page.keyboard.press('Enter');
    await page.getByText('000.00.28.H23-210104-0003').waitFor();
    expect(await page.getByTestId('register-total').textContent()).toContain('1 bản ghi');
    await page.close();
  });

  it('shows a progress bar while a long file is sent and checked', async () => {
    const page = await signIn();
    await page.getByRole('menuitem', { name: 'Hồ sơ TTHC' }).click();
    await page
      .getByText(/^10885\.H23-/)
      .first()
      .waitFor();
    // 30,000 dossiers of 2022, so the 2021 figures above stay as they are.
    const header = SAMPLE.toString('utf8').split('\r\n')[0];
    const rows = Array.from(
      { length: 30_000 },
      (_, i) =>
        `E2E-${i},Người Thử,Đăng ký khai sinh,Hộ tịch,Trực tiếp,04/01/2022 08:00,05/01/2022,05/01/2022 09:00,`,
    );
    const file = Buffer.from([header, ...rows].join('\r\n'));
    await page
      .getByTestId('import-input')
      .setInputFiles({ name: 'ho-so-2022.csv', mimeType: 'text/csv', buffer: file });
    await page.getByTestId('import-progress').waitFor();
    await snap(page, 'import-progress');
    await page.getByText('Đã nhập: thêm 30.000, cập nhật 0 bản ghi').waitFor({ timeout: 60_000 });
    await page.close();
  });

  it('works at a phone’s width', async () => {
    const page = await signIn(PHONE);
    await page.goto(`${baseUrl}/chi-tieu?from=2021-01-01&to=2021-12-31`);
    await lateWithoutApology(page).waitFor();
    await snap(page, 'kpis-phone');
    await page.getByText(/^Xem \d+ hồ sơ trễ hạn chưa có văn bản xin lỗi$/).click();
    await page.getByTestId('kpi-banner').waitFor();
    await page.getByText(/H23-/).first().waitFor();
    await snap(page, 'late-without-apology-phone');
    await page.close();
  });

  it('adds a record through the form', async () => {
    const page = await signIn();
    await page.getByRole('menuitem', { name: 'Báo cáo CCHC' }).click();
    await page.getByRole('button', { name: 'Thêm mới' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên báo cáo').fill('Báo cáo chuyên đề về CCHC');
    await dialog.getByLabel('Kỳ báo cáo').fill('Tháng 10/2021');
    await dialog.getByLabel('Hạn gửi').fill('20/10/2021');
    await dialog.getByLabel('Hạn gửi').press('Enter');
    await snap(page, 'report-form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Báo cáo chuyên đề về CCHC').waitFor();
    await snap(page, 'reports');
    await page.close();
  });

  it('names the field and the reason when the server refuses a value', async () => {
    const page = await signIn();
    await page.getByRole('menuitem', { name: 'Văn bản đi, đến' }).click();
    await page.getByRole('button', { name: 'Thêm mới' }).click();
    const dialog = page.getByRole('dialog');
    const numbers: [string, string][] = [
      ['Năm', '2022'],
      ['Tháng', '1'],
      ['Văn bản đến', '10'],
      ['Đến điện tử', '5'],
      ['Đến ký số', '11'],
      ['Văn bản đi', '0'],
      ['Đi điện tử', '0'],
      ['Đi ký số', '0'],
    ];
    for (const [label, value] of numbers) await dialog.getByLabel(label, { exact: true }).fill(value);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Văn bản đến ký số (11) nhiều hơn tổng số văn bản đến (10)').waitFor();
    await snap(page, 'document-stats-refused');
    await page.close();
  });

  it('lets the district appraiser compare the communes and open one commune’s records, read only', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await page.goto(`${baseUrl}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('thanhha.thamdinh');
    await page.getByLabel('Mật khẩu').fill('chiso-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('my-unit').waitFor();
    await page.goto(`${baseUrl}/chi-tieu?from=2021-01-01&to=2021-12-31`);
    await page.getByRole('tab', { name: 'Các đơn vị trực thuộc' }).click();
    const link = page.getByTestId('child-link-10885-late_dossiers_without_apology');
    await link.waitFor();
    await snap(page, 'kpis-children');
    const count = Number(await link.textContent());
    await link.click();
    await page.getByTestId('kpi-banner').waitFor();
    await expect
      .poll(async () => await page.getByTestId('register-total').textContent())
      .toContain(`${count} bản ghi`);
    expect(await page.getByTestId('register-unit').textContent()).toBe('Xã Vĩnh Lập');
    expect(await page.getByRole('button', { name: 'Thêm mới' }).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('unit')).toBeNull();
    await snap(page, 'appraiser-commune-records');
    await page.close();
  });
});
