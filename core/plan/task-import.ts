import { PLAN_TASK_KINDS, type PlanTaskKind } from '../kpi/records';
import { foldText } from '../text';
import { type CalendarDate, parseVnDate, parseVnMoment, type VnMoment, vnDateOf } from '../time';
import { TASK_STATUSES, type TaskStatus } from './tasks';

/** The columns of a task sheet, as exported and imported (names matched ignoring case and accents). */
export const TASK_COLUMNS = {
  id: 'Mã nhiệm vụ',
  title: 'Nhiệm vụ',
  kind: 'Loại',
  area: 'Lĩnh vực',
  criteria: 'Tiêu chí',
  assignee: 'Cán bộ phụ trách',
  responsibleUnit: 'Bộ phận chủ trì',
  startDate: 'Ngày bắt đầu',
  due: 'Hạn hoàn thành',
  status: 'Trạng thái',
  progress: 'Tiến độ (%)',
  done: 'Ngày hoàn thành',
  resultNote: 'Kết quả',
} as const;
type Column = keyof typeof TASK_COLUMNS;
const REQUIRED: readonly Column[] = ['title', 'due'];

export const MAX_TASK_TITLE = 500;
export const MAX_TASK_NOTE = 4000;
export const MAX_CRITERION_CODE = 32;
const CRITERION_CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

/** Why a criterion code cannot be one (Vietnamese), or null when its form is fine. */
export function criterionCodeProblem(code: string): string | null {
  if (code.length > MAX_CRITERION_CODE) return `Mã tiêu chí "${code}" dài quá ${MAX_CRITERION_CODE} ký tự.`;
  if (!CRITERION_CODE.test(code)) {
    return `Mã tiêu chí "${code}" chỉ được gồm chữ, số, dấu chấm, gạch ngang, gạch dưới (ví dụ 1.2 hoặc II.3a).`;
  }
  return null;
}

/** "1.1, 1.2; 2.3" → ["1.1", "1.2", "2.3"], duplicates dropped, order kept. */
export function splitCriterionCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\s]+/)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
}

export interface TaskImportRecord {
  row: number;
  /** Existing task to update; null to add a task. */
  id: number | null;
  title: string;
  kind: PlanTaskKind;
  areaKey: string | null;
  criteriaCodes: string[];
  assigneeId: number | null;
  responsibleUnit: string | null;
  startDate: CalendarDate | null;
  due: VnMoment;
  status: TaskStatus;
  progress: number;
  done: VnMoment | null;
  resultNote: string | null;
}

export interface TaskImportContext {
  /** The plan's areas, matched by name, by key or by their number in the plan (1, 2, …). */
  areas: readonly { key: string; name: string }[];
  /** Users of the unit a task may be given to, matched by user name or full name. */
  members: readonly { id: number; username: string; fullName: string }[];
  /** Ids of the plan's tasks: a "Mã nhiệm vụ" must be one of them. */
  taskIds: ReadonlySet<number>;
  /** Today in Vietnam: a done date cannot be later. */
  today: CalendarDate;
}

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

function folded<C extends string>(list: readonly { code: C; vi: string }[], value: string): C | undefined {
  const f = foldText(value);
  return list.find((x) => foldText(x.vi) === f || x.code === f)?.code;
}

/**
 * Checks a task sheet on its own and against the plan (areas, members, task ids). Every
 * problem is reported with its row, column and reason; a row with a problem gives no record.
 */
