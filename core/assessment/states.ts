// The states of a unit's assessment sheet in a round, in order.

export const SHEET_STATES = [
  'draft',
  'submitted',
  'in_appraisal',
  'provisional',
  'explanation',
  'final',
  'published',
] as const;
export type SheetState = (typeof SHEET_STATES)[number];

export const SHEET_STATE_LABEL: Record<SheetState, { vi: string; en: string }> = {
  draft: { vi: 'Đang tự đánh giá', en: 'Self-assessment in progress' },
  submitted: { vi: 'Đã nộp', en: 'Submitted' },
  in_appraisal: { vi: 'Đang thẩm định', en: 'In appraisal' },
  provisional: { vi: 'Có kết quả tạm thời', en: 'Provisional result' },
  explanation: { vi: 'Đang giải trình', en: 'Explanation' },
  final: { vi: 'Kết quả chính thức', en: 'Final' },
  published: { vi: 'Đã công bố', en: 'Published' },
};

export const EXPLANATION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ExplanationStatus = (typeof EXPLANATION_STATUSES)[number];

export const EVIDENCE_STAGES = ['self', 'return', 'explanation'] as const;
export type EvidenceStage = (typeof EVIDENCE_STAGES)[number];

export const NOTIFICATION_KINDS = [
  'round_opened',
  'deadline_soon',
  'criterion_returned',
  'explanation_answered',
  'results_published',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
