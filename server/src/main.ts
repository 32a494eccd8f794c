import pino from 'pino';
import { buildApp } from './app';
import { type Config, ConfigError, loadConfig } from './config';
import type { AppContext } from './context';
import { type Database, openDatabase } from './db/client';
import { DataDirLockedError, lockDataDir } from './db/data-lock';
import { demoAccountsBanner, hasDemoAccounts, seedDemo } from './demo/seed';
import { needsSetup } from './modules/setup/service';
import { countUnits } from './modules/units/queries';

export interface Running {
  url: string;
  stop(): Promise<void>;
}

/** Opens the database (locking an embedded data directory), migrates, seeds the demo and serves. */
export async function startServer(config: Config, options: { webRoot?: string } = {}): Promise<Running> {
  const logger = pino({ level: config.logLevel });
  const lock = config.databaseUrl ? null : lockDataDir(config.dataDir);
  let database: Database | undefined;
  try {
    database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    await database.migrate();
    const ctx: AppContext = { db: database.db, engine: database.engine, config, now: () => new Date() };

    if (config.demo && (await countUnits(ctx.db)) === 0) {
      logger.info('Cơ sở dữ liệu trống: đang tạo dữ liệu mẫu (demo)…');
      await seedDemo(ctx);
    }

    const app = await buildApp(ctx, { logger, webRoot: options.webRoot });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    logger.info({ engine: database.engine, dataDir: config.dataDir }, `ChiSo: ${url}`);
    const extra =
      config.demo && (await hasDemoAccounts(ctx))
        ? demoAccountsBanner()
        : (await needsSetup(ctx))
          ? [`  Mở ${url} để tạo quản trị viên đầu tiên.`]
          : [];
    process.stdout.write(['', `  ChiSo đang chạy tại ${url}`, ...extra, '', ''].join('\n'));

    const db = database;
    let stopping: Promise<void> | undefined;
    return {
      url,
      stop() {
        stopping ??= (async () => {
          await app.close();
          await db.close();
          lock?.release();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
}

/** The process entry: exits non-zero with a clear message when it cannot start. */
export async function main(options: { webRoot?: string } = {}): Promise<void> {
  let running: Running;
  try {
    running = await startServer(loadConfig(), options);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const shutdown = (signal: string) => {
    process.stdout.write(`\nNhận ${signal}: đang đóng cơ sở dữ liệu…\n`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Lỗi khi dừng: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
