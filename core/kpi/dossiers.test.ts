import { describe, expect, it } from 'vitest';
import type { Period } from '../time';
import {
  dossiersLate,
  dossiersOnlineRate,
  dossiersOnTimeRate,
  dossiersReceived,
  dossierTimeliness,
  lateDossiersWithoutApology,
} from './dossiers';
import { dossier } from './fixtures/records';

const january: Period = { from: '2021-01-01', to: '2021-01-31' };

describe('dossiers handled in the period (SPEC §5)', () => {
  it('counts a dossier received in the period', () => {
    expect(dossierTimeliness(dossier({ received: '04/01/2021', due: '08/01/2021' }), january)).not.toBeNull();
  });

  it('counts a dossier received before the period and resolved in it (carried over)', () => {
    const d = dossier({ received: '30/12/2020 09:00', due: '31/12/2020', result: '04/01/2021 10:00' });
    expect(dossierTimeliness(d, january)).toBe('late');
  });

  it('counts a dossier received before the period and still open', () => {
    const d = dossier({ received: '28/12/2020', due: '15/01/2021' });
    expect(dossierTimeliness(d, january)).toBe('late');
  });

  it('leaves out a dossier resolved before the period', () => {
    const d = dossier({ received: '28/12/2020', due: '05/01/2021', result: '31/12/2020 23:59' });
    expect(dossierTimeliness(d, january)).toBeNull();
  });

  it('counts a dossier resolved on the first day of the period', () => {
    const d = dossier({ received: '28/12/2020', due: '05/01/2021', result: '01/01/2021 00:00' });
    expect(dossierTimeliness(d, january)).toBe('onTime');
  });

  it('leaves out a dossier received after the period', () => {
    expect(
      dossierTimeliness(dossier({ received: '01/02/2021 00:00', due: '05/02/2021' }), january),
    ).toBeNull();
  });

  it('counts a dossier received at 23:59 on the last day (Vietnam time, not UTC)', () => {
    expect(dossierTimeliness(dossier({ received: '31/01/2021 23:59', due: '05/02/2021' }), january)).toBe(
      'onTime',
    );
  });
});

describe('on time (SPEC §5)', () => {
  const judge = (received: string, due: string, result?: string) =>
    dossierTimeliness(dossier({ received, due, result }), january);

  it('a result on a day before the due day is on time', () => {
    expect(judge('12/01/2021 09:45', '26/01/2021', '25/01/2021')).toBe('onTime');
  });

  it('a result at 17:05 on a due date without a time is on time', () => {
    expect(judge('05/01/2021 14:12', '08/01/2021', '08/01/2021 17:05')).toBe('onTime');
  });

  it('a result at 11:05 against a due time of 10:00 the same day is late', () => {
    expect(judge('04/01/2021 08:40', '04/01/2021 10:00', '04/01/2021 11:05')).toBe('late');
  });

  it('a result without a time on a due day with a time is on time', () => {
    expect(judge('04/01/2021 09:00', '04/01/2021 10:00', '04/01/2021')).toBe('onTime');
  });

  it('a result exactly at the due time is on time', () => {
    expect(judge('13/01/2021 10:00', '13/01/2021 16:30', '13/01/2021 16:30')).toBe('onTime');
  });

  it('a result the day after the due day is late', () => {
    expect(judge('05/01/2021 15:30', '05/01/2021', '07/01/2021 09:00')).toBe('late');
  });

  it('a dossier open at the end of the period whose due day has passed is late', () => {
    expect(judge('26/01/2021 08:30', '29/01/2021')).toBe('late');
  });

  it('a dossier open at the end of the period and not yet due is on time, and counted', () => {
    expect(judge('25/01/2021 07:50', '01/02/2021')).toBe('onTime');
  });

  it('a dossier open and due on the last day is on time, even when its due time has passed', () => {
    expect(judge('31/01/2021 08:00', '31/01/2021 10:00')).toBe('onTime');
  });

  it('a dossier resolved after the period is judged as open at its end', () => {
    expect(judge('11/01/2021 08:00', '22/02/2021', '26/02/2021 10:00')).toBe('onTime');
    expect(judge('11/01/2021 08:00', '22/01/2021', '26/02/2021 10:00')).toBe('late');
  });
});

describe('dossier KPIs', () => {
  const dossiers = [
    dossier({ code: 'A', received: '30/12/2020', due: '31/12/2020', result: '04/01/2021' }),
    dossier({
      code: 'B',
      received: '04/01/2021',
      due: '05/01/2021',
      result: '06/01/2021',
      apology: '05/01/2021',
    }),
    dossier({
      code: 'C',
      received: '04/01/2021',
      due: '05/01/2021',
      result: '05/01/2021',
      channel: 'TRUC TUYEN',
    }),
  ];

  it('divides on-time by handled', () => {
    expect(dossiersOnTimeRate(dossiers, january).result).toEqual({
      value: (100 * 1) / 3,
      numerator: 1,
      denominator: 3,
    });
  });

  it('counts received only in the period, handled including the carried over', () => {
    expect(dossiersReceived(dossiers, january).result).toEqual({ value: 2 });
    expect(dossiersLate(dossiers, january).result).toEqual({ value: 2 });
  });

  it('counts late dossiers with no apology date', () => {
    expect(lateDossiersWithoutApology(dossiers, january).numerator.map((d) => d.code)).toEqual(['A']);
  });

  it('matches the online channel ignoring case and accents', () => {
    expect(dossiersOnlineRate(dossiers, january).result).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('gives no data, not 0%, for a period without dossiers', () => {
    expect(dossiersOnTimeRate([], january).result).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(dossiersOnlineRate([], january).result.value).toBeNull();
    expect(dossiersReceived([], january).result).toEqual({ value: 0 });
  });
});
