import { foldText } from '#core/text';
import { locateColumns } from '../../../lib/table-file';
import { type FieldError, fieldList, type RegisterDefinition } from './definition';

// Reading one record from a file row or a JSON body, field by field, so that both say
// the same thing about the same bad value.

export type RecordResult<R> = { ok: true; record: R } | { ok: false; errors: FieldError[] };

/** Builds a record from a reader of raw values; every field is read, every error kept. */
function readRecord<R, C>(
  def: RegisterDefinition<R, C>,
  read: (
    key: keyof R & string,
    header: string,
  ) => { ok: true; value: unknown } | { ok: false; message: string },
): RecordResult<R> {
  const errors: FieldError[] = [];
  const record: Partial<Record<keyof R, unknown>> = {};
  for (const { key, field } of fieldList(def)) {
    const result = read(key, field.header);
    if (result.ok) record[key] = result.value;
    else errors.push({ field: field.header, message: result.message });
  }
  if (errors.length > 0) return { ok: false, errors };
  // Every field was read without error above.
  const complete = record as R;
  const problems = def.check(complete);
  return problems.length > 0 ? { ok: false, errors: problems } : { ok: true, record: complete };
}

export function recordFromJson<R, C>(
  def: RegisterDefinition<R, C>,
  body: Readonly<Record<string, unknown>>,
  context: C,
): RecordResult<R> {
  return readRecord(def, (key) => def.fields[key].fromJson(body[key] ?? null, context));
}

/** The file's column of each field; missing required columns as errors of row 1. */
export function locateFields<R, C>(
  def: RegisterDefinition<R, C>,
  header: readonly string[],
): { columns: Partial<Record<keyof R & string, number>>; errors: FieldError[] } {
  const wanted = Object.fromEntries(
    fieldList(def).map(({ key, field }) => [
      key,
      { names: [field.header, ...field.aliases], required: field.requiredColumn },
    ]),
  ) as Record<keyof R & string, { names: string[]; required: boolean }>;
  const { columns, missing } = locateColumns([...header], wanted, foldText);
  return {
    columns,
    errors: missing.map((key) => {
      const name = def.fields[key].header;
      return { field: name, message: `Thiếu cột “${name}” trong dòng tiêu đề (dòng 1)` };
    }),
  };
}

export function recordFromCells<R, C>(
  def: RegisterDefinition<R, C>,
  columns: Partial<Record<keyof R & string, number>>,
  cells: readonly string[],
  context: C,
): RecordResult<R> {
  return readRecord(def, (key) => {
    const index = columns[key];
    return def.fields[key].fromCell(index === undefined ? '' : (cells[index] ?? ''), context);
  });
}
