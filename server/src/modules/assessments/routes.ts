import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import { sendXlsx } from '../../http/xlsx-reply';
import { AppError } from '../../lib/errors';
import { writeXlsx } from '../../lib/table-file';
import { listPublicRounds, publicResults, publicResultsTable } from './results';
import * as rounds from './rounds';
import {
  auditItem,
  evidenceFile,
  nodeInput,
  publicRound,
  publishedResult,
  roundDetail,
  roundSummary,
  sheetSchema,
} from './schemas';
import * as sheets from './sheets';

const tags = ['Tự đánh giá, thẩm định, công bố (assessments)'];
const publicTags = ['Công khai (public)'];
const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
};
const id = z.coerce.number().int().positive();
const code = z
  .string()
  .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, 'mã tiêu chí như 1.2.3')
  .max(32);
const roundParams = z.object({ roundId: id });
const sheetParams = z.object({ sheetId: id });
const entryParams = z.object({ sheetId: id, code });
const day = z.string().trim().min(8).max(10).describe('yyyy-mm-dd (hoặc dd/mm/yyyy)');
const text = (max = 4000) => z.string().trim().min(1).max(max);
const optionalText = (max = 4000) => z.string().max(max).nullable().optional();

async function evidenceUpload(request: FastifyRequest) {
  const file = await request.file();
  if (!file) throw new AppError(400, 'common.fileRequired');
  return file;
}

