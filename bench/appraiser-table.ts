// The appraiser's table on PostgreSQL: the projected index of every one of 3,321
// communes, over 10,000,000 dossiers (the bench data of bench/registers.ts), by the
// service behind `GET /api/units/{id}/projections` — every live KPI of every commune (one
// query per register for all of them), each commune's framework projected on them, and
// last year's published rank.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/appraiser-table.ts
//
// It prints the table's time (target: under 1 s) and its ratio to one hand-written
// aggregate over the same rows (a count per commune), medians of 7 runs. The database is
// created and dropped; BENCH_KEEP_DB=name keeps (or reuses) a filled one between runs.

import { sql } from 'drizzle-orm';
import pg from 'pg';
import { frameworkToJson } from '#core/framework/index';
import { sampleFramework } from '../core/framework/fixtures/sample';
import type { AppContext } from '../server/src/context';
import { openPostgres, queryRows } from '../server/src/db/client';
import type { AuthUser } from '../server/src/modules/auth/principal';
import { insertFramework } from '../server/src/modules/frameworks/queries';
import { unitsBelowProjections } from '../server/src/modules/projection/many';
import { testConfig } from '../server/src/testing/app';
import { scratchPostgres } from '../server/src/testing/db';
import { fillCommunes } from './fixtures/communes';

const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 3321);
const ROWS = Number(process.env.BENCH_KPI_ROWS ?? 10_000_000);
const YEAR = 2021;
const say = (line: string) => process.stdout.write(`${line}\n`);

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  say('BENCH_DATABASE_URL is not set: this bench runs on PostgreSQL only.');
  process.exit(0);
}

async function keptDatabase(base: string, name: string) {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(base);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString(), { max: 8 });
  await database.migrate();
  return { ...database, filled: Boolean(exists) };
}

const keep = process.env.BENCH_KEEP_DB;
const database = keep
  ? await keptDatabase(url, keep)
  : { ...(await scratchPostgres(url, 'chiso_bench')), filled: false };
const db = database.db;
try {
  if (!database.filled) {
    say(`generating ${ROWS.toLocaleString('en')} dossiers for ${COMMUNES.toLocaleString('en')} communes…`);
    const start = performance.now();
    await fillCommunes(db, COMMUNES, ROWS);
    // As autovacuum leaves a table that has settled: index-only scans need the visibility map.
    await db.execute(sql`vacuum analyze dossiers`);
    say(`generated in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  const [province] = await queryRows<{ id: number; path: string }>(
    db,
    sql`select id, path from units where code = 'BENCH-TINH'`,
  );
  if (!province) throw new Error('no bench province');
  const provinceId = Number(province.id);
  const published = await queryRows(
    db,
    sql`select 1 from frameworks where owner_unit_id = ${provinceId} and year = ${YEAR} and status = 'published'`,
  );
  if (published.length === 0) {
    await insertFramework(db, {
      ownerUnitId: provinceId,
      year: YEAR,
      level: 'commune',
      name: 'Bộ chỉ số cấp xã (đo hiệu năng)',
      version: 1,
      status: 'published',
      definition: frameworkToJson(sampleFramework({ year: YEAR })),
      copiedFromId: null,
      createdBy: null,
    });
  }
  const ids = (
    await queryRows<{ id: number }>(db, sql`select id from units where level = 'commune' order by id`)
  ).map((r) => Number(r.id));
  const ctx: AppContext = { db, engine: 'postgres', config: testConfig(), now: () => new Date() };
  const appraiser: AuthUser = {
    id: 0,
    username: 'bench',
    fullName: 'Đo hiệu năng',
    roles: ['admin'],
    unitId: provinceId,
    unitCode: 'BENCH-TINH',
    unitName: 'Tỉnh Đo',
    unitLevel: 'province',
    unitPath: String(province.path),
  };

  const table = async () => {
    const result = await unitsBelowProjections(ctx, appraiser, provinceId, YEAR);
    if (result.units.length !== ids.length)
      throw new Error(`${result.units.length} rows for ${ids.length} communes`);
    return result;
  };
  const baseline = () =>
    queryRows(
      db,
      sql`select unit_id, count(*) as n from dossiers where unit_id = any(${sql.param(ids)}::integer[]) group by unit_id`,
    );

  const runs: Record<'table' | 'baseline', number[]> = { table: [], baseline: [] };
  await table(); // warm the cache once
  for (let i = 0; i < 7; i += 1) {
    for (const [name, run] of [
      ['table', table],
      ['baseline', baseline],
    ] as const) {
      const start = performance.now();
      await run();
      runs[name].push(performance.now() - start);
    }
  }
  const median = (ms: number[]) => ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? 0;
  const t = median(runs.table);
  const b = median(runs.baseline);
  say(
    `appraiser's table, ${ids.length.toLocaleString('en')} communes: ${(t / 1000).toFixed(3)} s (target < 1 s)`,
  );
  say(`one count per commune over the same dossiers: ${(b / 1000).toFixed(3)} s`);
  say(`→ table / one aggregate = ${(t / b).toFixed(2)}`);
} finally {
  await database.close();
}
