#!/usr/bin/env node
// `npx chiso …`: runs the TypeScript command line (server/src/cli/main.ts) under tsx,
// passing the arguments, the streams and the exit code through.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../server/src/cli/main.ts', import.meta.url));
// Resolved from this file, so `npx chiso` works from any directory.
const tsx = import.meta.resolve('tsx');

const child = spawn(process.execPath, ['--import', tsx, main, ...process.argv.slice(2)], {
  stdio: 'inherit',
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}

child.on('error', (error) => {
  process.stderr.write(`chiso: không chạy được / cannot start: ${error.message}\n`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
