import {
  addWorkingDays,
  type CalendarDate,
  formatVnDate,
  formatVnMoment,
  isPastDueDay,
  metDeadline,
  type VnMoment,
  vnDateOf,
} from '#core/time/index';

// The one-stop desk's apology letter for a late dossier (SPEC §5, "The apology letter"):
// which form is in force on the dossier's due date, when a dossier may have one, and
// what the letter says. Pure: the service reads the dossier and the unit, the docx
// module lays the contents out.

/** Nghị định 118/2025/NĐ-CP takes effect: the 2025 form applies to dossiers due from this day. */
export const FORM_2025_FROM: CalendarDate = '2025-07-01';

export type ApologyFormKey = 'tt01_2018' | 'tt03_2025';

export interface ApologyForm {
  readonly key: ApologyFormKey;
  /** "Mẫu số 04", printed at the top right as the forms are printed. */
  readonly label: string;
  /** The legal basis under the form number. */
  readonly basis: string;
  /** The title, in capitals as printed. */
  readonly title: string;
  /** The symbol after the number, "PXL-UBND". */
  readonly symbol: string;
}

export const APOLOGY_FORMS: Readonly<Record<ApologyFormKey, ApologyForm>> = {
  tt01_2018: {
    key: 'tt01_2018',
    label: 'Mẫu số 04',
    basis: 'Ban hành kèm theo Thông tư số 01/2018/TT-VPCP',
    title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    symbol: 'PXL-UBND',
  },
  tt03_2025: {
    key: 'tt03_2025',
    label: 'Mẫu số 04',
    basis: 'Ban hành kèm theo Thông tư số 03/2025/TT-VPCP',
    title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
    symbol: 'XL-UBND',
  },
};

/** The form in force on the dossier's due day (Vietnam time). */
export function apologyFormFor(due: VnMoment): ApologyForm {
  return vnDateOf(due.at) < FORM_2025_FROM ? APOLOGY_FORMS.tt01_2018 : APOLOGY_FORMS.tt03_2025;
}

export interface DossierTiming {
  readonly due: VnMoment;
  readonly result: VnMoment | null;
}

/**
 * Where a dossier stands for an apology, on `today`:
 * - `late`: its result came after the due date (SPEC §5's "on time" rule), or it is still
 *   open and today is after its due day;
 * - `dueSoon`: still open and due within the next two working days (Mon–Fri) — the letter
 *   goes out before the due date, as Nghị định 61/2018 asks;
 * - `onTime`: resolved on time; `notDue`: open and due later. Neither takes a letter.
 */
export type ApologyStanding = 'late' | 'dueSoon' | 'onTime' | 'notDue';

/** Working days ahead that count as "sắp trễ hẹn". */
export const DUE_SOON_WORKING_DAYS = 2;

/** The last day of the "sắp trễ hẹn" window that starts today. */
export const dueSoonLastDay = (today: CalendarDate) => addWorkingDays(today, DUE_SOON_WORKING_DAYS);

export function apologyStanding(d: DossierTiming, today: CalendarDate): ApologyStanding {
  if (d.result !== null) return metDeadline(d.result, d.due) ? 'onTime' : 'late';
  if (isPastDueDay(d.due, today)) return 'late';
  return vnDateOf(d.due.at) <= dueSoonLastDay(today) ? 'dueSoon' : 'notDue';
}

export interface LetterIssuer {
  /** "ỦY BAN NHÂN DÂN\nXÃ VĨNH LẬP", one printed line a line. */
  readonly issuingBody: string;
  readonly parentBody: string | null;
  /** Place of the date line, "Vĩnh Lập". */
  readonly place: string;
  /** "TM. ỦY BAN NHÂN DÂN". */
  readonly signAuthority: string;
  /** "CHỦ TỊCH". */
  readonly signerTitle: string;
  /** Blank when nobody is known: the name is then written by hand. */
  readonly signerName: string;
  /** The issuing body inside a sentence: "UBND xã Vĩnh Lập". */
  readonly shortName: string;
}

