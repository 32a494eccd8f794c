// Reads a .csv or .xlsx given on the command line into rows, header first.

import { readFile } from 'node:fs/promises';
import { readTable, type TableFormat, type TableRow } from '../../lib/table-file';
import { type Io, pathIn, RefusedError, UsageError } from '../io';

export interface Table {
  readonly header: TableRow;
  readonly rows: readonly TableRow[];
}

/**
 * A missing or unreadable file is a usage error (exit 2); a file that is not a table
 * of its format, or has no data row, is refused (exit 1).
 */
export async function readTableFile(io: Io, path: string, format: TableFormat): Promise<Table> {
  let content: Buffer;
  try {
    content = await readFile(pathIn(io, path));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'không có tệp này' : String(error);
    throw new UsageError(`Không đọc được tệp "${path}": ${reason}`);
  }
  try {
    return await readTable(content, format);
  } catch (error) {
    if (error instanceof Error)
      throw new RefusedError(path, [{ row: null, field: '', message: error.message }]);
    throw error;
  }
}
