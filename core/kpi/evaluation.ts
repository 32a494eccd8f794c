import { countResult, type KpiResult, rateResult } from './result';

/** A KPI's number together with the records behind it, so the UI can link to them. */
export interface KpiEvaluation<R> {
  readonly result: KpiResult;
  /** The records a rate counts in its numerator, or the records a count counts. */
  readonly numerator: readonly R[];
  /** The records a rate divides by; for a count, the same as `numerator`. */
  readonly denominator: readonly R[];
}

export function rateOf<R>(numerator: readonly R[], denominator: readonly R[]): KpiEvaluation<R> {
  return { result: rateResult(numerator.length, denominator.length), numerator, denominator };
}

export function countOf<R>(counted: readonly R[], value = counted.length): KpiEvaluation<R> {
  return { result: countResult(value), numerator: counted, denominator: counted };
}

/** The denominator's records missing from the numerator: what costs a rate its points. */
export function shortfallOf<R>(evaluation: KpiEvaluation<R>): readonly R[] {
  const counted = new Set(evaluation.numerator);
  return evaluation.denominator.filter((r) => !counted.has(r));
}
