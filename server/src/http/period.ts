import { z } from 'zod';
import { type Period, parsePeriod } from '#core/time/index';
import { AppError } from '../lib/errors';

/** `from` and `to` of a querystring: dd/mm/yyyy or yyyy-mm-dd, both days included. */
export const periodQuery = {
  from: z.string().max(10).describe('Ngày đầu kỳ, yyyy-mm-dd (hoặc dd/mm/yyyy), tính theo giờ Việt Nam'),
  to: z.string().max(10).describe('Ngày cuối kỳ (tính cả ngày này)'),
};

/** Reads a period, refusing a bad one with a Vietnamese message (400). */
export function periodOf(from: string, to: string): Period {
  const parsed = parsePeriod(from, to);
  if (!parsed.ok) throw new AppError(400, 'registers.badPeriod', { details: parsed.message });
  return parsed.value;
}

/** A period that may be left out: both days or neither. */
export function optionalPeriodOf(from: string | undefined, to: string | undefined): Period | undefined {
  if (from === undefined && to === undefined) return undefined;
  if (from === undefined || to === undefined) throw new AppError(400, 'registers.periodRequired');
  return periodOf(from, to);
}
