// The assessment workflow's API as the web app reads it: rounds, a unit's sheet (self-
// assessment, appraisal, explanation), published results, the audit log, notifications.
// Decimals travel as strings with a dot ("12.5"), dates as ISO text.

import { useQuery } from '@tanstack/react-query';
import type { SheetState } from '#core/assessment/states';
import type { FrameworkJson } from '#core/framework/index';
import { type ApiError, apiGet, apiSend, apiUpload } from './client';

export type { SheetState };

export interface RoundSummary {
  id: number;
  year: number;
  level: string;
  name: string;
  ownerUnitId: number;
  ownerUnitName: string;
  frameworkId: number;
  frameworkName: string;
  selfDue: string;
  appraisalDue: string;
  explanationFrom: string;
  explanationTo: string;
  explanationClosed: boolean;
  publishedAt: string | null;
  unitCount: number;
  /** Sheets by state. */
  counts: Partial<Record<SheetState, number>>;
  /** The caller's unit's sheet in this round. */
  mySheetId: number | null;
  canAppraise: boolean;
}

export interface SheetRow {
  id: number;
  unitId: number;
  unitName: string;
  unitCode: string;
  state: SheetState;
  reopened: boolean;
  submittedAt: string | null;
  self: { total: string; index: string; complete: boolean } | null;
  appraised: { total: string; index: string; band: string | null; complete: boolean } | null;
  returned: number;
  pendingExplanations: number;
}

export interface RoundDetail extends RoundSummary {
  sheets: SheetRow[];
}

export interface EvidenceFile {
  id: number;
  name: string;
  size: number;
  mime: string;
  uploadedAt: string;
  uploadedByName: string | null;
  stage: 'self' | 'return' | 'explanation';
}

/** A value as the engine reads it (NodeInput), as JSON. */
export type NodeInputJson =
  | { kind: 'points'; points: string }
  | { kind: 'choice'; label: string }
  | { kind: 'rate'; numerator: number; denominator: number }
  | { kind: 'count'; count: number };

/** The KPI pre-fill kept as a criterion's evidence: the value and the numbers behind it. */
export interface PrefillSnapshot {
  kpi: string;
  input: NodeInputJson;
  /** Points the KPI gives. */
  points: string | null;
  /** Percent for a rate ("85.5"), the count for a count. */
  value: string | null;
  numerator: number | null;
  denominator: number | null;
  period: { from: string; to: string };
  computedAt: string;
}

export interface EntryExplanation {
  text: string;
  status: 'pending' | 'accepted' | 'rejected';
  previousPoints: string | null;
  newPoints: string | null;
  answer: string | null;
  createdAt: string;
  answeredAt: string | null;
}

export interface SheetEntry {
  code: string;
  name: string;
  maxPoints: string;
  method: string | null;
  kpi: string | null;
  evidenceRequired: string[];
  input: NodeInputJson | null;
  selfPoints: string | null;
  comment: string | null;
  prefill: PrefillSnapshot | null;
  overridden: boolean;
  overrideReason: string | null;
  files: EvidenceFile[];
  appraisedPoints: string | null;
  appraisalReason: string | null;
  role: 'score' | 'bonus' | 'deduction';
  areaCode: string;
  /** `open`: not answered since it was returned. */
  returned: {
    note: string;
    at: string;
    answer: string | null;
    answeredAt: string | null;
    open: boolean;
  } | null;
  explanation: EntryExplanation | null;
  problems: SheetProblem[];
}

export interface Totals {
  total: string;
  maxPoints: string;
  index: string;
  band: string | null;
  complete: boolean;
  areas: { code: string; name: string; points: string | null; max: string; index: string | null }[];
}

export type SheetAction =
  | 'edit'
  | 'submit'
  | 'reopen'
  | 'startAppraisal'
  | 'appraise'
  | 'returnCriterion'
  | 'answerReturn'
  | 'publishProvisional'
  | 'contest'
  | 'answerExplanation'
  | 'finalize'
  | 'publish'
  | 'correct';

export interface SheetProblem {
  code: string;
  kind: 'missing_value' | 'missing_evidence' | 'missing_reason' | 'invalid';
  message: string;
}

export interface SheetDetail {
  id: number;
  state: SheetState;
  reopened: boolean;
  submittedAt: string | null;
  provisionalAt: string | null;
  finalAt: string | null;
  publishedAt: string | null;
  openedAt: string | null;
  round: RoundSummary;
  unit: { id: number; name: string; code: string };
  framework: FrameworkJson;
  today: string;
  /** What the caller may do now, as the server decides it. */
  can: Partial<Record<SheetAction, boolean>>;
  entries: SheetEntry[];
  self: Totals;
  appraised: Totals | null;
  problems: SheetProblem[];
  result: PublishedResult | null;
}

