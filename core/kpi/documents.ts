import { isMonthWithin, type Period } from '../time';
import type { KpiEvaluation } from './evaluation';
import type { DocumentStat } from './records';
import { rateResult } from './result';

// Monthly statistics cannot be split by day, so a period counts only its whole months.

function monthsIn(stats: readonly DocumentStat[], period: Period): DocumentStat[] {
  return stats.filter((s) => isMonthWithin(s.year, s.month, period));
}

function documentRate(
  stats: readonly DocumentStat[],
  period: Period,
  part: (s: DocumentStat) => number,
): KpiEvaluation<DocumentStat> {
  const months = monthsIn(stats, period);
  const numerator = months.reduce((sum, s) => sum + part(s), 0);
  const denominator = months.reduce((sum, s) => sum + s.incomingTotal + s.outgoingTotal, 0);
  return { result: rateResult(numerator, denominator), numerator: months, denominator: months };
}

export function documentsElectronicRate(
  stats: readonly DocumentStat[],
  period: Period,
): KpiEvaluation<DocumentStat> {
  return documentRate(stats, period, (s) => s.incomingElectronic + s.outgoingElectronic);
}

export function documentsSignedRate(
  stats: readonly DocumentStat[],
  period: Period,
): KpiEvaluation<DocumentStat> {
  return documentRate(stats, period, (s) => s.incomingSigned + s.outgoingSigned);
}
