import { z } from 'zod';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import * as service from './service';

const decimal = z.string().describe('Số thập phân chính xác, dạng chuỗi ("85.25")');
const message = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  vi: z.string(),
  en: z.string(),
});
const level = z.object({ records: z.number().int().nullable(), points: decimal }).nullable();
const action = z
  .object({
    kind: z.string(),
    kpi: z.string().nullable().optional(),
    mode: z.string().optional(),
    next: level.optional(),
    full: level.optional(),
  })
  .nullable();
const status = z.enum(['earned', 'at_risk', 'not_scored', 'no_data']);

const projectionSchema = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  year: z.number().int(),
  framework: z.object({ id: z.number().int(), name: z.string() }),
  total: decimal,
  maxPoints: decimal,
  index: decimal,
  band: z.string().nullable(),
  complete: z.boolean(),
  bestCase: z.object({ total: decimal, index: decimal, band: z.string().nullable() }),
  areas: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        points: decimal.nullable(),
        max: decimal,
        index: decimal.nullable(),
        assessed: z.boolean(),
      }),
    )
    .readonly(),
  criteria: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        kpi: z.string().nullable(),
        status,
        points: decimal.nullable(),
        max: decimal,
        atRisk: decimal,
        assessed: z.boolean(),
        action,
        message,
      }),
    )
    .readonly(),
  atRisk: z
    .array(z.string())
    .readonly()
    .describe('Mã các tiêu chí có nguy cơ mất điểm, nhiều điểm nhất trước'),
  unscored: z.array(z.string()).readonly(),
  errors: z.array(z.object({ code: z.string().nullable(), message: z.string() })).readonly(),
});

const score = z.object({ total: decimal, index: decimal, band: z.string().nullable() });
const pathSchema = z.object({
  target: z.object({ band: z.string().nullable(), index: decimal }),
  reached: z.boolean(),
  alreadyReached: z.boolean(),
  exact: z.boolean(),
  effort: decimal,
  from: score,
  to: score,
  shortBy: decimal.nullable(),
  message,
  steps: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kpi: z.string().nullable(),
      status,
      from: decimal,
      to: decimal,
      gain: decimal,
      records: z.number().int().nullable(),
      full: z.boolean(),
      message,
    }),
  ),
});

const params = z.object({ unitId: z.coerce.number().int().positive() });
const year = z.coerce.number().int().min(2000).max(2100);
const tags = ['Dự báo chỉ số (projection)'];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

export const projectionRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/units/:unitId/projection',
    {
      schema: {
        tags,
        summary: 'Chỉ số dự kiến của đơn vị trong năm, điểm có nguy cơ mất theo từng tiêu chí',
        description:
          'Tính ngay khi gọi từ sổ theo dõi và nhiệm vụ kế hoạch (không có bản sao cũ). Tiêu chí có chỉ tiêu không có dữ liệu được đánh dấu no_data, để chấm tay.',
        params,
        querystring: z.object({ year: year.optional() }),
        response: { 200: projectionSchema, ...errors },
      },
    },
    async (request) =>
      service.unitProjection(
        ctx,
        userOf(request).user,
        request.params.unitId,
        request.query.year ?? service.currentYear(ctx),
      ),
  );

  app.get(
    '/units/:unitId/path-to-target',
    {
      schema: {
        tags,
        summary: 'Con đường ít công sức nhất để đạt một mức xếp loại hoặc một chỉ số',
        params,
        querystring: z
          .object({ year: year.optional(), band: z.string().min(1).optional(), index: z.string().optional() })
          .refine(
            (q) => (q.band === undefined) !== (q.index === undefined),
            'Cần đúng một trong hai: band hoặc index',
          ),
        response: { 200: pathSchema, ...errors },
      },
    },
    async (request) => {
      const { band, index } = request.query;
      const target = band !== undefined ? { band } : { index: index ?? '' };
      return service.unitPathToTarget(
        ctx,
        userOf(request).user,
        request.params.unitId,
        request.query.year ?? service.currentYear(ctx),
        target,
      );
    },
  );
};
