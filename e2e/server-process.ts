import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'chiso-e2e-'));

/**
 * Starts ChiSo the way `npm start` does (web build included) and waits for the
 * "ChiSo đang chạy tại …" line, or for the process to exit.
 */
export function startServer(env: Record<string, string>, timeoutMs = 150_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ChiSo đang chạy tại (http:\/\/\S+)\n/.exec(out);
      // Wait for the lines printed after the address (demo accounts or the first-run hint).
      if (match?.[1] && /\n\n/.test(out.slice(match.index + match[0].length - 1))) {
        clearTimeout(timer);
        resolve({
          url: match[1].replace('localhost', '127.0.0.1'),
          child,
          output: () => out,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        Object.assign(new Error(`server exited with ${code}:\n${out}`), { exitCode: code, output: out }),
      );
    });
  });
}

/** Runs a second server expected to fail, returning its exit code and output. */
export function runToExit(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<{ code: number | null; output: string }> {
  return startServer(env, timeoutMs).then(
    async (server) => {
      await server.stop();
      throw new Error(`expected the server to refuse to start, but it started:\n${server.output()}`);
    },
    (error: { exitCode?: number | null; output?: string }) => ({
      code: error.exitCode ?? null,
      output: error.output ?? String(error),
    }),
  );
}
