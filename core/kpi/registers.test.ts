import { describe, expect, it } from 'vitest';
import { monthPeriod, type Period, yearPeriod } from '../time';
import { documentsElectronicRate, documentsSignedRate } from './documents';
import { feedbackOnTimeRate } from './feedback';
import { feedback, report, task } from './fixtures/records';
import { officialsDisciplined, officialsWithEmailRate } from './officials';
import { planTasksDoneRate } from './plan';
import { proceduresPublishedRate } from './procedures';
import type { DisciplineDecision, DocumentStat, Official, Procedure } from './records';
import { reportsOnTimeRate } from './reports';

const january: Period = monthPeriod(2021, 1);

describe('feedback_on_time_rate', () => {
  it('reads feedback as dossiers: carried over, on the due day, open and overdue, open and not due', () => {
    const items = [
      feedback({ received: '28/12/2020', due: '31/12/2020', answered: '04/01/2021' }), // late
      feedback({ received: '04/01/2021 08:00', due: '08/01/2021', answered: '08/01/2021 17:05' }), // on time
      feedback({ received: '04/01/2021 08:00', due: '04/01/2021 10:00', answered: '04/01/2021 11:05' }), // late
      feedback({ received: '20/01/2021', due: '29/01/2021' }), // open, late
      feedback({ received: '25/01/2021', due: '05/02/2021' }), // open, on time
      feedback({ received: '20/12/2020', due: '25/12/2020', answered: '24/12/2020' }), // before the period
    ];
    expect(feedbackOnTimeRate(items, january).result).toEqual({ value: 40, numerator: 2, denominator: 5 });
  });
});

const procedure = (p: Partial<Procedure>): Procedure => ({
  code: 'T',
  name: 'Thủ tục',
  field: 'Hộ tịch',
  inForceFrom: null,
  inForceTo: null,
  publishedAtOneStop: true,
  publishedOnWebsite: true,
  ...p,
});

describe('procedures_published_rate', () => {
  it('needs both places', () => {
    const items = [
      procedure({ code: 'both' }),
      procedure({ code: 'desk only', publishedOnWebsite: false }),
      procedure({ code: 'web only', publishedAtOneStop: false }),
    ];
    const { result, numerator } = proceduresPublishedRate(items, january);
    expect(result).toMatchObject({ numerator: 1, denominator: 3 });
    expect(numerator.map((p) => p.code)).toEqual(['both']);
  });

  it('counts procedures in force at the end of the period, both bounds included', () => {
    const items = [
      procedure({ code: 'ends on to', inForceTo: '2021-01-31' }),
      procedure({ code: 'ended before to', inForceTo: '2021-01-30' }),
      procedure({ code: 'starts on to', inForceFrom: '2021-01-31' }),
      procedure({ code: 'starts after to', inForceFrom: '2021-02-01' }),
    ];
    expect(proceduresPublishedRate(items, january).denominator.map((p) => p.code)).toEqual([
      'ends on to',
      'starts on to',
    ]);
  });

  it('has no data without procedures in force', () => {
    expect(proceduresPublishedRate([], january).result.value).toBeNull();
  });
});

const month = (
  m: number,
  incoming: [number, number, number],
  outgoing: [number, number, number],
): DocumentStat => ({
  year: 2021,
  month: m,
  incomingTotal: incoming[0],
  incomingElectronic: incoming[1],
  incomingSigned: incoming[2],
  outgoingTotal: outgoing[0],
  outgoingElectronic: outgoing[1],
  outgoingSigned: outgoing[2],
});

describe('documents_electronic_rate and documents_signed_rate', () => {
  const stats = [month(1, [100, 60, 40], [50, 20, 30]), month(2, [80, 40, 50], [20, 10, 10])];

  it('add incoming and outgoing over the months of the period', () => {
    expect(documentsElectronicRate(stats, yearPeriod(2021)).result).toMatchObject({
      numerator: 130,
      denominator: 250,
    });
    expect(documentsSignedRate(stats, yearPeriod(2021)).result).toMatchObject({
      numerator: 130,
      denominator: 250,
    });
  });

  it('count only months wholly within the period', () => {
    expect(documentsElectronicRate(stats, { from: '2021-01-02', to: '2021-02-28' }).result).toMatchObject({
      numerator: 50,
      denominator: 100,
    });
    expect(documentsSignedRate(stats, { from: '2021-01-15', to: '2021-02-14' }).result.value).toBeNull();
  });
});

