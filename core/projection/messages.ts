// Messages for people, in Vietnamese and English, each with a stable key and its
// parameters so the web app may use its own catalogue instead. Numbers: Vietnamese
// "1,5", English "1.5"; parameters carry "1.5".

import { type Fixed, formatDecimal, SCALE } from '../framework';
import { formatPercent, rateResult } from '../kpi';
import type { KpiReading, Level, Message, ReachMode } from './types';

export type Locale = 'vi' | 'en';

type Phrase = (n: number) => string;

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * What moving n records means for each KPI of the catalogue, as the action to take.
 * Vietnamese phrases start with "cần"; English ones are a noun phrase ("12 more documents signed").
 */
const PHRASES: Readonly<Record<string, { readonly vi: Phrase; readonly en: Phrase }>> = {
  plan_tasks_done_rate: {
    vi: (n) => `cần hoàn thành đúng hạn thêm ${n} nhiệm vụ kế hoạch CCHC`,
    en: (n) => `${n} more PAR plan ${s(n, 'task', 'tasks')} done on time`,
  },
  propaganda_done_rate: {
    vi: (n) => `cần hoàn thành thêm ${n} hoạt động tuyên truyền CCHC`,
    en: (n) => `${n} more propaganda ${s(n, 'activity', 'activities')} done`,
  },
  self_inspections_done_rate: {
    vi: (n) => `cần thực hiện thêm ${n} cuộc tự kiểm tra CCHC`,
    en: (n) => `${n} more ${s(n, 'self-inspection', 'self-inspections')} done`,
  },
  it_plan_done_rate: {
    vi: (n) => `cần hoàn thành thêm ${n} nhiệm vụ kế hoạch ứng dụng CNTT`,
    en: (n) => `${n} more IT plan ${s(n, 'task', 'tasks')} done`,
  },
  tthc_review_done_rate: {
    vi: (n) => `cần hoàn thành thêm ${n} nhiệm vụ rà soát, đánh giá TTHC`,
    en: (n) => `${n} more procedure review ${s(n, 'task', 'tasks')} done`,
  },
  assigned_tasks_done_rate: {
    vi: (n) => `cần hoàn thành đúng hạn thêm ${n} nhiệm vụ cấp trên giao`,
    en: (n) => `${n} more assigned ${s(n, 'task', 'tasks')} done on time`,
  },
  procedures_published_rate: {
    vi: (n) => `cần công khai thêm ${n} TTHC tại Bộ phận Một cửa và trên Trang thông tin điện tử`,
    en: (n) =>
      `${n} more ${s(n, 'procedure', 'procedures')} published at the one-stop desk and on the website`,
  },
  dossiers_on_time_rate: {
    vi: (n) => `cần thêm ${n} hồ sơ được giải quyết đúng hạn`,
    en: (n) => `${n} more ${s(n, 'dossier', 'dossiers')} resolved on time`,
  },
  late_dossiers_without_apology: {
    vi: (n) => `cần gửi văn bản xin lỗi cho ${n} hồ sơ trễ hẹn nữa`,
    en: (n) => `${n} more late ${s(n, 'dossier needs', 'dossiers need')} an apology`,
  },
  dossiers_online_rate: {
    vi: (n) => `cần tiếp nhận trực tuyến thêm ${n} hồ sơ`,
    en: (n) => `${n} more ${s(n, 'dossier', 'dossiers')} received online`,
  },
  dossiers_late: {
    vi: (n) => `cần giảm ${n} hồ sơ trễ hẹn`,
    en: (n) => `${n} fewer late ${s(n, 'dossier', 'dossiers')}`,
  },
  feedback_on_time_rate: {
    vi: (n) => `cần xử lý đúng hạn thêm ${n} phản ánh, kiến nghị`,
    en: (n) => `${n} more feedback ${s(n, 'item', 'items')} answered on time`,
  },
  documents_electronic_rate: {
    vi: (n) => `cần trao đổi dưới dạng điện tử thêm ${n} văn bản`,
    en: (n) => `${n} more ${s(n, 'document', 'documents')} exchanged electronically`,
  },
  documents_signed_rate: {
    vi: (n) => `cần ký số thêm ${n} văn bản`,
    en: (n) => `${n} more ${s(n, 'document', 'documents')} signed`,
  },
  officials_with_email_rate: {
    vi: (n) => `cần cấp và đưa vào sử dụng thư điện tử công vụ cho thêm ${n} cán bộ, công chức`,
    en: (n) => `${n} more ${s(n, 'official', 'officials')} with an official e-mail account in use`,
  },
  officials_disciplined: {
    vi: (n) => `cần giảm ${n} trường hợp cán bộ, công chức bị kỷ luật`,
    en: (n) => `${n} fewer ${s(n, 'official', 'officials')} disciplined`,
  },
  reports_on_time_rate: {
    vi: (n) => `cần gửi đúng hạn thêm ${n} báo cáo`,
    en: (n) => `${n} more ${s(n, 'report', 'reports')} sent on time`,
  },
};

