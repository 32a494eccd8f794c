import { and, desc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { NotificationKind } from '#core/assessment/states';
import { addDays, formatVnDate, toDayNumber, vnDateOf } from '#core/time/index';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { notFound } from '../../lib/errors';
import { hasRole } from '../../policy';
import { assessmentRounds, assessmentSheets, notifications } from '../assessments/schema';
import type { AuthUser } from '../auth/principal';
import { units } from '../units/schema';
import { users } from '../users/schema';

// In-app notifications of the yearly loop. Each is one row per person; `key` keeps one
// event from notifying twice (a deadline reminder is computed when the list is read and
// recorded once). No scheduler is needed.

export type NotificationParams = Record<string, string | number>;

export interface NewNotification {
  kind: NotificationKind;
  /** Unique per person: the same key never notifies twice. */
  key: string;
  unitId?: number | null;
  roundId?: number | null;
  sheetId?: number | null;
  params: NotificationParams;
}

/** Notifies some people, inside the caller's transaction. */
export async function notify(
  db: Db,
  userIds: readonly number[],
  n: NewNotification,
  now: Date,
): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  await db
    .insert(notifications)
    .values(
      ids.map((userId) => ({
        userId,
        kind: n.kind,
        key: n.key,
        unitId: n.unitId ?? null,
        roundId: n.roundId ?? null,
        sheetId: n.sheetId ?? null,
        params: n.params,
        createdAt: now,
      })),
    )
    .onConflictDoNothing();
}

/** The active users of some units, for notifying a unit. */
export async function usersOfUnits(db: Db, unitIds: readonly number[]): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.unitId, [...new Set(unitIds)]), eq(users.active, true)));
  return rows.map((r) => r.id);
}

/** The active appraisers and admins of a unit, for notifying a round's owner. */
export async function appraisersOf(db: Db, unitId: number): Promise<number[]> {
  const rows = await db
    .select({ id: users.id, roles: users.roles })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.active, true)));
  return rows.filter((r) => r.roles.includes('appraiser') || r.roles.includes('admin')).map((r) => r.id);
}

const TEMPLATES: Record<NotificationKind, { vi: string; en: string }> = {
  round_opened: {
    vi: 'Đã mở đợt đánh giá "{{round}}": hạn nộp tự đánh giá {{selfDue}}.',
    en: 'Assessment round "{{round}}" is open: self-assessment due {{selfDue}}.',
  },
  deadline_soon: {
    vi: '{{what}} của đợt "{{round}}" hết hạn ngày {{due}} (còn {{days}} ngày).',
    en: '{{whatEn}} of round "{{round}}" is due {{due}} ({{days}} days left).',
  },
  criterion_returned: {
    vi: 'Tiêu chí {{code}} bị trả lại để bổ sung tài liệu kiểm chứng: {{note}}',
    en: 'Criterion {{code}} was returned for more evidence: {{note}}',
  },
  explanation_answered: {
    vi: 'Giải trình tiêu chí {{code}} đã được trả lời: {{outcome}}.',
    en: 'The explanation on criterion {{code}} was answered: {{outcomeEn}}.',
  },
  results_published: {
    vi: 'Đã công bố kết quả đợt đánh giá "{{round}}"{{correction}}.',
    en: 'The results of round "{{round}}" were published{{correctionEn}}.',
  },
};

const fill = (template: string, params: NotificationParams) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));

export interface NotificationJson {
  id: number;
  kind: NotificationKind;
  params: NotificationParams;
  message: { vi: string; en: string };
  /** Where the web app shows it. */
  link: string | null;
  unitId: number | null;
  roundId: number | null;
  sheetId: number | null;
  createdAt: string;
  readAt: string | null;
}

/**
 * Records the deadline reminders due for the user now: a self-assessment due within 3
 * days for a sheet of their unit still in draft (officers and heads), an appraisal due
 * within 3 days of a round they appraise with sheets not yet provisional (appraisers).
 */
