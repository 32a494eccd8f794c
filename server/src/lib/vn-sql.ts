import { type SQL, sql } from 'drizzle-orm';
import { addDays, dateMoment, type Period } from '#core/time/index';

// Vietnam-time dates in SQL. Moments are stored as timestamptz; a day without a time is
// its 00:00 Vietnam time, so "on a day of the period" is a half-open range of instants
// that an index on the column serves.

export interface PeriodInstants {
  /** 00:00 Vietnam time of `from`. */
  readonly fromStart: Date;
  /** 00:00 Vietnam time of `to`. */
  readonly toStart: Date;
  /** 00:00 Vietnam time of the day after `to`: the period ends just before it. */
  readonly toEnd: Date;
}

export function periodInstants(period: Period): PeriodInstants {
  const at = (date: string) => new Date(dateMoment(date).at);
  return { fromStart: at(period.from), toStart: at(period.to), toEnd: at(addDays(period.to, 1)) };
}

/** The Vietnam-local day of a timestamptz column. */
export function vnDay(column: SQL): SQL {
  return sql`(${column} at time zone 'Asia/Ho_Chi_Minh')::date`;
}

/** `column` falls on a day of the period. */
export function instantInPeriod(column: SQL, period: Period): SQL {
  const { fromStart, toEnd } = periodInstants(period);
  return sql`(${column} >= ${fromStart.toISOString()}::timestamptz and ${column} < ${toEnd.toISOString()}::timestamptz)`;
}

/** A `date` column within the period. */
export function dateInPeriod(column: SQL, period: Period): SQL {
  return sql`(${column} between ${period.from}::date and ${period.to}::date)`;
}
