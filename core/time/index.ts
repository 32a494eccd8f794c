export {
  addDays,
  type CalendarDate,
  calendarDate,
  dayNumberOf,
  daysInMonth,
  fromDayNumber,
  isExistingDate,
  isLeapYear,
  toDayNumber,
  weekdayOf,
  type YearMonthDay,
  ymdOf,
} from './calendar';
export { isPastDueDay, metDeadline } from './deadline';
export { formatIsoMoment, formatVnDate, formatVnMoment } from './format';
export {
  compareMoments,
  dateMoment,
  type Instant,
  instantMs,
  localMoment,
  localMomentOf,
  type TimeOfDay,
  VN_OFFSET_MS,
  type VnMoment,
  vnDateOf,
  vnDayNumber,
  vnTimeOf,
} from './moment';
export { type DateErrorCode, MAX_YEAR, MIN_YEAR, type Parsed, parseVnDate, parseVnMoment } from './parse';
export {
  isDateInPeriod,
  isInstantInPeriod,
  isMonthWithin,
  monthPeriod,
  monthsWithin,
  type Period,
  type PeriodErrorCode,
  parsePeriod,
  periodDayNumbers,
  yearPeriod,
} from './period';
export { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';
