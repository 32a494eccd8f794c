// `chiso score`: read both files, score, write, all or nothing.

import { writeFile } from 'node:fs/promises';
import { EXIT, formatProblems, type Io, pathIn, RefusedError, UsageError } from '../io';
import { commandUsage, SCORE_HELP, SCORE_SYNOPSIS } from '../usage';
import { parseScoreArgs } from './args';
import { readFramework } from './read-framework';
import { readScores } from './read-scores';
import { readTableFile } from './read-table';
import { buildReport } from './report';
import { scoreAll } from './score';
import { render, toTable } from './write';

export async function runScore(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await score(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${SCORE_SYNOPSIS}`);
      return EXIT.usage;
    }
    if (error instanceof RefusedError) {
      io.err(formatProblems(error.file, error.problems));
      io.err(`Không ghi kết quả: ${countRows(error)} có lỗi trong ${error.file}.\n`);
      return EXIT.refused;
    }
    throw error;
  }
}

async function score(argv: readonly string[], io: Io): Promise<number> {
  const args = parseScoreArgs(argv);
  if (args.help) {
    io.out(commandUsage(SCORE_HELP));
    return EXIT.ok;
  }
  const compiled = await readFramework(io, args.framework, args.meta);
  const scores = readScores(compiled, await readTableFile(io, args.scores.path, args.scores.format));
  // Scored even with bad cells, so one run names every problem of the file.
  const scored = scoreAll(compiled, scores);
  const problems = [...scores.problems, ...scored.problems];
  if (problems.length > 0) throw new RefusedError(args.scores.path, problems);
  io.err(formatProblems(args.scores.path, scored.ignored));

  const report = buildReport(compiled, scored.results);
  const incomplete = report.lines.filter((l) => !l.complete);
  for (const l of incomplete) io.err(`${l.unit}: ${l.notes[0]}\n`);
  if (args.out === null) {
    io.out(toTable(report));
    return EXIT.ok;
  }
  const content = await render(report, args.out.format);
  try {
    await writeFile(pathIn(io, args.out.path), content);
  } catch (error) {
    throw new UsageError(`Không ghi được tệp "${args.out.path}": ${(error as Error).message}`);
  }
  io.err(`Đã ghi kết quả của ${report.lines.length} đơn vị vào ${args.out.path}\n`);
  return EXIT.ok;
}

function countRows(error: RefusedError): string {
  const rows = new Set(error.problems.map((p) => p.row));
  return rows.has(null) && rows.size === 1 ? 'tệp' : `${rows.size} dòng`;
}
