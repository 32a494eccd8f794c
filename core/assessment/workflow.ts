// The workflow of a unit's sheet as one pure function: given its state, what the actor
// is to the unit, and the facts of the moment (today, deadlines, what is missing), an
// action either moves the sheet to a state or is refused with a reason. The server asks
// it before every change; the web app asks it which buttons to show.

import type { CalendarDate } from '../time/calendar';
import type { SheetState } from './states';

export const SHEET_ACTIONS = [
  /** Change the unit's values, comments and evidence. */
  'edit',
  'submit',
  /** The appraiser gives the sheet back to the unit (and lifts the deadline). */
  'reopen',
  'startAppraisal',
  /** Set appraised points, accept self points. */
  'appraise',
  /** Return a criterion for more evidence. */
  'returnCriterion',
  /** The unit answers a returned criterion (evidence, text). */
  'answerReturn',
  'publishProvisional',
  /** The unit contests a criterion of its provisional result. */
  'contest',
  'answerExplanation',
  /** The appraiser closes the explanation for the unit; also when the window has closed. */
  'finalize',
  'publish',
  /** A published result corrected: a new version. */
  'correct',
] as const;
export type SheetAction = (typeof SHEET_ACTIONS)[number];

/** What the one acting is to the sheet's unit. */
export interface Actor {
  /** `unit_officer` or `unit_head` of the unit itself. */
  readonly unitWriter: boolean;
  /** `unit_head` of the unit itself: the one who signs and submits. */
  readonly unitHead: boolean;
  /** `appraiser` or `admin` of the round's owner unit or above. */
  readonly appraiser: boolean;
}

export interface Facts {
  readonly today: CalendarDate;
  readonly selfDue: CalendarDate;
  readonly explanationFrom: CalendarDate;
  readonly explanationTo: CalendarDate;
  /** The appraiser closed the explanation window early. */
  readonly explanationClosed: boolean;
  /** The appraiser reopened the sheet: a submission after `selfDue` is accepted. */
  readonly reopened: boolean;
  /** Criteria that block a submission (no value, no evidence, no reason). */
  readonly problems: number;
  /** Criteria the appraiser has not scored yet (or an appraised result that is not complete). */
  readonly unappraised: number;
  /** Criteria returned for evidence and not answered yet. */
  readonly openReturns: number;
  readonly pendingExplanations: number;
  /** For `answerReturn`: the criterion is returned. For `answerExplanation`: it is contested. */
  readonly criterionReturned?: boolean;
  readonly criterionContested?: boolean;
}

export type RefusalCode =
  | 'forbidden'
  | 'wrong_state'
  | 'late'
  | 'incomplete'
  | 'unappraised'
  | 'open_returns'
  | 'window_not_open'
  | 'window_closed'
  | 'pending_explanations'
  | 'not_returned'
  | 'not_contested';

export type Transition =
  | { readonly ok: true; readonly to: SheetState }
  | { readonly ok: false; readonly code: RefusalCode; readonly message: string };

const MESSAGES: Record<RefusalCode, string> = {
  forbidden: 'Bạn không có quyền thực hiện thao tác này với phiếu đánh giá',
  wrong_state: 'Phiếu đánh giá đang ở trạng thái không cho phép thao tác này',
  late: 'Đã quá hạn nộp tự đánh giá; cần cơ quan thẩm định mở lại phiếu',
  incomplete: 'Còn tiêu chí chưa đủ điểm, tài liệu kiểm chứng hoặc lý do',
  unappraised: 'Còn tiêu chí chưa được thẩm định',
  open_returns: 'Còn tiêu chí đã trả lại để bổ sung tài liệu mà đơn vị chưa trả lời',
  window_not_open: 'Chưa đến thời gian giải trình',
  window_closed: 'Đã hết thời gian giải trình',
  pending_explanations: 'Còn giải trình chưa được trả lời',
  not_returned: 'Tiêu chí này không bị trả lại',
  not_contested: 'Tiêu chí này không có giải trình',
};

const refuse = (code: RefusalCode): Transition => ({ ok: false, code, message: MESSAGES[code] });
const to = (state: SheetState): Transition => ({ ok: true, to: state });

