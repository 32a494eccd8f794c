import { foldText } from '../text';
import type { CalendarDate, Instant } from '../time';

// One type per register, shaped like its database row: plain strings, numbers and
// booleans. A date that may carry a time is an ISO instant plus a `…HasTime` flag (see
// `VnMoment`); a date that never carries one is a `yyyy-mm-dd` CalendarDate.

export interface Dossier {
  code: string;
  /** Personal data: never shown publicly. */
  applicant: string | null;
  procedureName: string;
  field: string;
  /** As written in the source; read through `channelOf`. */
  channel: string;
  receivedAt: Instant;
  receivedHasTime: boolean;
  dueAt: Instant;
  dueHasTime: boolean;
  /** Null while the dossier is open. */
  resultAt: Instant | null;
  resultHasTime: boolean;
  apologyDate: CalendarDate | null;
}

export interface Feedback {
  code: string;
  receivedAt: Instant;
  receivedHasTime: boolean;
  channel: string;
  summary: string;
  dueAt: Instant;
  dueHasTime: boolean;
  /** Null while unanswered. */
  answeredAt: Instant | null;
  answeredHasTime: boolean;
  result: string | null;
}

export interface Procedure {
  code: string;
  name: string;
  field: string;
  /** First day in force; null when unknown (taken as always). */
  inForceFrom: CalendarDate | null;
  /** Last day in force; null while still in force. */
  inForceTo: CalendarDate | null;
  publishedAtOneStop: boolean;
  publishedOnWebsite: boolean;
}

/** One month of the document-management system's statistics. */
export interface DocumentStat {
  year: number;
  month: number;
  incomingTotal: number;
  incomingElectronic: number;
  incomingSigned: number;
  outgoingTotal: number;
  outgoingElectronic: number;
  outgoingSigned: number;
}

export interface Official {
  id: string;
  name: string;
  position: string;
  inPostFrom: CalendarDate | null;
  /** Last day in post; null while in post. */
  inPostTo: CalendarDate | null;
  email: string | null;
  emailInUse: boolean;
}

export interface DisciplineDecision {
  id: string;
  officialId: string;
  date: CalendarDate;
  form: DisciplineForm;
}

export interface Report {
  id: string;
  title: string;
  periodCovered: string;
  dueAt: Instant;
  dueHasTime: boolean;
  /** Null while not sent. */
  sentAt: Instant | null;
  sentHasTime: boolean;
}

export interface PlanTask {
  id: string;
  kind: PlanTaskKind;
  title: string;
  dueAt: Instant;
  dueHasTime: boolean;
  /** Null while not done. */
  doneAt: Instant | null;
  doneHasTime: boolean;
}

interface Labelled<C extends string> {
  readonly code: C;
  readonly vi: string;
  readonly en: string;
}

export const CHANNELS = [
  { code: 'truc_tiep', vi: 'Trực tiếp', en: 'In person' },
  { code: 'truc_tuyen', vi: 'Trực tuyến', en: 'Online' },
  { code: 'buu_chinh', vi: 'Bưu chính công ích', en: 'Public postal service' },
] as const satisfies readonly Labelled<string>[];
export type Channel = (typeof CHANNELS)[number]['code'];

/** Reads a channel as one-stop systems write it: "TRỰC TUYẾN", "Truc tuyen" … */
export function channelOf(text: string): Channel | null {
  const folded = foldText(text);
  return CHANNELS.find((c) => foldText(c.vi) === folded)?.code ?? null;
}

// Lightest first: the order is the severity order of the Law on Cadres and Civil Servants.
export const DISCIPLINE_FORMS = [
  { code: 'khien_trach', vi: 'Khiển trách', en: 'Reprimand' },
  { code: 'canh_cao', vi: 'Cảnh cáo', en: 'Warning' },
  { code: 'ha_bac_luong', vi: 'Hạ bậc lương', en: 'Salary grade reduction' },
  { code: 'giang_chuc', vi: 'Giáng chức', en: 'Demotion' },
  { code: 'cach_chuc', vi: 'Cách chức', en: 'Removal from office' },
  { code: 'buoc_thoi_viec', vi: 'Buộc thôi việc', en: 'Dismissal' },
] as const satisfies readonly Labelled<string>[];
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number]['code'];

export function disciplineFormOf(text: string): DisciplineForm | null {
  const folded = foldText(text);
  return DISCIPLINE_FORMS.find((f) => foldText(f.vi) === folded || f.code === folded)?.code ?? null;
}

export function disciplineSeverity(form: DisciplineForm): number {
  return DISCIPLINE_FORMS.findIndex((f) => f.code === form);
}

export const PLAN_TASK_KINDS = [
  { code: 'plan', vi: 'Nhiệm vụ kế hoạch CCHC', en: 'PAR plan task' },
  { code: 'propaganda', vi: 'Tuyên truyền CCHC', en: 'Propaganda activity' },
  { code: 'self_inspection', vi: 'Tự kiểm tra CCHC', en: 'Self-inspection' },
  { code: 'it_plan', vi: 'Kế hoạch ứng dụng CNTT', en: 'IT plan task' },
  { code: 'tthc_review', vi: 'Rà soát, đánh giá TTHC', en: 'Procedure review' },
  { code: 'assigned', vi: 'Nhiệm vụ cấp trên giao', en: 'Task assigned by the higher level' },
] as const satisfies readonly Labelled<string>[];
export type PlanTaskKind = (typeof PLAN_TASK_KINDS)[number]['code'];

/** Every register a KPI reads, keyed as the catalogue names them. */
export interface RegisterRecords {
  dossiers: Dossier;
  feedback: Feedback;
  procedures: Procedure;
  documentStats: DocumentStat;
  officials: Official;
  disciplineDecisions: DisciplineDecision;
  reports: Report;
  planTasks: PlanTask;
}
export type RegisterKey = keyof RegisterRecords;
export type Registers = { readonly [R in RegisterKey]: readonly RegisterRecords[R][] };