export interface LetterDossier {
  readonly code: string;
  readonly applicant: string | null;
  readonly procedureName: string;
  readonly received: VnMoment;
  readonly due: VnMoment;
}

export interface ApologyLetter {
  readonly form: ApologyForm;
  readonly issuer: LetterIssuer;
  /** "Số:        /PXL-UBND": numbered by hand in the register of outgoing documents. */
  readonly numberLine: string;
  /** The day the letter is issued (the apology date recorded on the dossier). */
  readonly date: CalendarDate;
  readonly addressee: string;
  /** The first paragraph: who received what from whom; the particulars follow it. */
  readonly opening: string;
  /** The paragraphs after the particulars, in order: the delay, its reason, the apology, the new date. */
  readonly paragraphs: readonly string[];
  /** The dossier's particulars, label and value, printed as a list. */
  readonly particulars: readonly (readonly [string, string])[];
  readonly recipients: readonly string[];
}

const whenText = (m: VnMoment) => (m.hasTime ? formatVnMoment(m) : formatVnDate(vnDateOf(m.at)));

/** The letter's contents (SPEC §5): issuer and number, addressee, dossier, dates, reason, apology, new date. */
export function apologyLetter(input: {
  dossier: LetterDossier;
  issuer: LetterIssuer;
  reason: string;
  newDate: CalendarDate;
  date: CalendarDate;
}): ApologyLetter {
  const { dossier, issuer } = input;
  const form = apologyFormFor(dossier.due);
  const who = dossier.applicant?.trim() ? dossier.applicant.trim() : '……………………………………';
  const reason = input.reason
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.;,]$/, '');
  const newDate = formatVnDate(input.newDate);
  const particulars: [string, string][] = [
    ['Mã hồ sơ', dossier.code],
    ['Thủ tục hành chính', dossier.procedureName],
    ['Ngày tiếp nhận', whenText(dossier.received)],
    ['Ngày hẹn trả kết quả', whenText(dossier.due)],
  ];
  const opening = `Ngày ${formatVnDate(vnDateOf(dossier.received.at))}, ${issuer.shortName} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính của ông (bà)/tổ chức ${who}:`;
  const paragraphs =
    form.key === 'tt01_2018'
      ? [
          `Tuy nhiên, ${issuer.shortName} chưa trả kết quả giải quyết hồ sơ của ông (bà)/tổ chức đúng thời hạn ghi trong Giấy tiếp nhận hồ sơ và hẹn trả kết quả.`,
          `Lý do: ${reason}.`,
          'Sự chậm trễ này đã gây phiền hà cho ông (bà)/tổ chức.',
          `${issuer.shortName} xin lỗi ông (bà)/tổ chức và hẹn lại ngày trả kết quả giải quyết hồ sơ là ngày ${newDate}.`,
          'Mong nhận được sự thông cảm của ông (bà)/tổ chức vì sự chậm trễ này.',
        ]
      : [
          `Tuy nhiên, ${issuer.shortName} chưa thể giải quyết xong hồ sơ của ông (bà)/tổ chức trong thời hạn nêu trên.`,
          `Lý do: ${reason}.`,
          `${issuer.shortName} xin lỗi ông (bà)/tổ chức vì sự chậm trễ này và đề nghị ông (bà)/tổ chức đồng ý gia hạn thời gian giải quyết hồ sơ đến ngày ${newDate}.`,
          'Mong nhận được sự thông cảm của ông (bà)/tổ chức.',
        ];
  return {
    form,
    issuer,
    numberLine: `Số:        /${form.symbol}`,
    date: input.date,
    addressee: `Ông (bà)/tổ chức ${who}`,
    opening,
    paragraphs,
    particulars,
    recipients: ['Như trên;', 'Lưu: VT, Bộ phận Một cửa.'],
  };
}
