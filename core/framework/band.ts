// Classification bands are framework data: provinces draw them differently.

import type { Fixed } from './fixed';
import type { Band } from './model';

/**
 * The first band, from the top, whose minimum the index reaches and whose area floor
 * (if any) every assessed area reaches. Null only if no band fits, which a valid
 * framework (last band at 0, no floor) rules out.
 */
export function bandFor(
  bands: readonly Band[],
  index: Fixed,
  areaIndexes: readonly (Fixed | null)[] = [],
): string | null {
  for (const band of bands) {
    if (index < band.min) continue;
    const floor = band.minAreaIndex;
    if (floor !== undefined && areaIndexes.some((area) => area !== null && area < floor)) continue;
    return band.name;
  }
  return null;
}
