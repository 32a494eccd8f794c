import { AlignmentType, Paragraph } from 'docx';
import { placeDateLine } from '#core/plan/index';
import { ymdOf } from '#core/time/index';
import {
  body,
  CONTENT_WIDTH,
  centred,
  closingBlocks,
  headerBlocks,
  mm,
  nd30Docx,
  pt,
  rule,
  run,
} from '../../lib/nd30-docx';
import type { ApologyLetter } from './apology-letter';

// The apology letter as a .docx in the layout of Nghị định 30/2020/NĐ-CP, as the plan
// is printed (lib/nd30-docx.ts): the header blocks, the title centred in bold, the body
// justified at 14 pt, "Nơi nhận" beside the signature block. The form's number and its
// legal basis stand at the top right, as the forms of the Thông tư are printed.

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

/** The apology letter as a .docx (NĐ 30/2020 layout), in the form in force on the dossier's due date. */
export async function apologyDocx(letter: ApologyLetter): Promise<Buffer> {
  const { issuer } = letter;
  const dateLine = placeDateLine(issuer.place, letter.date, ymdOf(letter.date).year);
  return nd30Docx({
    title: `${letter.form.title} — ${letter.particulars[0]?.[1] ?? ''}`,
    children: [
      ...formMark(letter),
      headerBlocks(issuer, letter.numberLine, dateLine),
      ...content(letter),
      new Paragraph({ children: [] }),
      closingBlocks(letter.recipients, issuer, 0.45),
    ],
  });
}