async function recordDeadlines(ctx: AppContext, user: AuthUser): Promise<void> {
  const today = vnDateOf(ctx.now().toISOString());
  const horizon = addDays(today, 3);
  const now = ctx.now();
  const days = (due: string) => toDayNumber(due) - toDayNumber(today);
  if (hasRole(user, 'unit_officer', 'unit_head')) {
    const due = await ctx.db
      .select({
        sheetId: assessmentSheets.id,
        roundId: assessmentRounds.id,
        round: assessmentRounds.name,
        selfDue: assessmentRounds.selfDue,
      })
      .from(assessmentSheets)
      .innerJoin(assessmentRounds, eq(assessmentRounds.id, assessmentSheets.roundId))
      .where(
        and(
          eq(assessmentSheets.unitId, user.unitId),
          eq(assessmentSheets.state, 'draft'),
          sql`${assessmentRounds.selfDue} between ${today} and ${horizon}`,
        ),
      );
    for (const d of due) {
      await notify(
        ctx.db,
        [user.id],
        {
          kind: 'deadline_soon',
          key: `deadline_self:${d.sheetId}:${d.selfDue}`,
          unitId: user.unitId,
          roundId: d.roundId,
          sheetId: d.sheetId,
          params: {
            what: 'Tự đánh giá',
            whatEn: 'The self-assessment',
            round: d.round,
            due: formatVnDate(d.selfDue),
            days: days(d.selfDue),
          },
        },
        now,
      );
    }
  }
  if (hasRole(user, 'appraiser', 'admin')) {
    const due = await ctx.db
      .select({
        roundId: assessmentRounds.id,
        round: assessmentRounds.name,
        appraisalDue: assessmentRounds.appraisalDue,
      })
      .from(assessmentRounds)
      .innerJoin(units, eq(units.id, assessmentRounds.ownerUnitId))
      .where(
        and(
          eq(assessmentRounds.ownerUnitId, user.unitId),
          sql`${assessmentRounds.appraisalDue} between ${today} and ${horizon}`,
          sql`exists (select 1 from ${assessmentSheets} s where s.round_id = ${assessmentRounds.id} and s.state in ('submitted', 'in_appraisal'))`,
          like(units.path, `${user.unitPath}%`),
        ),
      );
    for (const d of due) {
      await notify(
        ctx.db,
        [user.id],
        {
          kind: 'deadline_soon',
          key: `deadline_appraisal:${d.roundId}:${d.appraisalDue}`,
          roundId: d.roundId,
          params: {
            what: 'Thẩm định',
            whatEn: 'The appraisal',
            round: d.round,
            due: formatVnDate(d.appraisalDue),
            days: days(d.appraisalDue),
          },
        },
        now,
      );
    }
  }
}

/** The web page of a notification: the results, the unit's sheet, or the appraiser's round board. */
function linkOf(n: {
  kind: NotificationKind;
  roundId: number | null;
  sheetId: number | null;
}): string | null {
  if (n.kind === 'results_published' && n.roundId !== null) return `/cong-khai?dot=${n.roundId}`;
  if (n.sheetId !== null) return `/danh-gia/phieu/${n.sheetId}`;
  if (n.roundId !== null) return `/danh-gia/dot/${n.roundId}`;
  return null;
}

export async function listNotifications(
  ctx: AppContext,
  user: AuthUser,
  options: { unreadOnly: boolean; limit: number },
): Promise<{ items: NotificationJson[]; unread: number }> {
  await recordDeadlines(ctx, user);
  const mine = eq(notifications.userId, user.id);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(options.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.id))
    .limit(options.limit);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      params: r.params,
      message: { vi: fill(TEMPLATES[r.kind].vi, r.params), en: fill(TEMPLATES[r.kind].en, r.params) },
      link: linkOf(r),
      unitId: r.unitId,
      roundId: r.roundId,
      sheetId: r.sheetId,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    unread: count?.n ?? 0,
  };
}

export async function markRead(ctx: AppContext, user: AuthUser, id: number): Promise<void> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, user.id)))
    .returning({ id: notifications.id });
  if (rows.length === 0) throw notFound();
}

export async function markAllRead(ctx: AppContext, user: AuthUser): Promise<{ count: number }> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now() })
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { count: rows.length };
}
