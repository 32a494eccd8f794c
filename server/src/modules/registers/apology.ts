import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type CalendarDate, formatVnDate, parseVnDate, type VnMoment, vnDateOf } from '#core/time/index';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import { AppError, conflict, invalid, notFound } from '../../lib/errors';
import { requireReach, requireRole } from '../../policy';
import { appendAudit } from '../audit/service';
import type { AuthUser } from '../auth/principal';
import { FILE_KINDS } from '../files/file-type';
import { sendDownload } from '../files/routes';
import { plans } from '../plans/schema';
import { findUnit } from '../units/queries';
import { users } from '../users/schema';
import { apologyDocx } from './apology-docx';
import {
  type ApologyLetter,
  apologyFormFor,
  apologyLetter,
  apologyStanding,
  type LetterIssuer,
} from './apology-letter';
import { unitParams } from './kit/routes';
import { dossiers } from './schema';

// POST /api/units/{unitId}/dossiers/{code}/apology: the one-stop desk's apology letter for
// a late (or about to be late) dossier, as .docx; generating it records the apology date
// on the dossier, audited, in one transaction.

/** Who writes apology letters: the unit's own officers and head, and admins. */
const APOLOGY_WRITERS = ['unit_head', 'unit_officer', 'admin'] as const;

const moment = (at: Date, hasTime: boolean): VnMoment => ({ at: at.toISOString(), hasTime });
const today = (ctx: AppContext): CalendarDate => vnDateOf(ctx.now().toISOString());

/** The unit's name inside a sentence: "UBND xã Vĩnh Lập". */
const shortNameOf = (unitName: string) => `UBND ${unitName.charAt(0).toLowerCase()}${unitName.slice(1)}`;

/**
 * The letter's header and signature block: those of the unit's plan (the year of the letter,
 * else its latest), as the unit prints its documents; without a plan, the usual wording of a
 * commune and the name of the unit's head.
 */
async function issuerOf(db: Db, unit: { id: number; name: string }, year: number): Promise<LetterIssuer> {
  const [plan] = await db
    .select({
      place: plans.place,
      parentBody: plans.parentBody,
      issuingBody: plans.issuingBody,
      signAuthority: plans.signAuthority,
      signerTitle: plans.signerTitle,
      signerName: plans.signerName,
    })
    .from(plans)
    .where(and(eq(plans.unitId, unit.id), lte(plans.year, year)))
    .orderBy(desc(plans.year))
    .limit(1);
  let signerName = plan?.signerName.trim() ?? '';
  if (!signerName) {
    const [head] = await db
      .select({ fullName: users.fullName })
      .from(users)
      .where(and(eq(users.unitId, unit.id), eq(users.active, true), sql`'unit_head' = any(${users.roles})`))
      .orderBy(users.id)
      .limit(1);
    signerName = head?.fullName ?? '';
  }
  return {
    issuingBody: plan?.issuingBody ?? `ỦY BAN NHÂN DÂN\n${unit.name.toUpperCase()}`,
    parentBody: plan?.parentBody ?? null,
    place:
      plan?.place ??
      unit.name.replace(/^(xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s+/i, '').trim(),
    signAuthority: plan?.signAuthority ?? 'TM. ỦY BAN NHÂN DÂN',
    signerTitle: plan?.signerTitle ?? 'CHỦ TỊCH',
    signerName,
    shortName: shortNameOf(unit.name),
  };
}

export interface ApologyInput {
  reason: string;
  /** dd/mm/yyyy */
  newDate: string;
}

export interface GeneratedApology {
  filename: string;
  body: Buffer;
  letter: ApologyLetter;
}

/** Slug of a dossier code for a file name. */
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-|-$/g, '');

