// `chiso <command>`: the command line's entry (bin/chiso.mjs starts it with tsx).
// Each command is one line of the table below.

import { pathToFileURL } from 'node:url';
import { AUDIT_VERIFY_HELP } from '../modules/audit/help';
import { EXIT, type Io, processIo } from './io';
import { type CommandSummary, mainUsage, SCORE_HELP } from './usage';

interface Command extends CommandSummary {
  readonly run: (argv: readonly string[], io: Io) => Promise<number>;
}

/** `name` may be several words (`audit verify`); the rest of the line goes to `run`. */
export const COMMANDS: readonly Command[] = [
  {
    name: 'score',
    summary: {
      vi: 'chấm điểm, xếp loại, xếp hạng các đơn vị từ bảng điểm',
      en: 'score, band and rank units from a scores file',
    },
    help: SCORE_HELP,
    // Loaded when run, so `chiso --help` does not load the spreadsheet readers.
    run: async (argv, io) => (await import('./score/command')).runScore(argv, io),
  },
  {
    name: 'audit verify',
    summary: {
      vi: 'kiểm tra chuỗi băm của nhật ký thay đổi điểm và trạng thái',
      en: 'check the hash chain of the audit log of points and states',
    },
    help: AUDIT_VERIFY_HELP,
    run: async (argv, io) => (await import('../modules/audit/cli')).runAuditVerify(argv, io),
  },
];

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [first] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    io.out(mainUsage(COMMANDS));
    return EXIT.ok;
  }
  const words = (c: Command) => c.name.split(' ');
  const command = COMMANDS.find((c) => words(c).every((word, i) => argv[i] === word));
  if (!command) {
    const reason =
      first === undefined ? 'Thiếu lệnh / missing command' : `Lệnh lạ / unknown command: ${first}`;
    io.err(`${reason}\n\n${mainUsage(COMMANDS)}`);
    return EXIT.usage;
  }
  try {
    return await command.run(argv.slice(words(command).length), io);
  } catch (error) {
    io.err(`Lỗi không mong đợi / unexpected error: ${(error as Error).stack ?? error}\n`);
    return EXIT.refused;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
