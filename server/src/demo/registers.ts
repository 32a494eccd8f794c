import { foldText } from '#core/text';
import {
  addDays,
  addWorkingDays,
  type CalendarDate,
  dateMoment,
  isWorkingDay,
  localMoment,
  type VnMoment,
  vnTimeOf,
} from '#core/time/index';
import type { AppContext } from '../context';
import {
  documentStatRegister,
  dossierRegister,
  feedbackRegister,
  officialRegister,
  procedureRegister,
  reportRegister,
} from '../modules/registers/definitions';
import type { DocumentStatRecord } from '../modules/registers/definitions/document-stats';
import type { DossierRecord } from '../modules/registers/definitions/dossiers';
import type { FeedbackRecord } from '../modules/registers/definitions/feedback';
import type { OfficialRecord } from '../modules/registers/definitions/officials';
import type { ProcedureRecord } from '../modules/registers/definitions/procedures';
import type { ReportRecord } from '../modules/registers/definitions/reports';
import { upsertRecords } from '../modules/registers/kit/bulk';
import { findUnitsByCodes, listChildren } from '../modules/units/queries';
import { DEMO_PROCEDURES, FAMILY_NAMES, GIVEN_NAMES, HOLIDAYS, MIDDLE_NAMES } from './procedure-catalogue';

// The registers of the demo communes for 2021, made by a seeded generator so that every
// run gives the same records: Vĩnh Lập at a commune's real size (about 2,000 dossiers,
// its procedures, monthly document statistics, its officials), the other communes of
// Thanh Hà smaller and each a little different, so the appraiser's table has something
// to compare. Vĩnh Lập shows green and red on the KPI page: electronic documents just
// above 50%, signed documents below 70%, some late dossiers without an apology.

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

interface Profile {
  /** Dossiers received per working day, at least and at most. */
  perDay: readonly [number, number];
  lateShare: number;
  /** Of the late dossiers, the share with an apology letter. */
  apologyShare: number;
  onlineShare: number;
  electronicShare: number;
  signedShare: number;
  /** Procedures not yet published on the website. */
  notOnWebsite: number;
  officialsWithoutEmail: number;
  lateReports: number;
  feedback: number;
  lateFeedback: number;
}

const VINH_LAP: Profile = {
  perDay: [4, 12],
  lateShare: 0.015,
  apologyShare: 0.75,
  onlineShare: 0.16,
  electronicShare: 0.506,
  signedShare: 0.668,
  notOnWebsite: 2,
  officialsWithoutEmail: 0,
  lateReports: 0,
  feedback: 26,
  lateFeedback: 0,
};

function profileOf(r: Random): Profile {
  return {
    perDay: [0, r.int(2, 4)],
    lateShare: r.pick([0, 0.005, 0.01, 0.02, 0.04]),
    apologyShare: r.pick([0, 0.5, 1]),
    onlineShare: 0.05 + r.next() * 0.3,
    electronicShare: 0.4 + r.next() * 0.35,
    signedShare: 0.55 + r.next() * 0.35,
    notOnWebsite: r.pick([0, 0, 1, 3]),
    officialsWithoutEmail: r.pick([0, 0, 1, 2]),
    lateReports: r.pick([0, 0, 0, 1]),
    feedback: r.int(3, 12),
    lateFeedback: r.pick([0, 0, 1]),
  };
}

const FIRST_DAY = '2020-12-14';
const LAST_DAY = '2021-12-31';
const addWd = (date: CalendarDate, n: number) => addWorkingDays(date, n, HOLIDAYS);
const at = (date: CalendarDate, minutes: number): VnMoment =>
  localMoment(date, { hour: Math.floor(minutes / 60), minute: minutes % 60 });
const minutesOf = (m: VnMoment) => {
  const { hour, minute } = vnTimeOf(m.at);
  return hour * 60 + minute;
};

function personName(r: Random): string {
  const family = r.pick(FAMILY_NAMES);
  const middle = r.pick(MIDDLE_NAMES);
  return `${family} ${middle} ${r.pick(GIVEN_NAMES)}`;
}

function pickProcedure(r: Random) {
  const total = DEMO_PROCEDURES.reduce((s, p) => s + p.weight, 0);
  let x = r.next() * total;
  for (const p of DEMO_PROCEDURES) {
    x -= p.weight;
    if (x < 0) return p;
  }
  return DEMO_PROCEDURES[0] as (typeof DEMO_PROCEDURES)[number];
}

function yymmdd(date: CalendarDate): string {
  return date.slice(2).replaceAll('-', '');
}

