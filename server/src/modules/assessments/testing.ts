// Helpers for the assessments tests: the demo rounds and a unit's sheet through the API.

import { expect } from 'vitest';
import type { Client } from '../../testing/app';
import type { SheetJson } from './present';
import type { RoundDetail, RoundSummary } from './rounds';

export async function roundOfYear(client: Client, year: number): Promise<RoundSummary> {
  const res = await client.get(`/api/assessment-rounds?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  const round = res.json<{ rounds: RoundSummary[] }>().rounds.find((r) => r.year === year);
  if (!round) throw new Error(`no round of ${year}: ${res.body}`);
  return round;
}

export async function roundDetail(client: Client, roundId: number): Promise<RoundDetail> {
  const res = await client.get(`/api/assessment-rounds/${roundId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RoundDetail>();
}

export async function sheet(client: Client, sheetId: number): Promise<SheetJson> {
  const res = await client.get(`/api/assessment-sheets/${sheetId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SheetJson>();
}

/** Sends a change and expects it to succeed; returns the sheet it answers with. */
export async function ok<T = SheetJson>(
  promise: Promise<{ statusCode: number; body: string; json<U>(): U }>,
  status = 200,
): Promise<T> {
  const res = await promise;
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

export const entryOf = (s: SheetJson, code: string) => {
  const entry = s.entries.find((e) => e.code === code);
  if (!entry) throw new Error(`no criterion ${code}`);
  return entry;
};

/** The smallest file every PDF reader opens. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
