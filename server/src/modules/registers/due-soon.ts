import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, type CalendarDate, dateMoment, formatIsoMoment, vnDateOf } from '#core/time/index';
import type { AppContext } from '../../context';
import { userOf } from '../../http/auth-hook';
import { errorBody } from '../../http/errors';
import type { RoutePlugin } from '../../http/types';
import type { AuthUser } from '../auth/principal';
import { DUE_SOON_WORKING_DAYS, dueSoonLastDay } from './apology-letter';
import { unitParams } from './kit/routes';
import { readableUnit } from './kit/service';
import { dossiers } from './schema';

// "Sắp trễ hẹn": the unit's dossiers not yet resolved and due within the next two working
// days (Mon–Fri), today included, so the apology letter goes out before the due date.

export interface DueSoonDossier {
  code: string;
  applicant: string | null;
  procedureName: string;
  /** As the register API writes moments: `2021-01-04`, or `2021-01-04T08:10+07:00` with a time. */
  received: string;
  due: string;
  dueDate: CalendarDate;
  apologyDate: CalendarDate | null;
}

export interface DueSoon {
  today: CalendarDate;
  /** The last day of the window. */
  until: CalendarDate;
  workingDays: number;
  dossiers: DueSoonDossier[];
}

/** The start of a Vietnam day as an instant. */
const startOf = (date: CalendarDate) => new Date(dateMoment(date).at);

export async function dueSoonDossiers(ctx: AppContext, user: AuthUser, unitId: number): Promise<DueSoon> {
  const unit = await readableUnit(ctx, user, unitId);
  const today = vnDateOf(ctx.now().toISOString());
  const until = dueSoonLastDay(today);
  const rows = await ctx.db
    .select({
      code: dossiers.code,
      applicant: dossiers.applicant,
      procedureName: dossiers.procedureName,
      receivedAt: dossiers.receivedAt,
      receivedHasTime: dossiers.receivedHasTime,
      dueAt: dossiers.dueAt,
      dueHasTime: dossiers.dueHasTime,
      apologyDate: dossiers.apologyDate,
    })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.unitId, unit.id),
        isNull(dossiers.resultAt),
        sql`${dossiers.dueAt} >= ${startOf(today)}`,
        lt(dossiers.dueAt, startOf(addDays(until, 1))),
      ),
    )
    .orderBy(asc(dossiers.dueAt), asc(dossiers.code))
    .limit(500);
  return {
    today,
    until,
    workingDays: DUE_SOON_WORKING_DAYS,
    dossiers: rows.map((r) => {
      const due = { at: r.dueAt.toISOString(), hasTime: r.dueHasTime };
      return {
        code: r.code,
        applicant: r.applicant,
        procedureName: r.procedureName,
        received: formatIsoMoment({ at: r.receivedAt.toISOString(), hasTime: r.receivedHasTime }),
        due: formatIsoMoment(due),
        dueDate: vnDateOf(due.at),
        apologyDate: r.apologyDate,
      };
    }),
  };
}

const item = z.object({
  code: z.string(),
  applicant: z.string().nullable(),
  procedureName: z.string(),
  received: z.string(),
  due: z.string(),
  dueDate: z.string(),
  apologyDate: z.string().nullable(),
});

export const dueSoonRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/units/:unitId/dossiers-due-soon',
    {
      schema: {
        tags: ['Sổ theo dõi hồ sơ TTHC'],
        summary: 'Hồ sơ sắp trễ hẹn: chưa có kết quả, đến hạn trong 2 ngày làm việc tới (kể cả hôm nay)',
        params: unitParams,
        response: {
          200: z.object({
            today: z.string(),
            until: z.string(),
            workingDays: z.number().int(),
            dossiers: z.array(item),
          }),
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request) => dueSoonDossiers(ctx, userOf(request).user, request.params.unitId),
  );
};
