import { z } from 'zod';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import { unitDashboard } from './dashboard';
import { unitsBelowProjections } from './many';
import { currentYear } from './service';

// The appraiser's table (every unit below, projected in one pass) and the unit's dashboard.

const params = z.object({ unitId: z.coerce.number().int().positive() });
const year = z.coerce.number().int().min(2000).max(2100);
const tags = ['Dự báo chỉ số (projection)'];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const decimal = z.string();
const lastYear = z
  .object({
    year: z.number().int(),
    index: decimal,
    band: z.string().nullable(),
    rank: z.number().int().nullable(),
    areas: z.record(z.string(), decimal.nullable()),
  })
  .nullable();

const manySchema = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  year: z.number().int(),
  frameworks: z.array(
    z.object({ id: z.number().int(), name: z.string(), level: z.string(), units: z.number().int() }),
  ),
  areas: z.array(z.object({ code: z.string(), name: z.string() })),
  units: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      level: z.string(),
      parentId: z.number().int().nullable(),
      frameworkId: z.number().int(),
      total: decimal,
      maxPoints: decimal,
      index: decimal,
      band: z.string().nullable(),
      complete: z.boolean(),
      pointsAtRisk: decimal,
      atRiskCount: z.number().int(),
      unscoredCount: z.number().int(),
      areas: z.record(z.string(), decimal.nullable()),
      lastYear,
    }),
  ),
  withoutFramework: z.number().int(),
});

export const projectionManyRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/units/:unitId/projections',
    {
      schema: {
        tags,
        summary: 'Chỉ số dự kiến của mọi đơn vị trực thuộc (bảng của cơ quan thẩm định)',
        description:
          'Tính một lượt: mỗi sổ theo dõi một truy vấn cho mọi đơn vị, mỗi bộ chỉ số biên dịch một lần. ' +
          'Kèm chỉ số thành phần theo lĩnh vực và thứ hạng năm trước (kết quả đã công bố). ' +
          'Chỉ cơ quan thẩm định và quản trị viên trong phạm vi.',
        params,
        querystring: z.object({ year: year.optional() }),
        response: { 200: manySchema, ...errors },
      },
    },
    async (request) =>
      unitsBelowProjections(
        ctx,
        userOf(request).user,
        request.params.unitId,
        request.query.year ?? currentYear(ctx),
      ),
  );

  app.get(
    '/units/:unitId/dashboard',
    {
      schema: {
        tags,
        summary:
          'Bảng điều khiển của đơn vị: chỉ số dự kiến, mục tiêu, con đường đạt mục tiêu, hồ sơ sắp trễ hẹn',
        description:
          'Năm mặc định: năm mới nhất có bộ chỉ số đã ban hành cho cấp của đơn vị. Mục tiêu: mức xếp loại mà kế hoạch ' +
          'năm nêu ("phấn đấu … loại tốt"), nếu không có thì Tốt.',
        params,
        querystring: z.object({ year: year.optional() }),
        response: {
          200: z.looseObject({ year: z.number().int(), years: z.array(z.number().int()) }),
          ...errors,
        },
      },
    },
    async (request) => unitDashboard(ctx, userOf(request).user, request.params.unitId, request.query.year),
  );
};
