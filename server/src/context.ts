import type { Config } from './config';
import type { Db, DbEngine } from './db/client';

/** What every service function receives: the database, the configuration and the clock. */
export interface AppContext {
  db: Db;
  engine: DbEngine;
  config: Config;
  now(): Date;
}
