// Scores and ranks the units with the engine; a value the engine refuses (above max,
// not a level, a survey index over 100) is a row error, a missing one leaves the unit
// incomplete: reported, not banded, not ranked, never taken as 0.

import { type CompiledFramework, type RankedResults, scoreAndRank } from '#core/framework/index';
import type { FileProblem } from '../io';
import { type Scores, UNIT_HEADER } from './read-scores';

export interface Scored {
  readonly results: RankedResults;
  readonly problems: readonly FileProblem[];
  /** Values the file gave under a node that was itself given, so not used (row, Vietnamese). */
  readonly ignored: readonly FileProblem[];
}

export function scoreAll(compiled: CompiledFramework, scores: Scores): Scored {
  const results = scoreAndRank(compiled, scores.entries);
  const problems: FileProblem[] = [];
  const ignored: FileProblem[] = [];
  results.units.forEach((unit, u) => {
    const { row, given } = scores.entries[u] as Scores['entries'][number];
    const field = (code: string | null) =>
      code === null ? UNIT_HEADER : (scores.headerOf.get(code) ?? code);
    for (const error of unit.errors) problems.push({ row, field: field(error.node), message: error.message });
    const status = new Map(unit.nodes.map((node) => [node.code, node.status]));
    for (const code of given) {
      if (status.get(code) !== 'covered') continue;
      const above = given.find((other) => code.startsWith(`${other}.`) && status.get(other) === 'given');
      const message = `Đã có điểm của ${above ?? 'tiêu chí cha'} nên không dùng giá trị của ${code}`;
      ignored.push({ row, field: field(code), message });
    }
  });
  return { results, problems, ignored };
}
