import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ROLES, UNIT_LEVELS } from '#core/units';
import type { Config } from '../../config';
import { SESSION_COOKIE, userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import type { AuthUser } from './principal';
import * as service from './service';

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(z.enum(ROLES)),
  unit: z.object({ id: z.number().int(), code: z.string(), name: z.string(), level: z.enum(UNIT_LEVELS) }),
});
const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });

const presentUser = (u: AuthUser) => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  roles: u.roles,
  unit: { id: u.unitId, code: u.unitCode, name: u.unitName, level: u.unitLevel },
});

function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    expires: expiresAt,
  });
}

const tags = ['Đăng nhập (auth)'];

export const authRoutes: RoutePlugin = (app, ctx) => {
  app.post(
    '/auth/login',
    {
      config: { access: 'public', skipCsrf: true },
      schema: {
        tags,
        summary: 'Đăng nhập (công khai)',
        description: 'Công khai. Giới hạn số lần sai theo tài khoản và theo địa chỉ IP.',
        security: [],
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
        response: { 200: sessionSchema, 401: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const result = await service.login(ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, ctx.config, result.token, result.expiresAt);
      return { user: presentUser(result.user), csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'Phiên làm việc hiện tại và mã CSRF',
        response: { 200: sessionSchema, 401: errorBody },
      },
    },
    async (request) => {
      const principal = userOf(request);
      return { user: presentUser(principal.user), csrfToken: principal.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Đăng xuất', response: { 204: z.null(), 401: errorBody, 403: errorBody } } },
    async (request, reply) => {
      await service.logout(ctx, userOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Đổi mật khẩu của chính mình (các phiên khác bị đăng xuất)',
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(1).max(200),
        }),
        response: { 204: z.null(), 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      await service.changePassword(ctx, userOf(request), request.body);
      return reply.status(204).send(null);
    },
  );
};
