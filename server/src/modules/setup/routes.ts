import { z } from 'zod';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import * as service from './service';

const tags = ['Khởi tạo (setup)'];

export const setupRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/setup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Hệ thống đã có quản trị viên chưa (công khai)',
        security: [],
        response: {
          200: z.object({
            needsSetup: z.boolean(),
            demo: z.boolean().describe('Có tài khoản dùng thử (hiện gợi ý ở trang đăng nhập)'),
          }),
        },
      },
    },
    async () => service.setupStatus(ctx),
  );

  app.post(
    '/setup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Lần chạy đầu: tạo đơn vị gốc và quản trị viên đầu tiên (công khai, chỉ khi chưa có người dùng)',
        security: [],
        body: z.object({
          unit: z.object({
            code: z.string().trim().min(1).max(32),
            name: z.string().trim().min(1).max(200),
            level: z.literal('province'),
          }),
          admin: z.object({
            username: z
              .string()
              .trim()
              .min(3)
              .max(64)
              .regex(/^[a-zA-Z0-9._-]+$/),
            fullName: z.string().trim().min(1).max(120),
            password: z.string().min(1).max(200),
          }),
        }),
        response: { 201: z.object({ ok: z.literal(true) }), 400: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      await service.createFirstAdmin(ctx, request.body);
      return reply.status(201).send({ ok: true as const });
    },
  );
};
