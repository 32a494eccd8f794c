import { isInstantInPeriod, type Period } from '../time';
import { countOf, type KpiEvaluation, rateOf } from './evaluation';
import { channelOf, type Dossier } from './records';
import { handledTimeliness, type Timeliness, type TrackedItem } from './timeliness';

export function trackedDossier(d: Dossier): TrackedItem {
  return {
    received: { at: d.receivedAt, hasTime: d.receivedHasTime },
    due: { at: d.dueAt, hasTime: d.dueHasTime },
    finished: d.resultAt === null ? null : { at: d.resultAt, hasTime: d.resultHasTime },
  };
}

/** 'onTime' or 'late' for a dossier handled in the period; null for one that is not. */
export function dossierTimeliness(d: Dossier, period: Period): Timeliness | null {
  return handledTimeliness(trackedDossier(d), period);
}

function handled(dossiers: readonly Dossier[], period: Period) {
  const all: Dossier[] = [];
  const onTime: Dossier[] = [];
  const late: Dossier[] = [];
  for (const d of dossiers) {
    const t = dossierTimeliness(d, period);
    if (t === null) continue;
    all.push(d);
    (t === 'onTime' ? onTime : late).push(d);
  }
  return { all, onTime, late };
}

function received(dossiers: readonly Dossier[], period: Period): Dossier[] {
  return dossiers.filter((d) => isInstantInPeriod(d.receivedAt, period));
}

export function dossiersOnTimeRate(dossiers: readonly Dossier[], period: Period): KpiEvaluation<Dossier> {
  const h = handled(dossiers, period);
  return rateOf(h.onTime, h.all);
}

export function dossiersReceived(dossiers: readonly Dossier[], period: Period): KpiEvaluation<Dossier> {
  return countOf(received(dossiers, period));
}

export function dossiersLate(dossiers: readonly Dossier[], period: Period): KpiEvaluation<Dossier> {
  return countOf(handled(dossiers, period).late);
}

/** Any apology date counts, whenever it is dated (SPEC §5 asks only for one). */
export function lateDossiersWithoutApology(
  dossiers: readonly Dossier[],
  period: Period,
): KpiEvaluation<Dossier> {
  return countOf(handled(dossiers, period).late.filter((d) => d.apologyDate === null));
}

export function dossiersOnlineRate(dossiers: readonly Dossier[], period: Period): KpiEvaluation<Dossier> {
  const all = received(dossiers, period);
  return rateOf(
    all.filter((d) => channelOf(d.channel) === 'truc_tuyen'),
    all,
  );
}
