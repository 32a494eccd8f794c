import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { placeDateLine } from '#core/plan/index';
import { ymdOf } from '#core/time/index';
import type { ApologyLetter } from './apology-letter';

// The apology letter as a .docx in the layout of Nghị định 30/2020/NĐ-CP, as the plan
// is printed (plans/docx.ts): A4, margins 20/20/30/15 mm, Times New Roman, the two header
// blocks side by side in a borderless table, the title centred in bold, the body
// justified at 14 pt, "Nơi nhận" beside the signature block. The form's number and its
// legal basis stand at the top right, as the forms of the Thông tư are printed.

const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LEFT_COLUMN = Math.round(CONTENT_WIDTH * 0.4);
const RIGHT_COLUMN = CONTENT_WIDTH - LEFT_COLUMN;
const FONT = 'Times New Roman';
const pt = (points: number) => points * 2;
const BODY = pt(14);
const FIRST_LINE = mm(10);

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

const run = (text: string, style: RunStyle = {}) => new TextRun({ text, font: FONT, size: BODY, ...style });
const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);

function centred(text: string, style: RunStyle = {}, spacing: { before?: number; after?: number } = {}) {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [run(text, style)] });
}

function rule(columnWidth: number, width: number) {
  const side = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 100, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

function body(children: TextRun[], indentFirstLine = true) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: indentFirstLine ? { firstLine: FIRST_LINE } : undefined,
    spacing: { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO },
    children,
  });
}

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

const textWidth = (text: string, points: number) => Math.round(text.length * points * 10.5);

function formMark(letter: ApologyLetter): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [run(letter.form.label, { size: pt(13), bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { after: 120 },
      children: [run(`(${letter.form.basis})`, { size: pt(11), italics: true })],
    }),
  ];
}

function headerBlocks(letter: ApologyLetter) {
  const { issuer } = letter;
  const bodyLines = lines(issuer.issuingBody.toUpperCase());
  const left: Paragraph[] = [
    ...(issuer.parentBody ? [centred(issuer.parentBody.toUpperCase(), { size: pt(13) })] : []),
    ...bodyLines.map((line) => centred(line, { size: pt(13), bold: true })),
    rule(LEFT_COLUMN, Math.min(LEFT_COLUMN / 2, textWidth(bodyLines.at(-1) ?? '', 13) / 2)),
  ];
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const right: Paragraph[] = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: pt(12), bold: true }),
    centred(motto, { size: pt(13), bold: true }),
    rule(RIGHT_COLUMN, Math.min(RIGHT_COLUMN - mm(4), textWidth(motto, 13))),
  ];
  const year = ymdOf(letter.date).year;
  return twoColumns(
    [
      [left, right],
      [
        [centred(letter.numberLine, { size: pt(13) }, { before: 120 })],
        [
          centred(
            placeDateLine(issuer.place, letter.date, year),
            { size: pt(14), italics: true },
            { before: 120 },
          ),
        ],
      ],
    ],
    [LEFT_COLUMN, RIGHT_COLUMN],
  );
}

function content(letter: ApologyLetter): Paragraph[] {
  return [
    centred(letter.form.title, { size: pt(14), bold: true }, { before: 360 }),
    rule(CONTENT_WIDTH, mm(30)),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [run(`Kính gửi: ${letter.addressee}.`)],
    }),
    body([run(letter.opening)]),
    ...letter.particulars.map(([label, value]) => body([run(`- ${label}: `), run(value, { bold: true })])),
    ...letter.paragraphs.map((p) => {
      const reason = /^Lý do: /.exec(p);
      return reason ? body([run('Lý do: ', { bold: true }), run(p.slice(reason[0].length))]) : body([run(p)]);
    }),
  ];
}

function closingBlocks(letter: ApologyLetter) {
  const { issuer } = letter;
  const recipients: Paragraph[] = [
    new Paragraph({ children: [run('Nơi nhận:', { size: pt(12), bold: true, italics: true })] }),
    ...letter.recipients.map(
      (r) => new Paragraph({ spacing: { after: 0 }, children: [run(`- ${r}`, { size: pt(11) })] }),
    ),
  ];
  const signature: Paragraph[] = [
    ...lines(issuer.signAuthority.toUpperCase()).map((l) => centred(l, { size: pt(14), bold: true })),
    ...lines(issuer.signerTitle.toUpperCase()).map((l) => centred(l, { size: pt(14), bold: true })),
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [] })),
    centred(issuer.signerName, { size: pt(14), bold: true }),
  ];
  const half = Math.round(CONTENT_WIDTH * 0.45);
  return twoColumns([[recipients, signature]], [half, CONTENT_WIDTH - half]);
}

/** The apology letter as a .docx (NĐ 30/2020 layout), in the form in force on the dossier's due date. */
export async function apologyDocx(letter: ApologyLetter): Promise<Buffer> {
  const document = new Document({
    creator: 'ChiSo',
    title: `${letter.form.title} — ${letter.particulars[0]?.[1] ?? ''}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, header: mm(10), footer: mm(10) } } },
        children: [
          ...formMark(letter),
          headerBlocks(letter),
          ...content(letter),
          new Paragraph({ children: [] }),
          closingBlocks(letter),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
