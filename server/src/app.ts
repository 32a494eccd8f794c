import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from './context';
import { authHook } from './http/auth-hook';
import { errorHandler } from './http/errors';
import type { App, RoutePlugin } from './http/types';
import { translate } from './i18n/messages';
import { apiTokenRoutes } from './modules/api-tokens/routes';
import { assessmentRoutes } from './modules/assessments/routes';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { fileRoutes } from './modules/files/routes';
import { frameworkRoutes } from './modules/frameworks/routes';
import { healthRoutes } from './modules/health/routes';
import { kpiRoutes } from './modules/kpis/routes';
import { notificationRoutes } from './modules/notifications/routes';
import { planRoutes } from './modules/plans/routes';
import { projectionRoutes } from './modules/projection/routes';
import { projectionManyRoutes } from './modules/projection/routes-many';
import { apologyRoutes } from './modules/registers/apology';
import { dueSoonRoutes } from './modules/registers/due-soon';
import { registerModuleRoutes } from './modules/registers/routes';
import { setupRoutes } from './modules/setup/routes';
import { unitRoutes } from './modules/units/routes';
import { userRoutes } from './modules/users/routes';

// Validation messages in Vietnamese, the language of every user-facing error.
z.config(z.locales.vi());

export const routeModules: RoutePlugin[] = [
  healthRoutes,
  setupRoutes,
  authRoutes,
  unitRoutes,
  userRoutes,
  frameworkRoutes,
  fileRoutes,
  planRoutes,
  registerModuleRoutes,
  kpiRoutes,
  apiTokenRoutes,
  projectionRoutes,
  auditRoutes,
  assessmentRoutes,
  notificationRoutes,
  apologyRoutes,
  dueSoonRoutes,
  projectionManyRoutes,
];

export interface BuildOptions {
  /** pino logger of the process; tests run silent. */
  logger?: FastifyBaseLogger;
  /** The built web app (dist/web); when absent only the API is served. */
  webRoot?: string;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(ctx.config));
  app.decorateRequest('principal', null);
  app.decorateRequest('lang', 'vi');

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: ctx.config.maxUploadBytes, files: 1, fields: 10 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'ChiSo API',
        version: '0.1.0',
        description:
          'API của ChiSo — Chỉ số Cải cách hành chính. Mọi tuyến cần phiên đăng nhập (cookie `chiso_sid`) ' +
          'trừ các tuyến ghi rõ "công khai"; yêu cầu thay đổi dữ liệu phải kèm tiêu đề `x-csrf-token` ' +
          'lấy từ GET /api/auth/session. Hệ thống một cửa và quản lý văn bản dùng mã truy cập API ' +
          '(`Authorization: Bearer`) trên các tuyến nhập sổ theo dõi.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'chiso_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'Mã truy cập API do quản trị viên tạo cho một đơn vị (`Authorization: Bearer chiso_…`). Chỉ dùng ' +
              'được trên các tuyến ghi sổ theo dõi có ghi nhận mã (nhập tệp, cập nhật hồ sơ theo mã) và chỉ cho ' +
              'sổ của chính đơn vị đó; mọi tuyến khác trả 403.',
          },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });

  // The API documentation is public by design.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', authHook(ctx));

  await app.register(
    async (api) => {
      for (const routes of routeModules) routes(api, ctx);
    },
    { prefix: '/api' },
  );

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: any other page address gets its index.html.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ code: 'common.notFound', message: translate(request.lang ?? 'vi', 'common.notFound') });
  });
  return app;
}
