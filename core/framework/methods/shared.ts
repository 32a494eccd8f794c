// Parameter parsing and range checks shared by several methods.

import { fail, ok, type Parsed } from '../checked';
import type { Fixed } from '../fixed';
import { type LeafColumns, SCORE_FAILURE } from './types';

/** For methods without parameters: only an empty `Tham số` is valid. */
export function parseNoParams(text: string, methodCode: string): Parsed<null> {
  return text.trim() === ''
    ? ok(null)
    : fail(`Phương pháp ${methodCode} không có tham số, nhưng có "${text}"`);
}

/** Splits `a:1;b:0,5` into its pairs; the last `:` separates, so a label may contain one. */
export function splitPairs(text: string): Parsed<{ key: string; value: string }[]> {
  const pairs: { key: string; value: string }[] = [];
  for (const raw of text.split(';')) {
    const part = raw.trim();
    if (part === '') continue;
    const colon = part.lastIndexOf(':');
    if (colon <= 0 || colon === part.length - 1) return fail(`"${part}" không đúng dạng "giá trị:điểm"`);
    pairs.push({ key: part.slice(0, colon).trim(), value: part.slice(colon + 1).trim() });
  }
  return pairs.length === 0 ? fail('Danh sách tham số trống') : ok(pairs);
}

/** Points entered by hand must lie in 0..max; anything else is reported, not clamped. */
export function checkRange(value: number, _denominator: number, maxPoints: Fixed): number {
  if (value < 0) return SCORE_FAILURE.belowZero;
  if (value > maxPoints) return SCORE_FAILURE.aboveMax;
  return value;
}

/** `scoreEach` of the methods that score with `checkRange` alone. */
export function checkRangeEach(from: number, to: number, columns: LeafColumns): number {
  const { value, maxPoints, points } = columns;
  let failed = 0;
  for (let i = from; i < to; i++) {
    const result = checkRange(value[i], 1, maxPoints[i] as Fixed);
    points[i] = result;
    if (result < 0) failed++;
  }
  return failed;
}
