import {
  FIXED_ZERO,
  type FrameworkError,
  type FrameworkJson,
  type FrameworkMeta,
  type RowError as FrameworkRowError,
  formatDecimal,
  frameworkFromRows,
  frameworkToJson,
  frameworkToRows,
  nodeRole,
  parseDecimal,
  parseFrameworkJson,
  sumFixed,
  walk,
} from '#core/framework/index';
import { ancestorPaths, UNIT_LEVELS, type UnitLevel } from '#core/units';
import type { AppContext } from '../../context';
import { AppError, importRefused, notFound, type RowError } from '../../lib/errors';
import { denseRows, type TableRow } from '../../lib/table-file';
import { hasRole, reachesUnit, requireRole } from '../../policy';
import type { AuthUser } from '../auth/principal';
import { requireUnitInScope } from '../units/service';
import * as q from './queries';

export interface FrameworkSummary {
  id: number;
  ownerUnitId: number;
  ownerUnitName: string;
  year: number;
  level: UnitLevel;
  name: string;
  version: number;
  status: 'draft' | 'published';
  copiedFromId: number | null;
  maxPoints: string;
  areaCount: number;
  criterionCount: number;
  errorCount: number;
  updatedAt: Date;
  publishedAt: Date | null;
}

/** Hải Dương grouped its communes above 90 %, 80 % and 70 % (SPEC §4). */
export const DEFAULT_BANDS: FrameworkJson['bands'] = [
  { name: 'Tốt', min: '90' },
  { name: 'Khá', min: '80' },
  { name: 'Trung bình', min: '70' },
  { name: 'Yếu', min: '0' },
];

const levelRank = (level: UnitLevel) => UNIT_LEVELS.indexOf(level);

function summarise(row: q.FrameworkRow): FrameworkSummary & { errors: readonly FrameworkError[] } {
  const parsed = parseFrameworkJson(row.definition);
  let criterionCount = 0;
  let maxPoints = '0';
  if (parsed.ok) {
    walk(parsed.value.areas, (node) => {
      if (!('children' in node)) criterionCount += 1;
    });
    maxPoints = formatDecimal(
      sumFixed(parsed.value.areas.filter((a) => nodeRole(a) === 'score').map((a) => a.maxPoints)),
    );
  }
  return {
    id: row.id,
    ownerUnitId: row.ownerUnitId,
    ownerUnitName: row.ownerUnitName,
    year: row.year,
    level: row.level,
    name: row.name,
    version: row.version,
    status: row.status,
    copiedFromId: row.copiedFromId,
    maxPoints,
    areaCount: row.definition.areas.length,
    criterionCount,
    errorCount: parsed.ok ? 0 : parsed.errors.length,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    errors: parsed.ok ? [] : parsed.errors,
  };
}

const canEdit = (user: AuthUser, ownerPath: string) =>
  hasRole(user, 'admin', 'appraiser') && reachesUnit(user, ownerPath);

/** Drafts are for the appraisers who own them; published frameworks also for the units they assess. */
function canRead(user: AuthUser, row: { ownerPath: string; status: 'draft' | 'published' }): boolean {
  if (canEdit(user, row.ownerPath)) return true;
  if (row.status !== 'published') return false;
  return reachesUnit(user, row.ownerPath) || user.unitPath.startsWith(row.ownerPath);
}

async function loadReadable(ctx: AppContext, user: AuthUser, id: number) {
  const row = await q.findFramework(ctx.db, id);
  if (!row) throw notFound();
  if (!canRead(user, row)) throw new AppError(403, 'auth.outOfScope');
  return row;
}

async function loadEditable(ctx: AppContext, user: AuthUser, id: number) {
  requireRole(user, 'admin', 'appraiser');
  const row = await loadReadable(ctx, user, id);
  if (!canEdit(user, row.ownerPath)) throw new AppError(403, 'auth.outOfScope');
  return row;
}

export async function listFrameworks(
  ctx: AppContext,
  user: AuthUser,
  filter: { year?: number; level?: UnitLevel },
): Promise<FrameworkSummary[]> {
  const editor = hasRole(user, 'admin', 'appraiser');
  const rows = await q.listFrameworks(
    ctx.db,
    {
      subtreePrefix: editor ? user.unitPath : null,
      ownPath: user.unitPath,
      ancestorPaths: ancestorPaths(user.unitPath),
    },
    filter,
  );
  return rows
    .filter((row) => canRead(user, row))
    .map((row) => {
      const { errors: _errors, ...summary } = summarise(row);
      return summary;
    });
}

