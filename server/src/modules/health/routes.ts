import { z } from 'zod';
import { migrationVersion } from '../../db/client';
import type { RoutePlugin } from '../../http/types';

export const healthRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Hệ thống (system)'],
        summary: 'Tình trạng máy chủ, loại cơ sở dữ liệu và phiên bản lược đồ (công khai)',
        security: [],
        response: {
          200: z.object({
            status: z.literal('ok'),
            engine: z.enum(['pglite', 'postgres']),
            migration: z.object({ tag: z.string().nullable(), count: z.number().int() }),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, engine: ctx.engine, migration: await migrationVersion(ctx.db) }),
  );
};
