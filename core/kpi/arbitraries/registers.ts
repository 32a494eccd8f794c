import fc from 'fast-check';
import { type CalendarDate, fromDayNumber, type Period, vnDayNumber } from '../../time';
import {
  DISCIPLINE_FORMS,
  type DisciplineDecision,
  type DocumentStat,
  type Official,
  PLAN_TASK_KINDS,
  type PlanTask,
  type Procedure,
  type Registers,
  type Report,
} from '../records';
import { dossiersArb, feedbackArb } from './dossiers';
import { bounds, dayArb, momentArb, periodArb } from './moments';
import { DEFAULT_MAX_LENGTH, type RegisterOptions } from './options';

// Registers as database rows, for comparing a SQL aggregate with the reference functions.
// Codes and ids are unique within a register (by position), days cluster around the
// period and its boundaries so that every branch of SPEC §5 is taken often.

/** The period's boundary days and their neighbours, plus any day near the period. */
function dateNearArb(period: Period, spread = 60): fc.Arbitrary<CalendarDate> {
  const [first, last] = bounds(period);
  return fc
    .oneof(fc.constantFrom(first - 1, first, last, last + 1), dayArb(first - spread, last + spread))
    .map(fromDayNumber);
}

const nullableDateNearArb = (period: Period) => fc.option(dateNearArb(period), { nil: null });

/** From / to pairs with `from <= to` whenever both are set. */
type Span = readonly [CalendarDate | null, CalendarDate | null];

function spanArb(period: Period): fc.Arbitrary<Span> {
  return fc
    .tuple(nullableDateNearArb(period), nullableDateNearArb(period))
    .map(([a, b]): Span => (a !== null && b !== null && a > b ? [b, a] : [a, b]));
}

export function proceduresArb(
  period: Period,
  { maxLength = DEFAULT_MAX_LENGTH }: RegisterOptions = {},
): fc.Arbitrary<Procedure[]> {
  const row = fc.record({
    span: spanArb(period),
    publishedAtOneStop: fc.boolean(),
    publishedOnWebsite: fc.boolean(),
    field: fc.constantFrom('Hộ tịch', 'Chứng thực', 'Đất đai', 'Bảo trợ xã hội'),
  });
  return fc.array(row, { maxLength }).map((rows) =>
    rows.map(
      (r, i): Procedure => ({
        code: `TTHC-${i + 1}`,
        name: `Thủ tục ${i + 1}`,
        field: r.field,
        inForceFrom: r.span[0],
        inForceTo: r.span[1],
        publishedAtOneStop: r.publishedAtOneStop,
        publishedOnWebsite: r.publishedOnWebsite,
      }),
    ),
  );
}

/** Month rows of 2020-10 … 2022-03, one per month at most. */
export function documentStatsArb({ maxLength = 18 }: RegisterOptions = {}): fc.Arbitrary<DocumentStat[]> {
  const counts = fc
    .integer({ min: 0, max: 300 })
    .chain((total) =>
      fc.tuple(fc.constant(total), fc.integer({ min: 0, max: total }), fc.integer({ min: 0, max: total })),
    );
  const row = fc.record({ monthIndex: fc.integer({ min: 0, max: 17 }), incoming: counts, outgoing: counts });
  return fc.uniqueArray(row, { maxLength, selector: (r) => r.monthIndex }).map((rows) =>
    rows.map((r): DocumentStat => {
      const index = 2020 * 12 + 9 + r.monthIndex;
      return {
        year: Math.floor(index / 12),
        month: (index % 12) + 1,
        incomingTotal: r.incoming[0],
        incomingElectronic: r.incoming[1],
        incomingSigned: r.incoming[2],
        outgoingTotal: r.outgoing[0],
        outgoingElectronic: r.outgoing[1],
        outgoingSigned: r.outgoing[2],
      };
    }),
  );
}

export interface OfficialsRegister {
  readonly officials: Official[];
  readonly disciplineDecisions: DisciplineDecision[];
}

