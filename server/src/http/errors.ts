import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config';
import { type MessageKey, translate } from '../i18n/messages';
import { AppError } from '../lib/errors';

export const errorBody = z
  .object({
    code: z.string(),
    message: z.string(),
    errors: z
      .array(z.object({ row: z.number().optional(), field: z.string(), message: z.string() }))
      .optional(),
  })
  .describe('Lỗi: mã, thông điệp tiếng Việt, và các dòng/trường lỗi nếu có');

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: MessageKey,
  params = {},
  errors?: unknown,
) {
  return reply.status(status).send({ code, message: translate(request.lang ?? 'vi', code, params), errors });
}

export function errorHandler(config: Config) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return send(reply, request, error.status, error.code, error.params, error.errors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        field: [
          error.validationContext,
          ...(issue.instancePath ? issue.instancePath.split('/').filter(Boolean) : []),
        ]
          .filter(Boolean)
          .join('.'),
        message: issue.message,
      }));
      const details = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return send(reply, request, 400, 'common.validation', { details }, errors);
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
      return send(reply, request, 413, 'common.tooLarge', {
        max: Math.round(config.maxUploadBytes / 1048576),
      });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({
        code: error.code ?? 'common.validation',
        message: translate(request.lang ?? 'vi', 'common.validation', { details: error.message }),
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, 'common.internal', { id: request.id });
  };
}