export interface PublishedArea {
  code: string;
  name: string;
  points: string | null;
  max: string;
  index: string | null;
}

/** A current and previous value and their difference (this year − last year), decimals as strings. */
export interface Delta {
  current: string | null;
  previous: string | null;
  change: string | null;
}

export interface PublishedResult {
  roundId: number;
  unitId: number;
  unitName: string;
  unitCode: string;
  year: number;
  version: number;
  publishedAt: string;
  /** Non-empty: this result was corrected after publication. */
  corrections: { version: number; reason: string; publishedAt: string }[];
  total: string;
  maxPoints: string;
  index: string;
  band: string | null;
  rank: number | null;
  areas: PublishedArea[];
  /** Against last year's published result, or null. */
  change: {
    previousYear: number;
    total: Delta;
    index: Delta;
    band: { current: string | null; previous: string | null };
    /** `change` = last year's rank − this year's (> 0: moved up). */
    rank: { current: number | null; previous: number | null; change: number | null };
    areas: { code: string; points: Delta; index: Delta }[];
  } | null;
}

export interface PublicRoundSummary {
  id: number;
  year: number;
  level: string;
  name: string;
  ownerUnitId: number;
  ownerUnitName: string;
  frameworkName: string;
  publishedAt: string | null;
}

export interface PublicResults {
  round: PublicRoundSummary;
  units: PublishedResult[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  unitId: number | null;
  entity: string;
  entityId: string;
  action: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
  hash: string;
}

export interface AuditVerify {
  ok: boolean;
  count: number;
  /** When intact: the last entry's hash, to keep elsewhere (it reveals entries deleted from the end). */
  lastHash?: string;
  brokenAt?: number;
  reason?: 'prev_hash' | 'hash' | 'order';
  message?: string;
}

export interface AuditFilter {
  unitId?: number;
  entity?: string;
  entityId?: string;
  before?: number;
}

export interface Notification {
  id: number;
  kind:
    | 'round_opened'
    | 'deadline_soon'
    | 'criterion_returned'
    | 'explanation_answered'
    | 'results_published';
  params: Record<string, string | number>;
  message: { vi: string; en: string };
  /** Where the notification leads in the app, e.g. "/danh-gia/phieu/12". */
  link: string | null;
  unitId: number | null;
  roundId: number | null;
  sheetId: number | null;
  createdAt: string;
  readAt: string | null;
}

export const assessmentKeys = {
  all: ['assessments'] as const,
  rounds: ['assessments', 'rounds'] as const,
  round: (roundId: number) => ['assessments', 'round', roundId] as const,
  sheet: (sheetId: number) => ['assessments', 'sheet', sheetId] as const,
  publicResults: (roundId: number | null) => ['public', 'results', roundId] as const,
  notifications: ['notifications'] as const,
};

// ---- rounds and sheets ----

const ROUNDS = '/api/assessment-rounds';
const SHEETS = '/api/assessment-sheets';
const enc = encodeURIComponent;

export const useRounds = (year?: number | null) =>
  useQuery<RoundSummary[], ApiError>({
    queryKey: [...assessmentKeys.rounds, year ?? null],
    queryFn: async () =>
      (await apiGet<{ rounds: RoundSummary[] }>(`${ROUNDS}${year ? `?year=${year}` : ''}`)).rounds,
  });

export const useRound = (roundId: number) =>
  useQuery<RoundDetail, ApiError>({
    queryKey: assessmentKeys.round(roundId),
    queryFn: () => apiGet<RoundDetail>(`${ROUNDS}/${roundId}`),
    enabled: Number.isInteger(roundId) && roundId > 0,
  });

export const useSheet = (sheetId: number) =>
  useQuery<SheetDetail, ApiError>({
    queryKey: assessmentKeys.sheet(sheetId),
    queryFn: () => apiGet<SheetDetail>(`${SHEETS}/${sheetId}`),
    enabled: Number.isInteger(sheetId) && sheetId > 0,
  });

export interface OpenRound {
  ownerUnitId: number;
  frameworkId: number;
  name?: string;
  selfDue: string;
  appraisalDue: string;
  explanationFrom: string;
  explanationTo: string;
  unitIds?: number[];
}

export const openRound = (body: OpenRound) => apiSend<RoundDetail>('POST', ROUNDS, body);

export interface SelfEntryBody {
  input?: NodeInputJson | null;
  comment?: string | null;
  overrideReason?: string;
}

export const saveSelfEntry = (sheetId: number, code: string, body: SelfEntryBody) =>
  apiSend<SheetDetail>('PUT', `${SHEETS}/${sheetId}/entries/${enc(code)}`, body);

/** Uploads evidence for a criterion; the server picks the stage from the sheet's state. */
export const uploadEvidence = (sheetId: number, code: string, file: File) =>
  apiUpload<unknown>(`${SHEETS}/${sheetId}/entries/${enc(code)}/evidence`, file);

export const removeEvidence = (sheetId: number, code: string, fileId: number) =>
  apiSend<SheetDetail>('DELETE', `${SHEETS}/${sheetId}/entries/${enc(code)}/evidence/${fileId}`);

export const submitSheet = (sheetId: number) => apiSend<SheetDetail>('POST', `${SHEETS}/${sheetId}/submit`);

export const reopenSheet = (sheetId: number, reason: string) =>
  apiSend<SheetDetail>('POST', `${SHEETS}/${sheetId}/reopen`, { reason });

export const startAppraisal = (sheetId: number) =>
  apiSend<SheetDetail>('POST', `${SHEETS}/${sheetId}/start-appraisal`);

export const appraiseEntry = (sheetId: number, code: string, points: string, reason: string | null) =>
  apiSend<SheetDetail>('PUT', `${SHEETS}/${sheetId}/appraisal/${enc(code)}`, {
    points,
    ...(reason ? { reason } : {}),
  });

export const returnEntry = (sheetId: number, code: string, note: string) =>
  apiSend<SheetDetail>('POST', `${SHEETS}/${sheetId}/returns/${enc(code)}`, { note });

export const answerReturn = (sheetId: number, code: string, text: string) =>
  apiSend<SheetDetail>('POST', `${SHEETS}/${sheetId}/returns/${enc(code)}/answer`, { text });

export const acceptAllSelf = (sheetId: number) =>
  apiSend<SheetDetail>('POST', `${SHEETS}/${sheetId}/appraisal/accept-self`);

export const publishProvisional = (sheetId: number) =>
  apiSend<SheetDetail>('POST', `${SHEETS}/${sheetId}/provisional`);

export const contest = (sheetId: number, code: string, text: string) =>
  apiSend<SheetDetail>('POST', `${SHEETS}/${sheetId}/explanations`, { code, text });

export const answerExplanation = (
  sheetId: number,
  code: string,
  body: { accept: true; points: string; reason?: string } | { accept: false; reason: string },
) => apiSend<SheetDetail>('POST', `${SHEETS}/${sheetId}/explanations/${enc(code)}/answer`, body);

export const finalizeSheet = (sheetId: number) =>
  apiSend<SheetDetail>('POST', `${SHEETS}/${sheetId}/finalize`);

export const closeExplanations = (roundId: number) =>
  apiSend<RoundDetail>('POST', `${ROUNDS}/${roundId}/close-explanations`);

export const publishRound = (roundId: number) => apiSend<RoundDetail>('POST', `${ROUNDS}/${roundId}/publish`);

export const correctResults = (
  roundId: number,
  unitId: number,
  reason: string,
  points: Record<string, string>,
) => apiSend<RoundDetail>('POST', `${ROUNDS}/${roundId}/corrections`, { unitId, reason, points });

// ---- public results ----

export const usePublicRounds = () =>
  useQuery<PublicRoundSummary[], ApiError>({
    queryKey: ['public', 'rounds'],
    queryFn: async () => (await apiGet<{ rounds: PublicRoundSummary[] }>('/api/public/rounds')).rounds,
  });

export const usePublicResults = (roundId: number | null) =>
  useQuery<PublicResults, ApiError>({
    queryKey: assessmentKeys.publicResults(roundId),
    queryFn: () => apiGet<PublicResults>(`/api/public/results?roundId=${roundId}`),
    enabled: roundId !== null,
  });

export const publicXlsxUrl = (roundId: number) => `/api/public/results.xlsx?roundId=${roundId}`;

// ---- audit ----

export function useAudit(filter: AuditFilter) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) params.set(key, String(value));
  const query = params.toString();
  return useQuery<AuditEntry[], ApiError>({
    queryKey: ['audit', 'list', query],
    queryFn: async () =>
      (await apiGet<{ items: AuditEntry[] }>(`/api/audit${query ? `?${query}` : ''}`)).items,
  });
}

export const fetchAuditVerify = () => apiGet<AuditVerify>('/api/audit/verify');

// ---- notifications ----

export const useNotifications = () =>
  useQuery<{ items: Notification[]; unread: number }, ApiError>({
    queryKey: assessmentKeys.notifications,
    queryFn: () => apiGet<{ items: Notification[]; unread: number }>('/api/notifications'),
    refetchInterval: 60_000,
  });

export const markNotificationRead = (id: number) => apiSend('POST', `/api/notifications/${id}/read`);

export const markAllNotificationsRead = () => apiSend('POST', '/api/notifications/read-all');
