import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client';
import { setupTestApp } from '../../../testing/app';
import { arrayLiteral } from './columns';

// Bulk writes send each column as an array literal built here; whatever a register's text
// holds must come back from the database as it was sent, on both engines.

const { harness } = setupTestApp({ demo: false });

describe('arrayLiteral', () => {
  it('round-trips awkward text, nulls, booleans and numbers', async () => {
    const texts = [
      'a,b',
      '{x}',
      'say "hi"',
      'back\\slash',
      'NULL',
      '',
      ' spaced ',
      'Trực tuyến',
      'dòng 1\ndòng 2',
      null,
    ];
    const [row] = await queryRows<{ t: (string | null)[]; b: boolean[]; n: number[] }>(
      harness.ctx.db,
      sql`select ${arrayLiteral(texts)}::text::text[] as t, ${arrayLiteral([true, false])}::text::boolean[] as b,
                 ${arrayLiteral([0, 42, -7])}::text::integer[] as n`,
    );
    expect(row?.t).toEqual(texts);
    expect(row?.b).toEqual([true, false]);
    expect(row?.n).toEqual([0, 42, -7]);
  });
});
