import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { foldText } from '#core/text';
import {
  type CalendarDate,
  formatIsoMoment,
  formatVnDate,
  formatVnMoment,
  parseVnDate,
  parseVnMoment,
  type VnMoment,
} from '#core/time/index';

// How one field of a register is read and written: a cell of an imported file, a value
// of the JSON API, and its database columns. Each register is a set of these, so that
// import, export, forms and the API share one reading of every value and one set of
// Vietnamese messages.

export type Checked<V> =
  | { readonly ok: true; readonly value: V }
  | { readonly ok: false; readonly message: string };
export type DbType = 'text' | 'boolean' | 'date' | 'integer' | 'timestamptz';
export type DbValue = string | number | boolean | null;
export type JsonValue = string | number | boolean | null;

export interface DbColumn {
  readonly name: string;
  readonly type: DbType;
}

/** A field of record type V; C is what a register looks up before parsing (e.g. its officials). */
export interface Field<V, C = unknown> {
  /** The column header of files, and the field name errors give. */
  readonly header: string;
  /** Other headers accepted on import, matched ignoring case and accents. */
  readonly aliases: readonly string[];
  /** Whether an imported file must have the column. */
  readonly requiredColumn: boolean;
  /** The JSON schema of the API, for requests and the OpenAPI document. */
  readonly json: z.ZodType;
  /** Columns written, in the order of `toDb`. */
  readonly write: readonly DbColumn[];
  /** Expressions read, in the order `fromDb` takes them (`t` is the register's table). */
  read(t: SQL): SQL[];
  fromCell(text: string, context: C): Checked<V>;
  fromJson(value: unknown, context: C): Checked<V>;
  toDb(value: V): DbValue[];
  fromDb(values: readonly unknown[]): V;
  toJson(value: V): JsonValue;
  toCell(value: V): string | number;
}

export interface FieldOptions {
  readonly header: string;
  readonly aliases?: readonly string[];
}

