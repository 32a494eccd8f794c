// Framework → rows, the exporter's half of the round trip.

import { formatDecimal } from './fixed';
import { type Criterion, type Framework, isParent } from './model';
import { FRAMEWORK_HEADER, type FrameworkMeta } from './rows-layout';

/** The rows of a framework in the file layout, parents before children; `frameworkFromRows` reads them back equal. */
export function frameworkToRows(framework: Framework): { header: string[]; rows: string[][] } {
  const rows: string[][] = [];
  const visit = (node: Criterion) => {
    const leaf = isParent(node) ? null : node;
    rows.push([
      node.code,
      node.name,
      formatDecimal(node.maxPoints),
      leaf?.method ?? '',
      leaf?.kpi ?? '',
      leaf?.params ?? '',
      node.evidence.join('; '),
    ]);
    if (isParent(node)) node.children.forEach(visit);
  };
  framework.areas.forEach(visit);
  return { header: [...FRAMEWORK_HEADER], rows };
}

/** The part of a framework its file does not carry, to pass back to `frameworkFromRows`. */
export function frameworkMeta(framework: Framework): FrameworkMeta {
  const optionalAreas = framework.areas.filter((area) => area.optional).map((area) => area.code);
  return {
    year: framework.year,
    level: framework.level,
    name: framework.name,
    bands: framework.bands,
    indexDecimals: framework.indexDecimals,
    ...(framework.tieBreak ? { tieBreak: framework.tieBreak } : {}),
    ...(optionalAreas.length > 0 ? { optionalAreas } : {}),
  };
}
