// Benchmarks of the registers, on PGlite and (with BENCH_DATABASE_URL) on PostgreSQL:
//
// 1. Import a generated dossier file of BENCH_IMPORT_ROWS rows (1,000,000) through the
//    real import path — HTTP multipart upload with an API token, streamed — and print its
//    rate as a ratio to COPY of the same rows into the same (emptied) table.
// 2. Compute all dossier KPIs for 3,321 communes over BENCH_KPI_ROWS dossiers
//    (10,000,000 on PostgreSQL, 1,000,000 on PGlite) with the server's one aggregate, and
//    print its time as a ratio to one hand-written SQL aggregate over the same rows.
//
//   npx tsx bench/registers.ts
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/registers.ts
//
// PostgreSQL runs in a new database that is dropped at the end; its COPY goes through
// `psql \copy` (COPY FROM STDIN), and the upload through curl: both must be installed.

import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, openAsBlob, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { CHANNELS } from '#core/kpi/index';
import {
  addDays,
  dateMoment,
  formatVnDate,
  formatVnMoment,
  localMoment,
  type VnMoment,
} from '#core/time/index';
import { buildApp } from '../server/src/app';
import type { AppContext } from '../server/src/context';
import { type Db, migrationsFolder, queryRows } from '../server/src/db/client';
import * as schema from '../server/src/db/schema';
import { createToken } from '../server/src/modules/api-tokens/service';
import type { AuthUser } from '../server/src/modules/auth/principal';
import { registerFractions } from '../server/src/modules/kpis/queries';
import { kpisForUnits } from '../server/src/modules/kpis/service';
import { type DossierRecord, dossierRegister } from '../server/src/modules/registers/definitions/dossiers';
import { writeColumns, writeValues } from '../server/src/modules/registers/kit/columns';
import { insertUnit } from '../server/src/modules/units/queries';
import { users } from '../server/src/modules/users/schema';
import { testConfig } from '../server/src/testing/app';
import { scratchPostgres } from '../server/src/testing/db';
import { fillCommunes } from './fixtures/communes';

const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 3321);
const KPI_ROWS = {
  pglite: Number(process.env.BENCH_KPI_ROWS_PGLITE ?? 1_000_000),
  postgres: Number(process.env.BENCH_KPI_ROWS ?? 10_000_000),
};
const YEAR = { from: '2021-01-01', to: '2021-12-31' };

interface Engine {
  name: 'pglite' | 'postgres';
  db: Db;
  /** COPY of a CSV file into a table's columns. */
  copy(file: string, table: string, columns: string[]): Promise<void>;
  close(): Promise<void>;
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

// ---- engines

async function pgliteEngine(): Promise<Engine> {
  const client = await PGlite.create();
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder });
  return {
    name: 'pglite',
    db,
    async copy(file, table, columns) {
      await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], {
        blob: await openAsBlob(file),
      });
    },
    close: () => client.close(),
  };
}

