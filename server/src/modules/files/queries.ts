import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { units } from '../units/schema';
import { users } from '../users/schema';
import { files } from './schema';

export const fileColumns = {
  id: files.id,
  unitId: files.unitId,
  sha256: files.sha256,
  size: files.size,
  mime: files.mime,
  originalName: files.originalName,
  uploadedBy: files.uploadedBy,
  uploadedByName: users.fullName,
  uploadedAt: files.uploadedAt,
};

export type FileRow = Awaited<ReturnType<typeof findFile>> & object;

export async function insertFile(
  db: Db,
  values: {
    unitId: number;
    sha256: string;
    size: number;
    mime: string;
    originalName: string;
    uploadedBy: number;
  },
  now: Date,
): Promise<number> {
  const [row] = await db
    .insert(files)
    .values({ ...values, uploadedAt: now })
    .returning({ id: files.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function findFile(db: Db, id: number) {
  const [row] = await db
    .select({ ...fileColumns, unitPath: units.path })
    .from(files)
    .innerJoin(units, eq(units.id, files.unitId))
    .innerJoin(users, eq(users.id, files.uploadedBy))
    .where(eq(files.id, id));
  return row;
}
