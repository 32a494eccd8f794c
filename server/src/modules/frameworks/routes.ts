import { z } from 'zod';
import { frameworkJsonSchema } from '#core/framework/index';
import { UNIT_LEVELS } from '#core/units';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import { fileUploadBody, uploadedTable } from '../../http/upload';
import { sendXlsx } from '../../http/xlsx-reply';
import { writeWorkbook } from '../../lib/table-file';
import { requireRole } from '../../policy';
import * as service from './service';

const summarySchema = z.object({
  id: z.number().int(),
  ownerUnitId: z.number().int(),
  ownerUnitName: z.string(),
  year: z.number().int(),
  level: z.enum(UNIT_LEVELS),
  name: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  copiedFromId: z.number().int().nullable(),
  maxPoints: z.string().describe('Tổng điểm tối đa (số thập phân dạng chuỗi)'),
  areaCount: z.number().int(),
  criterionCount: z.number().int(),
  errorCount: z.number().int(),
  updatedAt: z.date(),
  publishedAt: z.date().nullable(),
});
const frameworkErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  node: z.string().optional(),
  field: z.string().optional(),
});
const detailSchema = z.object({
  framework: summarySchema,
  definition: frameworkJsonSchema,
  errors: z.array(frameworkErrorSchema),
});
const idParams = z.object({ frameworkId: z.coerce.number().int().positive() });
const year = z.coerce.number().int().min(2000).max(2100);
const csvList = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
  );
/** "Tốt:90;Khá:80;Trung bình:70;Yếu:0" → bands, highest first. */
const bandsParam = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v.split(';').map((pair) => {
          const [name = '', min = ''] = pair.split(':');
          return { name: name.trim(), min: min.trim().replace(',', '.') };
        })
      : undefined,
  );
const tags = ['Bộ chỉ số (frameworks)'];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const frameworkRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/frameworks',
    {
      schema: {
        tags,
        summary: 'Các bộ chỉ số người dùng được xem (bản nháp chỉ với người thẩm định)',
        querystring: z.object({ year: year.optional(), level: z.enum(UNIT_LEVELS).optional() }),
        response: { 200: z.object({ frameworks: z.array(summarySchema) }), 401: errorBody },
      },
    },
    async (request) => ({
      frameworks: await service.listFrameworks(ctx, userOf(request).user, request.query),
    }),
  );

  app.get(
    '/frameworks/:frameworkId',
    {
      schema: {
        tags,
        summary: 'Một bộ chỉ số: cây tiêu chí, xếp loại và các lỗi còn lại',
        params: idParams,
        response: { 200: detailSchema, ...errors },
      },
    },
    async (request) => service.getFramework(ctx, userOf(request).user, request.params.frameworkId),
  );

  app.post(
    '/frameworks',
    {
      schema: {
        tags,
        summary: 'Tạo bộ chỉ số nháp trống',
        body: z.object({
          ownerUnitId: z.number().int().positive(),
          year,
          level: z.enum(UNIT_LEVELS),
          name: z.string().trim().min(1).max(300),
        }),
        response: { 201: z.object({ id: z.number().int() }), ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createFramework(ctx, userOf(request).user, request.body)),
  );

  app.put(
    '/frameworks/:frameworkId',
    {
      schema: {
        tags,
        summary: 'Lưu bản nháp (được lưu cả khi còn lỗi; lỗi được trả về)',
        params: idParams,
        body: frameworkJsonSchema,
        response: { 200: detailSchema, ...errors },
      },
    },
    async (request) => service.saveDraft(ctx, userOf(request).user, request.params.frameworkId, request.body),
  );

  app.post(
    '/frameworks/:frameworkId/publish',
    {
      schema: {
        tags,
        summary: 'Ban hành bộ chỉ số (không sửa được nữa)',
        params: idParams,
        response: { 200: detailSchema, 422: errorBody, ...errors },
      },
    },
    async (request) => service.publishFramework(ctx, userOf(request).user, request.params.frameworkId),
  );

  app.post(
    '/frameworks/:frameworkId/copy',
    {
      schema: {
        tags,
        summary: 'Sao chép thành bản nháp mới (ví dụ: từ bộ chỉ số năm trước)',
        params: idParams,
        body: z.object({ year, ownerUnitId: z.number().int().positive().optional() }),
        response: { 201: z.object({ id: z.number().int() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.copyFramework(ctx, userOf(request).user, request.params.frameworkId, request.body),
        ),
  );

  app.delete(
    '/frameworks/:frameworkId',
    {
      schema: { tags, summary: 'Xoá bản nháp', params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await service.deleteDraft(ctx, userOf(request).user, request.params.frameworkId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/frameworks/import',
    {
      schema: {
        tags,
        summary: 'Nhập bộ chỉ số từ .xlsx/.csv thành bản nháp (tất cả hoặc không)',
        description: `${fileUploadBody.description}. Cột: Mã, Lĩnh vực / Tiêu chí / Tiêu chí thành phần, Điểm tối đa, Phương pháp chấm, Chỉ tiêu (KPI), Tham số, Tài liệu kiểm chứng.`,
        consumes: fileUploadBody.consumes,
        querystring: z.object({
          ownerUnitId: z.coerce.number().int().positive(),
          year,
          level: z.enum(UNIT_LEVELS),
          name: z.string().trim().min(1).max(300),
          bands: bandsParam.describe('Xếp loại, ví dụ "Tốt:90;Khá:80;Trung bình:70;Yếu:0"'),
          indexDecimals: z.coerce.number().int().min(0).max(6).optional(),
          tieBreak: csvList.describe('Mã tiêu chí phân định khi bằng điểm, cách nhau bởi dấu phẩy'),
          optionalAreas: csvList.describe('Mã lĩnh vực không bắt buộc (khảo sát), cách nhau bởi dấu phẩy'),
        }),
        response: { 201: z.object({ id: z.number().int() }), 422: errorBody, ...errors },
      },
    },
    async (request, reply) => {
      const user = userOf(request).user;
      requireRole(user, 'admin', 'appraiser');
      const table = await uploadedTable(request);
      return reply.status(201).send(await service.importFramework(ctx, user, table, request.query));
    },
  );

  app.get(
    '/frameworks/:frameworkId/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất bộ chỉ số ra Excel (cùng mẫu với tệp nhập)',
        params: idParams,
        response: errors,
      },
    },
    async (request, reply) => {
      const file = await service.exportFramework(ctx, userOf(request).user, request.params.frameworkId);
      const body = await writeWorkbook([
        { name: 'Bộ chỉ số', header: file.header, rows: file.rows },
        { name: 'Thông tin', header: ['Thông tin', 'Giá trị'], rows: file.info },
      ]);
      return sendXlsx(reply, `bo-chi-so-${file.year}.xlsx`, body);
    },
  );
};