async function postgresEngine(url: string): Promise<Engine> {
  const database = await scratchPostgres(url, 'chiso_bench');
  return {
    name: 'postgres',
    db: database.db,
    copy: (file, table, columns) =>
      new Promise((resolve, reject) => {
        const copy = `\\copy ${table} (${columns.join(', ')}) from '${file}' with (format csv)`;
        const psql = spawn('psql', [database.url, '-v', 'ON_ERROR_STOP=1', '-qc', copy], {
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        psql.on('error', reject);
        psql.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}`))));
      }),
    close: () => database.close(),
  };
}

// ---- a generated dossier register

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Vũ Văn Đức',
  'Hoàng Thị Hà',
];
const PROCEDURES = [
  ['Chứng thực bản sao từ bản chính giấy tờ, văn bản', 'Chứng thực'],
  ['Đăng ký khai sinh', 'Hộ tịch'],
  ['Cấp bản sao trích lục hộ tịch', 'Hộ tịch'],
  ['Thực hiện trợ cấp xã hội hàng tháng', 'Bảo trợ xã hội'],
] as const;

function* dossiersOf(count: number): Generator<DossierRecord> {
  const next = prng(2021);
  const int = (n: number) => Math.floor(next() * n);
  for (let i = 1; i <= count; i += 1) {
    const day = addDays('2021-01-01', int(365));
    const received = localMoment(day, { hour: 7 + int(10), minute: int(60) });
    const span = int(15);
    const dueDay = addDays(day, span);
    const due: VnMoment = int(4) === 0 ? localMoment(dueDay, { hour: 17, minute: 0 }) : dateMoment(dueDay);
    const outcome = next();
    // Mostly by the due day (never before receipt), 10% up to five days late, 3% open.
    const resultDay = outcome < 0.9 ? addDays(day, int(span + 1)) : addDays(dueDay, 1 + int(5));
    const resultTime = resultDay === day ? { hour: 17, minute: 30 } : { hour: 8 + int(9), minute: int(60) };
    const result: VnMoment | null = outcome > 0.97 ? null : localMoment(resultDay, resultTime);
    const [procedureName, field] = PROCEDURES[int(PROCEDURES.length)] ?? PROCEDURES[0];
    yield {
      code: `HS-${String(i).padStart(8, '0')}`,
      applicant: NAMES[int(NAMES.length)] ?? null,
      procedureName,
      field,
      channel: CHANNELS[int(3)]?.code ?? 'truc_tiep',
      received,
      due,
      result,
      apologyDate: outcome > 0.95 ? dueDay : null,
    };
  }
}

const csvCell = (v: string | number | boolean | null) => {
  if (v === null) return '';
  const text = String(v);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The same rows twice: as a one-stop export for the import, and as table rows for COPY. */
async function writeFiles(dir: string, unitId: number, count: number) {
  const upload = join(dir, 'ho-so.csv');
  const copy = join(dir, 'dossiers-copy.csv');
  const a = createWriteStream(upload);
  const b = createWriteStream(copy);
  const write = (stream: ReturnType<typeof createWriteStream>, line: string) =>
    stream.write(line)
      ? Promise.resolve()
      : new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  const fields = Object.values(dossierRegister.fields);
  await write(a, `${fields.map((f) => f.header).join(',')}\n`);
  const now = new Date().toISOString();
  let buffered: [string, string] = ['', ''];
  let n = 0;
  for (const d of dossiersOf(count)) {
    buffered[0] += `${[
      d.code,
      d.applicant,
      d.procedureName,
      d.field,
      CHANNELS.find((c) => c.code === d.channel)?.vi ?? '',
      formatVnMoment(d.received),
      formatVnMoment(d.due),
      d.result ? formatVnMoment(d.result) : '',
      d.apologyDate ? formatVnDate(d.apologyDate) : '',
    ]
      .map(csvCell)
      .join(',')}\n`;
    buffered[1] += `${[unitId, ...writeValues(dossierRegister, d), now, now].map(csvCell).join(',')}\n`;
    n += 1;
    if (n % 10_000 === 0) {
      await Promise.all([write(a, buffered[0]), write(b, buffered[1])]);
      buffered = ['', ''];
    }
  }
  await Promise.all([write(a, buffered[0]), write(b, buffered[1])]);
  await Promise.all([new Promise((r) => a.end(r)), new Promise((r) => b.end(r))]);
  return { upload, copy };
}

// ---- 1. import through the real path vs COPY

function upload(url: string, token: string, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const curl = spawn('curl', [
      '-sS',
      '-w',
      '\n%{http_code}',
      // Send the file at once rather than wait for "100 Continue".
      '-H',
      'Expect:',
      '-H',
      `Authorization: Bearer ${token}`,
      '-F',
      `file=@${file};type=text/csv`,
      url,
    ]);
    let out = '';
    curl.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    curl.stderr.pipe(process.stderr);
    curl.on('error', reject);
    curl.on('exit', (code) => {
      const status = out.slice(out.lastIndexOf('\n') + 1);
      const body = out.slice(0, out.lastIndexOf('\n'));
      if (code === 0 && status === '200') resolve(body);
      else reject(new Error(`import answered ${status} (curl ${code}): ${body.slice(0, 500)}`));
    });
  });
}

async function benchImport(engine: Engine, dir: string): Promise<number> {
  const ctx: AppContext = {
    db: engine.db,
    engine: engine.name,
    config: testConfig({ MAX_IMPORT_MB: '4096' }),
    now: () => new Date(),
  };
  const { id: unitId } = await insertUnit(engine.db, {
    code: 'BENCH',
    name: 'Xã Đo Hiệu Năng',
    level: 'province',
    parentId: null,
    parentPath: '/',
  });
  const [user] = await engine.db
    .insert(users)
    .values({ username: 'bench', fullName: 'Đo hiệu năng', unitId, roles: ['admin'], passwordHash: 'x' })
    .returning({ id: users.id });
  const admin: AuthUser = {
    id: user?.id ?? 0,
    username: 'bench',
    fullName: 'Đo hiệu năng',
    roles: ['admin'],
    unitId,
    unitCode: 'BENCH',
    unitName: 'Xã Đo Hiệu Năng',
    unitLevel: 'province',
    unitPath: `/${unitId}/`,
  };
  const { token } = await createToken(ctx, admin, unitId, 'bench');

  say(`  generating ${IMPORT_ROWS.toLocaleString('en')} dossiers…`);
  const files = await writeFiles(dir, unitId, IMPORT_ROWS);
  say(`  upload file ${(statSync(files.upload).size / 1048576).toFixed(0)} MB`);

  const app = await buildApp(ctx);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  let heapPeak = 0;
  const heapBefore = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 50);
  // curl uploads from another process, as a one-stop system would, streaming the file.
  const imported = await timed(() =>
    upload(`${url}/api/units/${unitId}/dossiers/import`, token, files.upload),
  );
  clearInterval(sampler);
  await app.close();
  say(
    `  import (HTTP upload by curl, streamed, API token): ${seconds(imported.ms)}, ${rate(IMPORT_ROWS, imported.ms)} → ${imported.value}`,
  );
  say(
    `  server JS heap: ${(heapBefore / 1048576).toFixed(0)} MB before, ${(heapPeak / 1048576).toFixed(0)} MB at most during the import`,
  );

  await engine.db.execute(sql`truncate dossiers`);
  const columns = [
    'unit_id',
    ...writeColumns(dossierRegister).map((c) => c.name),
    'created_at',
    'updated_at',
  ];
  const copied = await timed(() => engine.copy(files.copy, 'dossiers', columns));
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
    engine.db,
    sql`select count(*)::int as n from dossiers`,
  );
  if (n !== IMPORT_ROWS) throw new Error(`COPY stored ${n} rows`);
  say(`  COPY of the same rows into the same table: ${seconds(copied.ms)}, ${rate(IMPORT_ROWS, copied.ms)}`);
  const ratio = copied.ms / imported.ms;
  say(
    `  → import rate / COPY rate = ${ratio.toFixed(2)} (the import takes ${(imported.ms / copied.ms).toFixed(2)}× COPY's time)`,
  );
  await engine.db.execute(sql`truncate dossiers`);
  return ratio;
}

// ---- 2. all dossier KPIs of 3,321 communes vs one hand-written aggregate

/**
 * Medians of several runs of each query, taken in turns so that a busy moment of the
 * machine weighs on both alike.
 */
async function medians(
  runs: Record<string, () => Promise<unknown>>,
  times = 7,
): Promise<Record<string, number>> {
  const all: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let i = 0; i < times; i += 1) {
    for (const [name, run] of Object.entries(runs)) all[name]?.push((await timed(run)).ms);
  }
  return Object.fromEntries(
    Object.entries(all).map(([name, ms]) => [name, ms.sort((x, y) => x - y)[Math.floor(ms.length / 2)] ?? 0]),
  );
}

async function benchKpis(engine: Engine): Promise<number> {
  const rows = KPI_ROWS[engine.name];
  say(`  generating ${rows.toLocaleString('en')} dossiers for ${COMMUNES.toLocaleString('en')} communes…`);
  const filled = await timed(() => fillCommunes(engine.db, COMMUNES, rows));
  const ids = filled.value;
  say(`  generated in ${seconds(filled.ms)}`);
  const ctx: AppContext = { db: engine.db, engine: engine.name, config: testConfig(), now: () => new Date() };

  const m = await medians({
    ours: () => registerFractions(engine.db, 'dossiers', ids, YEAR),
    baseline: () =>
      queryRows(
        engine.db,
        sql`select unit_id, count(*) as n from dossiers where unit_id = any(${sql.param(ids)}::integer[]) group by unit_id`,
      ),
    all: () => kpisForUnits(ctx, ids, YEAR),
  });
  const ours = m.ours ?? 0;
  const baseline = m.baseline ?? 1;
  const all = m.all ?? 0;
  say(`  all dossier KPIs, one aggregate (server's registerFractions): ${seconds(ours)}`);
  say(`  one hand-written aggregate (count per unit) over the same rows: ${seconds(baseline)}`);
  say(`  every register KPI of every commune (kpisForUnits, 7 aggregates): ${seconds(all)}`);
  say(`  → KPIs / hand-written aggregate = ${(ours / baseline).toFixed(2)}`);
  return ours / baseline;
}

async function run(engine: Engine) {
  say(`\n== ${engine.name}`);
  const dir = mkdtempSync(join(tmpdir(), 'chiso-bench-'));
  try {
    const importRatio = await benchImport(engine, dir);
    const kpiRatio = await benchKpis(engine);
    return { engine: engine.name, importRatio, kpiRatio };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await engine.close();
  }
}

const results = [await run(await pgliteEngine())];
if (process.env.BENCH_DATABASE_URL)
  results.push(await run(await postgresEngine(process.env.BENCH_DATABASE_URL)));
else say('\n(BENCH_DATABASE_URL is not set: PostgreSQL skipped)');

say('\n== ratios');
for (const r of results) {
  say(
    `  ${r.engine.padEnd(8)} import rate / COPY rate: ${r.importRatio.toFixed(2)}   dossier KPIs / one aggregate: ${r.kpiRatio.toFixed(2)}`,
  );
}
