import fc from 'fast-check';
import { type Period, type VnMoment, vnDayNumber } from '../../time';
import type { Timeliness, TrackedItem } from '../timeliness';
import { bounds, dayArb, minuteOf, momentArb, momentNotBeforeArb, momentOn } from './moments';

// Received / due / finished triples for dossiers and feedback: a random kind, and the
// edge cases SPEC §5 defines, each built relative to the period so that it really is
// that case, with the timeliness it must get.

/** Any triple near the period: due and finish never before receipt. */
export function trackedArb(period: Period): fc.Arbitrary<TrackedItem> {
  const [first, last] = bounds(period);
  return momentArb(first - 45, last + 10).chain((received) =>
    fc.record({
      received: fc.constant(received),
      due: momentNotBeforeArb(received, 0, 30),
      finished: fc.option(momentNotBeforeArb(received, 0, 45), { nil: null, freq: 3 }),
    }),
  );
}

const LAST_MINUTE = 24 * 60 - 1;

function dayOf(m: VnMoment): number {
  return vnDayNumber(m.at);
}

// Receipts in the period stop at 22:00 so a due time (and a result after it) always fits
// later the same day.
const receivedInArb = (first: number, last: number): fc.Arbitrary<VnMoment> =>
  fc
    .tuple(dayArb(first, last), fc.option(fc.integer({ min: 0, max: 22 * 60 }), { nil: null }))
    .map(([day, minute]) => momentOn(day, minute));

/** On `day`, at a time not before `received` when both fall on that day. */
function timedOnArb(received: VnMoment, day: number, maxMinute = LAST_MINUTE): fc.Arbitrary<VnMoment> {
  const floor = received.hasTime && day === dayOf(received) ? minuteOf(received) : 0;
  return fc.integer({ min: floor, max: maxMinute }).map((minute) => momentOn(day, minute));
}

const openOrLaterArb = (last: number): fc.Arbitrary<VnMoment | null> =>
  fc.option(momentArb(last + 1, last + 40), { nil: null });

export interface TrackedEdgeCase {
  readonly expected: Timeliness;
  readonly arb: (period: Period) => fc.Arbitrary<TrackedItem>;
}

export const TRACKED_EDGE_CASES = {
  /** 17:05 on a due date without a time. */
  resultOnDueDayWithTimeDueWithout: {
    expected: 'onTime',
    arb: (period) => {
      const [first, last] = bounds(period);
      return receivedInArb(first, last).chain((received) =>
        dayArb(dayOf(received), last).chain((dueDay) =>
          timedOnArb(received, dueDay).map((finished) => ({
            received,
            due: momentOn(dueDay, null),
            finished,
          })),
        ),
      );
    },
  },
  /** 11:05 against a due time of 10:00 the same day. */
  resultAfterDueTimeSameDay: {
    expected: 'late',
    arb: (period) => {
      const [first, last] = bounds(period);
      return receivedInArb(first, last).chain((received) =>
        dayArb(dayOf(received), last).chain((dueDay) =>
          // The due time leaves at least one minute after it in the day.
          timedOnArb(received, dueDay, LAST_MINUTE - 1).chain((due) =>
            fc
              .integer({ min: minuteOf(due) + 1, max: LAST_MINUTE })
              .map((minute) => ({ received, due, finished: momentOn(dueDay, minute) })),
          ),
        ),
      );
    },
  },
  /** A result without a time on a due day that has one. */
  resultWithoutTimeOnDueDayWithTime: {
    expected: 'onTime',
    arb: (period) => {
      const [first, last] = bounds(period);
      return receivedInArb(first, last).chain((received) =>
        dayArb(dayOf(received), last).chain((dueDay) =>
          timedOnArb(received, dueDay).map((due) => ({ received, due, finished: momentOn(dueDay, null) })),
        ),
      );
    },
  },
  /** A result exactly at the due time. */
  resultAtDueTime: {
    expected: 'onTime',
    arb: (period) => {
      const [first, last] = bounds(period);
      return receivedInArb(first, last).chain((received) =>
        dayArb(dayOf(received), last).chain((dueDay) =>
          timedOnArb(received, dueDay).map((due) => ({ received, due, finished: due })),
        ),
      );
    },
  },
  /** Received before the period, due before it, resolved in it. */
  carriedOverResolvedLate: {
    expected: 'late',
    arb: (period) => {
      const [first, last] = bounds(period);
      return momentArb(first - 40, first - 1).chain((received) =>
        fc.record({
          received: fc.constant(received),
          due: momentNotBeforeArb(received, 0, first - 1 - dayOf(received)),
          finished: momentArb(first, last),
        }),
      );
    },
  },
  /** Received before the period, resolved in it before its due day. */
  carriedOverResolvedOnTime: {
    expected: 'onTime',
    arb: (period) => {
      const [first, last] = bounds(period);
      return fc
        .tuple(momentArb(first - 40, first - 1), momentArb(first, last))
        .chain(([received, finished]) =>
          momentArb(dayOf(finished) + 1, dayOf(finished) + 30).map((due) => ({ received, due, finished })),
        );
    },
  },
  /** Open at the end of the period (or finished after it) with its due day passed. */
  openAtEndDuePassed: {
    expected: 'late',
    arb: (period) => {
      const [first, last] = bounds(period);
      return momentArb(first - 30, last - 1).chain((received) =>
        fc.record({
          received: fc.constant(received),
          due: momentNotBeforeArb(received, 0, last - 1 - dayOf(received)),
          finished: openOrLaterArb(last),
        }),
      );
    },
  },
  /** Open at the end of the period (or finished after it), due on its last day or later. */
  openNotYetDue: {
    expected: 'onTime',
    arb: (period) => {
      const [first, last] = bounds(period);
      return momentArb(first - 30, last).chain((received) =>
        fc.record({
          received: fc.constant(received),
          due: momentNotBeforeArb(received, last - dayOf(received), last - dayOf(received) + 30),
          finished: openOrLaterArb(last),
        }),
      );
    },
  },
} as const satisfies Record<string, TrackedEdgeCase>;

export type TrackedEdgeCaseName = keyof typeof TRACKED_EDGE_CASES;

export const TRACKED_EDGE_CASE_NAMES = Object.keys(TRACKED_EDGE_CASES) as TrackedEdgeCaseName[];

/** Random triples mixed with every edge case. */
export function trackedMixArb(period: Period): fc.Arbitrary<TrackedItem> {
  return fc.oneof(
    { weight: TRACKED_EDGE_CASE_NAMES.length, arbitrary: trackedArb(period) },
    ...TRACKED_EDGE_CASE_NAMES.map((name) => ({
      weight: 1,
      arbitrary: TRACKED_EDGE_CASES[name].arb(period),
    })),
  );
}
