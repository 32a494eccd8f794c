import { describe, expect, it } from 'vitest';
import { dateMoment } from '../time';
import { diffPlanDocument, numberLine, type PlanDocument, placeDateLine } from './document';
import { parseTaskRows, splitCriterionCodes } from './task-import';
import { isTaskOverdue, progressByArea, proposeTasksFromLostPoints } from './tasks';

describe('NĐ 30 lines', () => {
  it('writes the number, or leaves room to write it by hand', () => {
    expect(numberLine({ number: '45', symbol: 'KH-UBND' })).toBe('Số: 45/KH-UBND');
    expect(numberLine({ number: null, symbol: 'KH-UBND' })).toMatch(/^Số:\s+\/KH-UBND$/);
  });

  it('writes a 0 before days under 10 and months 1 and 2 only', () => {
    expect(placeDateLine('Vĩnh Lập', '2021-04-08', 2021)).toBe('Vĩnh Lập, ngày 08 tháng 4 năm 2021');
    expect(placeDateLine('Vĩnh Lập', '2021-02-15', 2021)).toBe('Vĩnh Lập, ngày 15 tháng 02 năm 2021');
    expect(placeDateLine('Vĩnh Lập', '2021-12-31', 2021)).toBe('Vĩnh Lập, ngày 31 tháng 12 năm 2021');
    expect(placeDateLine('Vĩnh Lập', null, 2022)).toMatch(/^Vĩnh Lập, ngày\s+tháng\s+năm 2022$/);
  });
});

const doc: PlanDocument = {
  number: null,
  symbol: 'KH-UBND',
  issuedDate: '2021-04-08',
  place: 'Vĩnh Lập',
  parentBody: null,
  issuingBody: 'ỦY BAN NHÂN DÂN\nXÃ VĨNH LẬP',
  title: 'Kế hoạch',
  preamble: '',
  purposes: ['A'],
  requirements: [],
  areas: [
    { key: 'a', name: 'Cải cách thể chế', contents: ['x'], targets: [] },
    { key: 'b', name: 'Cải cách công vụ', contents: ['y'], targets: [] },
  ],
  duties: [],
  closing: '',
  recipients: ['Lưu: VT'],
  signAuthority: 'TM. ỦY BAN NHÂN DÂN',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Nguyễn Văn Khoa',
};

describe('diffPlanDocument', () => {
  it('names each changed field with its before and after', () => {
    const changes = diffPlanDocument(doc, {
      ...doc,
      signerName: 'Trần Văn B',
      purposes: ['A', 'B'],
      areas: [{ ...doc.areas[1], contents: ['y', 'z'] } as (typeof doc.areas)[number]],
    });
    expect(changes).toEqual([
      { field: 'Người ký', before: 'Nguyễn Văn Khoa', after: 'Trần Văn B' },
      { field: 'Mục đích', before: '- A', after: '- A\n- B' },
      { field: 'Lĩnh vực “Cải cách thể chế”', before: '- x', after: '(đã bỏ)' },
      { field: 'Lĩnh vực “Cải cách công vụ” — nội dung', before: '- y', after: '- y\n- z' },
    ]);
    expect(diffPlanDocument(doc, { ...doc })).toEqual([]);
  });

  it('notices areas put in another order', () => {
    const changes = diffPlanDocument(doc, { ...doc, areas: [...doc.areas].reverse() });
    expect(changes.map((c) => c.field)).toEqual(['Thứ tự lĩnh vực']);
  });
});

describe('tasks', () => {
  const due = dateMoment('2021-06-30');
  it('is overdue once the day after its due day has come, unless done', () => {
    expect(isTaskOverdue({ status: 'doing', due }, '2021-06-30')).toBe(false);
    expect(isTaskOverdue({ status: 'doing', due }, '2021-07-01')).toBe(true);
    expect(isTaskOverdue({ status: 'done', due }, '2021-07-01')).toBe(false);
  });

  it('counts progress per area in plan order, tasks outside any area last', () => {
    const rows = progressByArea(
      ['a', 'b'],
      [
        { areaKey: 'b', status: 'done', due },
        { areaKey: 'b', status: 'todo', due },
        { areaKey: null, status: 'doing', due },
        { areaKey: 'gone', status: 'todo', due },
      ],
      '2021-07-01',
    );
    expect(rows).toEqual([
      { areaKey: 'a', total: 0, done: 0, doing: 0, todo: 0, overdue: 0 },
      { areaKey: 'b', total: 2, done: 1, doing: 0, todo: 1, overdue: 1 },
      { areaKey: null, total: 2, done: 0, doing: 1, todo: 1, overdue: 2 },
    ]);
  });

  it('proposes tasks from lost points, the most at stake first, merged by code', () => {
    expect(
      proposeTasksFromLostPoints([
        { code: '1.2', name: 'Kế hoạch', lostPoints: 0.5 },
        { code: '3.3', name: 'Hồ sơ đúng hạn', lostPoints: 1.1 },
        { code: '1.2', name: 'Kế hoạch', lostPoints: 0.7 },
        { code: '5.2', name: 'Kỷ luật', lostPoints: 0 },
      ]).map((p) => [p.criteriaCodes[0], p.pointsAtStake]),
    ).toEqual([
      ['1.2', 1.2],
      ['3.3', 1.1],
    ]);
  });
});

describe('task sheet', () => {
  const context = {
    areas: [{ key: 'the_che', name: 'Cải cách thể chế' }],
    members: [{ id: 7, username: 'vinhlap.canbo', fullName: 'Trần Thị Cán Bộ' }],
    taskIds: new Set([3]),
    today: '2021-11-20',
  };
  const header = [
    'Mã nhiệm vụ',
    'Nhiệm vụ',
    'Lĩnh vực',
    'Cán bộ phụ trách',
    'Hạn hoàn thành',
    'Ngày hoàn thành',
    'Tiến độ (%)',
  ];

  it('reads names without accents and done dates as done', () => {
    const { records, errors } = parseTaskRows(
      header,
      [
        {
          row: 2,
          cells: [
            '3',
            'Rà soát',
            'cai cach the che',
            'tran thi can bo',
            '30/06/2021',
            '29/06/2021 16:30',
            '',
          ],
        },
      ],
      context,
    );
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({
      id: 3,
      areaKey: 'the_che',
      assigneeId: 7,
      status: 'done',
      progress: 100,
    });
    expect(records[0]?.done?.hasTime).toBe(true);
  });

  it('reports every problem of a row with its column', () => {
    const { records, errors } = parseTaskRows(
      header,
      [{ row: 5, cells: ['9', '', 'Lĩnh vực lạ', 'ai đó', '', '01/01/2022', '120'] }],
      context,
    );
    expect(records).toEqual([]);
    expect(errors.map((e) => e.field)).toEqual([
      'Mã nhiệm vụ',
      'Nhiệm vụ',
      'Lĩnh vực',
      'Cán bộ phụ trách',
      'Hạn hoàn thành',
      'Ngày hoàn thành',
      'Tiến độ (%)',
    ]);
    expect(errors.every((e) => e.row === 5)).toBe(true);
  });

  it('requires the title and due columns', () => {
    expect(parseTaskRows(['Tên'], [], context).errors.map((e) => e.field)).toEqual([
      'Nhiệm vụ',
      'Hạn hoàn thành',
    ]);
  });

  it('splits criterion codes on commas, semicolons and spaces', () => {
    expect(splitCriterionCodes('1.1, 1.2;2.3  1.1')).toEqual(['1.1', '1.2', '2.3']);
  });
});
