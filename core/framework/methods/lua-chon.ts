import { foldText } from '../../text';
import { fail, ok, type Parsed } from '../checked';
import { type Fixed, formatDecimal, parseDecimal } from '../fixed';
import { splitPairs } from './shared';
import { type LeafColumns, SCORE_FAILURE, type ScoringMethod } from './types';

export interface Levels {
  readonly labels: readonly string[];
  readonly folded: readonly string[];
  readonly points: readonly Fixed[];
}

function score(value: number, _denominator: number, _maxPoints: Fixed, levels: Levels): number {
  const { points } = levels;
  let found = false;
  for (let k = 0; k < points.length; k++) found = found || points[k] === value;
  return found ? value : SCORE_FAILURE.notALevel;
}

function scoreEach(from: number, to: number, columns: LeafColumns): number {
  const { value, maxPoints, params, points } = columns;
  let failed = 0;
  for (let i = from; i < to; i++) {
    const result = score(value[i], 1, maxPoints[i] as Fixed, params[i] as Levels);
    points[i] = result;
    if (result < 0) failed++;
  }
  return failed;
}

/**
 * `lua_chon`: `Kịp thời:1;Không kịp thời:0.5;Không ban hành:0` — the scorer picks one
 * level and it carries its points. A value may be the label (matched ignoring case and
 * accents) or exactly one level's points.
 */
export const luaChon: ScoringMethod<Levels> = {
  code: 'lua_chon',
  label: 'Lựa chọn mức',
  role: 'score',
  input: 'points',
  kpiKind: null,
  parseParams: parseLevels,
  formatParams: (l) => l.labels.map((label, i) => `${label}:${formatDecimal(l.points[i])}`).join(';'),
  score,
  scoreEach,
  levelPoints(label, levels) {
    const index = levels.folded.indexOf(foldText(label));
    return index < 0 ? null : levels.points[index];
  },
};

function parseLevels(text: string, maxPoints: Fixed): Parsed<Levels> {
  const pairs = splitPairs(text);
  if (!pairs.ok) return fail(`Danh sách mức không hợp lệ: ${pairs.message}`);
  const labels: string[] = [];
  const folded: string[] = [];
  const points: Fixed[] = [];
  for (const { key, value } of pairs.value) {
    const pts = parseDecimal(value);
    if (pts === null) return fail(`Điểm "${value}" của mức "${key}" không phải là số`);
    if (pts < 0 || pts > maxPoints) {
      return fail(`Điểm ${value} của mức "${key}" phải từ 0 đến điểm tối đa ${formatDecimal(maxPoints)}`);
    }
    const key0 = foldText(key);
    if (folded.includes(key0)) return fail(`Mức "${key}" bị lặp`);
    labels.push(key);
    folded.push(key0);
    points.push(pts);
  }
  return ok({ labels, folded, points });
}
