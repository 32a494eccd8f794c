import { Paragraph } from 'docx';
import { areaHeading, numberLine, type PlanDocument, placeDateLine } from '#core/plan/index';
import {
  body,
  CONTENT_WIDTH,
  centred,
  closingBlocks,
  headerBlocks,
  mm,
  nd30Docx,
  printedLines,
  pt,
  type RunStyle,
  rule,
  run,
} from '../../lib/nd30-docx';

// The plan printed as Nghị định 30/2020/NĐ-CP (Phụ lục I) lays out an administrative
// document (lib/nd30-docx.ts): the header blocks, "KẾ HOẠCH" and its summary centred in
// bold, sections I–III justified at 14 pt, "Nơi nhận" beside the signature block; page
// numbers from page 2.

const text = (t: string, style: RunStyle = {}) => body([run(t, style)]);
const heading = (t: string) => text(t, { bold: true });
const bullet = (t: string) => text(`- ${t}`);

function titleBlock(doc: PlanDocument): Paragraph[] {
  const lines = printedLines(doc.title);
  return [
    centred('KẾ HOẠCH', { size: pt(14), bold: true }, { before: 360 }),
    ...lines.map((line) => centred(line, { size: pt(14), bold: true })),
    rule(CONTENT_WIDTH, mm(30)),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function sections(doc: PlanDocument): Paragraph[] {
  const out: Paragraph[] = printedLines(doc.preamble).map((p) => text(p));
  out.push(heading('I. MỤC ĐÍCH, YÊU CẦU'));
  out.push(heading('1. Mục đích:'), ...doc.purposes.map(bullet));
  out.push(heading('2. Yêu cầu:'), ...doc.requirements.map(bullet));
  out.push(heading('II. NỘI DUNG VÀ MỤC TIÊU THỰC HIỆN'));
  doc.areas.forEach((area, i) => {
    out.push(heading(`${i + 1}. ${areaHeading(area)}`), ...area.contents.map(bullet));
  });
  out.push(heading('III. TỔ CHỨC THỰC HIỆN'));
  doc.duties.forEach((duty, i) => {
    const [first = '', ...rest] = printedLines(duty.text);
    out.push(text(`${i + 1}. ${first}`), ...rest.map((p) => text(p)));
  });
  out.push(...printedLines(doc.closing).map((p) => text(p)));
  return out;
}

/** The plan as a .docx in the NĐ 30/2020 layout. */
export async function planDocx(doc: PlanDocument, year: number): Promise<Buffer> {
  return nd30Docx({
    title: `Kế hoạch ${doc.title}`,
    pageNumbers: true,
    children: [
      headerBlocks(doc, numberLine(doc), placeDateLine(doc.place, doc.issuedDate, year)),
      ...titleBlock(doc),
      ...sections(doc),
      new Paragraph({ children: [] }),
      closingBlocks(doc.recipients, doc, 0.5),
    ],
  });
}
