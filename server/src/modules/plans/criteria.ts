import { allNodes, parseFrameworkJson } from '#core/framework/index';
import { criterionCodeProblem } from '#core/plan/index';
import type { AppContext } from '../../context';
import { applicableFramework } from '../frameworks/service';
import { findUnit } from '../units/queries';

/**
 * Which of `codes` are not criteria of the framework the unit is assessed under in
 * `year`, with the reason for each. Without a published framework for that year only
 * the form of a code can be checked: a plan is often written before the framework.
 */
export async function unknownCriterionCodes(
  ctx: AppContext,
  unitId: number,
  year: number,
  codes: readonly string[],
): Promise<{ code: string; message: string }[]> {
  const problems: { code: string; message: string }[] = [];
  const wellFormed: string[] = [];
  for (const code of codes) {
    const message = criterionCodeProblem(code);
    if (message) problems.push({ code, message });
    else wellFormed.push(code);
  }
  if (wellFormed.length === 0) return problems;
  const unit = await findUnit(ctx.db, unitId);
  const framework = unit ? await applicableFramework(ctx, unit, year) : undefined;
  const parsed = framework ? parseFrameworkJson(framework.definition) : undefined;
  if (!framework || !parsed?.ok) return problems;
  const known = new Set(allNodes(parsed.value).map((node) => node.code));
  for (const code of wellFormed) {
    if (!known.has(code)) {
      problems.push({
        code,
        message: `Không có tiêu chí mã ${code} trong bộ chỉ số "${framework.name}" năm ${year}`,
      });
    }
  }
  return problems;
}
