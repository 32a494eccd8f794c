import { type SQL, sql } from 'drizzle-orm';
import { compareMoments, formatVnMoment, type Period, type VnMoment } from '#core/time/index';
import { instantInPeriod } from '../../../lib/vn-sql';
import type { FieldError } from '../kit/definition';

// Checks and filters several registers share.

/**
 * `later` may not come before `earlier`, read the way the KPIs read dates: by day, and by
 * time only when both carry one.
 */
export function notBefore(
  later: VnMoment,
  earlier: VnMoment,
  laterHeader: string,
  earlierHeader: string,
): FieldError | null {
  if (compareMoments(later, earlier) >= 0) return null;
  return {
    field: laterHeader,
    message: `${laterHeader} (${formatVnMoment(later)}) trước ${earlierHeader.toLowerCase()} (${formatVnMoment(earlier)})`,
  };
}

/** "From … to" on a list of things received: received on a day of the period. */
export function receivedInPeriod(t: SQL, period: Period): SQL {
  return instantInPeriod(sql`${t}.received_at`, period);
}

/** The first date of a span may not be after its last. */
export function spanInOrder(
  first: string | null,
  last: string | null,
  firstHeader: string,
  lastHeader: string,
): FieldError | null {
  if (first === null || last === null || first <= last) return null;
  return { field: lastHeader, message: `${lastHeader} trước ${firstHeader.toLowerCase()}` };
}
