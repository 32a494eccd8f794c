// What a command needs from the outside world, so tests can run it in-process.

import { resolve } from 'node:path';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The directory relative paths are read from and written to. */
  readonly cwd: string;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

export function pathIn(io: Io, file: string): string {
  return resolve(io.cwd, file);
}

/** Exit codes: 0 done, 1 a file or its data was refused, 2 the command line was wrong. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/** A wrong command line: an unknown option, a missing or unreadable argument. Exit 2. */
export class UsageError extends Error {}

/** One problem in a file, where the header is row 1 (null: about the whole file). */
export interface FileProblem {
  readonly row: number | null;
  /** The column header (or option) the problem is about; '' when none. */
  readonly field: string;
  readonly message: string;
}

/** A file (or its data) refused, with every problem found. Exit 1. */
export class RefusedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly FileProblem[],
  ) {
    super(`${file}: ${problems.length} lỗi`);
  }
}

function field(name: string): string | null {
  if (name === '') return null;
  return name.startsWith('--') ? `tùy chọn ${name}` : `cột "${name}"`;
}

/** `diem.csv, dòng 3, cột "3.3": reason` — one line per problem, rows in order. */
export function formatProblems(file: string, problems: readonly FileProblem[]): string {
  const sorted = [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return sorted
    .map((p) => {
      const where = [file, p.row === null ? null : `dòng ${p.row}`, field(p.field)];
      return `${where.filter((w) => w !== null).join(', ')}: ${p.message}\n`;
    })
    .join('');
}
