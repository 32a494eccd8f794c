// `npm run seed:demo`: (re)loads the demo units and accounts into the configured database.
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { lockDataDir } from '../db/data-lock';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed';

const config = loadConfig();
if (config.env === 'production') {
  process.stderr.write('Không tạo tài khoản dùng thử khi NODE_ENV=production.\n');
  process.exit(2);
}
let lock: { release(): void } | null = null;
try {
  lock = config.databaseUrl ? null : lockDataDir(config.dataDir);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
try {
  await database.migrate();
  await seedDemo({ db: database.db, engine: database.engine, config, now: () => new Date() });
  process.stdout.write(
    `Đã tạo dữ liệu mẫu. Tài khoản (mật khẩu ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}\n`,
  );
} finally {
  await database.close();
  lock?.release();
}
