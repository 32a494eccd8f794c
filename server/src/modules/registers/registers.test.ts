import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '#core/text';
import { type Client, setupTestApp } from '../../testing/app';
import { newCommune, userOf } from '../../testing/units';
import {
  disciplineRegister,
  documentStatRegister,
  dossierRegister,
  feedbackRegister,
  officialRegister,
  procedureRegister,
  reportRegister,
} from './definitions';

// Every register through its routes, from its sample file in docs/mau: import, import
// again (nothing changes), list, accent-insensitive search, export to .xlsx and import
// the export back (nothing changes).

const { harness } = setupTestApp();
let officer: Client;
let unitId: number;

beforeAll(async () => {
  unitId = await newCommune(harness, 'T-REG');
  officer = await userOf(harness, unitId, 'soso.canbo');
});

const sample = (file: string) => readFileSync(new URL(`../../../../docs/mau/${file}`, import.meta.url));

// Officials before their discipline decisions, which name them.
const REGISTERS = [
  procedureRegister,
  dossierRegister,
  feedbackRegister,
  documentStatRegister,
  officialRegister,
  disciplineRegister,
  reportRegister,
];

interface Listed {
  total: number;
  items: ({ id: number } & Record<string, unknown>)[];
}

async function xlsxRows(buffer: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((row) => {
    rows.push((Array.isArray(row.values) ? row.values.slice(1) : []).map((v) => String(v ?? '')));
  });
  return rows;
}

describe.each(REGISTERS.map((r) => [r.path, r] as const))('register %s', (path, def) => {
  const base = () => `/api/units/${unitId}/${path}`;
  const dataRows = () => sample(def.sampleFile).toString('utf8').trim().split(/\r?\n/).length - 1;

  it('imports its sample file, and again without change', async () => {
    const first = await officer.upload(`${base()}/import`, def.sampleFile, sample(def.sampleFile));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ inserted: dataRows(), updated: 0 });
    const again = await officer.upload(`${base()}/import`, def.sampleFile, sample(def.sampleFile));
    expect(again.json()).toEqual({ inserted: 0, updated: 0 });
    expect((await officer.get(base())).json<Listed>().total).toBe(dataRows());
  });

  it('finds records ignoring accents and case', async () => {
    if (!def.searchText) return;
    const [item] = (await officer.get(`${base()}?limit=1`)).json<Listed>().items;
    const word = foldText(
      String(Object.values(item ?? {}).find((v) => typeof v === 'string' && /\p{L}{4}/u.test(v))),
    )
      .split(' ')
      .find((w) => w.length >= 4);
    expect(word).toBeDefined();
    const found = (
      await officer.get(`${base()}?q=${encodeURIComponent((word ?? '').toUpperCase())}`)
    ).json<Listed>();
    expect(found.items.map((i) => i.id)).toContain(item?.id);
  });

  it('exports to .xlsx, and importing the export changes nothing', async () => {
    const res = await officer.get(`${base()}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await xlsxRows(res.rawPayload);
    expect(rows[0]).toEqual(Object.values(def.fields).map((f) => f.header));
    expect(rows).toHaveLength(dataRows() + 1);
    const back = await officer.upload(`${base()}/import`, `${def.fileName}.xlsx`, res.rawPayload);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toEqual({ inserted: 0, updated: 0 });
  });

  it('offers its sample file for download', async () => {
    const res = await officer.get(`/api/registers/samples/${def.sampleFile}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toBe(sample(def.sampleFile).toString('utf8'));
  });
});
