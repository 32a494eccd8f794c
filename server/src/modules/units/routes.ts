import { z } from 'zod';
import { UNIT_LEVELS } from '#core/units';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import { fileUploadBody, uploadedTable } from '../../http/upload';
import { sendXlsx } from '../../http/xlsx-reply';
import { writeXlsx } from '../../lib/table-file';
import { requireRole } from '../../policy';
import * as service from './service';

const unitSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  level: z.enum(UNIT_LEVELS),
  parentId: z.number().int().nullable(),
  active: z.boolean(),
});
const idParams = z.object({ unitId: z.coerce.number().int().positive() });
const code = z.string().trim().min(1).max(32);
const name = z.string().trim().min(1).max(200);
const tags = ['Đơn vị (units)'];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const unitRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/units',
    {
      schema: {
        tags,
        summary: 'Danh sách đơn vị trong phạm vi của người dùng',
        querystring: z.object({
          q: z.string().max(100).optional().describe('Tìm theo tên hoặc mã, không phân biệt dấu'),
          includeInactive: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.object({ units: z.array(unitSchema) }), 401: errorBody },
      },
    },
    async (request) => ({
      units: await service.listUnits(ctx, userOf(request).user, {
        q: request.query.q,
        includeInactive: request.query.includeInactive === 'true',
      }),
    }),
  );

  app.get(
    '/units/export.xlsx',
    { schema: { tags, summary: 'Xuất danh sách đơn vị ra Excel', response: { 401: errorBody } } },
    async (request, reply) => {
      const table = await service.exportUnits(ctx, userOf(request).user);
      return sendXlsx(reply, 'don-vi.xlsx', await writeXlsx('Đơn vị', table.header, table.rows));
    },
  );

  app.get(
    '/units/:unitId',
    { schema: { tags, summary: 'Một đơn vị', params: idParams, response: { 200: unitSchema, ...errors } } },
    async (request) => service.getUnit(ctx, userOf(request).user, request.params.unitId),
  );

  app.post(
    '/units',
    {
      schema: {
        tags,
        summary: 'Tạo đơn vị (quản trị viên)',
        body: z.object({
          code,
          name,
          level: z.enum(UNIT_LEVELS),
          parentId: z.number().int().positive().nullable(),
        }),
        response: { 201: unitSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createUnit(ctx, userOf(request).user, request.body)),
  );

  app.patch(
    '/units/:unitId',
    {
      schema: {
        tags,
        summary: 'Sửa, chuyển cấp trên, ngừng hoặc mở lại hoạt động của đơn vị (quản trị viên)',
        params: idParams,
        body: z.object({
          code: code.optional(),
          name: name.optional(),
          level: z.enum(UNIT_LEVELS).optional(),
          parentId: z.number().int().positive().optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: unitSchema, ...errors },
      },
    },
    async (request) => service.updateUnit(ctx, userOf(request).user, request.params.unitId, request.body),
  );

  app.post(
    '/units/import',
    {
      schema: {
        tags,
        summary: 'Nhập danh sách đơn vị từ .xlsx/.csv (tất cả hoặc không)',
        description: `${fileUploadBody.description}. Cột: Mã, Tên đơn vị, Cấp (tinh/huyen/xa), Mã đơn vị cấp trên.`,
        consumes: fileUploadBody.consumes,
        response: {
          200: z.object({ inserted: z.number().int(), updated: z.number().int() }),
          422: errorBody,
          ...errors,
        },
      },
    },
    async (request) => {
      const user = userOf(request).user;
      requireRole(user, 'admin');
      return service.importUnits(ctx, user, await uploadedTable(request));
    },
  );
};
