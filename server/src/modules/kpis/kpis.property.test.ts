import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  dossierEdgeCasesArb,
  scenarioArb,
  TRACKED_EDGE_CASES,
  type TrackedEdgeCaseName,
} from '#core/kpi/arbitraries';
import {
  computeKpis,
  hasKpiData,
  type KpiRecord,
  kpiRegister,
  type RecordsPart,
  type Registers,
  recordsBehind,
} from '#core/kpi/index';
import { type Period, yearPeriod } from '#core/time/index';
import { queryRows } from '../../db/client';
import { setupTestApp } from '../../testing/app';
import { clearRegisters, storable, writeRegisters } from '../../testing/registers';
import {
  disciplineRegister,
  documentStatRegister,
  dossierRegister,
  feedbackRegister,
  officialRegister,
  procedureRegister,
  reportRegister,
} from '../registers/definitions';
import type { RegisterDefinition } from '../registers/kit/definition';
import { listRecords, TABLE_ALIAS } from '../registers/kit/queries';
import { insertUnit } from '../units/queries';
import type { KpiRegister, RegisterKpi } from './conditions';
import { type Fraction, registerFractions, scannedFractions } from './queries';
import { kpiRecordsWhere } from './records';
import { KEPT_KPIS, kpisForUnits } from './service';

// The SQL aggregates (one per register) and the records-behind conditions must give
// exactly what the pure reference functions of core/kpi give, on random registers that
// always include each edge case of SPEC §5 — on PGlite and on PostgreSQL (this file runs
// in both Vitest projects).

const { harness } = setupTestApp({ demo: false });
let unitId: number;

beforeAll(async () => {
  ({ id: unitId } = await insertUnit(harness.ctx.db, {
    code: 'PROP',
    name: 'Xã Kiểm Thử',
    level: 'province',
    parentId: null,
    parentPath: '/',
  }));
});

/** A period and registers whose dossiers hold one of each SPEC §5 edge case besides random ones. */
const scenario = scenarioArb.chain(({ period, registers }) =>
  dossierEdgeCasesArb(period).map((edges) => ({
    period,
    registers: storable({ ...registers, dossiers: [...edges, ...registers.dossiers] }),
  })),
);

async function load(registers: Registers): Promise<void> {
  await clearRegisters(harness.ctx.db, unitId);
  await writeRegisters(harness.ctx.db, unitId, registers);
}

