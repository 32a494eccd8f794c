import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, setupTestApp } from '../../testing/app';
import { demoPlanId, unitIdsByCode } from '../../testing/plans';

// The demo plan exported as Word, opened the way Word does: a zip whose
// word/document.xml holds the paragraphs and tables, in order.

const { harness } = setupTestApp();
let xml: string;
let styles: string;
let disposition: string;

/** The text of each paragraph, in document order. */
function paragraphs(part: string): string[] {
  return [...part.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}
const tables = (part: string) => [...part.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);

beforeAll(async () => {
  const officer = await loginAs(harness.app, 'vinhlap.canbo');
  const ids = await unitIdsByCode(await loginAs(harness.app, 'admin'));
  const planId = await demoPlanId(officer, ids['10885'] as number);
  const res = await officer.get(`/api/plans/${planId}/export.docx`);
  expect(res.statusCode).toBe(200);
  disposition = String(res.headers['content-disposition']);
  const zip = unzipSync(new Uint8Array(res.rawPayload));
  xml = strFromU8(zip['word/document.xml'] as Uint8Array);
  styles = strFromU8(zip['word/styles.xml'] as Uint8Array);
});

describe('the plan as a Word document (NĐ 30/2020)', () => {
  it('is named for the unit and year', () => {
    expect(disposition).toContain('ke-hoach-cchc-xa-vinh-lap-2021.docx');
  });

  it('opens with the two header blocks side by side in a borderless table', () => {
    const [header] = tables(xml);
    expect(xml.indexOf('<w:tbl>')).toBeLessThan(xml.indexOf('KẾ HOẠCH'));
    expect(header).toMatch(/<w:tblBorders>[\s\S]*w:val="none"/);
    const rows = [...(header ?? '').matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).filter(Boolean)),
    );
    expect(rows[0]).toEqual([
      ['ỦY BAN NHÂN DÂN', 'XÃ VĨNH LẬP'],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    ]);
    expect(rows[1]?.[0]?.[0]).toMatch(/^Số:\s+\/KH-UBND$/);
    expect(rows[1]?.[1]).toEqual(['Vĩnh Lập, ngày 08 tháng 4 năm 2021']);
  });

  it('has the title, then sections I–III in order', () => {
    const text = paragraphs(xml);
    const at = (line: string) => text.indexOf(line);
    expect(at('KẾ HOẠCH')).toBeGreaterThan(0);
    expect(text[at('KẾ HOẠCH') + 1]).toBe('Cải thiện, nâng cao chỉ số Cải cách hành chính');
    expect(text[at('KẾ HOẠCH') + 2]).toBe('xã Vĩnh Lập năm 2021.');
    const order = [
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích:',
      '2. Yêu cầu:',
      'II. NỘI DUNG VÀ MỤC TIÊU THỰC HIỆN',
      '1. Chỉ số nội dung “Công tác chỉ đạo, điều hành về CCHC”',
      '7. Chỉ số nội dung “Xây dựng và phát triển chính quyền điện tử”',
      'III. TỔ CHỨC THỰC HIỆN',
    ].map(at);
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(
      text.some((p) => p.startsWith('8. Hàng năm UBND xã tổ chức hội nghị đánh giá rút kinh nghiệm')),
    ).toBe(true);
  });

  it('ends with "Nơi nhận" beside the signature block', () => {
    const last = tables(xml).at(-1) ?? '';
    const cells = [...last.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).filter(Boolean));
    expect(cells[0]).toEqual([
      'Nơi nhận:',
      '- Phòng nội vụ huyện;',
      '- TT Đảng - HĐND - UBND xã;',
      '- Các ngành có liên quan;',
      '- Lưu: VT',
    ]);
    expect(cells[1]).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn Khoa']);
  });

  it('is A4 in Times New Roman 14 with the NĐ 30 margins', () => {
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // top 20 mm, right 15 mm, bottom 20 mm, left 30 mm (in twips)
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });
});
