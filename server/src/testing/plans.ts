import type { App } from '../http/types';
import { type Client, loginAs } from './app';

/** Unit ids by code, as the admin sees the demo tree. */
export async function unitIdsByCode(admin: Client): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const u of (await admin.get('/api/units')).json<{ units: { id: number; code: string }[] }>().units) {
    ids[u.code] = u.id;
  }
  return ids;
}

/** Vĩnh Lập's demo plan of 2021. */
export async function demoPlanId(client: Client, vinhLapId: number): Promise<number> {
  const res = await client.get(`/api/plans?unitId=${vinhLapId}`);
  const plan = res.json<{ plans: { id: number; year: number }[] }>().plans.find((p) => p.year === 2021);
  if (!plan) throw new Error(`demo plan missing: ${res.statusCode} ${res.body}`);
  return plan.id;
}

/** An officer of another commune (Thanh Xá, 10852), created through the admin API. */
export async function otherCommuneOfficer(app: App, admin: Client, unitId: number): Promise<Client> {
  const res = await admin.send('POST', '/api/users', {
    username: 'thanhxa.canbo',
    fullName: 'Lê Văn Xã Khác',
    unitId,
    roles: ['unit_officer'],
    password: 'mat-khau-dau',
  });
  if (res.statusCode !== 201) throw new Error(`cannot create the other officer: ${res.body}`);
  return loginAs(app, 'thanhxa.canbo', 'mat-khau-dau');
}

/** The smallest file every PDF reader opens: enough for evidence in tests. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
