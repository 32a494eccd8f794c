import type { AppContext } from '../../../context';
import { AppError, importRefused, type RowError } from '../../../lib/errors';
import type { TableRow } from '../../../lib/table-file';
import type { RegisterDefinition } from './definition';
import type { DbValue } from './fields';
import * as q from './queries';
import { locateFields, recordFromCells } from './records';

// The import of a register file: all or nothing, every bad row named, streamed. Rows are
// read one at a time and written to a temporary table in batches (one multi-row insert
// each), so a file of a million rows keeps memory flat; repeated keys are found there in
// SQL, and one statement then inserts the new rows and updates the changed ones. It all
// runs in one transaction: a refused file leaves the register as it was.

/** Rows per multi-row insert into the staging table. */
const BATCH_ROWS = 5000;
/** Errors listed in a refusal; the count of bad rows is always given whole. */
export const MAX_LISTED_ERRORS = 1000;

class RowErrors {
  readonly listed: RowError[] = [];
  private badRows = 0;
  private lastRow = 0;

  add(row: number, errors: readonly { field: string; message: string }[]): void {
    if (row !== this.lastRow) {
      this.badRows += 1;
      this.lastRow = row;
    }
    for (const e of errors) {
      if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push({ row, ...e });
    }
  }

  get count(): number {
    return this.badRows;
  }

  refusal(): AppError {
    return importRefused(this.listed, this.badRows);
  }
}

function duplicateErrors(groups: number[][], keyHeaders: string): { row: number; message: string }[] {
  return groups.flatMap(([first, ...repeats]) =>
    repeats.map((row) => ({ row, message: `Trùng ${keyHeaders} với dòng ${first} của tệp` })),
  );
}

export async function importRows<R, C>(
  ctx: AppContext,
  def: RegisterDefinition<R, C>,
  unitId: number,
  rows: AsyncIterable<TableRow>,
): Promise<q.UpsertCounts> {
  return ctx.db.transaction(async (tx) => {
    const context = await def.prepare(tx, unitId);
    await q.createStaging(tx, def);
    const errors = new RowErrors();
    let columns: ReturnType<typeof locateFields<R, C>>['columns'] | null = null;
    let dataRows = 0;
    let batch: { row: number; values: DbValue[] }[] = [];

    for await (const { row, cells } of rows) {
      if (columns === null) {
        const located = locateFields(def, cells);
        if (located.errors.length > 0) {
          throw importRefused(located.errors.map((e) => ({ row, ...e })));
        }
        columns = located.columns;
        continue;
      }
      dataRows += 1;
      const result = recordFromCells(def, columns, cells, context);
      if (!result.ok) {
        errors.add(row, result.errors);
        continue;
      }
      // Once a row is bad nothing will be stored; keep reading only to name every bad row.
      if (errors.count > 0) continue;
      batch.push({ row, values: q.writeValues(def, result.record) });
      if (batch.length >= BATCH_ROWS) {
        await q.insertStaging(tx, def, batch);
        batch = [];
      }
    }
    if (dataRows === 0) throw new AppError(400, 'import.empty');
    if (errors.count > 0) throw errors.refusal();
    await q.insertStaging(tx, def, batch);

    const keyHeaders = def.naturalKey.map((k) => `“${def.fields[k].header}”`).join(', ');
    const field = def.fields[def.naturalKey[0]].header;
    const repeats = duplicateErrors(await q.stagedDuplicates(tx, def, MAX_LISTED_ERRORS), keyHeaders);
    if (repeats.length > 0) throw importRefused(repeats.map((r) => ({ ...r, field })));

    return q.upsertStaged(tx, def, unitId, ctx.now());
  });
}
