import type { Browser, Page } from 'playwright-core';
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

const NAME_2021 = 'Bộ chỉ số cải cách hành chính cấp xã năm 2021';
const NAME_2022 = 'Bộ chỉ số cải cách hành chính cấp xã năm 2022';

async function signIn(username: string, viewport = DESKTOP): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'vi-VN' });
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('chiso-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('user-menu').waitFor();
  return page;
}

const treeNode = (page: Page, code: string) =>
  page.getByTestId('criteria-tree').locator(`[data-code="${code}"]`);
const sumOf = (page: Page, code: string) => treeNode(page, code).getByTestId('node-sum');

/** Lets antd's animations (tabs, modals, messages) finish before a screenshot. */
const settle = (page: Page) => page.waitForTimeout(400);

describe('frameworks in Chromium', () => {
  // One appraiser session, step by step: copy last year's, break and fix a sum, publish.
  let page: Page;
  let draftUrl = '';
  const reason = 'Điểm tối đa của 1.1 là 2 nhưng tổng các tiêu chí con là 2.5';

  it('the appraiser copies the 2021 framework to a 2022 draft and opens it', async () => {
    page = await signIn('thanhha.thamdinh');
    await page.getByRole('menuitem', { name: 'Bộ chỉ số' }).click();
    await page.getByRole('link', { name: NAME_2021, exact: true }).waitFor();
    await snap(page, 'frameworks-list-appraiser');

    // Copy last year's: the year asked defaults to the next one.
    await page.getByRole('button', { name: `Sao chép ${NAME_2021}` }).click();
    const copyDialog = page.getByRole('dialog');
    expect(await copyDialog.getByLabel('Năm áp dụng của bản nháp').inputValue()).toBe('2022');
    await copyDialog.getByRole('button', { name: 'Sao chép' }).click();
    await page.waitForURL(/\/bo-chi-so\/\d+$/);
    draftUrl = page.url();
    // The editor, not the list it replaces (which already shows the new draft).
    await page.getByTestId('error-list').waitFor();
    expect(await page.getByRole('heading', { name: NAME_2022 }).count()).toBe(1);
    expect(await page.getByText('Nháp', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('error-list').textContent()).toContain('Không có lỗi');
  });

  it('changing a leaf shows its parent red with the core error; publishing is refused with it', async () => {
    await treeNode(page, '1.1.1').click();
    await page.locator('#node-max').fill('1,5');
    expect(await sumOf(page, '1.1').getAttribute('data-mismatch')).toBe('true');
    expect(await sumOf(page, '1.1').textContent()).toBe('2 ≠ Σ 2,5');
    expect(await sumOf(page, '1').getAttribute('data-mismatch')).toBe('false');
    await page.getByTestId('error-list').getByText(reason).waitFor();
    expect(await page.getByTestId('dirty-state').textContent()).toBe('Chưa lưu');
    await snap(page, 'framework-editor-mismatch');

    // A draft is saved with its errors; publishing it is refused with them.
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu bản nháp; còn 1 lỗi').waitFor();
    await page.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Ban hành' }).click();
    const refused = page.getByRole('dialog').filter({ hasText: 'Chưa ban hành được' });
    await refused.getByText(reason).waitFor();
    await settle(page);
    await snap(page, 'framework-publish-refused');
    await refused.getByRole('button', { name: 'Đóng' }).last().click();
  });

  it('the error links to its node; fixed, saved and published, the draft becomes read-only', async () => {
    await page.getByTestId('error-list').getByText(reason).click();
    expect(await page.locator('#node-max').inputValue()).toBe('2');
    await treeNode(page, '1.1.2').click();
    await page.locator('#node-max').fill('0,5');
    expect(await sumOf(page, '1.1').textContent()).toBe('2 = Σ 2');
    expect(await sumOf(page, '1.1').getAttribute('data-mismatch')).toBe('false');
    expect(await page.getByTestId('error-list').textContent()).toContain('Không có lỗi');

    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByTestId('dirty-state').textContent()).toBe('Đã lưu');
    await page.getByRole('tab', { name: 'Xem trước' }).click();
    expect(await page.getByTestId('preview-total').textContent()).toBe('100');
    await settle(page);
    await snap(page, 'framework-preview');

    await page.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Ban hành' }).click();
    await page.getByText('Bộ chỉ số đã ban hành: chỉ xem, không sửa được.').waitFor();
    expect(await page.getByRole('button', { name: 'Lưu' }).count()).toBe(0);

    // Saved for real: a reload shows the new points.
    await page.reload();
    await treeNode(page, '1.1.1').click();
    expect(await page.getByTestId('node-details').textContent()).toContain('Điểm tối đa1,5');
    await snap(page, 'framework-published-appraiser');
    await page.close();
  });

  it('the editor is usable at a phone width: the tree above the form', async () => {
    const phone = await signIn('thanhha.thamdinh', PHONE);
    await phone.goto(`${baseUrl}/bo-chi-so`);
    await phone.getByRole('link', { name: NAME_2022, exact: true }).waitFor();
    await settle(phone);
    await snap(phone, 'frameworks-list-phone');
    await phone.getByRole('button', { name: `Sao chép ${NAME_2022}` }).click();
    await phone.getByRole('dialog').getByRole('button', { name: 'Sao chép' }).click();
    await phone.waitForURL((url) => url.href !== draftUrl && /\/bo-chi-so\/\d+$/.test(url.pathname));
    await treeNode(phone, '1.1.2').click();
    const tree = await phone.getByTestId('criteria-tree').boundingBox();
    const form = await phone.getByTestId('node-editor').boundingBox();
    expect(tree && form && form.y > tree.y + tree.height).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await settle(phone);
    await snap(phone, 'framework-editor-phone');
    await phone.close();
  });

  it('the commune officer reads the published framework without edit buttons, on a phone too', async () => {
    const page = await signIn('vinhlap.canbo');
    await page.getByRole('menuitem', { name: 'Bộ chỉ số' }).click();
    await page.getByRole('link', { name: NAME_2022, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Tạo bộ chỉ số trống' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Nhập từ Excel/CSV' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Sao chép/ }).count()).toBe(0);
    await snap(page, 'frameworks-list-officer');

    await page.getByRole('link', { name: NAME_2022, exact: true }).click();
    await treeNode(page, '1.2').click();
    const details = page.getByTestId('node-details');
    expect(await details.textContent()).toContain('Ngưỡng theo chỉ tiêu (%)');
    for (const name of ['Lưu', 'Ban hành', 'Sao chép thành bản nháp', 'Thêm tiêu chí con', 'Xoá']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    expect(await page.locator('#node-max').count()).toBe(0);
    await snap(page, 'framework-officer');

    const url = page.url();
    await page.close();

    const phone = await signIn('vinhlap.canbo', PHONE);
    await phone.goto(url);
    await treeNode(phone, '1.2').click();
    await settle(phone);
    await snap(phone, 'framework-officer-phone');
    await phone.getByRole('tab', { name: 'Xem trước' }).click();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await settle(phone);
    await snap(phone, 'framework-preview-phone');
    await phone.close();
  });

  it('an import names every bad row and stores nothing; a good file opens as a draft', async () => {
    const page = await signIn('thanhha.thamdinh');
    await page.goto(`${baseUrl}/bo-chi-so`);
    await page.getByRole('button', { name: 'Nhập từ Excel/CSV' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Nhập bộ chỉ số từ Excel/CSV' });
    await dialog.getByLabel('Năm', { exact: true }).fill('2023');
    await dialog.getByLabel('Tên bộ chỉ số').fill('Bộ chỉ số thử nhập 2023');
    await settle(page);
    await snap(page, 'framework-import');
    const header =
      'Mã,Lĩnh vực / Tiêu chí / Tiêu chí thành phần,Điểm tối đa,Phương pháp chấm,Chỉ tiêu (KPI),Tham số';
    const bad = `${header}\n1,Chỉ đạo điều hành,3,,,\n1.1,Kế hoạch,1,thu_cong,,\n1.2,Báo cáo,1,cham_diem,,\n`;
    await dialog
      .getByTestId('import-input')
      .setInputFiles({ name: 'bo-chi-so.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const errors = page.getByRole('dialog').filter({ hasText: 'chưa có dữ liệu nào được lưu' });
    await errors.getByText('cham_diem').first().waitFor();
    expect(await errors.textContent()).toContain('Điểm tối đa của 1 là 3 nhưng tổng các tiêu chí con là 2');
    await settle(page);
    await snap(page, 'framework-import-errors');
    await errors.getByRole('button', { name: 'Đóng' }).last().click();

    const good = `${header}\n1,Chỉ đạo điều hành,3,,,\n1.1,Kế hoạch,1,thu_cong,,\n1.2,Báo cáo,2,lua_chon,,Đủ:2;Thiếu:1;Không:0\n`;
    await dialog
      .getByTestId('import-input')
      .setInputFiles({ name: 'bo-chi-so.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.waitForURL(/\/bo-chi-so\/\d+$/);
    await treeNode(page, '1.2').click();
    expect(await page.locator('#node-params').inputValue()).toBe('Đủ:2;Thiếu:1;Không:0');
    await page.close();
  });
});
