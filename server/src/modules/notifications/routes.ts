import { z } from 'zod';
import { NOTIFICATION_KINDS } from '#core/assessment/states';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import * as service from './service';

const tags = ['Thông báo (notifications)'];
const errors = { 401: errorBody, 403: errorBody, 404: errorBody };

const item = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.object({ vi: z.string(), en: z.string() }),
  link: z.string().nullable().describe('Trang web của thông báo'),
  unitId: z.number().int().nullable(),
  roundId: z.number().int().nullable(),
  sheetId: z.number().int().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo của tôi, mới nhất trước (kể cả nhắc hạn trong 3 ngày)',
        querystring: z.object({
          unread: z.enum(['0', '1']).optional().describe('1: chỉ thông báo chưa đọc'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(item), unread: z.number().int() }), ...errors },
      },
    },
    async (request) =>
      service.listNotifications(ctx, userOf(request).user, {
        unreadOnly: request.query.unread === '1',
        limit: request.query.limit,
      }),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Đánh dấu một thông báo đã đọc',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.markRead(ctx, userOf(request).user, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Đánh dấu mọi thông báo đã đọc',
        response: { 200: z.object({ count: z.number().int() }), ...errors },
      },
    },
    async (request) => service.markAllRead(ctx, userOf(request).user),
  );
};
