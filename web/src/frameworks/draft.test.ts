import { describe, expect, it } from 'vitest';
import { frameworkToJson } from '#core/framework/index';
import { sampleFramework } from '../../../core/framework/fixtures/sample';
import { liveCheck } from './check';
import {
  addChild,
  addSibling,
  type Draft,
  type DraftNode,
  draftFromJson,
  draftToJson,
  flatten,
  locate,
  methodPatch,
  moveNode,
  removeNode,
  setCodeSegment,
  shiftNode,
  sortBands,
  updateNode,
} from './draft';

const sample = () => draftFromJson(frameworkToJson(sampleFramework({ tieBreak: ['3.3'] })), ',');
const byCode = (draft: Draft, code: string): DraftNode => {
  const node = flatten(draft.areas).find((n) => n.code === code);
  if (!node) throw new Error(`no node ${code}`);
  return node;
};
const outline = (nodes: readonly DraftNode[]): string[] =>
  nodes.flatMap((n) => [`${n.code} ${n.name}`, ...outline(n.children).map((line) => `  ${line}`)]);
const errorCodes = (draft: Draft) => liveCheck(draft).errors.map((p) => [p.error.code, p.error.node]);

describe('the editor draft', () => {
  it('reads the sample with Vietnamese decimals and writes back the same JSON', () => {
    const json = frameworkToJson(sampleFramework());
    const draft = draftFromJson(json, ',');
    expect(byCode(draft, '1.3').maxPoints).toBe('1,5');
    expect(draftToJson(draft)).toEqual(json);
    expect(liveCheck(draft).errors).toEqual([]);
  });

  it('a leaf max typed with a comma is sent with a dot; only its parent turns red, with the core error', () => {
    let draft = sample();
    draft = updateNode(draft, byCode(draft, '1.1.1').key, { maxPoints: '1,5' });
    const sent = draftToJson(draft).areas[0]?.children?.[0]?.children?.[0];
    expect(sent?.maxPoints).toBe('1.5');
    const check = liveCheck(draft);
    const parent = byCode(draft, '1.1');
    expect(check.mismatched).toEqual(new Set([parent.key]));
    expect(check.sums.get(parent.key)).toBe(2_500_000);
    expect(check.byNode.get(parent.key)?.[0]?.error.message).toBe(
      'Điểm tối đa của 1.1 là 2 nhưng tổng các tiêu chí con là 2.5',
    );
  });

  it('a max that is no number is tied to its node', () => {
    let draft = sample();
    const leaf = byCode(draft, '2.3');
    draft = updateNode(draft, leaf.key, { maxPoints: 'hai' });
    const [error] = liveCheck(draft).errors;
    expect(error?.key).toBe(leaf.key);
    expect(error?.field).toBe('maxPoints');
    expect(liveCheck(draft).sums.get(byCode(draft, '2').key)).toBeNull();
  });

  it('moving a criterion renumbers both lists and its subtree; the tie-break code follows', () => {
    let draft = sample();
    const moved = byCode(draft, '1.4');
    draft = moveNode(draft, moved.key, { before: byCode(draft, '3.1').key });
    expect(outline(draft.areas.slice(0, 1)).slice(0, 12)).toEqual([
      '1 Công tác chỉ đạo điều hành CCHC',
      '  1.1 Kế hoạch CCHC năm',
      '    1.1.1 Ban hành kế hoạch CCHC năm kịp thời (trước 31/01)',
      '    1.1.2 Kế hoạch xác định đầy đủ nhiệm vụ trên các lĩnh vực CCHC và có kết quả cụ thể',
      '  1.2 Mức độ hoàn thành kế hoạch CCHC',
      '  1.3 Thực hiện chế độ báo cáo CCHC định kỳ đầy đủ và đúng hạn',
      '  1.4 Công tác tuyên truyền CCHC',
      '    1.4.1 Ban hành kế hoạch tuyên truyền CCHC',
      '    1.4.2 Mức độ hoàn thành kế hoạch tuyên truyền',
      '    1.4.3 Đa dạng hình thức tuyên truyền (đài truyền thanh, trang TTĐT, băng rôn, khẩu hiệu)',
      '  1.5 Thực hiện nhiệm vụ UBND huyện giao',
      '  1.6 Gắn kết quả CCHC với thi đua khen thưởng',
    ]);
    const area3 = outline(draft.areas.slice(2, 3));
    expect(area3.slice(0, 5)).toEqual([
      '3 Cải cách thủ tục hành chính',
      '  3.1 Công tác tự kiểm tra CCHC',
      '    3.1.1 Ban hành kế hoạch tự kiểm tra',
      '    3.1.2 Thực hiện kế hoạch và báo cáo kết quả tự kiểm tra',
      '  3.2 Ban hành và thực hiện kế hoạch rà soát; đánh giá TTHC',
    ]);
    expect(draft.tieBreak).toEqual(['3.4']);
    expect(byCode(draft, '3.4').name).toBe('Tỷ lệ hồ sơ TTHC giải quyết đúng hạn');
    // Moving 1.5 points out of area 1 into area 3 leaves both unbalanced, and nothing else.
    expect(errorCodes(draft)).toEqual([
      ['parent_sum_mismatch', '1'],
      ['parent_sum_mismatch', '3'],
    ]);
  });

  it('codes of their own are kept; only the node placed takes a free number', () => {
    let draft = sample();
    const area2 = byCode(draft, '2');
    for (const [i, letter] of ['a', 'b', 'c', 'd'].entries()) {
      draft = setCodeSegment(draft, byCode(draft, `2.${i + 1}`).key, letter);
    }
    const moved = byCode(draft, '4.1');
    draft = moveNode(draft, moved.key, { after: byCode(draft, '2.b').key });
    expect(locate(draft.areas, area2.key)?.node.children.map((n) => n.code)).toEqual([
      '2.a',
      '2.b',
      '2.1',
      '2.c',
      '2.d',
    ]);
    expect(byCode(draft, '4.1').name).toBe('Rà soát chức năng; nhiệm vụ và xây dựng vị trí việc làm');
  });

  it('a sub-criterion added to a leaf takes over its points and method', () => {
    let draft = sample();
    const leaf = byCode(draft, '1.2');
    const added = addChild(draft, leaf.key);
    draft = added.draft;
    const child = locate(draft.areas, added.key)?.node;
    expect(child?.code).toBe('1.2.1');
    expect(child?.method).toBe('nguong');
    expect(child?.params).toBe('100:2;80:1;0:0');
    expect(child?.kpi).toBe('plan_tasks_done_rate');
    expect(draftToJson(draft).areas[0]?.children?.[1]).toMatchObject({ code: '1.2', maxPoints: '2' });
    expect(draftToJson(draft).areas[0]?.children?.[1]).not.toHaveProperty('method');
    expect(errorCodes(draft)).toEqual([['bad_name', '1.2.1']]);
  });

  it('adding a sibling and deleting renumber the list', () => {
    let draft = sample();
    const added = addSibling(draft, byCode(draft, '4.1').key);
    draft = added.draft;
    expect(locate(draft.areas, added.key)?.node.code).toBe('4.2');
    expect(byCode(draft, '4.4').name).toBe('Điều chỉnh; bổ sung Quy chế làm việc của UBND xã');
    draft = removeNode(draft, byCode(draft, '4.1').key);
    expect(byCode(draft, '4.1').key).toBe(added.key);
    expect(errorCodes(draft)).toEqual([
      ['parent_sum_mismatch', '4'],
      ['bad_name', '4.1'],
    ]);
  });

  it('moving up and down stays among the siblings', () => {
    let draft = sample();
    const first = byCode(draft, '1');
    draft = shiftNode(draft, first.key, -1);
    expect(draft.areas[0]?.key).toBe(first.key);
    draft = shiftNode(draft, first.key, 1);
    expect(draft.areas[1]?.key).toBe(first.key);
    expect(draft.areas[1]?.children[0]?.code).toBe('2.1');
    expect(errorCodes(draft)).toEqual([]);
  });

  it('an optional area moved under another node is no longer optional', () => {
    let draft = sample();
    draft = updateNode(draft, byCode(draft, '8').key, { optional: true });
    const survey = byCode(draft, '8');
    draft = moveNode(draft, survey.key, { into: byCode(draft, '7').key });
    expect(locate(draft.areas, survey.key)?.node).toMatchObject({ code: '7.1', optional: false });
  });

  it('refuses to move a node into its own subtree or into a leaf', () => {
    const draft = sample();
    expect(moveNode(draft, byCode(draft, '1').key, { into: byCode(draft, '1.1').key })).toBe(draft);
    expect(moveNode(draft, byCode(draft, '1.2').key, { into: byCode(draft, '1.3').key })).toBe(draft);
  });

  it('choosing a method clears its params and a KPI it cannot read', () => {
    const draft = sample();
    expect(methodPatch(byCode(draft, '1.2'), 'ty_le')).toEqual({
      method: 'ty_le',
      params: '',
      kpi: 'plan_tasks_done_rate',
    });
    expect(methodPatch(byCode(draft, '1.2'), 'thu_cong')).toEqual({
      method: 'thu_cong',
      params: '',
      kpi: '',
    });
    expect(methodPatch(byCode(draft, '3.4'), 'ty_le')).toMatchObject({ kpi: '' });
  });

  it('sorts bands highest first', () => {
    const bands = sortBands([
      { key: 'a', name: 'Yếu', min: '0', minAreaIndex: '' },
      { key: 'b', name: 'Tốt', min: '90', minAreaIndex: '' },
      { key: 'c', name: 'Mới', min: '', minAreaIndex: '' },
      { key: 'd', name: 'Khá', min: '80,5', minAreaIndex: '' },
    ]);
    expect(bands.map((b) => b.name)).toEqual(['Tốt', 'Khá', 'Yếu', 'Mới']);
  });
});
