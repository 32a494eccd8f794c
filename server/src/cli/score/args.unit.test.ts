import { describe, expect, it } from 'vitest';
import { fixed } from '#core/framework/index';
import { UsageError } from '../io';
import { parseBands, parseScoreArgs } from './args';

const BASE = ['--framework', 'bo-chi-so.xlsx', '--scores', 'diem.csv'];

describe('chiso score options', () => {
  it('fills what the framework file does not hold with defaults', () => {
    const args = parseScoreArgs(BASE, new Date(2021, 5, 1));
    expect(args).toMatchObject({
      framework: { path: 'bo-chi-so.xlsx', format: 'xlsx' },
      scores: { path: 'diem.csv', format: 'csv' },
      out: null,
      meta: { year: 2021, level: 'xa', name: 'bo-chi-so', indexDecimals: 2, tieBreak: [], optionalAreas: [] },
    });
    if (args.help) throw new Error('not help');
    expect(args.meta.bands.map((b) => [b.name, b.min])).toEqual([
      ['Tốt', fixed(90)],
      ['Khá', fixed(80)],
      ['Trung bình', fixed(65)],
      ['Yếu', 0],
    ]);
  });

  it('reads every option', () => {
    const args = parseScoreArgs([
      ...BASE,
      ...['-o', 'KQ.XLSX', '--year', '2022', '--level', 'huyen', '--name', 'Bộ 2022', '--decimals', '1'],
      ...['--tie-break', '3, 1', '--optional-areas', '8.', '--bands', 'Tốt:90:70;Khá:70,5;Kém:0'],
    ]);
    expect(args).toMatchObject({
      out: { path: 'KQ.XLSX', format: 'xlsx' },
      meta: {
        year: 2022,
        level: 'huyen',
        name: 'Bộ 2022',
        indexDecimals: 1,
        tieBreak: ['3', '1'],
        optionalAreas: ['8'],
      },
    });
    expect(parseBands('Tốt:90:70;Khá:70,5;Kém:0')).toEqual([
      { name: 'Tốt', min: fixed(90), minAreaIndex: fixed(70) },
      { name: 'Khá', min: fixed('70.5') },
      { name: 'Kém', min: 0 },
    ]);
  });

  it('refuses a wrong command line with a Vietnamese reason', () => {
    const refused = (argv: string[]) => () => parseScoreArgs(argv);
    expect(refused(['--scores', 'diem.csv'])).toThrow(new UsageError('Thiếu --framework TỆP'));
    expect(refused([...BASE, '--out', 'kq.txt'])).toThrow('--out phải là tệp .json, .csv hoặc .xlsx');
    expect(refused(['--framework', 'bo.ods', '--scores', 'd.csv'])).toThrow(
      '--framework phải là tệp .csv hoặc .xlsx',
    );
    expect(refused([...BASE, '--decimals', '1.5'])).toThrow('--decimals phải là số nguyên');
    expect(refused([...BASE, '--bands', 'Tốt=90'])).toThrow('--bands: "Tốt=90" không đúng dạng');
    expect(refused([...BASE, 'thua'])).toThrow('Đối số thừa');
    expect(parseScoreArgs(['-h'])).toEqual({ help: true });
  });
});