/** Officials and the discipline decisions about them (each names one of them). */
export function officialsArb(
  period: Period,
  { maxLength = DEFAULT_MAX_LENGTH }: RegisterOptions = {},
): fc.Arbitrary<OfficialsRegister> {
  const official = fc.record({
    span: spanArb(period),
    email: fc.option(fc.constantFrom('an.nv@haiduong.gov.vn', 'binh.tt@haiduong.gov.vn'), { nil: null }),
    emailInUse: fc.boolean(),
    position: fc.constantFrom(
      'Chủ tịch UBND xã',
      'Công chức Văn phòng - Thống kê',
      'Công chức Tư pháp - Hộ tịch',
    ),
  });
  return fc.array(official, { minLength: 1, maxLength }).chain((rows) => {
    const officials = rows.map(
      (r, i): Official => ({
        id: `CB-${i + 1}`,
        name: `Cán bộ ${i + 1}`,
        position: r.position,
        inPostFrom: r.span[0],
        inPostTo: r.span[1],
        email: r.email,
        // An address is needed to say it is in use, as the register's form requires.
        emailInUse: r.email !== null && r.emailInUse,
      }),
    );
    const decision = fc.record({
      officialIndex: fc.integer({ min: 0, max: officials.length - 1 }),
      date: dateNearArb(period),
      form: fc.constantFrom(...DISCIPLINE_FORMS.map((f) => f.code)),
    });
    return fc.array(decision, { maxLength: 6 }).map((ds) => ({
      officials,
      disciplineDecisions: ds.map(
        (d, i): DisciplineDecision => ({
          id: `KL-${i + 1}`,
          officialId: officials[d.officialIndex]?.id ?? 'CB-1',
          date: d.date,
          form: d.form,
        }),
      ),
    }));
  });
}

/** Due dates near the period; sent or done near the due date, or not yet. */
function deadlineArb(period: Period) {
  const [first, last] = bounds(period);
  return fc.oneof(
    // Due on the period's last day, still outstanding: the "not yet passed" case.
    { weight: 1, arbitrary: fc.record({ due: momentArb(last, last), done: fc.constant(null) }) },
    {
      weight: 4,
      arbitrary: momentArb(first - 20, last + 20).chain((due) => {
        const dueDay = vnDayNumber(due.at);
        return fc.record({
          due: fc.constant(due),
          // Mostly on or before the due day, as real offices manage.
          done: fc.option(momentArb(dueDay - 10, dueDay + 3), { nil: null, freq: 4 }),
        });
      }),
    },
  );
}

export function reportsArb(
  period: Period,
  { maxLength = DEFAULT_MAX_LENGTH }: RegisterOptions = {},
): fc.Arbitrary<Report[]> {
  return fc.array(deadlineArb(period), { maxLength }).map((rows) =>
    rows.map(
      (r, i): Report => ({
        id: `BC-${i + 1}`,
        title: `Báo cáo CCHC số ${i + 1}`,
        periodCovered: 'Quý',
        dueAt: r.due.at,
        dueHasTime: r.due.hasTime,
        sentAt: r.done?.at ?? null,
        sentHasTime: r.done?.hasTime ?? false,
      }),
    ),
  );
}

export function planTasksArb(
  period: Period,
  { maxLength = DEFAULT_MAX_LENGTH }: RegisterOptions = {},
): fc.Arbitrary<PlanTask[]> {
  const row = fc.record({
    deadline: deadlineArb(period),
    kind: fc.constantFrom(...PLAN_TASK_KINDS.map((k) => k.code)),
  });
  return fc.array(row, { maxLength }).map((rows) =>
    rows.map(
      (r, i): PlanTask => ({
        id: `NV-${i + 1}`,
        kind: r.kind,
        title: `Nhiệm vụ ${i + 1}`,
        dueAt: r.deadline.due.at,
        dueHasTime: r.deadline.due.hasTime,
        doneAt: r.deadline.done?.at ?? null,
        doneHasTime: r.deadline.done?.hasTime ?? false,
      }),
    ),
  );
}

export function registersArb(period: Period, options: RegisterOptions = {}): fc.Arbitrary<Registers> {
  return fc
    .record({
      dossiers: dossiersArb(period, options),
      feedback: feedbackArb(period, options),
      procedures: proceduresArb(period, options),
      documentStats: documentStatsArb(),
      staff: officialsArb(period, options),
      reports: reportsArb(period, options),
      planTasks: planTasksArb(period, options),
    })
    .map(({ staff, ...rest }) => ({ ...rest, ...staff }));
}

/** A period and registers around it: what a server property test needs. */
export const scenarioArb: fc.Arbitrary<{ period: Period; registers: Registers }> = periodArb.chain((period) =>
  registersArb(period).map((registers) => ({ period, registers })),
);
