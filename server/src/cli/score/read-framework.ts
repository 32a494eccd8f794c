// The framework file → a compiled framework, or every bad row as the engine names it.

import {
  type CompiledFramework,
  compileFramework,
  type FrameworkMeta,
  frameworkFromRows,
  type RowError,
} from '#core/framework/index';
import type { TableFormat } from '../../lib/table-file';
import { denseRows } from '../../lib/table-file';
import { type FileProblem, type Io, RefusedError, UsageError } from '../io';
import { readTableFile } from './read-table';

/** Metadata fields and the option that sets each; an error on one is a command-line error. */
const OPTION_OF: Readonly<Record<string, string>> = {
  year: '--year',
  level: '--level',
  name: '--name',
  bands: '--bands',
  indexDecimals: '--decimals',
  tieBreak: '--tie-break',
  optionalAreas: '--optional-areas',
};

export async function readFramework(
  io: Io,
  file: { path: string; format: TableFormat },
  meta: FrameworkMeta,
): Promise<CompiledFramework> {
  const table = await readTableFile(io, file.path, file.format);
  const read = frameworkFromRows(table.header.cells, denseRows(table.rows), meta);
  if (!read.ok) refuse(file.path, read.errors);
  const compiled = compileFramework(read.value);
  // frameworkFromRows has validated the same framework, so this only guards the contract.
  if (!compiled.ok) {
    throw new RefusedError(
      file.path,
      compiled.errors.map((e) => ({ row: null, field: e.node ?? '', message: e.message })),
    );
  }
  return compiled.value;
}

function refuse(path: string, errors: readonly RowError[]): never {
  const options = errors.filter((e) => e.row === null && e.field in OPTION_OF);
  if (options.length === errors.length) {
    throw new UsageError(options.map((e) => `${OPTION_OF[e.field]}: ${e.message}`).join('\n'));
  }
  const problems: FileProblem[] = errors.map((e) => ({
    row: e.row,
    field: e.row === null && e.field in OPTION_OF ? (OPTION_OF[e.field] as string) : e.field,
    message: e.message,
  }));
  throw new RefusedError(path, problems);
}