export function parseTaskRows(
  header: readonly string[],
  rows: readonly { row: number; cells: readonly string[] }[],
  context: TaskImportContext,
): { records: TaskImportRecord[]; errors: ImportRowError[] } {
  const headerFolded = header.map(foldText);
  const index = {} as Record<Column, number>;
  const errors: ImportRowError[] = [];
  for (const key of Object.keys(TASK_COLUMNS) as Column[]) {
    index[key] = headerFolded.indexOf(foldText(TASK_COLUMNS[key]));
    if (index[key] < 0 && REQUIRED.includes(key)) {
      errors.push({
        row: 1,
        field: TASK_COLUMNS[key],
        message: `Thiếu cột "${TASK_COLUMNS[key]}" trong dòng tiêu đề.`,
      });
    }
  }
  if (errors.length > 0) return { records: [], errors };

  const areaByName = new Map<string, string>();
  context.areas.forEach((a, i) => {
    areaByName.set(foldText(a.name), a.key);
    areaByName.set(foldText(a.key), a.key);
    areaByName.set(String(i + 1), a.key);
  });
  const memberByName = new Map<string, number>();
  for (const m of context.members) {
    memberByName.set(foldText(m.username), m.id);
    memberByName.set(foldText(m.fullName), m.id);
  }

  const records: TaskImportRecord[] = [];
  const idRows = new Map<number, number>();
  for (const { row, cells } of rows) {
    const cell = (key: Column) => (index[key] >= 0 ? (cells[index[key]] ?? '').trim() : '');
    const fail = (key: Column, message: string) => errors.push({ row, field: TASK_COLUMNS[key], message });
    const before = errors.length;

    let id: number | null = null;
    const idText = cell('id');
    if (idText) {
      const n = Number(idText);
      if (!Number.isInteger(n) || !context.taskIds.has(n)) {
        fail(
          'id',
          `Không có nhiệm vụ mã "${idText}" trong kế hoạch này; để trống ô này để thêm nhiệm vụ mới.`,
        );
      } else if (idRows.has(n)) {
        fail('id', `Mã nhiệm vụ ${n} trùng với dòng ${idRows.get(n)}.`);
      } else {
        id = n;
        idRows.set(n, row);
      }
    }

    const title = cell('title');
    if (!title) fail('title', 'Bắt buộc nhập tên nhiệm vụ.');
    else if (title.length > MAX_TASK_TITLE) fail('title', `Tên nhiệm vụ dài quá ${MAX_TASK_TITLE} ký tự.`);

    const kindText = cell('kind');
    const kind = kindText ? folded(PLAN_TASK_KINDS, kindText) : 'plan';
    if (!kind) {
      fail(
        'kind',
        `Loại "${kindText}" không hợp lệ; dùng một trong: ${PLAN_TASK_KINDS.map((k) => k.vi).join('; ')}.`,
      );
    }

    const areaText = cell('area');
    const areaKey = areaText ? (areaByName.get(foldText(areaText)) ?? null) : null;
    if (areaText && !areaKey) {
      fail(
        'area',
        `Kế hoạch không có lĩnh vực "${areaText}"; ghi tên lĩnh vực hoặc số thứ tự (1–${context.areas.length}).`,
      );
    }

    const criteriaCodes = splitCriterionCodes(cell('criteria'));
    for (const code of criteriaCodes) {
      const problem = criterionCodeProblem(code);
      if (problem) fail('criteria', problem);
    }

    const assigneeText = cell('assignee');
    const assigneeId = assigneeText ? (memberByName.get(foldText(assigneeText)) ?? null) : null;
    if (assigneeText && assigneeId === null) {
      fail('assignee', `Không có người dùng "${assigneeText}" trong đơn vị; ghi tên đăng nhập hoặc họ tên.`);
    }

    const responsibleUnit = cell('responsibleUnit') || null;
    if (responsibleUnit && responsibleUnit.length > 200)
      fail('responsibleUnit', 'Bộ phận chủ trì dài quá 200 ký tự.');

    let startDate: CalendarDate | null = null;
    if (cell('startDate')) {
      const parsed = parseVnDate(cell('startDate'));
      if (parsed.ok) startDate = parsed.value;
      else fail('startDate', parsed.message);
    }

    let due: VnMoment | null = null;
    const dueParsed = parseVnMoment(cell('due'));
    if (dueParsed.ok) due = dueParsed.value;
    else
      fail(
        'due',
        dueParsed.code === 'empty' ? 'Bắt buộc nhập hạn hoàn thành (dd/mm/yyyy).' : dueParsed.message,
      );
    if (startDate && due && startDate > vnDateOf(due.at)) {
      fail('startDate', 'Ngày bắt đầu sau hạn hoàn thành.');
    }

    let done: VnMoment | null = null;
    if (cell('done')) {
      const parsed = parseVnMoment(cell('done'));
      if (!parsed.ok) fail('done', parsed.message);
      else if (vnDateOf(parsed.value.at) > context.today)
        fail('done', 'Ngày hoàn thành không được sau hôm nay.');
      else done = parsed.value;
    }

    const statusText = cell('status');
    let status: TaskStatus | undefined = statusText ? folded(TASK_STATUSES, statusText) : undefined;
    if (statusText && !status) {
      fail(
        'status',
        `Trạng thái "${statusText}" không hợp lệ; dùng: ${TASK_STATUSES.map((s) => s.vi).join(', ')}.`,
      );
    }
    if (!statusText) status = done ? 'done' : 'todo';
    if (status === 'done' && !done && !cell('done')) {
      fail('done', 'Nhiệm vụ hoàn thành phải có ngày hoàn thành.');
    }
    if (status && status !== 'done' && done) {
      fail(
        'status',
        `Có ngày hoàn thành nhưng trạng thái là "${statusText}"; ghi "Hoàn thành" hoặc xoá ngày hoàn thành.`,
      );
    }
    if (startDate && done && vnDateOf(done.at) < startDate)
      fail('done', 'Ngày hoàn thành trước ngày bắt đầu.');

    const progressText = cell('progress').replace('%', '').trim();
    let progress = status === 'done' ? 100 : 0;
    if (progressText) {
      const n = Number(progressText.replace(',', '.'));
      if (!Number.isInteger(n) || n < 0 || n > 100)
        fail('progress', `Tiến độ "${cell('progress')}" phải là số nguyên từ 0 đến 100.`);
      else if (status === 'done' && n !== 100) fail('progress', 'Nhiệm vụ hoàn thành có tiến độ 100%.');
      else progress = n;
    }

    const resultNote = cell('resultNote') || null;
    if (resultNote && resultNote.length > MAX_TASK_NOTE)
      fail('resultNote', `Kết quả dài quá ${MAX_TASK_NOTE} ký tự.`);

    if (errors.length === before && kind && due && status) {
      records.push({
        row,
        id,
        title,
        kind,
        areaKey,
        criteriaCodes,
        assigneeId,
        responsibleUnit,
        startDate,
        due,
        status,
        progress,
        done,
        resultNote,
      });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { records, errors };
}
