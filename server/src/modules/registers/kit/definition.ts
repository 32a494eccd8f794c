import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { RegisterKey } from '#core/kpi/index';
import type { Period } from '#core/time/index';
import type { Db } from '../../../db/client';
import type { DbColumn, DbValue, Field } from './fields';

// A register described as data: its table, its fields (file columns, JSON, database
// columns), the key an import matches rows by, and how it is searched, filtered and
// ordered. The generic import, export, list and form code in this folder serve all of
// them, so the six registers of issue 7 share one implementation.

export interface FieldError {
  /** The field's Vietnamese header. */
  readonly field: string;
  readonly message: string;
}

export type Fields<R, C> = { readonly [K in keyof R]-?: Field<R[K], C> };

export interface ListFilter {
  /** Values the filter accepts (`?status=open`). */
  readonly values: readonly [string, ...string[]];
  readonly describe: string;
  where(t: SQL, value: string): SQL;
}

export interface RegisterDefinition<R, C = undefined> {
  /** The register as core/kpi names it: the KPIs it feeds. */
  readonly register: RegisterKey;
  /** URL segment: /api/units/{unitId}/<path>. */
  readonly path: string;
  readonly table: PgTable;
  /** The register's name in Vietnamese, for the OpenAPI document and sheet names. */
  readonly title: string;
  /** Export file name without extension, e.g. "ho-so". */
  readonly fileName: string;
  /** Sample file in docs/mau, offered on the register's page. */
  readonly sampleFile: string;
  readonly fields: Fields<R, C>;
  /** The fields an import matches existing rows by; a unique index of the table. */
  readonly naturalKey: readonly [keyof R & string, ...(keyof R & string)[]];
  /** The unique index's columns, when they are not the key fields' own (a derived matching key). */
  readonly keyColumns?: readonly string[];
  /** Loads what parsing needs from the unit's other registers (its officials …). */
  prepare(db: Db, unitId: number): Promise<C>;
  /** Checks between fields (a due date before the received date …). */
  check(record: R): FieldError[];
  /**
   * The texts a search matches, its unique code first (folded before storing); absent
   * when the table has no `search` column.
   */
  searchText?(record: R): readonly string[];
  /** Extra columns written alongside the fields (a matching key derived from one …). */
  readonly derived?: { readonly columns: readonly DbColumn[]; values(record: R): DbValue[] };
  /** List order, newest first; `t` is the table. */
  order(t: SQL): SQL;
  /** What "from … to" means in the list (received in the period, due in it …). */
  periodFilter(t: SQL, period: Period): SQL | null;
  /** Refuses to delete a record others still point to (an official with decisions). */
  guardDelete?(db: Db, id: number): Promise<void>;
  /** Register-specific list filters (`?channel=truc_tuyen`). */
  readonly filters: Readonly<Record<string, ListFilter>>;
}

type FieldEntry<C> = { readonly key: string; readonly field: Field<unknown, C> };
const FIELD_LISTS = new WeakMap<object, readonly FieldEntry<unknown>[]>();

/** The fields of a register as a list, in file-column order (made once per register). */
export function fieldList<R, C>(
  def: RegisterDefinition<R, C>,
): readonly { readonly key: keyof R & string; readonly field: Field<unknown, C> }[] {
  const cached = FIELD_LISTS.get(def);
  // Stored below for this very definition, so its types are R's and C's.
  if (cached) return cached as readonly { key: keyof R & string; field: Field<unknown, C> }[];
  const list = (Object.keys(def.fields) as (keyof R & string)[]).map((key) => ({
    key,
    field: def.fields[key],
  }));
  FIELD_LISTS.set(def, list as readonly FieldEntry<unknown>[]);
  return list;
}
