import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../db/client';

/** The engine a test file runs on: its Vitest project sets CHISO_TEST_ENGINE. */
export function testEngine(): 'pglite' | 'postgres' {
  return process.env.CHISO_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database
 * on the PostgreSQL server of TEST_DATABASE_URL, dropped again by `close()`.
 */
export async function freshDatabase(): Promise<Database> {
  if (testEngine() === 'pglite') {
    const database = await openPglite();
    await database.migrate();
    return database;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is required for the postgres test suite');
  return scratchPostgres(url, 'chiso_t');
}

/**
 * A new, migrated database on the PostgreSQL server of `url` (named `<prefix>_<random>`),
 * dropped again by `close()`; `url` is the address of the new database.
 */
export async function scratchPostgres(url: string, prefix: string): Promise<Database & { url: string }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString(), { max: 4 });
  await database.migrate();
  return {
    ...database,
    url: target.toString(),
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