const GENERIC: Readonly<Record<ReachMode, { readonly vi: Phrase; readonly en: Phrase }>> = {
  existing: {
    vi: (n) => `cần thêm ${n} trường hợp đạt yêu cầu`,
    en: (n) => `${n} more ${s(n, 'record', 'records')} meeting the criterion`,
  },
  new: {
    vi: (n) => `cần thêm ${n} trường hợp mới đạt yêu cầu`,
    en: (n) => `${n} more new ${s(n, 'record', 'records')} meeting the criterion`,
  },
  fewer: {
    vi: (n) => `cần giảm ${n} trường hợp`,
    en: (n) => `${n} fewer ${s(n, 'case', 'cases')}`,
  },
};

/** "cần ký số thêm 12 văn bản" / "12 more documents signed". */
export function recordsPhrase(kpi: string | null, mode: ReachMode, n: number, locale: Locale): string {
  const phrase = (kpi !== null ? PHRASES[kpi] : undefined) ?? GENERIC[mode];
  return phrase[locale](n);
}

interface Lost {
  readonly vi: string;
  readonly en: string;
  readonly enPoints: string;
  readonly p: string;
}

/** "1 point", "1.5 points". */
export function enPoints(value: Fixed): string {
  return `${points(value, 'en')} ${value === SCALE ? 'point' : 'points'}`;
}

export function points(value: Fixed, locale: Locale): string {
  return formatDecimal(value, { separator: locale === 'vi' ? ',' : '.' });
}

export function indexText(value: Fixed, decimals: number, locale: Locale): string {
  return formatDecimal(value, { decimals, separator: locale === 'vi' ? ',' : '.' });
}

