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

// The layout of an administrative document under Nghị định 30/2020/NĐ-CP (Phụ lục I), shared
// because every document ChiSo prints for signature follows it — the plan (plans/docx.ts) and
// the apology letter (registers/apology-docx.ts): A4, margins top/bottom 20 mm, left 30 mm,
// right 15 mm; Times New Roman; the two header blocks side by side in a borderless table; the
// title centred in bold; the body justified at 14 pt; "Nơi nhận" (12 pt bold italic, items
// 11 pt) beside the signature block; page numbers from page 2, centred at the top.

/** Millimetres to twips, rounded (A4 is 11906 × 16838 twips, as Word writes it). */
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LEFT_COLUMN = Math.round(CONTENT_WIDTH * 0.4);
const RIGHT_COLUMN = CONTENT_WIDTH - LEFT_COLUMN;
const FONT = 'Times New Roman';
/** Half-points, as Word counts font sizes. */
export const pt = (points: number) => points * 2;
const BODY = pt(14);
const FIRST_LINE = mm(10);

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

export const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text, font: FONT, size: BODY, ...style });

/** The printed lines of a text typed one line a line: trimmed, blank lines dropped. */
export const printedLines = (text: string) =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);

export function centred(
  text: string,
  style: RunStyle = {},
  spacing: { before?: number; after?: number } = {},
) {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [run(text, style)] });
}

/** A short centred rule under a heading block, `width` twips long inside a column `columnWidth` wide. */
export function rule(columnWidth: number, width: number) {
  const side = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 100, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

/** A body paragraph: justified, first line indented, 6 pt after, line spacing 1.15. */
export function body(children: TextRun[]) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
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

/** Approximate printed width of a line of bold capitals / words, to size the rules under them. */
const textWidth = (text: string, points: number) => Math.round(text.length * points * 10.5);

export interface Issuer {
  /** Governing body above the issuer (tên cơ quan chủ quản), if any. */
  readonly parentBody: string | null;
  /** "ỦY BAN NHÂN DÂN\nXÃ VĨNH LẬP", one printed line a line. */
  readonly issuingBody: string;
}

/**
 * The header: the issuer and the national motto side by side, each with its rule; under
 * them the number line ("Số: …") and the place-and-date line.
 */
export function headerBlocks(issuer: Issuer, numberLine: string, placeDateLine: string) {
  const bodyLines = printedLines(issuer.issuingBody.toUpperCase());
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
  const numberRow: Paragraph[] = [centred(numberLine, { size: pt(13) }, { before: 120 })];
  const dateRow: Paragraph[] = [centred(placeDateLine, { size: pt(14), italics: true }, { before: 120 })];
  return twoColumns(
    [
      [left, right],
      [numberRow, dateRow],
    ],
    [LEFT_COLUMN, RIGHT_COLUMN],
  );
}

export interface Signer {
  /** "TM. ỦY BAN NHÂN DÂN". */
  readonly signAuthority: string;
  /** "CHỦ TỊCH". */
  readonly signerTitle: string;
  readonly signerName: string;
}

/** "Nơi nhận" on the left, `recipientsShare` of the width, beside the signature block. */
export function closingBlocks(recipients: readonly string[], signer: Signer, recipientsShare: number) {
  const left: Paragraph[] = [
    new Paragraph({ children: [run('Nơi nhận:', { size: pt(12), bold: true, italics: true })] }),
    ...recipients.map(
      (r) => new Paragraph({ spacing: { after: 0 }, children: [run(`- ${r}`, { size: pt(11) })] }),
    ),
  ];
  const signature: Paragraph[] = [
    ...printedLines(signer.signAuthority.toUpperCase()).map((l) => centred(l, { size: pt(14), bold: true })),
    ...printedLines(signer.signerTitle.toUpperCase()).map((l) => centred(l, { size: pt(14), bold: true })),
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [] })),
    centred(signer.signerName, { size: pt(14), bold: true }),
  ];
  const leftWidth = Math.round(CONTENT_WIDTH * recipientsShare);
  return twoColumns([[left, signature]], [leftWidth, CONTENT_WIDTH - leftWidth]);
}

/** Page numbers centred at the top, none on the first page (with `titlePage`). */
function pageNumberHeaders() {
  return {
    first: new Header({ children: [] }),
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
        }),
      ],
    }),
  };
}

/**
 * The document as a .docx: A4 with the NĐ 30/2020 margins and default font; with
 * `pageNumbers`, page numbers centred at the top from page 2 on.
 */
export async function nd30Docx(options: {
  title: string;
  children: (Paragraph | Table)[];
  pageNumbers?: boolean;
}): Promise<Buffer> {
  const page = { size: PAGE, margin: { ...MARGIN, header: mm(10), footer: mm(10) } };
  const section = options.pageNumbers
    ? { properties: { titlePage: true, page }, headers: pageNumberHeaders() }
    : { properties: { page } };
  const document = new Document({
    creator: 'ChiSo',
    title: options.title,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [{ ...section, children: options.children }],
  });
  return Packer.toBuffer(document);
}
