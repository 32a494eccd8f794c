import type { RegisterKey } from './records';
import type { KpiTarget } from './result';

// The KPIs of SPEC §5 and issue 5, each defined once. A framework criterion names one by
// its key. Targets are the seed plan's for 2021 (Vĩnh Lập); a framework may set its own
// thresholds, these are what the KPI page shows green or red against.

export type KpiKind = 'rate' | 'count';

/** Surveys feed `satisfaction_index` but are not a register of records here. */
export type KpiSource = RegisterKey | 'surveys';

export interface KpiDefinition {
  readonly key: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly kind: KpiKind;
  readonly register: KpiSource;
  readonly target: KpiTarget | null;
  /** null for a count shown only for context (dossiers received). */
  readonly higherIsBetter: boolean | null;
}

const all: KpiTarget = { op: 'atLeast', value: 100 };
const none: KpiTarget = { op: 'atMost', value: 0 };

const DEFINITIONS = {
  plan_tasks_done_rate: {
    nameVi: 'Tỷ lệ nhiệm vụ kế hoạch CCHC hoàn thành đúng hạn',
    nameEn: 'PAR plan tasks done on time',
    kind: 'rate',
    register: 'planTasks',
    target: all,
    higherIsBetter: true,
  },
  propaganda_done_rate: {
    nameVi: 'Tỷ lệ hoàn thành kế hoạch tuyên truyền CCHC',
    nameEn: 'PAR propaganda activities done on time',
    kind: 'rate',
    register: 'planTasks',
    target: all,
    higherIsBetter: true,
  },
  self_inspections_done_rate: {
    nameVi: 'Tỷ lệ hoàn thành kế hoạch tự kiểm tra CCHC',
    nameEn: 'PAR self-inspections done on time',
    kind: 'rate',
    register: 'planTasks',
    // "Per plan": every self-inspection the plan schedules.
    target: all,
    higherIsBetter: true,
  },
  it_plan_done_rate: {
    nameVi: 'Tỷ lệ hoàn thành kế hoạch ứng dụng CNTT',
    nameEn: 'IT plan tasks done on time',
    kind: 'rate',
    register: 'planTasks',
    target: all,
    higherIsBetter: true,
  },
  tthc_review_done_rate: {
    nameVi: 'Tỷ lệ hoàn thành kế hoạch rà soát, đánh giá TTHC',
    nameEn: 'Procedure review plan tasks done on time',
    kind: 'rate',
    register: 'planTasks',
    target: all,
    higherIsBetter: true,
  },
  assigned_tasks_done_rate: {
    nameVi: 'Tỷ lệ nhiệm vụ cấp trên giao hoàn thành đúng hạn',
    nameEn: 'Tasks assigned by the higher level done on time',
    kind: 'rate',
    register: 'planTasks',
    target: all,
    higherIsBetter: true,
  },
  procedures_published_rate: {
    nameVi: 'Tỷ lệ TTHC được công khai tại Bộ phận Một cửa và trên Trang thông tin điện tử',
    nameEn: 'Procedures published at the one-stop desk and on the website',
    kind: 'rate',
    register: 'procedures',
    target: all,
    higherIsBetter: true,
  },
  dossiers_on_time_rate: {
    nameVi: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
    nameEn: 'Dossiers resolved on time',
    kind: 'rate',
    register: 'dossiers',
    target: all,
    higherIsBetter: true,
  },
  late_dossiers_without_apology: {
    nameVi: 'Số hồ sơ trễ hẹn không có văn bản xin lỗi',
    nameEn: 'Late dossiers without an apology letter',
    kind: 'count',
    register: 'dossiers',
    target: none,
    higherIsBetter: false,
  },
  dossiers_online_rate: {
    nameVi: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến',
    nameEn: 'Dossiers received online',
    kind: 'rate',
    register: 'dossiers',
    // The province sets it; the seed gives none.
    target: null,
    higherIsBetter: true,
  },
  dossiers_received: {
    nameVi: 'Số hồ sơ tiếp nhận',
    nameEn: 'Dossiers received',
    kind: 'count',
    register: 'dossiers',
    target: null,
    higherIsBetter: null,
  },
  dossiers_late: {
    nameVi: 'Số hồ sơ trễ hẹn',
    nameEn: 'Late dossiers',
    kind: 'count',
    register: 'dossiers',
    target: null,
    higherIsBetter: false,
  },
  feedback_on_time_rate: {
    nameVi: 'Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn',
    nameEn: 'Citizen feedback answered on time',
    kind: 'rate',
    register: 'feedback',
    target: all,
    higherIsBetter: true,
  },
  documents_electronic_rate: {
    nameVi: 'Tỷ lệ văn bản đi, đến trao đổi dưới dạng điện tử',
    nameEn: 'Documents exchanged electronically',
    kind: 'rate',
    register: 'documentStats',
    target: { op: 'atLeast', value: 50 },
    higherIsBetter: true,
  },
  documents_signed_rate: {
    nameVi: 'Tỷ lệ văn bản đi, đến được ký số',
    nameEn: 'Documents digitally signed',
    kind: 'rate',
    register: 'documentStats',
    target: { op: 'atLeast', value: 70 },
    higherIsBetter: true,
  },
  officials_with_email_rate: {
    nameVi: 'Tỷ lệ cán bộ, công chức được cấp và sử dụng thư điện tử công vụ',
    nameEn: 'Officials with an official e-mail account in use',
    kind: 'rate',
    register: 'officials',
    target: all,
    higherIsBetter: true,
  },
  officials_disciplined: {
    nameVi: 'Số cán bộ, công chức bị kỷ luật từ khiển trách trở lên',
    nameEn: 'Officials disciplined (reprimand or heavier)',
    kind: 'count',
    register: 'disciplineDecisions',
    target: none,
    higherIsBetter: false,
  },
  reports_on_time_rate: {
    nameVi: 'Tỷ lệ báo cáo CCHC định kỳ gửi đúng hạn',
    nameEn: 'Periodic PAR reports sent on time',
    kind: 'rate',
    register: 'reports',
    target: all,
    higherIsBetter: true,
  },
  satisfaction_index: {
    nameVi: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
    nameEn: 'Satisfaction with public administrative services (SIPAS)',
    kind: 'rate',
    register: 'surveys',
    target: null,
    higherIsBetter: true,
  },
} as const satisfies Record<string, Omit<KpiDefinition, 'key'>>;