export async function getFramework(ctx: AppContext, user: AuthUser, id: number) {
  const row = await loadReadable(ctx, user, id);
  const { errors, ...summary } = summarise(row);
  return { framework: summary, definition: row.definition, errors: [...errors] };
}

async function requireOwner(ctx: AppContext, user: AuthUser, ownerUnitId: number, level: UnitLevel) {
  requireRole(user, 'admin', 'appraiser');
  const owner = await requireUnitInScope(ctx, user, ownerUnitId);
  if (levelRank(level) <= levelRank(owner.level)) throw new AppError(400, 'frameworks.levelNotBelow');
  return owner;
}

export async function createFramework(
  ctx: AppContext,
  user: AuthUser,
  input: { ownerUnitId: number; year: number; level: UnitLevel; name: string },
): Promise<{ id: number }> {
  await requireOwner(ctx, user, input.ownerUnitId, input.level);
  const definition: FrameworkJson = {
    year: input.year,
    level: input.level,
    name: input.name,
    indexDecimals: 2,
    bands: DEFAULT_BANDS,
    areas: [],
  };
  return ctx.db.transaction(async (tx) => {
    const version = await q.nextVersion(tx, input.ownerUnitId, input.year, input.level);
    const id = await q.insertFramework(tx, {
      ...input,
      version,
      status: 'draft',
      definition,
      copiedFromId: null,
      createdBy: user.id,
    });
    return { id };
  });
}

/** Saves a draft as edited, even with errors: the editor shows them; publishing refuses them. */
export async function saveDraft(ctx: AppContext, user: AuthUser, id: number, definition: FrameworkJson) {
  const row = await loadEditable(ctx, user, id);
  if (row.status !== 'draft') throw new AppError(409, 'frameworks.published');
  // Year and level are the draft's identity; the editor changes the tree, bands and rules.
  const stored: FrameworkJson = { ...definition, year: row.year, level: row.level };
  if (!(await q.updateDraft(ctx.db, id, stored, ctx.now()))) throw new AppError(409, 'frameworks.published');
  return getFramework(ctx, user, id);
}

export async function publishFramework(ctx: AppContext, user: AuthUser, id: number) {
  const row = await loadEditable(ctx, user, id);
  if (row.status !== 'draft') throw new AppError(409, 'frameworks.published');
  const parsed = parseFrameworkJson(row.definition);
  if (!parsed.ok) {
    throw new AppError(
      422,
      'frameworks.invalid',
      { count: parsed.errors.length },
      parsed.errors.map((e) => ({
        field: e.node ? `${e.node}${e.field ? `.${e.field}` : ''}` : (e.field ?? ''),
        message: e.message,
      })),
    );
  }
  if (!(await q.markPublished(ctx.db, id, user.id, ctx.now())))
    throw new AppError(409, 'frameworks.published');
  return getFramework(ctx, user, id);
}

/** "Copy last year's": a new draft from any framework the user can read, for the year given. */
export async function copyFramework(
  ctx: AppContext,
  user: AuthUser,
  id: number,
  input: { year: number; ownerUnitId?: number },
): Promise<{ id: number }> {
  const source = await loadReadable(ctx, user, id);
  const ownerUnitId = input.ownerUnitId ?? source.ownerUnitId;
  await requireOwner(ctx, user, ownerUnitId, source.level);
  const name =
    source.year === input.year
      ? source.name
      : source.name.replaceAll(String(source.year), String(input.year));
  const definition: FrameworkJson = { ...source.definition, year: input.year, name };
  return ctx.db.transaction(async (tx) => {
    const version = await q.nextVersion(tx, ownerUnitId, input.year, source.level);
    const newId = await q.insertFramework(tx, {
      ownerUnitId,
      year: input.year,
      level: source.level,
      name,
      version,
      status: 'draft',
      definition,
      copiedFromId: source.id,
      createdBy: user.id,
    });
    return { id: newId };
  });
}

