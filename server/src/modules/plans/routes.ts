import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PLAN_TASK_KINDS, type PlanTaskKind } from '#core/kpi/index';
import { MAX_TASK_NOTE, MAX_TASK_TITLE, TASK_STATUS_CODES, type TaskStatus } from '#core/plan/index';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import { fileUploadBody, uploadedTableFile } from '../../http/upload';
import { sendXlsx } from '../../http/xlsx-reply';
import { AppError } from '../../lib/errors';
import { readTable, writeXlsx } from '../../lib/table-file';
import { FILE_KINDS } from '../files/file-type';
import { sendDownload } from '../files/routes';
import * as service from './service';

const tags = ['Kế hoạch CCHC (plans)'];
const DOCX_MIME = FILE_KINDS.docx.mime;
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const id = z.coerce.number().int().positive();
const planParams = z.object({ planId: id });
const taskParams = z.object({ taskId: id });

const KIND_CODES = PLAN_TASK_KINDS.map((k) => k.code) as [PlanTaskKind, ...PlanTaskKind[]];
const STATUS_CODES = TASK_STATUS_CODES as [TaskStatus, ...TaskStatus[]];
const paragraph = z.string().trim().min(1).max(8000);
const line = (max = 300) => z.string().trim().max(max);
const dateText = z.string().trim().min(1).max(40).describe('dd/mm/yyyy (hoặc yyyy-mm-dd)');
const momentText = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .describe('dd/mm/yyyy hoặc dd/mm/yyyy HH:mm (giờ Việt Nam)');
const rate = z.object({
  value: z.number().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int(),
});

const documentSchema = z.object({
  number: line(20).nullable(),
  symbol: line(40).min(1),
  issuedDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  place: line(100).min(1),
  parentBody: line(200).nullable(),
  issuingBody: line(300).min(1),
  title: line(500).min(1),
  preamble: z.string().trim().max(8000),
  purposes: z.array(paragraph).max(50),
  requirements: z.array(paragraph).max(50),
  areas: z
    .array(
      z.object({
        key: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'chỉ gồm chữ thường không dấu, số, gạch'),
        name: line(300).min(1),
        contents: z.array(paragraph).max(100),
        targets: z.array(paragraph).max(50),
      }),
    )
    .max(30),
  duties: z.array(z.object({ actor: line(200).nullable(), text: paragraph })).max(50),
  closing: z.string().trim().max(8000),
  recipients: z.array(line(200).min(1)).max(30),
  signAuthority: line(200).min(1),
  signerTitle: line(200).min(1),
  signerName: line(120),
});

const planSchema = documentSchema.extend({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  year: z.number().int(),
  status: z.enum(['draft', 'issued']),
  issuedAt: z.string().nullable(),
  issuedByName: z.string().nullable(),
  updatedAt: z.string(),
  today: z.string(),
  totals: z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
  progress: z.array(
    z.object({
      areaKey: z.string().nullable(),
      total: z.number().int(),
      done: z.number().int(),
      doing: z.number().int(),
      todo: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
  kpis: z.object({
    plan_tasks_done_rate: rate,
    propaganda_done_rate: rate,
    self_inspections_done_rate: rate,
    it_plan_done_rate: rate,
    tthc_review_done_rate: rate,
    assigned_tasks_done_rate: rate,
  }),
});

const fileSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
  uploadedAt: z.string(),
  uploadedByName: z.string(),
});

const taskSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  unitId: z.number().int(),
  kind: z.enum(KIND_CODES),
  title: z.string(),
  areaKey: z.string().nullable(),
  criteriaCodes: z.array(z.string()),
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  responsibleUnit: z.string().nullable(),
  startDate: z.string().nullable(),
  dueAt: z.string(),
  dueHasTime: z.boolean(),
  status: z.enum(STATUS_CODES),
  progress: z.number().int(),
  doneAt: z.string().nullable(),
  doneHasTime: z.boolean(),
  resultNote: z.string().nullable(),
  pointsAtStake: z.number().nullable(),
  overdue: z.boolean(),
  files: z.array(fileSchema),
  updatedAt: z.string(),
});

const taskInput = z.object({
  kind: z.enum(KIND_CODES),
  title: z.string().trim().min(1).max(MAX_TASK_TITLE),
  areaKey: z.string().max(40).nullable(),
  criteriaCodes: z.array(z.string().trim().min(1).max(32)).max(30),
  assigneeId: z.number().int().positive().nullable(),
  responsibleUnit: z.string().trim().max(200).nullable(),
  startDate: dateText.nullable(),
  due: momentText,
  status: z.enum(STATUS_CODES),
  progress: z.number().int().min(0).max(100),
  done: momentText.nullable(),
  resultNote: z.string().trim().max(MAX_TASK_NOTE).nullable(),
});