function readingText(reading: KpiReading | null, locale: Locale): string {
  if (reading === null) return '';
  if (reading.kind === 'count') return String(reading.count);
  return formatPercent(rateResult(reading.numerator, reading.denominator), locale) ?? '';
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function message(key: string, params: Record<string, string | number>, vi: string, en: string): Message {
  return { key: `projection.${key}`, params, vi, en };
}

/** What the projection says of one criterion. */
export interface CriterionFacts {
  readonly status: 'earned' | 'at_risk' | 'not_scored' | 'no_data';
  readonly role: 'score' | 'bonus' | 'deduction';
  readonly kind: 'records' | 'survey' | 'manual' | 'deduction' | 'none';
  readonly kpi: string | null;
  readonly kpiName: { readonly vi: string; readonly en: string } | null;
  readonly mode: ReachMode;
  readonly points: Fixed | null;
  readonly maxPoints: Fixed;
  readonly atRisk: Fixed;
  readonly reading: KpiReading | null;
  readonly next: Level | null;
  readonly full: Level | null;
  readonly assessed: boolean;
}

export function criterionMessage(f: CriterionFacts): Message {
  const base = body(f);
  if (f.assessed) return base;
  return {
    ...base,
    vi: `${base.vi} Lĩnh vực không bắt buộc này chưa được tính vào chỉ số.`,
    en: `${base.en} This optional area is not counted in the index yet.`,
  };
}

function body(f: CriterionFacts): Message {
  const max = { vi: points(f.maxPoints, 'vi'), en: points(f.maxPoints, 'en') };
  const got = f.points ?? (0 as Fixed);
  const pointsP = formatDecimal(got);
  const maxP = formatDecimal(f.maxPoints);
  if (f.status === 'not_scored') {
    return message(
      'not_scored',
      { max: maxP },
      `Chưa chấm: nhập điểm tự đánh giá, kèm tài liệu kiểm chứng (tối đa ${max.vi} điểm).`,
      `Not yet scored: enter the self-assessment with evidence (up to ${enPoints(f.maxPoints)}).`,
    );
  }
  if (f.status === 'no_data') {
    const vi = f.kpiName ? ` "${f.kpiName.vi}"` : '';
    const en = f.kpiName ? ` for "${f.kpiName.en}"` : '';
    return message(
      'no_data',
      { kpi: f.kpi ?? '', max: maxP },
      `Chưa có số liệu${vi}: cập nhật sổ theo dõi hoặc chấm thủ công (tối đa ${max.vi} điểm).`,
      `No data${en}: update the register or score it by hand (up to ${enPoints(f.maxPoints)}).`,
    );
  }
  if (f.role === 'bonus') {
    return message(
      'bonus',
      { points: pointsP, max: maxP },
      `Điểm thưởng: ${points(got, 'vi')}/${max.vi} điểm.`,
      `Bonus: ${points(got, 'en')} of ${max.en} points.`,
    );
  }
  if (f.status === 'earned') {
    if (f.role === 'deduction') return message('no_deduction', {}, 'Không bị trừ điểm.', 'No deduction.');
    return message('earned', { max: maxP }, `Đạt điểm tối đa (${max.vi} điểm).`, `Full points (${max.en}).`);
  }
  const lost: Lost = {
    vi: points(f.atRisk, 'vi'),
    en: points(f.atRisk, 'en'),
    enPoints: enPoints(f.atRisk),
    p: formatDecimal(f.atRisk),
  };
  switch (f.kind) {
    case 'deduction':
      return message(
        'at_risk.deduction',
        { lost: lost.p },
        `Bị trừ ${lost.vi} điểm: khắc phục vi phạm hoặc giải trình, kèm tài liệu kiểm chứng.`,
        `${capitalize(lost.enPoints)} deducted: remedy the breach or explain it with evidence.`,
      );
    case 'survey':
      return message(
        'at_risk.survey',
        { lost: lost.p, max: maxP, reading: readingText(f.reading, 'en') },
        `Mất ${lost.vi} điểm: chỉ số hài lòng đạt ${readingText(f.reading, 'vi')}, cần nâng lên để đạt tối đa ${max.vi} điểm.`,
        `Losing ${lost.enPoints}: the satisfaction index is ${readingText(f.reading, 'en')}; raise it for full points (${max.en}).`,
      );
    case 'records':
      return recordsMessage(f, lost);
    default: {
      const level = f.next?.label !== undefined ? f.next : null;
      const params = {
        lost: lost.p,
        ...(level ? { level: level.label ?? '', points: formatDecimal(level.points) } : {}),
      };
      const vi = level ? ` lên mức "${level.label}" (${points(level.points, 'vi')} điểm)` : '';
      const en = level ? ` to "${level.label}" (${enPoints(level.points)})` : '';
      return message(
        'at_risk.manual',
        params,
        `Mất ${lost.vi} điểm: nâng điểm tự đánh giá${vi}, kèm tài liệu kiểm chứng.`,
        `Losing ${lost.enPoints}: raise the self-assessment${en} with evidence.`,
      );
    }
  }
}

function recordsMessage(f: CriterionFacts, lost: Lost): Message {
  const { next, full } = f;
  const params: Record<string, string | number> = {
    lost: lost.p,
    max: formatDecimal(f.maxPoints),
    mode: f.mode,
  };
  if (f.kpi) params.kpi = f.kpi;
  if (f.reading) params.reading = readingText(f.reading, 'en');
  if (full === null || full.records === null) {
    return message(
      'at_risk.kpi_top',
      params,
      `Mất ${lost.vi} điểm: chỉ tiêu đã ở mức cao nhất có thể đạt.`,
      `Losing ${lost.enPoints}: the KPI is at the highest level it can reach.`,
    );
  }
  params.fullRecords = full.records;
  params.fullPoints = formatDecimal(full.points);
  const isMax = full.points === f.maxPoints;
  const vi: string[] = [];
  const en: string[] = [];
  if (next !== null && next.records !== null && next !== full && next.points !== full.points) {
    params.nextRecords = next.records;
    params.nextPoints = formatDecimal(next.points);
    vi.push(`${recordsPhrase(f.kpi, f.mode, next.records, 'vi')} để đạt ${points(next.points, 'vi')} điểm`);
    en.push(`${recordsPhrase(f.kpi, f.mode, next.records, 'en')} for ${enPoints(next.points)}`);
  }
  vi.push(
    `${recordsPhrase(f.kpi, f.mode, full.records, 'vi')} để ${isMax ? `đạt tối đa ${points(full.points, 'vi')} điểm` : `đạt ${points(full.points, 'vi')} điểm (mức cao nhất)`}`,
  );
  en.push(
    `${recordsPhrase(f.kpi, f.mode, full.records, 'en')} for ${isMax ? `full points (${points(full.points, 'en')})` : `${enPoints(full.points)} (the highest level)`}`,
  );
  return message(
    'at_risk.kpi',
    params,
    `Mất ${lost.vi} điểm: ${vi.join('; ')}.`,
    `Losing ${lost.enPoints}: ${en.join('; ')}.`,
  );
}

/** What one improvement of the path says. */
export function stepMessage(
  code: string,
  kind: CriterionFacts['kind'] | 'score' | 'data',
  kpi: string | null,
  mode: ReachMode,
  level: Level,
  from: Fixed,
  to: Fixed,
): Message {
  const range = {
    vi: `tiêu chí ${code} từ ${points(from, 'vi')} lên ${points(to, 'vi')} điểm`,
    en: `criterion ${code} from ${points(from, 'en')} to ${enPoints(to)}`,
  };
  const params = { code, from: formatDecimal(from), to: formatDecimal(to) };
  switch (kind) {
    case 'records':
      if (level.records !== null) {
        return message(
          'step.kpi',
          { ...params, records: level.records, mode, ...(kpi ? { kpi } : {}) },
          `${capitalize(recordsPhrase(kpi, mode, level.records, 'vi'))}: ${range.vi}.`,
          `${capitalize(recordsPhrase(kpi, mode, level.records, 'en'))}: ${range.en}.`,
        );
      }
      break;
    case 'survey':
      return message(
        'step.survey',
        params,
        `Nâng chỉ số hài lòng: ${range.vi}.`,
        `Raise the satisfaction index: ${range.en}.`,
      );
    case 'deduction':
      return message(
        'step.deduction',
        params,
        `Khắc phục hoặc giải trình để không bị trừ điểm ở tiêu chí ${code} (đang bị trừ ${points(from, 'vi')} điểm).`,
        `Remedy or explain so criterion ${code} is not deducted (${enPoints(from)} now).`,
      );
    case 'score':
      return message(
        'step.score',
        params,
        `Chấm điểm tự đánh giá, kèm tài liệu kiểm chứng: ${range.vi}.`,
        `Score the self-assessment with evidence: ${range.en}.`,
      );
    case 'data':
      return message(
        'step.data',
        params,
        `Cập nhật số liệu hoặc chấm thủ công: ${range.vi}.`,
        `Update the data or score it by hand: ${range.en}.`,
      );
    default:
      break;
  }
  const label =
    level.label !== undefined ? { vi: ` (mức "${level.label}")`, en: ` (level "${level.label}")` } : null;
  return message(
    'step.manual',
    { ...params, ...(level.label !== undefined ? { level: level.label } : {}) },
    `Nâng điểm tự đánh giá, kèm tài liệu kiểm chứng: ${range.vi}${label?.vi ?? ''}.`,
    `Raise the self-assessment with evidence: ${range.en}${label?.en ?? ''}.`,
  );
}

export interface PathFacts {
  readonly band: string | null;
  readonly targetIndex: Fixed;
  readonly decimals: number;
  readonly reached: boolean;
  readonly alreadyReached: boolean;
  readonly steps: number;
  readonly fromIndex: Fixed;
  readonly toIndex: Fixed;
  readonly shortBy: Fixed | null;
}

export function pathMessage(f: PathFacts): Message {
  const idx = (value: Fixed, locale: Locale) => indexText(value, f.decimals, locale);
  const target = {
    vi:
      f.band !== null
        ? `loại "${f.band}" (chỉ số từ ${idx(f.targetIndex, 'vi')})`
        : `chỉ số ${idx(f.targetIndex, 'vi')}`,
    en:
      f.band !== null
        ? `"${f.band}" (index ${idx(f.targetIndex, 'en')} or more)`
        : `an index of ${idx(f.targetIndex, 'en')}`,
  };
  const params = {
    target: f.band ?? formatDecimal(f.targetIndex),
    from: formatDecimal(f.fromIndex),
    to: formatDecimal(f.toIndex),
    steps: f.steps,
  };
  if (f.alreadyReached) {
    return message(
      'path.reached',
      params,
      `Đã đạt ${target.vi}: chỉ số dự kiến ${idx(f.fromIndex, 'vi')}.`,
      `${capitalize(target.en)} is already reached: projected index ${idx(f.fromIndex, 'en')}.`,
    );
  }
  if (f.reached) {
    return message(
      'path.plan',
      params,
      `Để đạt ${target.vi}: cải thiện ${f.steps} tiêu chí, chỉ số dự kiến từ ${idx(f.fromIndex, 'vi')} lên ${idx(f.toIndex, 'vi')}.`,
      `To reach ${target.en}: improve ${f.steps} ${s(f.steps, 'criterion', 'criteria')}, projected index from ${idx(f.fromIndex, 'en')} to ${idx(f.toIndex, 'en')}.`,
    );
  }
  const short = f.shortBy ?? (0 as Fixed);
  if (short <= 0) {
    return message(
      'path.floor',
      params,
      `Không thể đạt ${target.vi}: chỉ số dự kiến cao nhất là ${idx(f.toIndex, 'vi')} nhưng có chỉ số thành phần không thể đạt ngưỡng của loại này.`,
      `${capitalize(target.en)} cannot be reached: the projected index can reach ${idx(f.toIndex, 'en')}, but some component index cannot reach the band's floor.`,
    );
  }
  return message(
    'path.unreachable',
    { ...params, shortBy: formatDecimal(short) },
    `Không thể đạt ${target.vi}: dù cải thiện mọi tiêu chí có thể, chỉ số dự kiến cao nhất là ${idx(f.toIndex, 'vi')} (còn thiếu ${idx(short, 'vi')}).`,
    `${capitalize(target.en)} cannot be reached: with every possible improvement the projected index is at most ${idx(f.toIndex, 'en')} (${idx(short, 'en')} short).`,
  );
}
