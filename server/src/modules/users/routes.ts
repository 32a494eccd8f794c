import { z } from 'zod';
import { ROLES } from '#core/units';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import * as service from './service';

const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
});
const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);
const fullName = z.string().trim().min(1).max(120);
const tags = ['Người dùng (users)'];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const userRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Người dùng trong phạm vi quản trị',
        querystring: z.object({ q: z.string().max(100).optional() }),
        response: { 200: z.object({ users: z.array(userSchema) }), ...errors },
      },
    },
    async (request) => ({ users: await service.listUsers(ctx, userOf(request).user, request.query.q) }),
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Tạo người dùng (quản trị viên)',
        body: z.object({
          username: z
            .string()
            .trim()
            .min(3)
            .max(64)
            .regex(/^[a-zA-Z0-9._-]+$/, 'chỉ gồm chữ không dấu, số, dấu chấm, gạch'),
          fullName,
          unitId: z.number().int().positive(),
          roles,
          password: z.string().min(1).max(200),
        }),
        response: { 201: userSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createUser(ctx, userOf(request).user, request.body)),
  );

  app.patch(
    '/users/:userId',
    {
      schema: {
        tags,
        summary: 'Sửa, khoá/mở khoá, đặt lại mật khẩu người dùng (quản trị viên)',
        params: z.object({ userId: z.coerce.number().int().positive() }),
        body: z.object({
          fullName: fullName.optional(),
          unitId: z.number().int().positive().optional(),
          roles: roles.optional(),
          active: z.boolean().optional(),
          password: z.string().min(1).max(200).optional(),
        }),
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => service.updateUser(ctx, userOf(request).user, request.params.userId, request.body),
  );
};