const ok = <V>(value: V): Checked<V> => ({ ok: true, value });
const fail = <V>(message: string): Checked<V> => ({ ok: false, message });
const col = (t: SQL, name: string) => sql`${t}.${sql.identifier(name)}`;
const isoOf = (t: SQL, name: string) =>
  sql`to_char(${col(t, name)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function asString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}

/** Text as people type it: trimmed, inner runs of spaces kept as typed. */
function text(options: FieldOptions & { column: string; max: number; required: true }): Field<string>;
function text(options: FieldOptions & { column: string; max: number; required: false }): Field<string | null>;
function text(
  options: FieldOptions & { column: string; max: number; required: boolean },
): Field<string> | Field<string | null> {
  const { header, column, max, required } = options;
  const parse = (raw: string | null): Checked<string | null> => {
    const value = (raw ?? '').trim();
    if (value === '') return required ? fail(`Bắt buộc nhập “${header}”`) : ok(null);
    if (value.length > max) return fail(`“${header}” dài ${value.length} ký tự, quá ${max} ký tự cho phép`);
    return ok(value);
  };
  const field: Field<string | null> = {
    header,
    aliases: options.aliases ?? [],
    requiredColumn: required,
    json: required ? z.string().max(max) : z.string().max(max).nullable().optional(),
    write: [{ name: column, type: 'text' }],
    read: (t) => [col(t, column)],
    fromCell: (cell) => parse(cell),
    fromJson: (value) => parse(asString(value)),
    toDb: (value) => [value],
    fromDb: ([value]) => asString(value),
    toJson: (value) => value,
    toCell: (value) => value ?? '',
  };
  return field;
}

function momentOf(raw: string | null, header: string, required: boolean): Checked<VnMoment | null> {
  const value = (raw ?? '').trim();
  if (value === '') return required ? fail(`Bắt buộc nhập “${header}”`) : ok(null);
  const parsed = parseVnMoment(value);
  return parsed.ok ? ok(parsed.value) : fail(parsed.message);
}

/** A date that may carry a time: columns `<name>_at` and `<name>_has_time`. */
function moment(options: FieldOptions & { column: string; required: true }): Field<VnMoment>;
function moment(options: FieldOptions & { column: string; required: false }): Field<VnMoment | null>;
function moment(
  options: FieldOptions & { column: string; required: boolean },
): Field<VnMoment> | Field<VnMoment | null> {
  const { header, column, required } = options;
  const at = `${column}_at`;
  const hasTime = `${column}_has_time`;
  const field: Field<VnMoment | null> = {
    header,
    aliases: options.aliases ?? [],
    requiredColumn: required,
    json: (required ? z.string() : z.string().nullable().optional()).describe(
      'yyyy-mm-dd, yyyy-mm-ddTHH:mm (giờ Việt Nam) hoặc kèm múi giờ; cũng nhận dd/mm/yyyy [HH:mm]',
    ),
    write: [
      { name: at, type: 'timestamptz' },
      { name: hasTime, type: 'boolean' },
    ],
    read: (t) => [isoOf(t, at), col(t, hasTime)],
    fromCell: (cell) => momentOf(cell, header, required),
    fromJson: (value) => momentOf(asString(value), header, required),
    toDb: (value) => (value ? [value.at, value.hasTime] : [null, false]),
    fromDb: ([value, flag]) => (value === null ? null : { at: String(value), hasTime: flag === true }),
    toJson: (value) => (value ? formatIsoMoment(value) : null),
    toCell: (value) => (value ? formatVnMoment(value) : ''),
  };
  return field;
}

function dateOf(raw: string | null, header: string, required: boolean): Checked<CalendarDate | null> {
  const value = (raw ?? '').trim();
  if (value === '') return required ? fail(`Bắt buộc nhập “${header}”`) : ok(null);
  const parsed = parseVnDate(value);
  return parsed.ok ? ok(parsed.value) : fail(parsed.message);
}

/** A day without a time (`date` column, `yyyy-mm-dd` in JSON, dd/mm/yyyy in files). */
function day(options: FieldOptions & { column: string; required: true }): Field<CalendarDate>;
function day(options: FieldOptions & { column: string; required: false }): Field<CalendarDate | null>;
function day(
  options: FieldOptions & { column: string; required: boolean },
): Field<CalendarDate> | Field<CalendarDate | null> {
  const { header, column, required } = options;
  const field: Field<CalendarDate | null> = {
    header,
    aliases: options.aliases ?? [],
    requiredColumn: required,
    json: (required ? z.string() : z.string().nullable().optional()).describe('yyyy-mm-dd hoặc dd/mm/yyyy'),
    write: [{ name: column, type: 'date' }],
    read: (t) => [sql`${col(t, column)}::text`],
    fromCell: (cell) => dateOf(cell, header, required),
    fromJson: (value) => dateOf(asString(value), header, required),
    toDb: (value) => [value],
    fromDb: ([value]) => asString(value),
    toJson: (value) => value,
    toCell: (value) => (value ? formatVnDate(value) : ''),
  };
  return field;
}

const YES = new Set(['co', 'x', '1', 'yes', 'true', 'da', 'dung', 'c']);
const NO = new Set(['khong', '', '0', 'no', 'false', 'chua', 'sai', 'k']);

/** Yes or no: "Có"/"x"/"1" or "Không"/empty (an Excel checklist leaves "no" blank). */
function flag(options: FieldOptions & { column: string }): Field<boolean> {
  const { header, column } = options;
  const parse = (raw: string): Checked<boolean> => {
    const folded = foldText(raw);
    if (YES.has(folded)) return ok(true);
    if (NO.has(folded)) return ok(false);
    return fail(`“${raw.trim()}” không hợp lệ cho “${header}”: ghi Có (hoặc x) hay Không (hoặc để trống)`);
  };
  return {
    header,
    aliases: options.aliases ?? [],
    requiredColumn: true,
    json: z.boolean(),
    write: [{ name: column, type: 'boolean' }],
    read: (t) => [col(t, column)],
    fromCell: parse,
    fromJson: (value) => (typeof value === 'boolean' ? ok(value) : parse(asString(value) ?? '')),
    toDb: (value) => [value],
    fromDb: ([value]) => value === true,
    toJson: (value) => value,
    toCell: (value) => (value ? 'Có' : 'Không'),
  };
}

const MAX_COUNT = 10_000_000;

/** A whole number ≥ 0, as a count of documents. */
function count(options: FieldOptions & { column: string; min?: number; max?: number }): Field<number> {
  const { header, column } = options;
  const min = options.min ?? 0;
  const max = options.max ?? MAX_COUNT;
  const parse = (raw: string): Checked<number> => {
    const value = raw.trim().replace(/[.\s](?=\d{3}\b)/g, '');
    if (value === '') return fail(`Bắt buộc nhập “${header}”`);
    if (!/^\d+$/.test(value)) return fail(`“${raw.trim()}” không phải số nguyên cho “${header}”`);
    const n = Number(value);
    if (n < min || n > max) return fail(`“${header}” phải từ ${min} đến ${max}, không phải ${n}`);
    return ok(n);
  };
  return {
    header,
    aliases: options.aliases ?? [],
    requiredColumn: true,
    json: z.number().int().min(min).max(max),
    write: [{ name: column, type: 'integer' }],
    read: (t) => [col(t, column)],
    fromCell: parse,
    fromJson: (value) => parse(asString(value) ?? ''),
    toDb: (value) => [value],
    fromDb: ([value]) => Number(value),
    toJson: (value) => value,
    toCell: (value) => value,
  };
}

export interface Choice<C extends string> {
  readonly code: C;
  readonly vi: string;
}

/** One of a fixed list, written as its Vietnamese label (any case, with or without accents) or its code. */
function choice<C extends string>(
  options: FieldOptions & { column: string; choices: readonly Choice<C>[] },
): Field<C> {
  const { header, column, choices } = options;
  const labels = choices.map((c) => c.vi);
  const allowed = `${labels.slice(0, -1).join(', ')} hoặc ${labels.at(-1)}`;
  // Labels as written, folded labels and codes; a file repeats a few spellings, so the
  // ones met are remembered too.
  const known = new Map<string, C>();
  for (const c of choices) {
    known.set(c.vi, c.code);
    known.set(foldText(c.vi), c.code);
    known.set(c.code, c.code);
  }
  const parse = (raw: string): Checked<C> => {
    const exact = known.get(raw);
    if (exact !== undefined) return ok(exact);
    const folded = foldText(raw);
    if (folded === '') return fail(`Bắt buộc nhập “${header}”: ${allowed}`);
    const found = known.get(folded);
    if (found === undefined) return fail(`“${raw.trim()}” không hợp lệ cho “${header}”: chỉ nhận ${allowed}`);
    if (known.size < 100) known.set(raw, found);
    return ok(found);
  };
  const labelOf = (code: C) => choices.find((c) => c.code === code)?.vi ?? code;
  return {
    header,
    aliases: options.aliases ?? [],
    requiredColumn: true,
    json: z.string().describe(`Mã (${choices.map((c) => c.code).join(', ')}) hoặc nhãn: ${allowed}`),
    write: [{ name: column, type: 'text' }],
    read: (t) => [col(t, column)],
    fromCell: parse,
    fromJson: (value) => parse(asString(value) ?? ''),
    toDb: (value) => [value],
    fromDb: ([value]) => {
      const found = choices.find((c) => c.code === value);
      if (!found) throw new Error(`${column}: unexpected value ${String(value)} in the database`);
      return found.code;
    },
    toJson: (value) => value,
    toCell: labelOf,
  };
}

export const fields = { text, moment, day, flag, count, choice };
