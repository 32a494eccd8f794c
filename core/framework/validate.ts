// Checks a framework against the rules of SPEC §4 and data/README.md and returns
// every error, so one pass over a file names everything wrong with it.

import type { FrameworkError, FrameworkErrorCode, FrameworkField } from './errors';
import { formatDecimal, SCALE } from './fixed';
import { KPI_DEFINITIONS, type KpiDefinition } from './kpi';

/** What validation needs of a KPI: that it exists, and whether it is a rate or a count. */
type KnownKpi = Pick<KpiDefinition, 'key' | 'kind'>;

import { findMethod } from './methods';
import { type Criterion, type Framework, isParent, type LeafCriterion, type ParentCriterion } from './model';
import { childrenMaxPoints, nodeRole, walk } from './tree';

export interface ValidateOptions {
  /** The KPIs a criterion may read; default `KPI_DEFINITIONS`. */
  readonly kpis?: readonly KnownKpi[];
}

const CODE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;
/** Keeps every sum of millionths far inside the safe-integer range. */
export const MAX_NODE_POINTS = 1_000_000 * SCALE;
const HUNDRED = 100 * SCALE;

export function validateFramework(framework: Framework, options: ValidateOptions = {}): FrameworkError[] {
  const errors: FrameworkError[] = [];
  const add = (code: FrameworkErrorCode, message: string, node?: string, field?: FrameworkField) => {
    errors.push({ code, message, ...(node === undefined ? {} : { node }), ...(field ? { field } : {}) });
  };
  checkMetadata(framework, add);
  const kpis = new Map((options.kpis ?? KPI_DEFINITIONS).map((k) => [k.key, k]));
  const seen = new Set<string>();
  walk(framework.areas, (node, _depth, parent) => checkNode(node, parent, seen, kpis, add));
  if (framework.areas.length === 0) add('empty_framework', 'Bộ chỉ số chưa có lĩnh vực nào');
  else if (!framework.areas.some((area) => nodeRole(area) === 'score')) {
    add(
      'no_scored_area',
      'Bộ chỉ số phải có ít nhất một lĩnh vực được chấm điểm (không chỉ điểm thưởng, điểm trừ)',
    );
  }
  checkTieBreak(framework, seen, add);
  return errors;
}

type Add = (code: FrameworkErrorCode, message: string, node?: string, field?: FrameworkField) => void;

function checkMetadata(framework: Framework, add: Add): void {
  if (!Number.isInteger(framework.year) || framework.year < 1900 || framework.year > 9999) {
    add('bad_year', `Năm áp dụng "${framework.year}" không hợp lệ`, undefined, 'year');
  }
  if (framework.level.trim() === '') add('bad_level', 'Chưa ghi cấp áp dụng', undefined, 'level');
  if (framework.name.trim() === '') add('bad_name', 'Chưa ghi tên bộ chỉ số', undefined, 'name');
  const d = framework.indexDecimals;
  if (!Number.isInteger(d) || d < 0 || d > 6) {
    add(
      'bad_index_decimals',
      `Số chữ số thập phân của chỉ số phải từ 0 đến 6 (đang là ${d})`,
      undefined,
      'indexDecimals',
    );
  }
  checkBands(framework, add);
}

function checkBands(framework: Framework, add: Add): void {
  const bad = (message: string) => add('bad_bands', message, undefined, 'bands');
  const { bands } = framework;
  if (bands.length === 0) {
    bad('Chưa có mức xếp loại nào');
    return;
  }
  const names = new Set<string>();
  bands.forEach((band, i) => {
    if (band.name.trim() === '') bad(`Mức xếp loại thứ ${i + 1} chưa có tên`);
    if (names.has(band.name)) bad(`Mức xếp loại "${band.name}" bị lặp`);
    names.add(band.name);
    if (!Number.isSafeInteger(band.min) || band.min < 0 || band.min > HUNDRED) {
      bad(`Ngưỡng của mức "${band.name}" phải từ 0 đến 100`);
    }
    const floor = band.minAreaIndex;
    if (floor !== undefined && (!Number.isSafeInteger(floor) || floor < 0 || floor > HUNDRED)) {
      bad(`Ngưỡng chỉ số thành phần của mức "${band.name}" phải từ 0 đến 100`);
    }
    const previous = bands[i - 1];
    if (previous && band.min >= previous.min) {
      bad(
        `Các mức xếp loại phải theo thứ tự ngưỡng giảm dần ("${band.name}" không thấp hơn "${previous.name}")`,
      );
    }
  });
  const last = bands[bands.length - 1];
  if (last && last.min !== 0)
    bad(`Mức thấp nhất ("${last.name}") phải có ngưỡng 0 để mọi đơn vị đều được xếp loại`);
}

