import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import * as service from './service';

const tags = ['Tài liệu kiểm chứng (files)'];

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback and the real Vietnamese name. */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends a download: its type, its length, its name, and never a guess by the browser. */
export function sendDownload(
  reply: FastifyReply,
  file: { name: string; mime: string; size?: number },
  body: Readable | Buffer,
) {
  reply
    .header('content-type', file.mime)
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
  if (file.size !== undefined) reply.header('content-length', file.size);
  return reply.send(body);
}

export const fileRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Tải về một tài liệu kiểm chứng (người dùng trong phạm vi đơn vị sở hữu)',
        params: z.object({ fileId: z.coerce.number().int().positive() }),
        response: { 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const { info, stream } = await service.openFile(ctx, userOf(request).user, request.params.fileId);
      return sendDownload(reply, info, stream);
    },
  );
};
