import { describe, expect, it } from 'vitest';
import { computeKpis } from './evaluate';
import { channelOf, disciplineFormOf, disciplineSeverity } from './records';

describe('channels', () => {
  it.each([
    ['Trực tuyến', 'truc_tuyen'],
    ['trực tuyến', 'truc_tuyen'],
    ['Truc tuyen', 'truc_tuyen'],
    [' TRỰC  TUYẾN ', 'truc_tuyen'],
    ['Trực tiếp', 'truc_tiep'],
    ['Bưu chính công ích', 'buu_chinh'],
    ['Qua mạng', null],
  ])('reads %j as %s', (text, code) => {
    expect(channelOf(text)).toBe(code);
  });
});

describe('discipline forms', () => {
  it('reads the Vietnamese names, accents or not, in order of severity', () => {
    expect(disciplineFormOf('Khiển trách')).toBe('khien_trach');
    expect(disciplineFormOf('buoc thoi viec')).toBe('buoc_thoi_viec');
    expect(disciplineFormOf('Nhắc nhở')).toBeNull();
    expect(disciplineSeverity('khien_trach')).toBeLessThan(disciplineSeverity('canh_cao'));
  });
});

describe('computeKpis', () => {
  it('gives the KPIs of the registers it is given, with no data for empty ones', () => {
    const kpis = computeKpis(
      { procedures: [], disciplineDecisions: [] },
      { from: '2021-01-01', to: '2021-12-31' },
    );
    expect(kpis).toEqual({
      procedures_published_rate: { value: null, numerator: 0, denominator: 0 },
      officials_disciplined: { value: 0 },
    });
  });
});