describe('KPIs in SQL equal the reference functions (SPEC §5)', () => {
  it('for every register KPI: value, numerator, denominator, and whether there is data', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ period, registers }) => {
        await load(registers);
        const reading = (await kpisForUnits(harness.ctx, [unitId], period)).get(unitId);
        const expected = computeKpis(registers, period);
        for (const key of KEPT_KPIS) {
          expect(reading?.results[key], key).toEqual(expected[key]);
          expect(reading?.noData.includes(key), key).toBe(!hasKpiData(key, expected));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('gives each edge case the timeliness SPEC §5 defines', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ period, registers }) => {
        await load(registers);
        const onTime = await BEHIND.dossiers.stored('dossiers_on_time_rate', 'numerator', period);
        const late = await BEHIND.dossiers.stored('dossiers_on_time_rate', 'shortfall', period);
        for (const [name, edge] of Object.entries(TRACKED_EDGE_CASES)) {
          const code = `${name as TrackedEdgeCaseName}-0001`;
          expect((edge.expected === 'onTime' ? onTime : late).has(code), code).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('lists as the records behind each number exactly the records the reference counts', async () => {
    const parts: RecordsPart[] = ['numerator', 'denominator', 'shortfall'];
    await fc.assert(
      fc.asyncProperty(scenario, async ({ period, registers }) => {
        await load(registers);
        for (const key of KEPT_KPIS) {
          const register = kpiRegister(key) as KpiRegister;
          for (const part of parts) {
            const expected = recordsBehind(
              key,
              registers[register] as readonly KpiRecord<typeof key>[],
              period,
              part,
            );
            const stored = await BEHIND[register].stored(key, part, period);
            expect(stored, `${key} ${part}`).toEqual(BEHIND[register].reference(expected));
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('the dossier tallies of a calendar year', () => {
  const yearsOf = async (): Promise<number[]> =>
    (
      await queryRows<{ y: number }>(
        harness.ctx.db,
        sql`select distinct extract(year from x at time zone 'Asia/Ho_Chi_Minh')::int as y
            from dossiers, unnest(array[received_at, due_at, result_at]) x where unit_id = ${unitId} and x is not null`,
      )
    ).map((r) => Number(r.y));
  const normal = (f: Partial<Record<RegisterKpi, Fraction>> | undefined) =>
    Object.fromEntries(
      KEPT_KPIS.filter((k) => kpiRegister(k) === 'dossiers').map((k) => [
        k,
        f?.[k] ?? { numerator: 0, denominator: 0 },
      ]),
    );
  /** Every year the dossiers touch, and the one after: the tallies give what the scan gives. */
  async function expectTalliesEqualScan(): Promise<void> {
    for (const y of [...(await yearsOf()), Math.max(0, ...(await yearsOf())) + 1]) {
      const period = yearPeriod(y);
      const tallied = await registerFractions(harness.ctx.db, 'dossiers', [unitId], period);
      const scanned = await scannedFractions(harness.ctx.db, 'dossiers', [unitId], period);
      expect(normal(tallied.get(unitId)), String(y)).toEqual(normal(scanned.get(unitId)));
    }
  }

  it('equal the reference functions for every year, after inserts', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ registers }) => {
        await load(registers);
        for (const y of await yearsOf()) {
          const reading = (await kpisForUnits(harness.ctx, [unitId], yearPeriod(y))).get(unitId);
          const expected = computeKpis(registers, yearPeriod(y));
          for (const key of KEPT_KPIS.filter((k) => kpiRegister(k) === 'dossiers'))
            expect(reading?.results[key], `${y} ${key}`).toEqual(expected[key]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('stay equal to the scan after updates and deletes (resolving, reopening, apologising)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, fc.integer({ min: 0, max: 1_000_000 }), async ({ registers }, seed) => {
        await load(registers);
        const db = harness.ctx.db;
        const pick = (n: number) => sql`(hashint4(id + ${seed}) & 7) = ${n}`;
        await db.execute(sql`update dossiers set result_at = null where unit_id = ${unitId} and ${pick(0)}`);
        await db.execute(
          sql`update dossiers set result_at = due_at + interval '400 days' where unit_id = ${unitId} and ${pick(1)}`,
        );
        await db.execute(
          sql`update dossiers set apology_date = (due_at at time zone 'Asia/Ho_Chi_Minh')::date
              where unit_id = ${unitId} and ${pick(2)}`,
        );
        await db.execute(
          sql`update dossiers set channel = 'truc_tuyen' where unit_id = ${unitId} and ${pick(3)}`,
        );
        await db.execute(sql`delete from dossiers where unit_id = ${unitId} and ${pick(4)}`);
        await expectTalliesEqualScan();
      }),
      { numRuns: 40 },
    );
  });
});

/** The records behind a KPI in one register, as keys both sides can give. */
interface Behind {
  stored(kpi: RegisterKpi, part: RecordsPart, period: Period): Promise<Set<string>>;
  reference(records: readonly unknown[]): Set<string>;
}

function behind<R, C, K>(
  def: RegisterDefinition<R, C>,
  key: (r: R) => string,
  coreKey: (k: K) => string,
): Behind {
  return {
    async stored(kpi, part, period) {
      const where = kpiRecordsWhere(def.register, kpi, part, period, TABLE_ALIAS);
      const rows = await listRecords(harness.ctx.db, def, unitId, {
        where: [where],
        limit: 100_000,
        offset: 0,
      });
      return new Set(rows.map((r) => key(r.record)));
    },
    // The reference hands back the records of the KPI's own register, which is K here.
    reference: (records) => new Set((records as readonly K[]).map(coreKey)),
  };
}

const byCode = (r: { code: string }) => r.code;
const monthOf = (r: { year: number; month: number }) => `${r.year}-${r.month}`;

const BEHIND: Record<KpiRegister, Behind> = {
  dossiers: behind(dossierRegister, byCode, byCode),
  feedback: behind(feedbackRegister, byCode, byCode),
  procedures: behind(procedureRegister, byCode, byCode),
  documentStats: behind(documentStatRegister, monthOf, monthOf),
  officials: behind(
    officialRegister,
    (r) => r.name,
    (o: { name: string }) => o.name,
  ),
  disciplineDecisions: behind(
    disciplineRegister,
    (r) => `${r.official.name}|${r.decisionDate}`,
    // Official "CB-3" is "Cán bộ 3" (see officialsArb).
    (d: { officialId: string; date: string }) => `Cán bộ ${d.officialId.slice(3)}|${d.date}`,
  ),
  reports: behind(
    reportRegister,
    (r) => r.title,
    (r: { title: string }) => r.title,
  ),
};