export async function deleteDraft(ctx: AppContext, user: AuthUser, id: number): Promise<void> {
  const row = await loadEditable(ctx, user, id);
  if (row.status !== 'draft' || !(await q.deleteDraft(ctx.db, id)))
    throw new AppError(409, 'frameworks.published');
}

export interface ImportMeta {
  ownerUnitId: number;
  year: number;
  level: UnitLevel;
  name: string;
  bands?: FrameworkJson['bands'];
  indexDecimals?: number;
  tieBreak?: string[];
  optionalAreas?: string[];
}

function metaOf(input: ImportMeta): FrameworkMeta | RowError[] {
  const errors: RowError[] = [];
  const bands = (input.bands ?? DEFAULT_BANDS).map((band) => {
    const min = parseDecimal(band.min);
    if (min === null)
      errors.push({
        row: 0,
        field: 'bands',
        message: `Mức tối thiểu "${band.min}" của xếp loại ${band.name} không phải là số.`,
      });
    return { name: band.name, min: min ?? FIXED_ZERO };
  });
  if (errors.length > 0) return errors;
  return {
    year: input.year,
    level: input.level,
    name: input.name,
    bands,
    indexDecimals: input.indexDecimals ?? 2,
    ...(input.tieBreak?.length ? { tieBreak: input.tieBreak } : {}),
    ...(input.optionalAreas?.length ? { optionalAreas: input.optionalAreas } : {}),
  };
}

const toRowError = (e: FrameworkRowError): RowError => ({
  row: e.row ?? 0,
  field: e.field,
  message: e.message,
});

/**
 * Imports a framework file (the layout of bo-chi-so-cap-xa-2021-mau.csv) as a new draft:
 * all or nothing, every bad row named.
 */
export async function importFramework(
  ctx: AppContext,
  user: AuthUser,
  table: { header: TableRow; rows: TableRow[] },
  input: ImportMeta,
): Promise<{ id: number }> {
  await requireOwner(ctx, user, input.ownerUnitId, input.level);
  const meta = metaOf(input);
  if (Array.isArray(meta)) throw importRefused(meta);
  const read = frameworkFromRows(table.header.cells, denseRows(table.rows), meta);
  if (!read.ok) throw importRefused(read.errors.map(toRowError));
  const definition = frameworkToJson(read.value);
  return ctx.db.transaction(async (tx) => {
    const version = await q.nextVersion(tx, input.ownerUnitId, input.year, input.level);
    const id = await q.insertFramework(tx, {
      ownerUnitId: input.ownerUnitId,
      year: input.year,
      level: input.level,
      name: input.name,
      version,
      status: 'draft',
      definition,
      copiedFromId: null,
      createdBy: user.id,
    });
    return { id };
  });
}

/** The framework as spreadsheet rows (and what the file does not hold, for a second sheet). */
export async function exportFramework(ctx: AppContext, user: AuthUser, id: number) {
  const row = await loadReadable(ctx, user, id);
  const parsed = parseFrameworkJson(row.definition);
  if (!parsed.ok) throw new AppError(422, 'frameworks.invalid', { count: parsed.errors.length });
  const { header, rows } = frameworkToRows(parsed.value);
  const f = parsed.value;
  const info: string[][] = [
    ['Năm', String(f.year)],
    ['Cấp', f.level],
    ['Tên bộ chỉ số', f.name],
    ['Phiên bản', String(row.version)],
    ['Xếp loại', f.bands.map((b) => `${b.name}:${formatDecimal(b.min)}`).join(';')],
    ['Số chữ số thập phân của chỉ số', String(f.indexDecimals)],
    ['Tiêu chí phân định khi bằng điểm', (f.tieBreak ?? []).join(',')],
    [
      'Lĩnh vực không bắt buộc',
      f.areas
        .filter((a) => a.optional)
        .map((a) => a.code)
        .join(','),
    ],
  ];
  return { name: row.name, year: row.year, header, rows, info };
}

/** The framework a unit is assessed by in a year (nearest owner above it, latest published). */
export async function applicableFramework(
  ctx: AppContext,
  unit: { path: string; level: UnitLevel },
  year: number,
) {
  return q.findApplicable(ctx.db, ancestorPaths(unit.path), year, unit.level);
}
