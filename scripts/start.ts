// `npm start`: builds the web app when its build is missing or older than its sources,
// then serves the API and the built pages from one process.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../server/src/main';

const root = fileURLToPath(new URL('..', import.meta.url));
const webRoot = join(root, 'dist', 'web');
const sources = [join(root, 'web'), join(root, 'core'), join(root, 'package-lock.json')];

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const built = statSync(join(webRoot, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (built < Math.max(...sources.map(newestMtime))) {
  process.stdout.write(built ? 'Giao diện đã cũ: đang dựng lại…\n' : 'Đang dựng giao diện web (lần đầu)…\n');
  // Vite sets NODE_ENV=production for its build; ChiSo's own mode must not change with it.
  const nodeEnv = process.env.NODE_ENV;
  const { build } = await import('vite');
  await build({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'warn' });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
}

await main({ webRoot });