const official = (o: Partial<Official>): Official => ({
  id: 'CB',
  name: 'Nguyễn Văn An',
  position: 'Công chức',
  inPostFrom: null,
  inPostTo: null,
  email: 'an@haiduong.gov.vn',
  emailInUse: true,
  ...o,
});

describe('officials_with_email_rate', () => {
  it('divides officials in post at the end of the period with an e-mail in use by those in post', () => {
    const items = [
      official({ id: 'uses it' }),
      official({ id: 'has it, unused', emailInUse: false }),
      official({ id: 'ticked, no address', email: null }),
      official({ id: 'left on to', inPostTo: '2021-01-31' }),
      official({ id: 'left before to', inPostTo: '2021-01-30' }),
      official({ id: 'arrives after to', inPostFrom: '2021-02-01' }),
    ];
    const { result, denominator } = officialsWithEmailRate(items, january);
    expect(result).toMatchObject({ numerator: 2, denominator: 4 });
    expect(denominator.map((o) => o.id)).not.toContain('left before to');
  });
});

describe('officials_disciplined', () => {
  const decision = (id: string, officialId: string, date: string, form: DisciplineDecision['form']) => ({
    id,
    officialId,
    date,
    form,
  });

  it('counts officials with a reprimand or heavier dated in the period, once each', () => {
    const decisions = [
      decision('1', 'A', '2021-01-01', 'khien_trach'),
      decision('2', 'A', '2021-01-20', 'canh_cao'),
      decision('3', 'B', '2021-01-31', 'buoc_thoi_viec'),
      decision('4', 'C', '2020-12-31', 'cach_chuc'),
      decision('5', 'D', '2021-02-01', 'giang_chuc'),
    ];
    const evaluation = officialsDisciplined(decisions, january);
    expect(evaluation.result).toEqual({ value: 2 });
    expect(evaluation.numerator.map((d) => d.id)).toEqual(['1', '2', '3']);
  });

  it('is 0, not no data, without decisions', () => {
    expect(officialsDisciplined([], january).result).toEqual({ value: 0 });
  });
});

describe('reports_on_time_rate', () => {
  it('counts reports due in the period sent on or before their due date', () => {
    const reports = [
      report('15/01/2021', '14/01/2021'), // on time
      report('15/01/2021', '15/01/2021 16:00'), // on the due day, due without a time
      report('15/01/2021 10:00', '15/01/2021 11:00'), // after the due time
      report('15/01/2021', '16/01/2021'), // late
      report('20/01/2021'), // not sent, due day passed
      report('31/01/2021'), // not sent, due on the last day: not yet late
      report('31/12/2020', '05/01/2021'), // due before the period
      report('01/02/2021'), // due after the period
    ];
    const { result, numerator } = reportsOnTimeRate(reports, january);
    expect(result).toMatchObject({ numerator: 3, denominator: 6 });
    expect(numerator.map((r) => r.id)).toContain('BC-31/01/2021-');
  });

  it('judges a report due on the last day and sent after the period as unsent at its end', () => {
    expect(reportsOnTimeRate([report('31/01/2021', '02/02/2021')], january).result).toMatchObject({
      numerator: 1,
    });
    expect(reportsOnTimeRate([report('31/01/2021', '02/02/2021')], yearPeriod(2021)).result).toMatchObject({
      numerator: 0,
    });
  });
});

describe('plan KPIs', () => {
  const tasks = [
    task('propaganda', '15/01/2021', '10/01/2021'),
    task('propaganda', '15/01/2021 10:00', '15/01/2021 09:00'),
    task('propaganda', '15/01/2021', '16/01/2021'),
    task('propaganda', '31/01/2021'),
    task('propaganda', '01/02/2021', '10/01/2021'),
    task('plan', '15/01/2021', '10/01/2021'),
  ];

  it('count tasks of their kind due in the period, done by their due date', () => {
    expect(planTasksDoneRate('propaganda_done_rate', tasks, january).result).toMatchObject({
      numerator: 2,
      denominator: 4,
    });
    expect(planTasksDoneRate('plan_tasks_done_rate', tasks, january).result).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    expect(planTasksDoneRate('it_plan_done_rate', tasks, january).result.value).toBeNull();
  });

  it('count a task not done as not done, even when due on the last day (as SPEC §5 words it)', () => {
    expect(
      planTasksDoneRate('propaganda_done_rate', [task('propaganda', '31/01/2021')], january).result,
    ).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
  });
});
