import { criterionCodeProblem } from '#core/plan/index';
import type { AppContext } from '../../context';

/**
 * Which of `codes` are not criteria of the framework the unit is assessed under in
 * `year`, with the reason for each. Today only the form of a code is checked: the
 * frameworks module is not here yet. Wire it in this one place — look the codes up in
 * the unit's published framework for the year and report the unknown ones — and every
 * task route and the task import follow.
 */
export async function unknownCriterionCodes(
  _ctx: AppContext,
  _unitId: number,
  _year: number,
  codes: readonly string[],
): Promise<{ code: string; message: string }[]> {
  const problems: { code: string; message: string }[] = [];
  for (const code of codes) {
    const message = criterionCodeProblem(code);
    if (message) problems.push({ code, message });
  }
  return problems;
}