/** Whether the explanation window is open today (and not closed early). */
export function explanationOpen(facts: Facts): boolean {
  return (
    !facts.explanationClosed && facts.explanationFrom <= facts.today && facts.today <= facts.explanationTo
  );
}

/** Whether the explanation window is over: its last day has passed or it was closed. */
export function explanationOver(facts: Facts): boolean {
  return facts.explanationClosed || facts.today > facts.explanationTo;
}

/** Where `action` takes a sheet in `state`, or why it may not. Role first, then state, then facts. */
export function transition(state: SheetState, action: SheetAction, actor: Actor, facts: Facts): Transition {
  switch (action) {
    case 'edit':
      if (!actor.unitWriter) return refuse('forbidden');
      return state === 'draft' ? to('draft') : refuse('wrong_state');
    case 'submit':
      if (!actor.unitHead) return refuse('forbidden');
      if (state !== 'draft') return refuse('wrong_state');
      if (facts.today > facts.selfDue && !facts.reopened) return refuse('late');
      if (facts.problems > 0) return refuse('incomplete');
      return to('submitted');
    case 'reopen':
      if (!actor.appraiser) return refuse('forbidden');
      return state === 'draft' || state === 'submitted' || state === 'in_appraisal'
        ? to('draft')
        : refuse('wrong_state');
    case 'startAppraisal':
      if (!actor.appraiser) return refuse('forbidden');
      return state === 'submitted' ? to('in_appraisal') : refuse('wrong_state');
    case 'appraise':
    case 'returnCriterion':
      if (!actor.appraiser) return refuse('forbidden');
      // The first appraisal of a submitted sheet starts the appraisal.
      return state === 'submitted' || state === 'in_appraisal' ? to('in_appraisal') : refuse('wrong_state');
    case 'answerReturn':
      if (!actor.unitWriter) return refuse('forbidden');
      if (state !== 'in_appraisal') return refuse('wrong_state');
      return facts.criterionReturned ? to('in_appraisal') : refuse('not_returned');
    case 'publishProvisional':
      if (!actor.appraiser) return refuse('forbidden');
      if (state !== 'in_appraisal') return refuse('wrong_state');
      if (facts.openReturns > 0) return refuse('open_returns');
      if (facts.unappraised > 0) return refuse('unappraised');
      return to('provisional');
    case 'contest':
      if (!actor.unitWriter) return refuse('forbidden');
      if (state !== 'provisional' && state !== 'explanation') return refuse('wrong_state');
      if (explanationOver(facts)) return refuse('window_closed');
      if (facts.today < facts.explanationFrom) return refuse('window_not_open');
      return to('explanation');
    case 'answerExplanation':
      if (!actor.appraiser) return refuse('forbidden');
      if (state !== 'explanation') return refuse('wrong_state');
      return facts.criterionContested ? to('explanation') : refuse('not_contested');
    case 'finalize':
      if (!actor.appraiser) return refuse('forbidden');
      if (state !== 'provisional' && state !== 'explanation') return refuse('wrong_state');
      if (facts.pendingExplanations > 0) return refuse('pending_explanations');
      return to('final');
    case 'publish':
      if (!actor.appraiser) return refuse('forbidden');
      return state === 'final' ? to('published') : refuse('wrong_state');
    case 'correct':
      if (!actor.appraiser) return refuse('forbidden');
      return state === 'published' ? to('published') : refuse('wrong_state');
  }
}

/** Every action `transition` allows now: the buttons to show. */
export function allowedActions(state: SheetState, actor: Actor, facts: Facts): SheetAction[] {
  return SHEET_ACTIONS.filter((action) => {
    // Criterion-level answers are asked per criterion; here: would some criterion allow it.
    const probe =
      action === 'answerReturn'
        ? { ...facts, criterionReturned: facts.openReturns > 0 }
        : action === 'answerExplanation'
          ? { ...facts, criterionContested: facts.pendingExplanations > 0 }
          : facts;
    return transition(state, action, actor, probe).ok;
  });
}

/** Whether a sheet still in provisional or explanation becomes final without anyone acting. */
export function finalByWindow(state: SheetState, facts: Facts): boolean {
  return (
    (state === 'provisional' || state === 'explanation') &&
    explanationOver(facts) &&
    facts.pendingExplanations === 0
  );
}