export const assessmentRoutes: RoutePlugin = (app, ctx) => {
  const user = (request: FastifyRequest) => userOf(request).user;

  // ---------------------------------------------------------------- rounds

  app.get(
    '/assessment-rounds',
    {
      schema: {
        tags,
        summary: 'Các đợt đánh giá: đợt do đơn vị mình (và cấp dưới) thẩm định, và đợt đánh giá đơn vị mình',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: z.object({ rounds: z.array(roundSummary) }), ...errors },
      },
    },
    async (request) => rounds.listRounds(ctx, user(request), request.query.year),
  );

  app.post(
    '/assessment-rounds',
    {
      schema: {
        tags,
        summary: 'Mở đợt đánh giá (thẩm định viên): bộ chỉ số đã ban hành, các đơn vị, thời hạn',
        description:
          'Bộ chỉ số phải đã ban hành, cho cấp thấp hơn đơn vị chủ trì, do đơn vị đó hoặc cấp trên ban hành. `unitIds` mặc định: mọi đơn vị đang hoạt động ở cấp đó thuộc đơn vị chủ trì. Mỗi đơn vị có một phiếu ở trạng thái draft và người dùng của đơn vị được thông báo.',
        body: z.object({
          ownerUnitId: id,
          frameworkId: id,
          name: z.string().trim().max(300).optional(),
          selfDue: day,
          appraisalDue: day,
          explanationFrom: day,
          explanationTo: day,
          unitIds: z.array(id).max(10000).optional(),
        }),
        response: { 201: roundDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rounds.createRound(ctx, user(request), request.body)),
  );

  app.get(
    '/assessment-rounds/:roundId',
    {
      schema: {
        tags,
        summary: 'Một đợt đánh giá và bảng trạng thái các đơn vị (đơn vị chỉ thấy phiếu của mình)',
        params: roundParams,
        response: { 200: roundDetail, ...errors },
      },
    },
    async (request) => rounds.getRound(ctx, user(request), request.params.roundId),
  );

  app.patch(
    '/assessment-rounds/:roundId',
    {
      schema: {
        tags,
        summary: 'Sửa thời hạn của đợt (thẩm định viên; ghi nhật ký)',
        params: roundParams,
        body: z.object({
          selfDue: day.optional(),
          appraisalDue: day.optional(),
          explanationFrom: day.optional(),
          explanationTo: day.optional(),
        }),
        response: { 200: roundDetail, ...errors },
      },
    },
    async (request) => rounds.updateDeadlines(ctx, user(request), request.params.roundId, request.body),
  );

  app.post(
    '/assessment-rounds/:roundId/close-explanations',
    {
      schema: {
        tags,
        summary: 'Kết thúc thời gian giải trình ngay: các phiếu tạm thời / đang giải trình thành chính thức',
        params: roundParams,
        response: { 200: roundDetail, ...errors },
      },
    },
    async (request) => rounds.closeExplanations(ctx, user(request), request.params.roundId),
  );

  app.post(
    '/assessment-rounds/:roundId/publish',
    {
      schema: {
        tags,
        summary: 'Công bố kết quả của cả đợt: chấm, xếp loại, xếp hạng mọi đơn vị cùng lúc',
        description:
          'Phiếu tạm thời đã hết thời gian giải trình thành chính thức trước; còn đơn vị nào chưa chính thức thì từ chối (409, nêu từng đơn vị). Kết quả công bố không bao giờ bị sửa.',
        params: roundParams,
        response: { 200: roundDetail, ...errors },
      },
    },
    async (request) => rounds.publishRound(ctx, user(request), request.params.roundId),
  );

  app.post(
    '/assessment-rounds/:roundId/corrections',
    {
      schema: {
        tags,
        summary: 'Đính chính kết quả đã công bố: phiên bản mới có lý do (phiên bản cũ giữ nguyên)',
        params: roundParams,
        body: z.object({
          unitId: id,
          reason: text(2000),
          points: z
            .record(code, z.string().trim().min(1).max(20))
            .describe('mã tiêu chí → điểm thẩm định mới'),
        }),
        response: { 200: roundDetail, ...errors },
      },
    },
    async (request) => rounds.correctRound(ctx, user(request), request.params.roundId, request.body),
  );

  // ---------------------------------------------------------------- sheets

  app.get(
    '/assessment-sheets/:sheetId',
    {
      schema: {
        tags,
        summary: 'Phiếu đánh giá của một đơn vị (tự đánh giá, thẩm định, giải trình, kết quả)',
        description:
          'Lần đầu cán bộ hoặc chủ tịch của đơn vị mở phiếu, mọi tiêu chí tính từ KPI được điền tự động từ sổ theo dõi của năm, kèm số liệu làm tài liệu kiểm chứng. Trước kết quả tạm thời, đơn vị không thấy điểm thẩm định.',
        params: sheetParams,
        response: { 200: sheetSchema, ...errors },
      },
    },
    async (request) => sheets.getSheet(ctx, user(request), request.params.sheetId),
  );

  app.put(
    '/assessment-sheets/:sheetId/entries/:code',
    {
      schema: {
        tags,
        summary: 'Tự đánh giá một tiêu chí: giá trị, nhận xét, lý do sửa số liệu tự động',
        params: entryParams,
        body: z.object({
          input: nodeInput.nullable().optional(),
          comment: optionalText(),
          overrideReason: optionalText(2000).describe(
            'Bắt buộc khi giá trị khác số liệu tự động từ sổ theo dõi',
          ),
        }),
        response: { 200: sheetSchema, ...errors },
      },
    },
    async (request) =>
      sheets.saveEntry(ctx, user(request), request.params.sheetId, request.params.code, request.body),
  );

  app.post(
    '/assessment-sheets/:sheetId/entries/:code/evidence',
    {
      schema: {
        tags,
        summary: 'Tải lên tài liệu kiểm chứng của một tiêu chí (PDF, JPEG, PNG, DOCX, XLSX)',
        description:
          'multipart/form-data, trường `file`; loại tệp nhận biết theo nội dung, không theo đuôi tên (415); vượt MAX_UPLOAD_MB thì dừng ngay khi đang nhận và không để lại tệp (413). Giai đoạn theo trạng thái: draft → self, in_appraisal (tiêu chí bị trả lại) → return, provisional/explanation → explanation.',
        consumes: ['multipart/form-data'],
        params: entryParams,
        response: { 201: evidenceFile, 413: errorBody, 415: errorBody, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await sheets.uploadEvidence(
            ctx,
            user(request),
            request.params.sheetId,
            request.params.code,
            await evidenceUpload(request),
          ),
        ),
  );

  app.post(
    '/assessment-sheets/:sheetId/entries/:code/evidence/link',
    {
      schema: {
        tags,
        summary: 'Gắn một tệp đơn vị đã tải lên vào tiêu chí (một bản quét cho nhiều tiêu chí)',
        params: entryParams,
        body: z.object({ fileId: id }),
        response: { 200: sheetSchema, ...errors },
      },
    },
    async (request) =>
      sheets.linkEvidence(
        ctx,
        user(request),
        request.params.sheetId,
        request.params.code,
        request.body.fileId,
      ),
  );

  app.delete(
    '/assessment-sheets/:sheetId/entries/:code/evidence/:fileId',
    {
      schema: {
        tags,
        summary: 'Gỡ tài liệu kiểm chứng khỏi tiêu chí (giai đoạn trạng thái hiện tại cho phép)',
        params: entryParams.extend({ fileId: id }),
        response: { 200: sheetSchema, ...errors },
      },
    },
    async (request) =>
      sheets.unlinkEvidence(
        ctx,
        user(request),
        request.params.sheetId,
        request.params.code,
        request.params.fileId,
      ),
  );

  const action = (
    path: string,
    summary: string,
    run: (request: FastifyRequest<{ Params: { sheetId: number } }>) => Promise<unknown>,
    body?: z.ZodType,
  ) =>
    app.post(
      `/assessment-sheets/:sheetId/${path}`,
      {
        schema: {
          tags,
          summary,
          params: sheetParams,
          ...(body ? { body } : {}),
          response: { 200: sheetSchema, ...errors },
        },
      },
      // biome-ignore lint/suspicious/noExplicitAny: the body's type is each route's zod schema
      async (request) => run(request as any) as any,
    );

  action(
    'submit',
    'Nộp tự đánh giá (chủ tịch UBND): khoá điểm; từ chối từng tiêu chí còn thiếu, và sau hạn nếu chưa được mở lại',
    (r) => sheets.submit(ctx, user(r), r.params.sheetId),
  );
  action(
    'reopen',
    'Mở lại phiếu cho đơn vị (thẩm định viên, có lý do): cho phép nộp muộn',
    (r) => sheets.reopen(ctx, user(r), r.params.sheetId, (r.body as { reason: string }).reason),
    z.object({ reason: text(2000) }),
  );
  action('start-appraisal', 'Bắt đầu thẩm định (thẩm định viên)', (r) =>
    sheets.startAppraisal(ctx, user(r), r.params.sheetId),
  );
  action('appraisal/accept-self', 'Chấp nhận điểm tự đánh giá cho mọi tiêu chí chưa thẩm định', (r) =>
    sheets.acceptSelf(ctx, user(r), r.params.sheetId),
  );
  action(
    'provisional',
    'Công bố kết quả tạm thời cho đơn vị (mọi tiêu chí đã thẩm định, không còn tiêu chí trả lại)',
    (r) => sheets.publishProvisional(ctx, user(r), r.params.sheetId),
  );
  action(
    'explanations',
    'Giải trình một tiêu chí của kết quả tạm thời (trong thời gian giải trình)',
    (r) => {
      const body = r.body as { code: string; text: string };
      return sheets.contest(ctx, user(r), r.params.sheetId, body.code, body.text);
    },
    z.object({ code, text: text() }),
  );
  action('finalize', 'Kết thúc giải trình của đơn vị: kết quả chính thức', (r) =>
    sheets.finalize(ctx, user(r), r.params.sheetId),
  );

  app.put(
    '/assessment-sheets/:sheetId/appraisal/:code',
    {
      schema: {
        tags,
        summary: 'Điểm thẩm định của một tiêu chí; lý do bắt buộc khi khác điểm tự đánh giá',
        params: entryParams,
        body: z.object({ points: z.string().trim().min(1).max(20), reason: optionalText(2000) }),
        response: { 200: sheetSchema, ...errors },
      },
    },
    async (request) =>
      sheets.appraise(ctx, user(request), request.params.sheetId, request.params.code, request.body),
  );

  app.post(
    '/assessment-sheets/:sheetId/returns/:code',
    {
      schema: {
        tags,
        summary: 'Trả lại một tiêu chí để đơn vị bổ sung tài liệu kiểm chứng',
        params: entryParams,
        body: z.object({ note: text(2000) }),
        response: { 200: sheetSchema, ...errors },
      },
    },
    async (request) =>
      sheets.returnCriterion(
        ctx,
        user(request),
        request.params.sheetId,
        request.params.code,
        request.body.note,
      ),
  );

  app.post(
    '/assessment-sheets/:sheetId/returns/:code/answer',
    {
      schema: {
        tags,
        summary: 'Đơn vị trả lời tiêu chí bị trả lại (tải tài liệu bổ sung trước)',
        params: entryParams,
        body: z.object({ text: text() }),
        response: { 200: sheetSchema, ...errors },
      },
    },
    async (request) =>
      sheets.answerReturn(ctx, user(request), request.params.sheetId, request.params.code, request.body.text),
  );

  app.post(
    '/assessment-sheets/:sheetId/explanations/:code/answer',
    {
      schema: {
        tags,
        summary: 'Trả lời giải trình: chấp nhận (điểm mới) hoặc không chấp nhận (có lý do)',
        params: entryParams,
        body: z.object({
          accept: z.boolean(),
          points: z.string().trim().min(1).max(20).nullable().optional(),
          reason: optionalText(2000),
        }),
        response: { 200: sheetSchema, ...errors },
      },
    },
    async (request) =>
      sheets.answerExplanation(ctx, user(request), request.params.sheetId, request.params.code, request.body),
  );

  app.get(
    '/assessment-sheets/:sheetId/history',
    {
      schema: {
        tags,
        summary: 'Lịch sử thay đổi của phiếu (từ nhật ký thay đổi có chuỗi băm)',
        params: sheetParams,
        response: { 200: z.object({ items: z.array(auditItem) }), ...errors },
      },
    },
    async (request) => sheets.sheetHistory(ctx, user(request), request.params.sheetId),
  );

  // ---------------------------------------------------------------- public

  const publicQuery = z
    .object({
      roundId: id.optional(),
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      ownerUnitId: id.optional(),
    })
    .refine((q) => q.roundId !== undefined || q.year !== undefined, 'Cần roundId hoặc year');

  app.get(
    '/public/rounds',
    {
      config: { access: 'public' },
      schema: {
        tags: publicTags,
        summary: 'Công khai, không cần đăng nhập: các đợt đánh giá đã công bố kết quả',
        security: [],
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          ownerUnitId: id.optional(),
        }),
        response: { 200: z.object({ rounds: z.array(publicRound) }), 400: errorBody },
      },
    },
    async (request) => listPublicRounds(ctx, request.query),
  );

  app.get(
    '/public/results',
    {
      config: { access: 'public' },
      schema: {
        tags: publicTags,
        summary: 'Công khai, không cần đăng nhập: bảng xếp hạng đã công bố của một đợt',
        description:
          'Theo `roundId`, hoặc `year` (và `ownerUnitId`). Mỗi đơn vị: điểm và chỉ số từng lĩnh vực, tổng điểm, chỉ số, xếp loại, thứ hạng, thay đổi so với năm trước, và các lần đính chính (nếu có). Đợt chưa công bố: 404.',
        security: [],
        querystring: publicQuery,
        response: {
          200: z.object({ round: publicRound, units: z.array(publishedResult) }),
          400: errorBody,
          404: errorBody,
        },
      },
    },
    async (request) => publicResults(ctx, request.query),
  );

  app.get(
    '/public/results.xlsx',
    {
      config: { access: 'public' },
      schema: {
        tags: publicTags,
        summary: 'Công khai, không cần đăng nhập: bảng xếp hạng đã công bố, tệp .xlsx',
        security: [],
        querystring: publicQuery,
        response: { 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const table = await publicResultsTable(ctx, request.query);
      return sendXlsx(reply, table.filename, await writeXlsx(table.sheetName, table.header, table.rows));
    },
  );
};