const taskFilter = z.object({
  area: z.string().max(40).optional(),
  assigneeId: id.optional(),
  status: z.enum(STATUS_CODES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

const reason = z.string().trim().max(2000).optional().describe('Lý do, bắt buộc khi kế hoạch đã ban hành');

async function evidenceFile(request: FastifyRequest) {
  const file = await request.file();
  if (!file) throw new AppError(400, 'common.fileRequired');
  return file;
}

export const planRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Các kế hoạch CCHC của một đơn vị, năm mới nhất trước',
        querystring: z.object({ unitId: id }),
        response: {
          200: z.object({
            plans: z.array(
              z.object({
                id: z.number().int(),
                year: z.number().int(),
                status: z.enum(['draft', 'issued']),
                numberLine: z.string(),
                issuedDate: z.string().nullable(),
                title: z.string(),
                taskCount: z.number().int(),
                doneCount: z.number().int(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({ plans: await service.listPlans(ctx, userOf(request).user, request.query.unitId) }),
  );

  app.post(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Tạo kế hoạch năm (bản dự thảo, kế thừa kế hoạch năm trước nếu có)',
        body: z.object({ unitId: id, year: z.number().int().min(2000).max(2100) }),
        response: { 201: planSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createPlan(ctx, userOf(request).user, request.body)),
  );

  app.get(
    '/plans/:planId',
    {
      schema: {
        tags,
        summary: 'Một kế hoạch, với tiến độ theo lĩnh vực và các KPI kế hoạch của năm',
        params: planParams,
        response: { 200: planSchema, ...errors },
      },
    },
    async (request) => service.getPlan(ctx, userOf(request).user, request.params.planId),
  );

  app.put(
    '/plans/:planId',
    {
      schema: {
        tags,
        summary: 'Lưu nội dung văn bản kế hoạch (kế hoạch đã ban hành: chỉ Chủ tịch, có lý do, được ghi lại)',
        params: planParams,
        body: z.object({ document: documentSchema, reason }),
        response: { 200: planSchema, ...errors },
      },
    },
    async (request) => service.updatePlan(ctx, userOf(request).user, request.params.planId, request.body),
  );

  app.post(
    '/plans/:planId/issue',
    {
      schema: {
        tags,
        summary: 'Ban hành kế hoạch (Chủ tịch UBND): ghi số, ngày ban hành',
        params: planParams,
        body: z.object({ number: line(20).nullable(), issuedDate: dateText }),
        response: { 200: planSchema, ...errors },
      },
    },
    async (request) => service.issuePlan(ctx, userOf(request).user, request.params.planId, request.body),
  );

  app.get(
    '/plans/:planId/amendments',
    {
      schema: {
        tags,
        summary: 'Nhật ký sửa đổi, bổ sung kế hoạch đã ban hành',
        params: planParams,
        response: {
          200: z.object({
            amendments: z.array(
              z.object({
                id: z.number().int(),
                amendedAt: z.string(),
                amendedByName: z.string(),
                reason: z.string(),
                changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({
      amendments: await service.listAmendments(ctx, userOf(request).user, request.params.planId),
    }),
  );

  app.get(
    '/plans/:planId/export.docx',
    {
      schema: {
        tags,
        summary: 'Xuất kế hoạch ra Word theo thể thức Nghị định 30/2020/NĐ-CP',
        params: planParams,
        response: { 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const { filename, body } = await service.exportPlanDocx(
        ctx,
        userOf(request).user,
        request.params.planId,
      );
      return sendDownload(reply, { name: filename, mime: DOCX_MIME }, body);
    },
  );

  app.get(
    '/plans/:planId/assignees',
    {
      schema: {
        tags,
        summary: 'Người dùng của đơn vị có thể được giao nhiệm vụ',
        params: planParams,
        response: {
          200: z.object({
            users: z.array(z.object({ id: z.number().int(), username: z.string(), fullName: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({
      users: await service.listAssignees(ctx, userOf(request).user, request.params.planId),
    }),
  );

  app.get(
    '/plans/:planId/tasks',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ của kế hoạch, lọc theo lĩnh vực, người phụ trách, trạng thái, quá hạn',
        params: planParams,
        querystring: taskFilter,
        response: { 200: z.object({ tasks: z.array(taskSchema) }), ...errors },
      },
    },
    async (request) => {
      const f = request.query;
      return {
        tasks: await service.listPlanTasks(ctx, userOf(request).user, request.params.planId, {
          areaKey: f.area,
          assigneeId: f.assigneeId,
          status: f.status,
          overdue: f.overdue === 'true',
        }),
      };
    },
  );

  app.post(
    '/plans/:planId/tasks',
    {
      schema: {
        tags,
        summary: 'Thêm nhiệm vụ',
        params: planParams,
        body: taskInput,
        response: { 201: taskSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createTask(ctx, userOf(request).user, request.params.planId, request.body)),
  );

  app.post(
    '/plans/:planId/tasks/from-lost-points',
    {
      schema: {
        tags,
        summary:
          'Bắt đầu từ kết quả năm trước: mỗi tiêu chí bị mất điểm thành một nhiệm vụ, nhiều điểm nhất trước',
        params: planParams,
        body: z.object({
          criteria: z
            .array(
              z.object({
                code: z.string().trim().min(1).max(32),
                name: z.string().trim().min(1).max(500),
                lostPoints: z.number().min(0).max(1000),
              }),
            )
            .max(200),
        }),
        response: { 200: z.object({ tasks: z.array(taskSchema) }), ...errors },
      },
    },
    async (request) => ({
      tasks: await service.addTasksFromLostPoints(
        ctx,
        userOf(request).user,
        request.params.planId,
        request.body.criteria,
      ),
    }),
  );

  app.get(
    '/plans/:planId/tasks/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất nhiệm vụ ra Excel',
        params: planParams,
        response: { 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const t = await service.exportTasks(ctx, userOf(request).user, request.params.planId);
      return sendXlsx(reply, t.filename, await writeXlsx('Nhiệm vụ', t.header, t.rows));
    },
  );

  app.post(
    '/plans/:planId/tasks/import',
    {
      schema: {
        tags,
        summary: 'Nhập nhiệm vụ từ .xlsx/.csv (tất cả hoặc không)',
        description: `${fileUploadBody.description}. Cột như tệp xuất: Mã nhiệm vụ (để trống khi thêm mới), Nhiệm vụ, Loại, Lĩnh vực, Tiêu chí, Cán bộ phụ trách, Bộ phận chủ trì, Ngày bắt đầu, Hạn hoàn thành, Trạng thái, Tiến độ (%), Ngày hoàn thành, Kết quả.`,
        consumes: fileUploadBody.consumes,
        params: planParams,
        response: {
          200: z.object({ inserted: z.number().int(), updated: z.number().int() }),
          422: errorBody,
          ...errors,
        },
      },
    },
    async (request) => {
      const { file, format } = await uploadedTableFile(request);
      const table = await readTable(file.file, format);
      return service.importTasks(ctx, userOf(request).user, request.params.planId, table, file.filename);
    },
  );

  app.get(
    '/tasks/mine',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ của tôi (mọi kế hoạch), hạn sớm nhất trước',
        querystring: taskFilter.pick({ status: true, overdue: true }),
        response: {
          200: z.object({
            tasks: z.array(taskSchema.extend({ planYear: z.number().int(), unitName: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({
      tasks: await service.listMyTasks(ctx, userOf(request).user, {
        status: request.query.status,
        overdue: request.query.overdue === 'true',
      }),
    }),
  );

  app.get(
    '/tasks/:taskId',
    {
      schema: { tags, summary: 'Một nhiệm vụ', params: taskParams, response: { 200: taskSchema, ...errors } },
    },
    async (request) => service.getTask(ctx, userOf(request).user, request.params.taskId),
  );

  app.patch(
    '/tasks/:taskId',
    {
      schema: {
        tags,
        summary:
          'Cập nhật nhiệm vụ: trạng thái, tiến độ, kết quả… (đổi tên, loại, hạn của kế hoạch đã ban hành: Chủ tịch, có lý do)',
        params: taskParams,
        body: taskInput.partial().extend({ reason }),
        response: { 200: taskSchema, ...errors },
      },
    },
    async (request) => service.updateTask(ctx, userOf(request).user, request.params.taskId, request.body),
  );

  app.delete(
    '/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Xoá nhiệm vụ (kế hoạch đã ban hành: Chủ tịch, có lý do)',
        params: taskParams,
        querystring: z.object({ reason }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteTask(ctx, userOf(request).user, request.params.taskId, request.query.reason);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/tasks/:taskId/files',
    {
      schema: {
        tags,
        summary: 'Đính kèm tài liệu kiểm chứng (PDF, JPEG, PNG, DOCX, XLSX)',
        description:
          'multipart/form-data với trường `file`; loại tệp được nhận biết theo nội dung, không theo đuôi tên.',
        consumes: ['multipart/form-data'],
        params: taskParams,
        response: { 200: taskSchema, 413: errorBody, 415: errorBody, ...errors },
      },
    },
    async (request) =>
      service.attachEvidence(ctx, userOf(request).user, request.params.taskId, await evidenceFile(request)),
  );

  app.delete(
    '/tasks/:taskId/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Gỡ một tài liệu kiểm chứng khỏi nhiệm vụ',
        params: z.object({ taskId: id, fileId: id }),
        response: { 200: taskSchema, ...errors },
      },
    },
    async (request) =>
      service.detachEvidence(ctx, userOf(request).user, request.params.taskId, request.params.fileId),
  );
};
