import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { FIXED_ZERO, frameworkFromRows, frameworkToJson, parseDecimal } from '#core/framework/index';
import type { AppContext } from '../../context';
import { readTable } from '../../lib/table-file';
import { findUnitsByCodes } from '../units/queries';
import { insertFramework } from './queries';
import { frameworks } from './schema';
import { DEFAULT_BANDS } from './service';

const SAMPLE = new URL('../../demo/bo-chi-so-cap-xa-2021-mau.csv', import.meta.url);

/**
 * The sample commune framework of 2021, published by Thanh Hà district (which appraises
 * its communes), with the citizen survey (area 8) optional as the Hà Nội rule allows.
 */
export async function seedDemoFramework(ctx: AppContext): Promise<void> {
  const [owner] = await findUnitsByCodes(ctx.db, ['294']);
  if (!owner) throw new Error('demo unit 294 missing');
  const existing = await ctx.db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(
      and(eq(frameworks.ownerUnitId, owner.id), eq(frameworks.year, 2021), eq(frameworks.level, 'commune')),
    );
  if (existing.length > 0) return;

  const table = await readTable(readFileSync(SAMPLE), 'csv');
  const read = frameworkFromRows(
    table.header.cells,
    table.rows.map((r) => r.cells),
    {
      year: 2021,
      level: 'commune',
      name: 'Bộ chỉ số cải cách hành chính cấp xã năm 2021',
      bands: DEFAULT_BANDS.map((b) => ({ name: b.name, min: parseDecimal(b.min) ?? FIXED_ZERO })),
      optionalAreas: ['8'],
    },
  );
  if (!read.ok) throw new Error(`demo framework is invalid: ${JSON.stringify(read.errors)}`);
  await insertFramework(ctx.db, {
    ownerUnitId: owner.id,
    year: 2021,
    level: 'commune',
    name: read.value.name,
    version: 1,
    status: 'published',
    definition: frameworkToJson(read.value),
    copiedFromId: null,
    createdBy: null,
    publishedAt: ctx.now(),
  });
}
