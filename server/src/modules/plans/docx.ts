import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { areaHeading, numberLine, type PlanDocument, placeDateLine } from '#core/plan/index';

// The plan printed as Nghị định 30/2020/NĐ-CP (Phụ lục I) lays out an administrative
// document: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman;
// the two header blocks side by side in a borderless table; the title centred in bold;
// the body justified at 14 pt; "Nơi nhận" (12 pt bold italic, items 11 pt) beside the
// signature block; page numbers from page 2, centred at the top.

/** Millimetres to twips, rounded (A4 is 11906 × 16838 twips, as Word writes it). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LEFT_COLUMN = Math.round(CONTENT_WIDTH * 0.4);
const RIGHT_COLUMN = CONTENT_WIDTH - LEFT_COLUMN;
const FONT = 'Times New Roman';
/** Half-points, as Word counts font sizes. */
const pt = (points: number) => points * 2;
const BODY = pt(14);
const FIRST_LINE = mm(10);

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

const run = (text: string, style: RunStyle = {}) => new TextRun({ text, font: FONT, size: BODY, ...style });

function centred(text: string, style: RunStyle = {}, spacing: { before?: number; after?: number } = {}) {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [run(text, style)] });
}

/** A short centred rule under a heading block, `width` twips long inside a column `columnWidth` wide. */
function rule(columnWidth: number, width: number) {
  const side = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 100, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

/** A body paragraph: justified, first line indented, 6 pt after, line spacing 1.15. */
function body(text: string, style: RunStyle = {}, indentFirstLine = true) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: indentFirstLine ? { firstLine: FIRST_LINE } : undefined,
    spacing: { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO },
    children: [run(text, style)],
  });
}

const heading = (text: string) => body(text, { bold: true });
const paragraphsOf = (text: string) =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
const bullet = (text: string) => body(`- ${text}`);

function cell(width: number, children: Paragraph[]) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: mm(1), right: mm(1) },
    children,
  });
}

function twoColumns(rows: [Paragraph[], Paragraph[]][], widths: [number, number]) {
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      ([left, right]) => new TableRow({ children: [cell(widths[0], left), cell(widths[1], right)] }),
    ),
  });
}

/** Approximate printed width of a line of bold capitals / words, to size the rules under them. */
const textWidth = (text: string, points: number) => Math.round(text.length * points * 10.5);

function headerBlocks(doc: PlanDocument, year: number) {
  const bodyLines = paragraphsOf(doc.issuingBody.toUpperCase());
  const left: Paragraph[] = [
    ...(doc.parentBody ? [centred(doc.parentBody.toUpperCase(), { size: pt(13) })] : []),
    ...bodyLines.map((line) => centred(line, { size: pt(13), bold: true })),
    rule(LEFT_COLUMN, Math.min(LEFT_COLUMN / 2, textWidth(bodyLines.at(-1) ?? '', 13) / 2)),
  ];
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const right: Paragraph[] = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: pt(12), bold: true }),
    centred(motto, { size: pt(13), bold: true }),
    rule(RIGHT_COLUMN, Math.min(RIGHT_COLUMN - mm(4), textWidth(motto, 13))),
  ];
  const numberRow: Paragraph[] = [centred(numberLine(doc), { size: pt(13) }, { before: 120 })];
  const dateRow: Paragraph[] = [
    centred(placeDateLine(doc.place, doc.issuedDate, year), { size: pt(14), italics: true }, { before: 120 }),
  ];
  return twoColumns(
    [
      [left, right],
      [numberRow, dateRow],
    ],
    [LEFT_COLUMN, RIGHT_COLUMN],
  );
}

function titleBlock(doc: PlanDocument): Paragraph[] {
  const lines = paragraphsOf(doc.title);
  return [
    centred('KẾ HOẠCH', { size: pt(14), bold: true }, { before: 360 }),
    ...lines.map((line) => centred(line, { size: pt(14), bold: true })),
    rule(CONTENT_WIDTH, mm(30)),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function sections(doc: PlanDocument): Paragraph[] {
  const out: Paragraph[] = paragraphsOf(doc.preamble).map((p) => body(p));
  out.push(heading('I. MỤC ĐÍCH, YÊU CẦU'));
  out.push(heading('1. Mục đích:'), ...doc.purposes.map(bullet));
  out.push(heading('2. Yêu cầu:'), ...doc.requirements.map(bullet));
  out.push(heading('II. NỘI DUNG VÀ MỤC TIÊU THỰC HIỆN'));
  doc.areas.forEach((area, i) => {
    out.push(heading(`${i + 1}. ${areaHeading(area)}`), ...area.contents.map(bullet));
  });
  out.push(heading('III. TỔ CHỨC THỰC HIỆN'));
  doc.duties.forEach((duty, i) => {
    const [first = '', ...rest] = paragraphsOf(duty.text);
    out.push(body(`${i + 1}. ${first}`), ...rest.map((p) => body(p)));
  });
  out.push(...paragraphsOf(doc.closing).map((p) => body(p)));
  return out;
}

function closingBlocks(doc: PlanDocument) {
  const recipients: Paragraph[] = [
    new Paragraph({ children: [run('Nơi nhận:', { size: pt(12), bold: true, italics: true })] }),
    ...doc.recipients.map(
      (r) => new Paragraph({ spacing: { after: 0 }, children: [run(`- ${r}`, { size: pt(11) })] }),
    ),
  ];
  const signature: Paragraph[] = [
    ...paragraphsOf(doc.signAuthority.toUpperCase()).map((l) => centred(l, { size: pt(14), bold: true })),
    ...paragraphsOf(doc.signerTitle.toUpperCase()).map((l) => centred(l, { size: pt(14), bold: true })),
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [] })),
    centred(doc.signerName, { size: pt(14), bold: true }),
  ];
  return twoColumns(
    [[recipients, signature]],
    [Math.round(CONTENT_WIDTH * 0.5), CONTENT_WIDTH - Math.round(CONTENT_WIDTH * 0.5)],
  );
}

/** The plan as a .docx in the NĐ 30/2020 layout. */
export async function planDocx(doc: PlanDocument, year: number): Promise<Buffer> {
  const document = new Document({
    creator: 'ChiSo',
    title: `Kế hoạch ${doc.title}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: PAGE, margin: { ...MARGIN, header: mm(10), footer: mm(10) } },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
              }),
            ],
          }),
        },
        children: [
          headerBlocks(doc, year),
          ...titleBlock(doc),
          ...sections(doc),
          new Paragraph({ children: [] }),
          closingBlocks(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
