import { describe, expect, it } from 'vitest';
import { SHEET_STATES, type SheetState } from './states';
import {
  type Actor,
  allowedActions,
  type Facts,
  finalByWindow,
  SHEET_ACTIONS,
  type SheetAction,
  transition,
} from './workflow';

const officer: Actor = { unitWriter: true, unitHead: false, appraiser: false };
const head: Actor = { unitWriter: true, unitHead: true, appraiser: false };
const appraiser: Actor = { unitWriter: false, unitHead: false, appraiser: true };
const viewer: Actor = { unitWriter: false, unitHead: false, appraiser: false };

const facts: Facts = {
  today: '2021-12-10',
  selfDue: '2021-12-15',
  explanationFrom: '2021-12-01',
  explanationTo: '2021-12-31',
  explanationClosed: false,
  reopened: false,
  problems: 0,
  unappraised: 0,
  openReturns: 0,
  pendingExplanations: 0,
};

const go = (state: SheetState, action: SheetAction, actor: Actor, f: Partial<Facts> = {}) =>
  transition(state, action, actor, { ...facts, ...f });

describe('the sheet workflow', () => {
  it('walks the whole loop', () => {
    const steps: [SheetState, SheetAction, Actor, SheetState][] = [
      ['draft', 'edit', officer, 'draft'],
      ['draft', 'submit', head, 'submitted'],
      ['submitted', 'appraise', appraiser, 'in_appraisal'],
      ['in_appraisal', 'returnCriterion', appraiser, 'in_appraisal'],
      ['in_appraisal', 'publishProvisional', appraiser, 'provisional'],
      ['provisional', 'contest', officer, 'explanation'],
      ['explanation', 'finalize', appraiser, 'final'],
      ['final', 'publish', appraiser, 'published'],
      ['published', 'correct', appraiser, 'published'],
    ];
    for (const [from, action, actor, expected] of steps) {
      expect(go(from, action, actor), `${from} ${action}`).toEqual({ ok: true, to: expected });
    }
  });

  it('lets only the head submit, and only on time unless reopened', () => {
    expect(go('draft', 'submit', officer)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(go('draft', 'submit', appraiser)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(go('draft', 'submit', head, { today: '2021-12-15' })).toMatchObject({ ok: true });
    expect(go('draft', 'submit', head, { today: '2021-12-16' })).toMatchObject({ ok: false, code: 'late' });
    expect(go('draft', 'submit', head, { today: '2021-12-16', reopened: true })).toMatchObject({ ok: true });
    expect(go('draft', 'submit', head, { problems: 2 })).toMatchObject({ ok: false, code: 'incomplete' });
  });

  it('locks the scores once submitted', () => {
    for (const state of SHEET_STATES.filter((s) => s !== 'draft')) {
      expect(go(state, 'edit', officer).ok, state).toBe(false);
    }
    expect(go('submitted', 'reopen', appraiser)).toEqual({ ok: true, to: 'draft' });
    expect(go('in_appraisal', 'reopen', appraiser)).toEqual({ ok: true, to: 'draft' });
    expect(go('provisional', 'reopen', appraiser).ok).toBe(false);
    expect(go('submitted', 'reopen', head)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('needs every criterion appraised and every return answered for a provisional result', () => {
    expect(go('in_appraisal', 'publishProvisional', appraiser, { unappraised: 1 })).toMatchObject({
      code: 'unappraised',
    });
    expect(go('in_appraisal', 'publishProvisional', appraiser, { openReturns: 1 })).toMatchObject({
      code: 'open_returns',
    });
    expect(go('in_appraisal', 'answerReturn', officer)).toMatchObject({ code: 'not_returned' });
    expect(go('in_appraisal', 'answerReturn', officer, { criterionReturned: true })).toMatchObject({
      ok: true,
    });
  });

  it('accepts explanations only within the window', () => {
    expect(go('provisional', 'contest', head, { today: '2021-11-30' })).toMatchObject({
      code: 'window_not_open',
    });
    expect(go('provisional', 'contest', head, { today: '2022-01-01' })).toMatchObject({
      code: 'window_closed',
    });
    expect(go('provisional', 'contest', head, { explanationClosed: true })).toMatchObject({
      code: 'window_closed',
    });
    expect(go('explanation', 'contest', head)).toEqual({ ok: true, to: 'explanation' });
    expect(go('explanation', 'answerExplanation', appraiser, { criterionContested: true })).toMatchObject({
      ok: true,
    });
    expect(go('explanation', 'finalize', appraiser, { pendingExplanations: 1 })).toMatchObject({
      code: 'pending_explanations',
    });
  });

  it('makes a result final when the window is over and nothing is pending', () => {
    expect(finalByWindow('provisional', { ...facts, today: '2022-01-01' })).toBe(true);
    expect(finalByWindow('provisional', facts)).toBe(false);
    expect(finalByWindow('explanation', { ...facts, explanationClosed: true, pendingExplanations: 1 })).toBe(
      false,
    );
    expect(finalByWindow('in_appraisal', { ...facts, today: '2022-01-01' })).toBe(false);
  });

  it('never lets a viewer do anything, and lists what each may do', () => {
    for (const state of SHEET_STATES) {
      for (const action of SHEET_ACTIONS) expect(go(state, action, viewer).ok).toBe(false);
    }
    expect(allowedActions('draft', head, facts)).toEqual(['edit', 'submit']);
    expect(allowedActions('draft', officer, facts)).toEqual(['edit']);
    expect(allowedActions('submitted', appraiser, facts)).toEqual([
      'reopen',
      'startAppraisal',
      'appraise',
      'returnCriterion',
    ]);
  });
});
