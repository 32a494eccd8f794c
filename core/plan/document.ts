import { type CalendarDate, ymdOf } from '../time';

// The plan as an official document (Nghị định 30/2020/NĐ-CP): what is printed, in the
// order it is printed. Lists are ordered; each string is one paragraph.

export interface PlanArea {
  /** Stable key that tasks point to; never printed. */
  readonly key: string;
  /** The component index, e.g. "Cải cách thể chế"; printed as `Chỉ số nội dung “…”`. */
  readonly name: string;
  /** Contents and targets as the plan words them, one bullet each. */
  readonly contents: string[];
  /** Measurable targets for follow-up ("Hoàn thành 100% kế hoạch tuyên truyền"); not printed separately. */
  readonly targets: string[];
}

export interface PlanDuty {
  /** Who carries the duty ("Văn phòng HĐND-UBND xã"); null for a duty of everyone. */
  readonly actor: string | null;
  /** The numbered paragraph; further paragraphs after a line break. */
  readonly text: string;
}

export interface PlanDocument {
  /** The number part of "Số: 45/KH-UBND"; null while not yet numbered (printed blank). */
  readonly number: string | null;
  /** The symbol part, "KH-UBND". */
  readonly symbol: string;
  /** Date of issue; null while a draft (printed blank). */
  readonly issuedDate: CalendarDate | null;
  /** Place name of the date line, "Vĩnh Lập". */
  readonly place: string;
  /** Governing body above the issuer (tên cơ quan chủ quản), if any. */
  readonly parentBody: string | null;
  /** Issuing body, one line per printed line: "ỦY BAN NHÂN DÂN\nXÃ VĨNH LẬP". */
  readonly issuingBody: string;
  /** The summary line under "KẾ HOẠCH" (trích yếu). */
  readonly title: string;
  /** The opening paragraph(s): the grounds of the plan. */
  readonly preamble: string;
  readonly purposes: string[];
  readonly requirements: string[];
  readonly areas: PlanArea[];
  readonly duties: PlanDuty[];
  /** The closing paragraph before "Nơi nhận". */
  readonly closing: string;
  /** "Nơi nhận", one recipient a line, as printed ("Phòng Nội vụ huyện;"). */
  readonly recipients: string[];
  /** "TM. ỦY BAN NHÂN DÂN". */
  readonly signAuthority: string;
  /** "CHỦ TỊCH". */
  readonly signerTitle: string;
  readonly signerName: string;
}

/** "Số: 45/KH-UBND", or "Số:      /KH-UBND" with room to write the number by hand. */
export function numberLine(doc: Pick<PlanDocument, 'number' | 'symbol'>): string {
  const number = doc.number?.trim();
  return number ? `Số: ${number}/${doc.symbol}` : `Số:        /${doc.symbol}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * "Vĩnh Lập, ngày 08 tháng 4 năm 2021": NĐ 30 writes a 0 before days under 10 and before
 * months 1 and 2 only. Without a date, blanks to fill in by hand in the plan's year.
 */
export function placeDateLine(place: string, date: CalendarDate | null, year: number): string {
  if (!date) return `${place}, ngày      tháng      năm ${year}`;
  const { year: y, month, day } = ymdOf(date);
  return `${place}, ngày ${two(day)} tháng ${month <= 2 ? two(month) : month} năm ${y}`;
}

/** The printed heading of an area: `Chỉ số nội dung “Cải cách thể chế”`. */
export function areaHeading(area: Pick<PlanArea, 'name'>): string {
  return `Chỉ số nội dung “${area.name}”`;
}

export interface DocumentChange {
  /** Vietnamese name of what changed, e.g. "Mục đích" or "Lĩnh vực “Cải cách thể chế” — nội dung". */
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

const SCALARS: readonly [keyof PlanDocument, string][] = [
  ['number', 'Số'],
  ['symbol', 'Ký hiệu'],
  ['issuedDate', 'Ngày ban hành'],
  ['place', 'Địa danh'],
  ['parentBody', 'Cơ quan chủ quản'],
  ['issuingBody', 'Cơ quan ban hành'],
  ['title', 'Trích yếu'],
  ['preamble', 'Căn cứ'],
  ['closing', 'Đoạn kết'],
  ['signAuthority', 'Thẩm quyền ký'],
  ['signerTitle', 'Chức vụ người ký'],
  ['signerName', 'Người ký'],
];

const LISTS: readonly [keyof PlanDocument, string][] = [
  ['purposes', 'Mục đích'],
  ['requirements', 'Yêu cầu'],
  ['recipients', 'Nơi nhận'],
];

const text = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => `- ${String(v)}`).join('\n');
  return String(value);
};

const dutiesText = (duties: PlanDuty[]) =>
  duties.map((d, i) => `${i + 1}. ${d.actor ? `[${d.actor}] ` : ''}${d.text}`).join('\n');

/** What an amendment changed, field by field, in words an auditor reads. */
export function diffPlanDocument(before: PlanDocument, after: PlanDocument): DocumentChange[] {
  const changes: DocumentChange[] = [];
  const push = (field: string, b: string, a: string) => {
    if (b !== a) changes.push({ field, before: b, after: a });
  };
  for (const [key, label] of SCALARS) push(label, text(before[key]), text(after[key]));
  for (const [key, label] of LISTS) push(label, text(before[key]), text(after[key]));

  const oldAreas = new Map(before.areas.map((a) => [a.key, a]));
  const newKeys = new Set(after.areas.map((a) => a.key));
  for (const area of before.areas) {
    if (!newKeys.has(area.key)) push(`Lĩnh vực “${area.name}”`, text(area.contents), '(đã bỏ)');
  }
  for (const area of after.areas) {
    const old = oldAreas.get(area.key);
    if (!old) {
      push(`Lĩnh vực “${area.name}”`, '(chưa có)', text(area.contents));
      continue;
    }
    push(`Lĩnh vực “${old.name}” — tên`, old.name, area.name);
    push(`Lĩnh vực “${area.name}” — nội dung`, text(old.contents), text(area.contents));
    push(`Lĩnh vực “${area.name}” — chỉ tiêu`, text(old.targets), text(area.targets));
  }
  const order = (areas: PlanArea[]) => areas.map((a) => a.name).join('\n');
  if (before.areas.length === after.areas.length && before.areas.every((a) => newKeys.has(a.key))) {
    push('Thứ tự lĩnh vực', order(before.areas), order(after.areas));
  }
  push('Tổ chức thực hiện', dutiesText(before.duties), dutiesText(after.duties));
  return changes;
}
