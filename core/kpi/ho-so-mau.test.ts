import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldText } from '../text';
import { type Parsed, type Period, parseVnDate, parseVnMoment, type VnMoment } from '../time';
import { computeKpis, recordsBehind } from './evaluate';
import type { Dossier } from './records';
import { formatPercent, type RateResult } from './result';

// The sample register of SPEC §5, read as an import would read it: columns by their
// Vietnamese header, ignoring case and accents.

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}

function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

function loadDossiers(): Dossier[] {
  const text = readFileSync(new URL('./fixtures/ho-so-mau.csv', import.meta.url), 'utf8');
  const [header = '', ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const columns = splitCsvLine(header).map(foldText);
  return lines.map((line) => {
    const cells = splitCsvLine(line);
    const cell = (name: string): string => cells[columns.indexOf(foldText(name))] ?? '';
    const moment = (name: string): VnMoment | null =>
      cell(name) === '' ? null : value(parseVnMoment(cell(name)));
    const received = moment('Ngày tiếp nhận');
    const due = moment('Ngày hẹn trả');
    if (!received || !due) throw new Error(`Missing dates: ${line}`);
    const result = moment('Ngày có kết quả');
    return {
      code: cell('Mã hồ sơ'),
      applicant: cell('Chủ hồ sơ') || null,
      procedureName: cell('Tên thủ tục'),
      field: cell('Lĩnh vực'),
      channel: cell('Hình thức nộp'),
      receivedAt: received.at,
      receivedHasTime: received.hasTime,
      dueAt: due.at,
      dueHasTime: due.hasTime,
      resultAt: result?.at ?? null,
      resultHasTime: result?.hasTime ?? false,
      apologyDate: cell('Ngày xin lỗi') === '' ? null : value(parseVnDate(cell('Ngày xin lỗi'))),
    };
  });
}

const january: Period = { from: '2021-01-01', to: '2021-01-31' };
const dossiers = loadDossiers();
const suffixes = (ds: readonly Dossier[]) => ds.map((d) => d.code.slice(-4));

describe('ho-so-mau.csv, January 2021 (SPEC §5)', () => {
  const kpis = computeKpis({ dossiers }, january);

  it('reads all 12 rows, quoted commas included', () => {
    expect(dossiers).toHaveLength(12);
    expect(dossiers[3]?.procedureName).toBe('Chứng thực chữ ký trong các giấy tờ, văn bản');
  });

  it('gives 11 received, 3 of them online (27,27%)', () => {
    expect(kpis.dossiers_received).toEqual({ value: 11 });
    expect(kpis.dossiers_online_rate).toMatchObject({ numerator: 3, denominator: 11 });
    expect(formatPercent(kpis.dossiers_online_rate as RateResult)).toBe('27,27%');
    expect(suffixes(recordsBehind('dossiers_online_rate', dossiers, january, 'numerator'))).toEqual([
      '0005',
      '0009',
      '0010',
    ]);
  });

  it('gives 12 handled, 7 on time (58,33%)', () => {
    expect(kpis.dossiers_on_time_rate).toMatchObject({ numerator: 7, denominator: 12 });
    expect(formatPercent(kpis.dossiers_on_time_rate as RateResult)).toBe('58,33%');
    expect(suffixes(recordsBehind('dossiers_on_time_rate', dossiers, january, 'numerator'))).toEqual([
      '0002',
      '0004',
      '0005',
      '0007',
      '0008',
      '0009',
      '0010',
    ]);
  });

  it('gives 5 late, 3 of them without an apology', () => {
    expect(kpis.dossiers_late).toEqual({ value: 5 });
    expect(kpis.late_dossiers_without_apology).toEqual({ value: 3 });
    expect(suffixes(recordsBehind('dossiers_late', dossiers, january, 'numerator'))).toEqual([
      '0001',
      '0003',
      '0006',
      '0011',
      '0012',
    ]);
    expect(suffixes(recordsBehind('late_dossiers_without_apology', dossiers, january, 'numerator'))).toEqual([
      '0001',
      '0003',
      '0012',
    ]);
  });

  it('lists the late dossiers as the shortfall of the on-time rate', () => {
    expect(recordsBehind('dossiers_on_time_rate', dossiers, january, 'shortfall')).toEqual(
      recordsBehind('dossiers_late', dossiers, january, 'numerator'),
    );
  });

  it('counts the dossier due 22/02 and resolved 26/02 late in February, not in January', () => {
    const february: Period = { from: '2021-02-01', to: '2021-02-28' };
    const late = recordsBehind('dossiers_late', dossiers, february, 'numerator');
    expect(suffixes(late)).toContain('0007');
  });
});