export async function generateApology(
  ctx: AppContext,
  user: AuthUser,
  unitId: number,
  code: string,
  input: ApologyInput,
): Promise<GeneratedApology> {
  const unit = await findUnit(ctx.db, unitId);
  if (!unit) throw notFound();
  requireReach(user, unit.path);
  requireRole(user, ...APOLOGY_WRITERS);

  const parsed = parseVnDate(input.newDate.trim());
  if (!parsed.ok) throw invalid('apology.badDate', { date: input.newDate });
  const newDate = parsed.value;
  const reason = input.reason.trim();
  if (reason.length < 5) throw invalid('apology.reasonRequired');

  const day = today(ctx);
  const now = ctx.now();
  const issuer = await issuerOf(ctx.db, unit, Number(day.slice(0, 4)));

  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(dossiers)
      .where(and(eq(dossiers.unitId, unit.id), eq(dossiers.code, code)))
      .for('update');
    if (!row) throw new AppError(404, 'apology.noDossier', { code });
    const due = moment(row.dueAt, row.dueHasTime);
    const result = row.resultAt ? moment(row.resultAt, row.resultHasTime) : null;
    const dueText = formatVnDate(vnDateOf(due.at));
    if (row.apologyDate) {
      throw conflict('apology.already', { code, date: formatVnDate(row.apologyDate) });
    }
    const standing = apologyStanding({ due, result }, day);
    if (standing === 'onTime') throw conflict('apology.onTime', { code, due: dueText });
    if (standing === 'notDue') throw conflict('apology.notDue', { code, due: dueText });
    if (newDate <= vnDateOf(due.at)) {
      throw invalid('apology.newDateNotAfterDue', { date: formatVnDate(newDate), due: dueText });
    }
    if (result === null && newDate < day) {
      throw invalid('apology.newDatePast', { date: formatVnDate(newDate), today: formatVnDate(day) });
    }

    const updated = await tx
      .update(dossiers)
      .set({ apologyDate: day, updatedAt: now })
      .where(and(eq(dossiers.id, row.id), isNull(dossiers.apologyDate)))
      .returning({ id: dossiers.id });
    if (updated.length !== 1) throw conflict('apology.already', { code, date: formatVnDate(day) });

    const letter = apologyLetter({
      dossier: {
        code: row.code,
        applicant: row.applicant,
        procedureName: row.procedureName,
        received: moment(row.receivedAt, row.receivedHasTime),
        due,
      },
      issuer,
      reason,
      newDate,
      date: day,
    });
    await recordApologyAudit(tx, {
      at: now,
      user,
      unit,
      dossierId: row.id,
      code: row.code,
      apologyDate: day,
      newDate,
      reason,
      form: apologyFormFor(due).key,
      standing,
    });
    return { filename: `thu-xin-loi-${slug(row.code)}.docx`, body: await apologyDocx(letter), letter };
  });
}

interface ApologyAudit {
  at: Date;
  user: AuthUser;
  unit: { id: number; path: string };
  dossierId: number;
  code: string;
  apologyDate: CalendarDate;
  newDate: CalendarDate;
  reason: string;
  form: string;
  standing: string;
}

/**
 * The audit entry of a generated letter: who, which dossier, the apology date recorded, and
 * what the letter said (its form, reason and new date — the dossier has no column for them).
 */
async function recordApologyAudit(tx: Db, entry: ApologyAudit): Promise<void> {
  await appendAudit(tx, {
    at: entry.at,
    actorUserId: entry.user.id,
    unitId: entry.unit.id,
    entity: 'dossier',
    entityId: entry.dossierId,
    action: 'apology',
    field: 'apologyDate',
    oldValue: null,
    newValue: {
      code: entry.code,
      apologyDate: entry.apologyDate,
      newDate: entry.newDate,
      form: entry.form,
      standing: entry.standing,
    },
    reason: entry.reason,
  });
}

// ---------------------------------------------------------------- route

const DOCX_MIME = FILE_KINDS.docx.mime;

export const apologyRoutes: RoutePlugin = (app, ctx) => {
  app.post(
    '/units/:unitId/dossiers/:code/apology',
    {
      schema: {
        tags: ['Sổ theo dõi hồ sơ TTHC'],
        summary: 'Lập thư xin lỗi của Bộ phận Một cửa cho hồ sơ trễ hẹn (.docx) và ghi ngày xin lỗi',
        description:
          'Theo mẫu có hiệu lực vào ngày hẹn trả của hồ sơ: Mẫu số 04 Thông tư 01/2018/TT-VPCP (hạn trước 01/7/2025) ' +
          'hoặc Mẫu số 04 Thông tư 03/2025/TT-VPCP (từ 01/7/2025). Chỉ cho hồ sơ trễ hẹn, hoặc chưa có kết quả và ' +
          'đến hạn trong 2 ngày làm việc tới; hồ sơ đã có thư xin lỗi bị từ chối (409). Ghi ngày xin lỗi là hôm nay, ' +
          'có nhật ký. Cán bộ, lãnh đạo của chính đơn vị và quản trị viên.',
        params: unitParams.extend({ code: z.string().min(1).max(100).describe('Mã hồ sơ') }),
        body: z.object({
          reason: z.string().trim().min(5).max(1000).describe('Lý do chậm trễ'),
          newDate: z.string().describe('Ngày hẹn trả mới, dd/mm/yyyy, sau ngày hẹn cũ'),
        }),
        response: { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const { filename, body, letter } = await generateApology(
        ctx,
        userOf(request).user,
        request.params.unitId,
        request.params.code,
        request.body,
      );
      reply.header('x-apology-date', letter.date).header('x-apology-form', letter.form.key);
      return sendDownload(reply, { name: filename, mime: DOCX_MIME }, body);
    },
  );
};