function checkNode(
  node: Criterion,
  parent: Criterion | null,
  seen: Set<string>,
  kpis: ReadonlyMap<string, KnownKpi>,
  add: Add,
): void {
  const { code } = node;
  if (!CODE.test(code)) {
    add('bad_code', `Mã "${code}" không hợp lệ (các phần chữ/số, ngăn bằng dấu chấm)`, code, 'code');
  } else if (parent === null ? code.includes('.') : !isDirectChild(code, parent.code)) {
    const where = parent === null ? 'ở cấp lĩnh vực' : `dưới ${parent.code}`;
    add('code_not_under_parent', `Mã ${code} không khớp vị trí: đang nằm ${where}`, code, 'code');
  }
  if (seen.has(code)) add('duplicate_code', `Mã ${code} bị lặp`, code, 'code');
  seen.add(code);
  if (node.name.trim() === '') add('bad_name', `Tiêu chí ${code} chưa có tên`, code, 'name');
  if (!Number.isSafeInteger(node.maxPoints) || node.maxPoints <= 0 || node.maxPoints > MAX_NODE_POINTS) {
    add('bad_max_points', `Điểm tối đa của ${code} phải lớn hơn 0 và không quá 1.000.000`, code, 'maxPoints');
  }
  if (node.optional && parent !== null) {
    add('optional_not_area', `Chỉ lĩnh vực mới được đánh dấu là không bắt buộc (${code})`, code, 'code');
  }
  if (isParent(node)) checkParent(node, add);
  else checkLeaf(node, kpis, add);
}

function isDirectChild(code: string, parentCode: string): boolean {
  return code.startsWith(`${parentCode}.`) && !code.slice(parentCode.length + 1).includes('.');
}

function hasMethod(node: Criterion): boolean {
  const method: unknown = (node as Partial<LeafCriterion>).method;
  return typeof method === 'string' && method.trim() !== '';
}

function checkParent(node: ParentCriterion, add: Add): void {
  const { code, children, maxPoints } = node;
  if (hasMethod(node)) {
    add('parent_with_method', `${code} có tiêu chí con nên không có phương pháp chấm riêng`, code, 'method');
  }
  if (children.length === 0) {
    add('leaf_without_method', `${code} không có tiêu chí con thì phải có phương pháp chấm`, code, 'method');
    return;
  }
  const roles = children.map(nodeRole);
  if (!roles.includes('score') && roles.includes('bonus') && roles.includes('deduction')) {
    add(
      'mixed_adjustments',
      `${code} chỉ gồm điểm thưởng và điểm trừ: tách thành hai mục riêng để mỗi mục có giới hạn của nó`,
      code,
      'code',
    );
    return;
  }
  const sum = childrenMaxPoints(children);
  if (sum !== maxPoints && Number.isSafeInteger(maxPoints)) {
    add(
      'parent_sum_mismatch',
      `Điểm tối đa của ${code} là ${formatDecimal(maxPoints)} nhưng tổng các tiêu chí con là ${formatDecimal(sum)}`,
      code,
      'maxPoints',
    );
  }
}

function checkLeaf(node: LeafCriterion, kpis: ReadonlyMap<string, KnownKpi>, add: Add): void {
  const { code } = node;
  if (node.method.trim() === '') {
    add('leaf_without_method', `${code} không có tiêu chí con thì phải có phương pháp chấm`, code, 'method');
    return;
  }
  const method = findMethod(node.method);
  if (!method) {
    add(
      'unknown_method',
      `Phương pháp chấm "${node.method}" của ${code} không có trong danh mục`,
      code,
      'method',
    );
    return;
  }
  if (Number.isSafeInteger(node.maxPoints) && node.maxPoints > 0) {
    const params = method.parseParams(node.params, node.maxPoints);
    if (!params.ok) add('bad_params', `${code}: ${params.message}`, code, 'params');
  }
  const kpi = node.kpi?.trim() ?? '';
  if (kpi === '') return;
  if (method.kpiKind === null) {
    add('kpi_not_allowed', `${code} chấm theo "${method.code}" nên không đọc chỉ tiêu "${kpi}"`, code, 'kpi');
    return;
  }
  const definition = kpis.get(kpi);
  if (!definition) add('unknown_kpi', `Chỉ tiêu "${kpi}" của ${code} không có trong danh mục`, code, 'kpi');
  else if (definition.kind !== method.kpiKind) {
    const want = method.kpiKind === 'rate' ? 'một tỷ lệ' : 'một số đếm';
    add(
      'kpi_kind_mismatch',
      `Phương pháp ${method.code} của ${code} cần ${want}, "${kpi}" thì không phải`,
      code,
      'kpi',
    );
  }
}

function checkTieBreak(framework: Framework, codes: ReadonlySet<string>, add: Add): void {
  const used = new Set<string>();
  for (const code of framework.tieBreak ?? []) {
    if (!codes.has(code))
      add('bad_tie_break', `Tiêu chí phân định ${code} không có trong bộ chỉ số`, code, 'tieBreak');
    if (used.has(code)) add('bad_tie_break', `Tiêu chí phân định ${code} bị lặp`, code, 'tieBreak');
    used.add(code);
  }
}
