import fc from 'fast-check';
import { type CalendarDate, fromDayNumber, type Period, vnDayNumber } from '../../time';
import type { Dossier, Feedback } from '../records';
import type { TrackedItem } from '../timeliness';
import { DEFAULT_MAX_LENGTH, type RegisterOptions } from './options';
import { TRACKED_EDGE_CASE_NAMES, TRACKED_EDGE_CASES, trackedMixArb } from './tracked';

// Dossier and feedback rows, built on the received / due / finished triples of
// ./tracked so that every SPEC §5 edge case turns up often.

/** Spelling variants a one-stop export really contains. */
export const CHANNEL_SPELLINGS = [
  'Trực tiếp',
  'trực tiếp',
  'Truc tiep',
  'Trực tuyến',
  'trực tuyến',
  'Truc tuyen',
  'TRỰC TUYẾN',
  ' Trực  tuyến ',
  'Bưu chính công ích',
  'Buu chinh cong ich',
] as const;

/** One dossier row (code to be set) around a received / due / result triple. */
export function dossierArb(tracked: fc.Arbitrary<TrackedItem>): fc.Arbitrary<Dossier> {
  return fc
    .record({
      t: tracked,
      applicant: fc.option(fc.constantFrom('Nguyễn Văn An', 'Trần Thị Bình', 'Công ty TNHH Hà Thanh'), {
        nil: null,
      }),
      procedureName: fc.constantFrom(
        'Đăng ký khai sinh',
        'Chứng thực bản sao từ bản chính',
        'Đăng ký kết hôn',
      ),
      field: fc.constantFrom('Hộ tịch', 'Chứng thực', 'Đất đai'),
      channel: fc.constantFrom(...CHANNEL_SPELLINGS),
      apologyOffset: fc.option(fc.integer({ min: -3, max: 5 }), { nil: null }),
    })
    .map(
      ({ t, apologyOffset, ...r }): Dossier => ({
        code: '',
        ...r,
        receivedAt: t.received.at,
        receivedHasTime: t.received.hasTime,
        dueAt: t.due.at,
        dueHasTime: t.due.hasTime,
        resultAt: t.finished?.at ?? null,
        resultHasTime: t.finished?.hasTime ?? false,
        apologyDate: apologyOffset === null ? null : apologyDate(t, apologyOffset),
      }),
    );
}

function numbered(dossiers: readonly Dossier[]): Dossier[] {
  return dossiers.map((d, i) => ({ ...d, code: `HS-${String(i + 1).padStart(4, '0')}` }));
}

/** Random dossiers, every SPEC §5 edge case among them often. */
export function dossiersArb(
  period: Period,
  { maxLength = DEFAULT_MAX_LENGTH }: RegisterOptions = {},
): fc.Arbitrary<Dossier[]> {
  return fc.array(dossierArb(trackedMixArb(period)), { maxLength }).map((ds) => numbered(ds));
}

/**
 * One dossier of each edge case, named by its code (`resultAfterDueTimeSameDay-0001` …),
 * so a test covers them all on every run rather than by chance.
 */
export function dossierEdgeCasesArb(period: Period): fc.Arbitrary<Dossier[]> {
  return fc
    .tuple(...TRACKED_EDGE_CASE_NAMES.map((name) => dossierArb(TRACKED_EDGE_CASES[name].arb(period))))
    .map((ds) => ds.map((d, i) => ({ ...d, code: `${TRACKED_EDGE_CASE_NAMES[i]}-0001` })));
}

// Around the due day (the law asks for it before), never before receipt.
function apologyDate(t: TrackedItem, offset: number): CalendarDate {
  return fromDayNumber(Math.max(vnDayNumber(t.received.at), vnDayNumber(t.due.at) + offset));
}

export function feedbackArb(
  period: Period,
  { maxLength = DEFAULT_MAX_LENGTH }: RegisterOptions = {},
): fc.Arbitrary<Feedback[]> {
  const row = fc.record({
    tracked: trackedMixArb(period),
    channel: fc.constantFrom('Trực tiếp', 'Điện thoại', 'Cổng dịch vụ công', 'Hộp thư góp ý'),
    summary: fc.constantFrom('Chậm trả kết quả', 'Thái độ tiếp dân', 'Hỏi thủ tục'),
    result: fc.option(fc.constantFrom('Đã trả lời', 'Đã chuyển xử lý'), { nil: null }),
  });
  return fc.array(row, { maxLength }).map((rows) =>
    rows.map(
      (r, i): Feedback => ({
        code: `PA-${String(i + 1).padStart(4, '0')}`,
        receivedAt: r.tracked.received.at,
        receivedHasTime: r.tracked.received.hasTime,
        channel: r.channel,
        summary: r.summary,
        dueAt: r.tracked.due.at,
        dueHasTime: r.tracked.due.hasTime,
        answeredAt: r.tracked.finished?.at ?? null,
        answeredHasTime: r.tracked.finished?.hasTime ?? false,
        result: r.tracked.finished ? r.result : null,
      }),
    ),
  );
}
