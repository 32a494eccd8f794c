import {
  type Actor,
  explanationOpen,
  type Facts,
  type RefusalCode,
  SHEET_STATE_LABEL,
  type SheetAction,
  transition,
} from '#core/assessment/index';
import type { SheetState } from '#core/assessment/states';
import { type CompiledFramework, compileFramework, parseFrameworkJson } from '#core/framework/index';
import { formatVnDate, vnDateOf } from '#core/time/index';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import type { MessageKey } from '../../i18n/messages';
import { AppError, notFound } from '../../lib/errors';
import { hasRole } from '../../policy';
import type { AuthUser } from '../auth/principal';
import { findFramework } from '../frameworks/queries';
import * as q from './queries';

// Who may do what with a round and a sheet, in one place:
// - a round's appraiser: `appraiser` or `admin` whose unit is the round's owner or above it;
// - a sheet's unit: its `unit_officer` and `unit_head` write, the head submits, every user
//   of the unit reads; nobody else reads a sheet (another commune gets 403).

/** Today in Vietnam. */
export const todayOf = (ctx: AppContext) => vnDateOf(ctx.now().toISOString());

export function isRoundAppraiser(user: AuthUser, round: { ownerPath: string }): boolean {
  return hasRole(user, 'admin', 'appraiser') && round.ownerPath.startsWith(user.unitPath);
}

export function actorFor(user: AuthUser, sheet: { unitId: number }, round: { ownerPath: string }): Actor {
  const own = user.unitId === sheet.unitId;
  return {
    unitWriter: own && hasRole(user, 'unit_officer', 'unit_head'),
    unitHead: own && hasRole(user, 'unit_head'),
    appraiser: isRoundAppraiser(user, round),
  };
}

/** Reads a round: its appraisers, and the users of a unit it appraises (their own sheet only). */
export async function loadRound(db: Db, user: AuthUser, roundId: number) {
  const round = await q.findRound(db, roundId);
  if (!round) throw notFound();
  const appraiser = isRoundAppraiser(user, round);
  const [own] = appraiser ? [] : await q.sheetIdsOfUnit(db, [round.id], user.unitId);
  if (!appraiser && !own) throw new AppError(403, 'auth.outOfScope');
  return { round, appraiser, ownSheetId: own?.id ?? null, ownState: own?.state ?? null };
}

export async function requireRoundAppraiser(db: Db, user: AuthUser, roundId: number) {
  const round = await q.findRound(db, roundId);
  if (!round) throw notFound();
  if (!isRoundAppraiser(user, round)) {
    throw new AppError(
      403,
      hasRole(user, 'admin', 'appraiser') ? 'auth.outOfScope' : 'assessments.forbidden',
    );
  }
  return round;
}

export interface SheetContext {
  sheet: q.SheetRow;
  /** The sheet is the one of the user's own unit. */
  own: boolean;
  round: q.RoundRow;
  actor: Actor;
  compiled: CompiledFramework;
}

/** A sheet the user may read (own unit, or the round's appraiser), with what they are to it. */
export async function loadSheet(db: Db, user: AuthUser, sheetId: number): Promise<SheetContext> {
  const sheet = await q.findSheet(db, sheetId);
  if (!sheet) throw notFound();
  const round = await q.findRound(db, sheet.roundId);
  if (!round) throw notFound();
  const actor = actorFor(user, sheet, round);
  if (user.unitId !== sheet.unitId && !actor.appraiser) throw new AppError(403, 'auth.outOfScope');
  return {
    sheet,
    own: user.unitId === sheet.unitId,
    round,
    actor,
    compiled: await compiledFramework(db, round.frameworkId),
  };
}

// Published frameworks never change, so a compiled one is kept (a few per year).
const compiledCache = new Map<number, CompiledFramework>();

export async function compiledFramework(db: Db, frameworkId: number): Promise<CompiledFramework> {
  const cached = compiledCache.get(frameworkId);
  if (cached) return cached;
  const row = await findFramework(db, frameworkId);
  if (!row) throw notFound();
  const parsed = parseFrameworkJson(row.definition);
  const compiled = parsed.ok ? compileFramework(parsed.value) : parsed;
  if (!compiled.ok) throw new Error(`framework ${frameworkId} of a round does not compile`);
  if (row.status === 'published') {
    if (compiledCache.size > 50) compiledCache.clear();
    compiledCache.set(frameworkId, compiled.value);
  }
  return compiled.value;
}

export function baseFacts(ctx: AppContext, round: q.RoundRow, sheet: { reopened: boolean }): Facts {
  return {
    today: todayOf(ctx),
    selfDue: round.selfDue,
    explanationFrom: round.explanationFrom,
    explanationTo: round.explanationTo,
    explanationClosed: round.explanationClosedAt !== null,
    reopened: sheet.reopened,
    problems: 0,
    unappraised: 0,
    openReturns: 0,
    pendingExplanations: 0,
  };
}

const REFUSALS: Record<RefusalCode, { status: number; key: MessageKey }> = {
  forbidden: { status: 403, key: 'assessments.forbidden' },
  wrong_state: { status: 409, key: 'assessments.wrongState' },
  late: { status: 409, key: 'assessments.late' },
  incomplete: { status: 422, key: 'assessments.incomplete' },
  unappraised: { status: 409, key: 'assessments.unappraised' },
  open_returns: { status: 409, key: 'assessments.openReturns' },
  window_not_open: { status: 409, key: 'assessments.windowNotOpen' },
  window_closed: { status: 409, key: 'assessments.windowClosed' },
  pending_explanations: { status: 409, key: 'assessments.pendingExplanations' },
  not_returned: { status: 409, key: 'assessments.notReturned' },
  not_contested: { status: 409, key: 'assessments.notContested' },
};

/**
 * Asks the workflow (core/assessment) whether `action` may happen now; refuses with the
 * status and message of its reason. Returns the state the sheet moves to.
 */
export function requireTransition(
  state: SheetState,
  action: SheetAction,
  actor: Actor,
  facts: Facts,
  params: Record<string, string | number> = {},
  errors?: { field: string; message: string }[],
): SheetState {
  const result = transition(state, action, actor, facts);
  if (result.ok) return result.to;
  const { status, key } = REFUSALS[result.code];
  throw new AppError(
    status,
    key,
    {
      state: SHEET_STATE_LABEL[state].vi,
      due: formatVnDate(facts.selfDue),
      from: formatVnDate(facts.explanationFrom),
      count: facts.problems || facts.unappraised,
      units: '',
      ...params,
    },
    errors,
  );
}

export { explanationOpen };
