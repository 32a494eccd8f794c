import { z } from 'zod';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import * as service from './service';

const tokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string().describe('Các ký tự đầu của mã, để phân biệt'),
  createdAt: z.string(),
  createdBy: z.string(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const unitParams = z.object({ unitId: z.coerce.number().int().positive() });
const tags = ['Mã truy cập API (api tokens)'];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

export const apiTokenRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/units/:unitId/api-tokens',
    {
      schema: {
        tags,
        summary: 'Mã truy cập API của một đơn vị (quản trị viên)',
        params: unitParams,
        response: { 200: z.object({ tokens: z.array(tokenSchema) }), ...errors },
      },
    },
    async (request) => ({
      tokens: await service.listTokens(ctx, userOf(request).user, request.params.unitId),
    }),
  );

  app.post(
    '/units/:unitId/api-tokens',
    {
      schema: {
        tags,
        summary: 'Tạo mã truy cập API cho đơn vị (quản trị viên); mã chỉ hiện một lần',
        description:
          'Hệ thống một cửa hoặc quản lý văn bản gửi mã trong tiêu đề `Authorization: Bearer <mã>`. ' +
          'Mã chỉ dùng được cho sổ theo dõi của chính đơn vị này, trên các tuyến ghi rõ nhận mã API.',
        params: unitParams,
        body: z.object({
          name: z.string().trim().min(1).max(120).describe('Tên gợi nhớ, ví dụ "Hệ thống một cửa"'),
        }),
        response: { 201: z.object({ token: z.string(), apiToken: tokenSchema }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createToken(ctx, userOf(request).user, request.params.unitId, request.body.name)),
  );

  app.delete(
    '/units/:unitId/api-tokens/:tokenId',
    {
      schema: {
        tags,
        summary: 'Thu hồi mã truy cập API (quản trị viên)',
        params: unitParams.extend({ tokenId: z.coerce.number().int().positive() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.revokeToken(ctx, userOf(request).user, request.params.unitId, request.params.tokenId);
      return reply.status(204).send(null);
    },
  );
};
