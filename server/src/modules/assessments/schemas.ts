import { z } from 'zod';
import { EVIDENCE_STAGES, EXPLANATION_STATUSES, SHEET_STATES } from '#core/assessment/states';
import { SHEET_ACTIONS } from '#core/assessment/workflow';

// The JSON shapes of the assessments API (docs/api-assessments.md), for validation and OpenAPI.

export const decimal = z.string().describe('Số thập phân chính xác, dạng chuỗi dấu chấm ("8.5")');
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('yyyy-mm-dd (ngày theo giờ Việt Nam, tính cả ngày đó)');
const state = z.enum(SHEET_STATES);

export const nodeInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('points'), points: z.string().trim().min(1).max(20) }),
    z.object({ kind: z.literal('choice'), label: z.string().trim().min(1).max(300) }),
    z.object({
      kind: z.literal('rate'),
      numerator: z.number().int().min(0),
      denominator: z.number().int().min(1),
    }),
    z.object({ kind: z.literal('count'), count: z.number().int().min(0) }),
  ])
  .describe('Giá trị của tiêu chí: điểm, một mức, hoặc đầu vào của tiêu chí tính từ KPI');

export const roundSummary = z.object({
  id: z.number().int(),
  year: z.number().int(),
  level: z.enum(['province', 'district', 'commune']),
  name: z.string(),
  ownerUnitId: z.number().int(),
  ownerUnitName: z.string(),
  frameworkId: z.number().int(),
  frameworkName: z.string(),
  selfDue: day,
  appraisalDue: day,
  explanationFrom: day,
  explanationTo: day,
  explanationClosed: z.boolean(),
  publishedAt: z.string().nullable(),
  unitCount: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  mySheetId: z.number().int().nullable(),
  canAppraise: z.boolean(),
});

const shortTotals = z.object({ total: decimal, maxPoints: decimal, index: decimal, complete: z.boolean() });

export const roundDetail = roundSummary.extend({
  sheets: z.array(
    z.object({
      id: z.number().int(),
      unitId: z.number().int(),
      unitName: z.string(),
      unitCode: z.string(),
      state,
      reopened: z.boolean(),
      submittedAt: z.string().nullable(),
      self: shortTotals.nullable(),
      appraised: shortTotals.extend({ band: z.string().nullable() }).nullable(),
      returned: z.number().int(),
      pendingExplanations: z.number().int(),
    }),
  ),
});

const area = z.object({
  code: z.string(),
  name: z.string(),
  points: decimal.nullable(),
  max: decimal,
  index: decimal.nullable(),
});

export const totals = z.object({
  total: decimal,
  maxPoints: decimal,
  index: decimal,
  band: z.string().nullable(),
  complete: z.boolean(),
  areas: z.array(area).readonly(),
});

const delta = z.object({
  current: decimal.nullable(),
  previous: decimal.nullable(),
  change: decimal.nullable(),
});

export const publishedResult = z.object({
  roundId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  unitCode: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  publishedAt: z.string(),
  corrections: z
    .array(z.object({ version: z.number().int(), reason: z.string(), publishedAt: z.string() }))
    .describe('Các lần đính chính (phiên bản ≥ 2) và lý do: không rỗng nghĩa là kết quả đã được đính chính'),
  total: decimal,
  maxPoints: decimal,
  index: decimal,
  band: z.string().nullable(),
  rank: z.number().int().nullable(),
  areas: z.array(area).readonly(),
  change: z
    .object({
      previousYear: z.number().int(),
      total: delta,
      index: delta,
      band: z.object({ current: z.string().nullable(), previous: z.string().nullable() }),
      rank: z.object({
        current: z.number().int().nullable(),
        previous: z.number().int().nullable(),
        change: z.number().int().nullable(),
      }),
      areas: z.array(z.object({ code: z.string(), points: delta, index: delta })).readonly(),
    })
    .nullable()
    .describe('So với kết quả đã công bố năm trước (theo mã tiêu chí); null nếu năm trước chưa có'),
});

const fileInfo = z.object({
  id: z.number().int(),
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
  uploadedAt: z.string(),
  uploadedByName: z.string(),
});
export const evidenceFile = fileInfo.extend({ stage: z.enum(EVIDENCE_STAGES) });

const problem = z.object({
  code: z.string(),
  kind: z.enum(['missing_value', 'missing_evidence', 'missing_reason', 'invalid']),
  message: z.string(),
});

export const prefillSnapshot = z
  .object({
    kpi: z.string(),
    input: nodeInput.nullable(),
    points: decimal.nullable(),
    value: z.string().nullable(),
    numerator: z.number().int().nullable(),
    denominator: z.number().int().nullable(),
    period: z.object({ from: day, to: day }),
    computedAt: z.string(),
  })
  .describe('Số liệu tự động từ sổ theo dõi khi mở phiếu lần đầu, lưu làm tài liệu kiểm chứng');

export const sheetSchema = z.object({
  id: z.number().int(),
  state,
  reopened: z.boolean(),
  openedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  provisionalAt: z.string().nullable(),
  finalAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  today: day,
  round: roundSummary,
  unit: z.object({ id: z.number().int(), name: z.string(), code: z.string() }),
  framework: z
    .unknown()
    .describe('Bộ chỉ số của đợt (FrameworkJson): tính điểm ngay trên trình duyệt bằng core/'),
  can: z.record(z.enum(SHEET_ACTIONS), z.boolean()),
  entries: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      maxPoints: decimal,
      method: z.string(),
      kpi: z.string().nullable(),
      role: z.enum(['score', 'bonus', 'deduction']),
      areaCode: z.string(),
      evidenceRequired: z.array(z.string()),
      input: nodeInput.nullable(),
      selfPoints: decimal.nullable(),
      comment: z.string().nullable(),
      prefill: prefillSnapshot.nullable(),
      overridden: z.boolean(),
      overrideReason: z.string().nullable(),
      files: z.array(evidenceFile),
      appraisedPoints: decimal.nullable(),
      appraisalReason: z.string().nullable(),
      returned: z
        .object({
          note: z.string(),
          at: z.string(),
          answer: z.string().nullable(),
          answeredAt: z.string().nullable(),
          open: z.boolean(),
        })
        .nullable(),
      explanation: z
        .object({
          text: z.string(),
          status: z.enum(EXPLANATION_STATUSES),
          previousPoints: decimal.nullable(),
          newPoints: decimal.nullable(),
          answer: z.string().nullable(),
          createdAt: z.string(),
          answeredAt: z.string().nullable(),
        })
        .nullable(),
      problems: z.array(problem).readonly(),
    }),
  ),
  self: totals,
  appraised: totals.nullable(),
  problems: z.array(problem).readonly(),
  result: publishedResult.nullable(),
});

export const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  field: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  reason: z.string().nullable(),
  hash: z.string(),
});

export const publicRound = z.object({
  id: z.number().int(),
  year: z.number().int(),
  level: z.string(),
  name: z.string(),
  ownerUnitId: z.number().int(),
  ownerUnitName: z.string(),
  frameworkName: z.string(),
  publishedAt: z.string(),
});
