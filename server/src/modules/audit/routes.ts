import { z } from 'zod';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import { requireRole } from '../../policy';
import { requireUnitInScope } from '../units/service';
import { listAudit, verifyAuditChain } from './service';

const tags = ['Nhật ký thay đổi (audit)'];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

const json: z.ZodType<unknown> = z.unknown();

const entrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  field: z.string().nullable(),
  oldValue: json,
  newValue: json,
  reason: z.string().nullable(),
  hash: z.string(),
});

const verifySchema = z.object({
  ok: z.boolean(),
  count: z.number().int().describe('Số mục đã kiểm tra (đến mục hỏng, nếu có)'),
  lastHash: z
    .string()
    .optional()
    .describe('Mã băm của mục cuối khi nguyên vẹn: lưu ở nơi khác để phát hiện mục bị xoá ở cuối'),
  brokenAt: z.number().int().optional().describe('Mục đầu tiên làm đứt chuỗi'),
  reason: z.enum(['prev_hash', 'hash', 'order']).optional(),
  message: z.string().optional(),
});

export const auditRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/audit/verify',
    {
      schema: {
        tags,
        summary: 'Kiểm tra chuỗi băm của nhật ký thay đổi (quản trị viên)',
        description:
          'Tính lại mã băm của mọi mục theo thứ tự. Nguyên vẹn: `{ok: true, count, lastHash}`; không: mục đầu tiên làm đứt chuỗi (`brokenAt`) và lý do.',
        response: { 200: verifySchema, ...errors },
      },
    },
    async (request) => {
      requireRole(userOf(request).user, 'admin');
      return verifyAuditChain(ctx.db);
    },
  );

  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'Nhật ký thay đổi điểm và trạng thái, mới nhất trước (quản trị viên)',
        querystring: z.object({
          unitId: z.coerce.number().int().positive().optional(),
          entity: z.string().max(60).optional(),
          entityId: z.string().max(60).optional(),
          before: z.coerce
            .number()
            .int()
            .positive()
            .optional()
            .describe('Trang trước: các mục có id nhỏ hơn'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(entrySchema) }), ...errors },
      },
    },
    async (request) => {
      const { user } = userOf(request);
      requireRole(user, 'admin');
      const { unitId, ...rest } = request.query;
      if (unitId !== undefined) await requireUnitInScope(ctx, user, unitId);
      return { items: await listAudit(ctx.db, { ...rest, unitId, pathPrefix: user.unitPath }) };
    },
  );
};
