// The projection as the API returns it (issue 8): decimals as strings, exact.

import { formatDecimal } from '../framework';
import type { Action, CriterionStatus, Message, Projection } from './types';

export interface ProjectionJson {
  readonly total: string;
  readonly maxPoints: string;
  readonly index: string;
  readonly band: string | null;
  readonly complete: boolean;
  readonly bestCase: { readonly total: string; readonly index: string; readonly band: string | null };
  readonly areas: readonly {
    readonly code: string;
    readonly name: string;
    readonly points: string | null;
    readonly max: string;
    readonly index: string | null;
    readonly assessed: boolean;
  }[];
  readonly criteria: readonly {
    readonly code: string;
    readonly name: string;
    readonly kpi: string | null;
    readonly status: CriterionStatus;
    readonly points: string | null;
    readonly max: string;
    readonly atRisk: string;
    readonly assessed: boolean;
    readonly action: ActionJson | null;
    readonly message: Message;
  }[];
  /** Codes of the at-risk criteria, largest first. */
  readonly atRisk: readonly string[];
  readonly unscored: readonly string[];
  readonly errors: readonly { readonly code: string | null; readonly message: string }[];
}

type ActionJson =
  | {
      readonly kind: 'records';
      readonly kpi: string | null;
      readonly mode: string;
      readonly next: { readonly records: number | null; readonly points: string } | null;
      readonly full: { readonly records: number | null; readonly points: string } | null;
    }
  | { readonly kind: Exclude<Action['kind'], 'records'>; readonly kpi?: string | null };

const dec = (value: number) => formatDecimal(value as Parameters<typeof formatDecimal>[0]);

function actionJson(action: Action | null): ActionJson | null {
  if (action === null) return null;
  if (action.kind !== 'records') return action;
  const level = (l: typeof action.next) => (l ? { records: l.records, points: dec(l.points) } : null);
  return {
    kind: 'records',
    kpi: action.kpi,
    mode: action.mode,
    next: level(action.next),
    full: level(action.full),
  };
}

export function projectionToJson(p: Projection): ProjectionJson {
  return {
    total: dec(p.total),
    maxPoints: dec(p.maxPoints),
    index: dec(p.index),
    band: p.band,
    complete: p.complete,
    bestCase: { total: dec(p.bestCase.total), index: dec(p.bestCase.index), band: p.bestCase.band },
    areas: p.areas.map((a) => ({
      code: a.code,
      name: a.name,
      points: a.points === null ? null : dec(a.points),
      max: dec(a.maxPoints),
      index: a.index === null ? null : dec(a.index),
      assessed: a.assessed,
    })),
    criteria: p.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      kpi: c.kpi,
      status: c.status,
      points: c.points === null ? null : dec(c.points),
      max: dec(c.maxPoints),
      atRisk: dec(c.atRisk),
      assessed: c.assessed,
      action: actionJson(c.action),
      message: c.message,
    })),
    atRisk: p.atRisk.map((c) => c.code),
    unscored: p.unscored.map((c) => c.code),
    errors: p.errors.map((e) => ({ code: e.code, message: e.message })),
  };
}