function dossiers(r: Random, unitCode: string, p: Profile): DossierRecord[] {
  const out: DossierRecord[] = [];
  let seq = 0;
  for (let day = FIRST_DAY; day <= LAST_DAY; day = addDays(day, 1)) {
    if (!isWorkingDay(day, HOLIDAYS)) continue;
    for (let n = r.int(p.perDay[0], p.perDay[1]); n > 0; n -= 1) {
      const procedure = pickProcedure(r);
      const received = at(day, r.int(7 * 60 + 30, 16 * 60 + 30));
      const sameDay = procedure.days === 0;
      const dueDay = sameDay ? day : addWd(day, procedure.days);
      const due = sameDay ? at(day, 17 * 60) : dateMoment(dueDay);
      const late = r.next() < p.lateShare;
      let result: VnMoment;
      let apologyDate: CalendarDate | null = null;
      if (late) {
        result = at(addWd(dueDay, r.int(1, 4)), r.int(8 * 60, 16 * 60 + 45));
        // A day before the due day (never before receipt: a multi-day procedure is due a day later at least).
        if (r.next() < p.apologyShare) apologyDate = sameDay ? dueDay : addWd(dueDay, -1);
      } else if (sameDay) {
        result = at(day, Math.min(17 * 60, minutesOf(received) + r.int(10, 120)));
      } else {
        const early = addWd(dueDay, -r.int(0, Math.min(procedure.days - 1, 2)));
        result = r.next() < 0.1 ? dateMoment(early) : at(early, r.int(8 * 60, 16 * 60 + 45));
      }
      seq += 1;
      const channel = r.next();
      out.push({
        code: `${unitCode}.H23-${yymmdd(day)}-${String(seq).padStart(4, '0')}`,
        applicant: personName(r),
        procedureName: procedure.name,
        field: procedure.field,
        channel:
          channel < p.onlineShare ? 'truc_tuyen' : channel < p.onlineShare + 0.03 ? 'buu_chinh' : 'truc_tiep',
        received,
        due,
        result,
        apologyDate,
      });
    }
  }
  return out;
}

function procedures(p: Profile): ProcedureRecord[] {
  return DEMO_PROCEDURES.map((proc, i) => ({
    code: `TTHC-${String(i + 1).padStart(3, '0')}`,
    name: proc.name,
    field: proc.field,
    inForceFrom: '2016-01-01',
    inForceTo: null,
    publishedAtOneStop: true,
    // The rarest ones are the last to reach the website.
    publishedOnWebsite: i < DEMO_PROCEDURES.length - p.notOnWebsite,
  }));
}

/** Monthly figures whose whole-year shares land on the profile's, to the document. */
function documentStats(r: Random, p: Profile): DocumentStatRecord[] {
  const months = Array.from({ length: 12 }, (_, i) => {
    const incomingTotal = r.int(110, 180);
    const outgoingTotal = r.int(65, 115);
    const share = (base: number, total: number) =>
      Math.min(total, Math.max(0, Math.round(total * (base + (r.next() - 0.5) * 0.06))));
    return {
      year: 2021,
      month: i + 1,
      incomingTotal,
      incomingElectronic: share(p.electronicShare, incomingTotal),
      incomingSigned: share(p.signedShare, incomingTotal),
      outgoingTotal,
      outgoingElectronic: share(p.electronicShare, outgoingTotal),
      outgoingSigned: share(p.signedShare, outgoingTotal),
    };
  });
  const all = months.reduce((s, m) => s + m.incomingTotal + m.outgoingTotal, 0);
  const settle = (part: 'Electronic' | 'Signed', wanted: number) => {
    const have = months.reduce((s, m) => s + m[`incoming${part}`] + m[`outgoing${part}`], 0);
    const december = months[11];
    if (!december) return;
    const key = `incoming${part}` as const;
    december[key] = Math.min(december.incomingTotal, Math.max(0, december[key] + wanted - have));
  };
  settle('Electronic', Math.ceil(all * p.electronicShare));
  settle('Signed', Math.ceil(all * p.signedShare));
  return months;
}

const POSITIONS = [
  'Bí thư Đảng ủy',
  'Phó Bí thư Thường trực Đảng ủy',
  'Chủ tịch HĐND xã',
  'Phó Chủ tịch HĐND xã',
  'Chủ tịch UBND xã',
  'Phó Chủ tịch UBND xã',
  'Phó Chủ tịch UBND xã',
  'Chủ tịch Ủy ban MTTQ Việt Nam xã',
  'Bí thư Đoàn TNCS Hồ Chí Minh',
  'Chủ tịch Hội Liên hiệp Phụ nữ',
  'Chủ tịch Hội Nông dân',
  'Chủ tịch Hội Cựu chiến binh',
  'Chỉ huy trưởng Ban Chỉ huy Quân sự',
  'Công chức Văn phòng - Thống kê',
  'Công chức Văn phòng - Thống kê',
  'Công chức Địa chính - Xây dựng - Đô thị và Môi trường',
  'Công chức Địa chính - Xây dựng - Đô thị và Môi trường',
  'Công chức Tài chính - Kế toán',
  'Công chức Tư pháp - Hộ tịch',
  'Công chức Tư pháp - Hộ tịch',
  'Công chức Văn hóa - Xã hội',
  'Công chức Văn hóa - Xã hội',
];