type Definitions = typeof DEFINITIONS;
export type KpiKey = keyof Definitions;
/** The register a KPI reads, at the type level. */
export type KpiRegisterOf<K extends KpiKey> = Definitions[K]['register'];
/** KPIs computed from registers here; the rest (surveys) come from elsewhere. */
export type RegisterKpiKey = { [K in KpiKey]: KpiRegisterOf<K> extends RegisterKey ? K : never }[KpiKey];
/** Register KPIs that count records rather than divide them. */
export type CountKpiKey = {
  [K in RegisterKpiKey]: Definitions[K]['kind'] extends 'count' ? K : never;
}[RegisterKpiKey];
/** Register KPIs that are rates. */
export type RateKpiKey = Exclude<RegisterKpiKey, CountKpiKey>;

/** Every KPI in SPEC §5 order, plan KPIs first. */
export const KPI_CATALOGUE: readonly (KpiDefinition & { readonly key: KpiKey })[] = (
  Object.keys(DEFINITIONS) as KpiKey[]
).map((key) => ({ key, ...DEFINITIONS[key] }));

export const KPI_KEYS: readonly KpiKey[] = KPI_CATALOGUE.map((d) => d.key);

export function isKpiKey(text: string): text is KpiKey {
  return Object.hasOwn(DEFINITIONS, text);
}

export function kpiDefinition(key: KpiKey): KpiDefinition & { readonly key: KpiKey } {
  return { key, ...DEFINITIONS[key] };
}

export function kpiRegister<K extends KpiKey>(key: K): KpiRegisterOf<K> {
  return DEFINITIONS[key].register;
}
