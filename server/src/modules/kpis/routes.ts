import { z } from 'zod';
import { isRateResult, type KpiResult, kpiDefinition } from '#core/kpi/index';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import { periodOf, periodQuery } from '../../http/period';
import type { RoutePlugin } from '../../http/types';
import type { RegisterKpi } from './conditions';
import * as service from './service';

const rateSchema = z.object({
  value: z.number().nullable().describe('tử số × 100 / mẫu số, chưa làm tròn; null khi mẫu số bằng 0'),
  numerator: z.number().int(),
  denominator: z.number().int(),
});
const countSchema = z.object({ value: z.number().int() });
const kpisSchema = z.object(
  Object.fromEntries(
    service.KEPT_KPIS.map((key) => {
      const d = kpiDefinition(key);
      return [key, (d.kind === 'count' ? countSchema : rateSchema).describe(`${d.nameVi} (${d.nameEn})`)];
    }),
  ),
);
const readingSchema = {
  kpis: kpisSchema,
  noData: z
    .array(z.string())
    .describe(
      'Chỉ tiêu chưa có dữ liệu trong kỳ (chấm điểm thủ công), kể cả số đếm khi sổ không có bản ghi liên quan',
    ),
};

function present(reading: service.KpiReading) {
  const kpis = Object.fromEntries(
    (Object.entries(reading.results) as [RegisterKpi, KpiResult][]).map(([key, r]) => [
      key,
      isRateResult(r)
        ? { value: r.value, numerator: r.numerator, denominator: r.denominator }
        : { value: r.value },
    ]),
  );
  return { kpis, noData: [...reading.noData] };
}

const params = z.object({ unitId: z.coerce.number().int().positive() });
const tags = ['Chỉ tiêu KPI (kpis)'];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

export const kpiRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/units/:unitId/kpis',
    {
      schema: {
        tags,
        summary: 'Các chỉ tiêu KPI (SPEC §5) của đơn vị trong kỳ, tính từ sổ theo dõi',
        params,
        querystring: z.object(periodQuery),
        response: { 200: z.object(readingSchema), ...errors },
      },
    },
    async (request) => {
      const period = periodOf(request.query.from, request.query.to);
      return present(await service.unitKpis(ctx, userOf(request).user, request.params.unitId, period));
    },
  );

  app.get(
    '/units/:unitId/kpis/children',
    {
      schema: {
        tags,
        summary: 'Chỉ tiêu KPI của từng đơn vị trực thuộc, để so sánh',
        params,
        querystring: z.object(periodQuery),
        response: {
          200: z.object({
            units: z.array(
              z.object({ id: z.number().int(), code: z.string(), name: z.string(), ...readingSchema }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const period = periodOf(request.query.from, request.query.to);
      const children = await service.childrenKpis(ctx, userOf(request).user, request.params.unitId, period);
      return { units: children.map(({ reading, ...unit }) => ({ ...unit, ...present(reading) })) };
    },
  );

  app.get(
    '/units/:unitId/kpis/years',
    {
      schema: {
        tags,
        summary: 'Các năm có dữ liệu trong sổ theo dõi của đơn vị (mới nhất trước)',
        params,
        response: { 200: z.object({ years: z.array(z.number().int()) }), ...errors },
      },
    },
    async (request) => ({ years: await service.dataYears(ctx, userOf(request).user, request.params.unitId) }),
  );
};