function officials(r: Random, unitName: string, p: Profile): OfficialRecord[] {
  const place = foldText(unitName.replace(/^(Xã|Thị trấn)\s+/, '')).replace(/\s/g, '');
  const used = new Set<string>();
  return POSITIONS.map((position, i) => {
    let name = personName(r);
    while (used.has(name)) name = personName(r);
    used.add(name);
    const [family = '', ...rest] = foldText(name).split(' ');
    const email = `${rest.at(-1)}${family[0] ?? ''}${rest
      .slice(0, -1)
      .map((w) => w[0])
      .join('')}.${place}@haiduong.gov.vn`;
    const withoutEmail = i >= POSITIONS.length - p.officialsWithoutEmail;
    return {
      name,
      position,
      inPostFrom: `20${r.int(10, 20)}-0${r.int(1, 9)}-01`,
      inPostTo: null,
      email: withoutEmail ? null : email,
      emailInUse: !withoutEmail,
    };
  });
}

const FEEDBACK = [
  ['Điện thoại', 'Hỏi thủ tục đăng ký kết hôn'],
  ['Trực tiếp', 'Đề nghị sửa đường liên thôn'],
  ['Hộp thư góp ý', 'Góp ý thái độ tiếp dân tại Bộ phận Một cửa'],
  ['Cổng dịch vụ công', 'Hỏi tiến độ hồ sơ chứng thực'],
  ['Hội nghị đối thoại', 'Đề nghị công khai danh sách hộ cận nghèo'],
  ['Trực tiếp', 'Phản ánh ô nhiễm môi trường tại khu dân cư'],
  ['Điện thoại', 'Đề nghị hướng dẫn thủ tục trợ cấp xã hội'],
] as const;

function feedback(r: Random, p: Profile): FeedbackRecord[] {
  return Array.from({ length: p.feedback }, (_, i) => {
    let day = `2021-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    while (!isWorkingDay(day, HOLIDAYS)) day = addDays(day, 1);
    const dueDay = addWd(day, 10);
    const late = i < p.lateFeedback;
    const answeredDay = late ? addWd(dueDay, r.int(1, 5)) : addWd(day, r.int(1, 9));
    const [channel, summary] = r.pick(FEEDBACK);
    return {
      code: `PAKN-2021-${String(i + 1).padStart(3, '0')}`,
      received: at(day, r.int(7 * 60 + 30, 16 * 60)),
      channel,
      summary,
      due: dateMoment(dueDay),
      answered: dateMoment(answeredDay),
      result: 'Đã trả lời bằng văn bản',
    };
  }).sort((a, b) => a.received.at.localeCompare(b.received.at));
}

const REPORTS = [
  ['Báo cáo kết quả công tác CCHC quý I năm 2021', 'Quý I/2021', '2021-03-15'],
  ['Báo cáo kết quả công tác CCHC 6 tháng đầu năm 2021', '6 tháng đầu năm 2021', '2021-06-15'],
  ['Báo cáo kết quả công tác CCHC quý III năm 2021', 'Quý III/2021', '2021-09-15'],
  ['Báo cáo kết quả công tác CCHC năm 2021', 'Năm 2021', '2021-12-15'],
] as const;

function reports(r: Random, p: Profile): ReportRecord[] {
  return REPORTS.map(([title, periodCovered, due], i) => {
    const sentDay = i < p.lateReports ? addWd(due, r.int(1, 3)) : addWd(due, -r.int(0, 3));
    return { title, periodCovered, due: dateMoment(due), sent: at(sentDay, r.int(8 * 60, 16 * 60 + 30)) };
  });
}

async function seedUnit(ctx: AppContext, unit: { id: number; code: string; name: string }, p: Profile) {
  const r = random(seedOf(unit.code));
  const now = ctx.now();
  await upsertRecords(ctx.db, procedureRegister, unit.id, procedures(p), now);
  await upsertRecords(ctx.db, dossierRegister, unit.id, dossiers(r, unit.code, p), now);
  await upsertRecords(ctx.db, feedbackRegister, unit.id, feedback(r, p), now);
  await upsertRecords(ctx.db, documentStatRegister, unit.id, documentStats(r, p), now);
  await upsertRecords(ctx.db, officialRegister, unit.id, officials(r, unit.name, p), now);
  await upsertRecords(ctx.db, reportRegister, unit.id, reports(r, p), now);
}

export const VINH_LAP_CODE = '10885';

/** The demo step: the 2021 registers of Thanh Hà's communes. Run again, it changes nothing. */
export async function seedRegisters(ctx: AppContext): Promise<void> {
  const [district] = await findUnitsByCodes(ctx.db, ['294']);
  if (!district) throw new Error('demo district 294 missing');
  for (const unit of await listChildren(ctx.db, district.id)) {
    const profile =
      unit.code === VINH_LAP_CODE ? VINH_LAP : profileOf(random(seedOf(`profile ${unit.code}`)));
    await seedUnit(ctx, unit, profile);
  }
}
