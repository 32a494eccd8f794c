import { finished } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { principalOf, userOf } from '../../../http/auth-hook';
import { errorBody } from '../../../http/errors';
import { optionalPeriodOf, periodQuery } from '../../../http/period';
import type { App, RoutePlugin } from '../../../http/types';
import { fileUploadBody, uploadedTableFile } from '../../../http/upload';
import { sendXlsxStream } from '../../../http/xlsx-reply';
import { AppError } from '../../../lib/errors';
import { readTableRows } from '../../../lib/table-file';
import { kpiRecordsWhere, RECORDS_PARTS } from '../../kpis/records';
import { fieldList, type RegisterDefinition } from './definition';
import { TABLE_ALIAS } from './queries';
import * as service from './service';

// The routes every register has, built from its definition: list (filters, search, the
// records behind a KPI), export, add, edit, delete, import.

export const tokenSecurity: { [scheme: string]: string[] }[] = [{ session: [], csrf: [] }, { apiToken: [] }];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
export const unitParams = z.object({ unitId: z.coerce.number().int().positive() });
const idParams = unitParams.extend({ id: z.coerce.number().int().positive() });

export function recordSchemas<R, C>(def: RegisterDefinition<R, C>) {
  const shape = Object.fromEntries(fieldList(def).map(({ key, field }) => [key, field.json]));
  return { body: z.object(shape), item: z.object({ id: z.number().int(), ...shape }) };
}

function listQuerySchema<R, C>(def: RegisterDefinition<R, C>) {
  const filters = Object.fromEntries(
    Object.entries(def.filters).map(([name, f]) => [name, z.enum(f.values).optional().describe(f.describe)]),
  );
  return z.object({
    q: z.string().max(200).optional().describe('Tìm theo các từ, không phân biệt hoa thường và dấu'),
    from: periodQuery.from.optional(),
    to: periodQuery.to.optional(),
    kpi: z
      .string()
      .max(64)
      .optional()
      .describe('Chỉ liệt kê các bản ghi đứng sau chỉ tiêu này trong kỳ from–to'),
    part: z
      .enum(RECORDS_PARTS)
      .optional()
      .describe(
        'numerator (mặc định): tử số; denominator: mẫu số; shortfall: thuộc mẫu số mà không thuộc tử số',
      ),
    ...filters,
  });
}

type ListQuery = {
  q?: string;
  from?: string;
  to?: string;
  kpi?: string;
  part?: (typeof RECORDS_PARTS)[number];
};

/** The list's conditions: register filters, then a period or the records behind a KPI. */
function listInput<R, C>(
  def: RegisterDefinition<R, C>,
  query: ListQuery & Readonly<Record<string, unknown>>,
): Omit<service.ListInput, 'offset' | 'limit'> {
  const where: SQL[] = [];
  for (const [name, filter] of Object.entries(def.filters)) {
    const value = query[name];
    if (typeof value === 'string') where.push(filter.where(TABLE_ALIAS, value));
  }
  const period = optionalPeriodOf(query.from, query.to);
  if (query.kpi === undefined) return { q: query.q, period, where };
  if (!period) throw new AppError(400, 'registers.periodRequired');
  where.push(kpiRecordsWhere(def.register, query.kpi, query.part ?? 'numerator', period, TABLE_ALIAS));
  return { q: query.q, where };
}

/** Reads whatever is left of an upload, so the client receives the answer after sending it whole. */
async function drain(file: MultipartFile): Promise<void> {
  file.file.resume();
  await finished(file.file).catch(() => undefined);
}

function importRoute<R, C>(app: App, ctx: AppContext, def: RegisterDefinition<R, C>, base: string) {
  app.post(
    `${base}/import`,
    {
      config: { tokens: true },
      schema: {
        tags: [def.title],
        summary: `Nhập ${def.title.toLowerCase()} từ .xlsx/.csv (tất cả hoặc không)`,
        description:
          `${fileUploadBody.description}. Cột (dòng 1, không phân biệt hoa thường và dấu): ` +
          `${fieldList(def)
            .map(({ field }) => `“${field.header}”${field.requiredColumn ? '' : ' (không bắt buộc)'}`)
            .join(
              ', ',
            )}. Bản ghi khớp theo ${def.naturalKey.map((k) => `“${def.fields[k].header}”`).join(' + ')}: ` +
          'có rồi thì cập nhật, chưa có thì thêm; nhập lại cùng tệp không thay đổi gì. Tệp có dòng lỗi: 422, ' +
          'không lưu dòng nào, mỗi lỗi nêu dòng (tiêu đề là dòng 1), trường và lý do. Nhận phiên đăng nhập ' +
          'hoặc mã truy cập API của chính đơn vị (`Authorization: Bearer`).',
        consumes: fileUploadBody.consumes,
        security: tokenSecurity,
        params: unitParams,
        response: {
          200: z.object({ inserted: z.number().int(), updated: z.number().int() }),
          413: errorBody,
          422: errorBody,
          ...errors,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { file, format } = await uploadedTableFile(request, { maxBytes: ctx.config.maxImportBytes });
      try {
        return await service.importFile(ctx, def, principal, request.params.unitId, () =>
          readTableRows(file.file, format),
        );
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError(413, 'common.tooLarge', {
            max: Math.round(ctx.config.maxImportBytes / 1048576),
          });
        }
        throw error;
      } finally {
        await drain(file);
      }
    },
  );
}

export function registerRoutes<R, C>(def: RegisterDefinition<R, C>): RoutePlugin {
  const base = `/units/:unitId/${def.path}`;
  const tags = [def.title];
  const { body, item } = recordSchemas(def);
  const query = listQuerySchema(def);

  return (app, ctx) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary: `${def.title}: danh sách, tìm kiếm, lọc`,
          params: unitParams,
          querystring: query.extend({
            offset: z.coerce.number().int().min(0).default(0),
            limit: z.coerce.number().int().min(1).max(2000).default(200),
          }),
          response: { 200: z.object({ total: z.number().int(), items: z.array(item) }), ...errors },
        },
      },
      async (request) => {
        const { offset, limit, ...rest } = request.query;
        return service.listItems(ctx, def, userOf(request).user, request.params.unitId, {
          ...listInput(def, rest),
          offset,
          limit,
        });
      },
    );

    app.get(
      `${base}/export.xlsx`,
      {
        schema: {
          tags,
          summary: `Xuất ${def.title.toLowerCase()} ra Excel (cùng bộ lọc với danh sách)`,
          params: unitParams,
          querystring: query,
          response: errors,
        },
      },
      async (request, reply) => {
        const table = await service.exportItems(
          ctx,
          def,
          userOf(request).user,
          request.params.unitId,
          listInput(def, request.query),
        );
        return sendXlsxStream(reply, `${def.fileName}.xlsx`, def.title, table);
      },
    );

    app.post(
      base,
      {
        schema: {
          tags,
          summary: `Thêm vào ${def.title.toLowerCase()}`,
          params: unitParams,
          body,
          response: { 201: item, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createItem(ctx, def, userOf(request), request.params.unitId, request.body)),
    );

    app.patch(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `Sửa một bản ghi (chỉ các trường gửi lên)`,
          params: idParams,
          body: body.partial(),
          response: { 200: item, ...errors },
        },
      },
      async (request) =>
        service.updateItem(ctx, def, userOf(request), request.params.unitId, request.params.id, request.body),
    );

    app.delete(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'Xoá một bản ghi',
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await service.deleteItem(ctx, def, userOf(request), request.params.unitId, request.params.id);
        return reply.status(204).send(null);
      },
    );

    importRoute(app, ctx, def, base);
  };
}
