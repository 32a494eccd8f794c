import type { AppContext } from '../../../context';
import type { Db } from '../../../db/client';
import { AppError, importRefused, type RowError } from '../../../lib/errors';
import type { TableRow } from '../../../lib/table-file';
import * as bulk from './bulk';
import { writeValues } from './columns';
import type { RegisterDefinition } from './definition';
import type { DbValue } from './fields';
import { locateFields, recordFromCells } from './records';

// The import of a register file: all or nothing, every bad row named, streamed. Rows are
// read one at a time and written in batches, one statement each, straight into the
// register (new keys inserted, changed rows updated, equal rows left alone), while the
// next batch is read. A key repeated in the file is caught by a temporary table of the
// keys seen, so memory stays flat for a file of a million rows. It all runs in one
// transaction: a refused file leaves the register as it was.

/** Rows per statement. */
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

type Batch = { row: number; values: DbValue[] }[];

/** Writes batches one at a time, the next being read meanwhile; remembers repeated keys. */
class BatchWriter<R, C> {
  readonly totals = { inserted: 0, updated: 0 };
  readonly repeats: Batch = [];
  repeatedRows = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly def: RegisterDefinition<R, C>,
    private readonly unitId: number,
    private readonly now: Date,
  ) {}

  async write(rows: Batch): Promise<void> {
    await this.writing;
    if (rows.length === 0) return;
    this.writing = bulk.upsertBatch(this.db, this.def, this.unitId, rows, this.now).then((result) => {
      this.totals.inserted += result.inserted;
      this.totals.updated += result.updated;
      const byRow = new Map(rows.map((r) => [r.row, r]));
      for (const row of result.repeated) {
        this.repeatedRows += 1;
        const repeated = byRow.get(row);
        if (repeated && this.repeats.length < MAX_LISTED_ERRORS) this.repeats.push(repeated);
      }
    });
    // Handled here so an early failure is not "unhandled"; it is rethrown at the next await.
    this.writing.catch(() => undefined);
  }

  done(): Promise<void> {
    return this.writing;
  }
}

export async function importRows<R, C>(
  ctx: AppContext,
  def: RegisterDefinition<R, C>,
  unitId: number,
  rows: AsyncIterable<TableRow>,
): Promise<bulk.UpsertCounts> {
  return ctx.db.transaction(async (tx) => {
    const context = await def.prepare(tx, unitId);
    await bulk.createImportKeys(tx, def);
    const writer = new BatchWriter(tx, def, unitId, ctx.now());
    const errors = new RowErrors();
    let columns: ReturnType<typeof locateFields<R, C>>['columns'] | null = null;
    let dataRows = 0;
    let batch: Batch = [];

    for await (const { row, cells } of rows) {
      if (columns === null) {
        const located = locateFields(def, cells);
        if (located.errors.length > 0) throw importRefused(located.errors.map((e) => ({ row, ...e })));
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
      batch.push({ row, values: writeValues(def, result.record) });
      if (batch.length >= BATCH_ROWS) {
        await writer.write(batch);
        batch = [];
      }
    }
    await writer.done();
    if (dataRows === 0) throw new AppError(400, 'import.empty');
    if (errors.count > 0) throw errors.refusal();
    await writer.write(batch);
    await writer.done();

    if (writer.repeatedRows > 0) {
      const keyHeaders = def.naturalKey.map((k) => `“${def.fields[k].header}”`).join(', ');
      const field = def.fields[def.naturalKey[0]].header;
      const first = await bulk.firstRowsOfKeys(tx, def, writer.repeats);
      const repeats = writer.repeats.map((r) => ({
        row: r.row,
        field,
        message: `Trùng ${keyHeaders} với dòng ${first.get(r.row) ?? '?'} của tệp`,
      }));
      throw importRefused(repeats, writer.repeatedRows);
    }
    return writer.totals;
  });
}
