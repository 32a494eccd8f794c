import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { principalOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import { sendCsv } from '../../http/xlsx-reply';
import { AppError } from '../../lib/errors';
import {
  disciplineRegister,
  documentStatRegister,
  dossierRegister,
  feedbackRegister,
  officialRegister,
  procedureRegister,
  reportRegister,
} from './definitions';
import { recordSchemas, registerRoutes, tokenSecurity, unitParams } from './kit/routes';
import { upsertItem } from './kit/service';

// The registers of issue 7 under /api/units/{unitId}/…, their sample files, and the
// dossier upsert one-stop systems call for each dossier.

const REGISTERS = [
  registerRoutes(procedureRegister),
  registerRoutes(dossierRegister),
  registerRoutes(feedbackRegister),
  registerRoutes(documentStatRegister),
  registerRoutes(officialRegister),
  registerRoutes(disciplineRegister),
  registerRoutes(reportRegister),
];

/** Sample files in docs/mau, one per register, downloadable from each register page. */
export const SAMPLE_FILES = [
  procedureRegister,
  dossierRegister,
  feedbackRegister,
  documentStatRegister,
  officialRegister,
  disciplineRegister,
  reportRegister,
].map((r) => r.sampleFile);
const SAMPLES_DIR = new URL('../../../../docs/mau/', import.meta.url);

const dossierSchemas = recordSchemas(dossierRegister);

export const registerModuleRoutes: RoutePlugin = (app, ctx) => {
  for (const routes of REGISTERS) routes(app, ctx);

  app.put(
    '/units/:unitId/dossiers/:code',
    {
      config: { tokens: true },
      schema: {
        tags: [dossierRegister.title],
        summary: 'Thêm hoặc cập nhật một hồ sơ theo mã (idempotent), cho hệ thống một cửa',
        description:
          'Gửi lại cùng nội dung không thay đổi gì. 201 khi thêm mới, 200 khi đã có. Nhận phiên đăng nhập ' +
          'hoặc mã truy cập API của chính đơn vị (`Authorization: Bearer`).',
        security: tokenSecurity,
        params: unitParams.extend({ code: z.string().min(1).max(100).describe('Mã hồ sơ') }),
        body: dossierSchemas.body.omit({ code: true }),
        response: {
          200: dossierSchemas.item,
          201: dossierSchemas.item,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request, reply) => {
      const { created, item } = await upsertItem(
        ctx,
        dossierRegister,
        principalOf(request),
        request.params.unitId,
        {
          ...request.body,
          code: request.params.code,
        },
      );
      return reply.status(created ? 201 : 200).send(item);
    },
  );

  app.get(
    '/registers/samples/:file',
    {
      schema: {
        tags: ['Sổ theo dõi: tệp mẫu'],
        summary: 'Tệp mẫu (.csv) của một sổ theo dõi',
        params: z.object({ file: z.enum(SAMPLE_FILES as [string, ...string[]]) }),
        response: { 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const body = await readFile(new URL(request.params.file, SAMPLES_DIR)).catch(() => {
        throw new AppError(404, 'registers.sampleNotFound');
      });
      return sendCsv(reply, request.params.file, body);
    },
  );
};
