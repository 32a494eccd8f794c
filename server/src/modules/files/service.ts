import type { Readable } from 'node:stream';
import type { AppContext } from '../../context';
import { notFound } from '../../lib/errors';
import { requireReach } from '../../policy';
import type { AuthUser } from '../auth/principal';
import * as q from './queries';
import { filesRoot, openStored, storeStream } from './store';

export interface FileInfo {
  id: number;
  name: string;
  size: number;
  mime: string;
  uploadedAt: string;
  uploadedByName: string;
}

export const presentFile = (row: {
  id: number;
  originalName: string;
  size: number;
  mime: string;
  uploadedAt: Date;
  uploadedByName: string;
}): FileInfo => ({
  id: row.id,
  name: row.originalName,
  size: row.size,
  mime: row.mime,
  uploadedAt: row.uploadedAt.toISOString(),
  uploadedByName: row.uploadedByName,
});

/** Keeps the name a person gave the file, without any folder part or control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'tep-dinh-kem').slice(0, 200);
}

/**
 * Stores an uploaded file for a unit and records who uploaded it. The caller has
 * already decided the user may attach evidence to that unit's records.
 */
export async function saveUpload(
  ctx: AppContext,
  owner: { unitId: number; uploadedBy: number },
  upload: { stream: Readable & { truncated?: boolean }; filename: string },
): Promise<{ id: number }> {
  const stored = await storeStream(upload.stream, {
    root: filesRoot(ctx.config),
    maxBytes: ctx.config.maxUploadBytes,
  });
  const id = await q.insertFile(
    ctx.db,
    {
      unitId: owner.unitId,
      sha256: stored.sha256,
      size: stored.size,
      mime: stored.mime,
      originalName: cleanFileName(upload.filename),
      uploadedBy: owner.uploadedBy,
    },
    ctx.now(),
  );
  return { id };
}

/** A file for download, only to users who reach the unit that owns it. */
export async function openFile(ctx: AppContext, user: AuthUser, fileId: number) {
  const row = await q.findFile(ctx.db, fileId);
  if (!row) throw notFound();
  requireReach(user, row.unitPath);
  return { info: presentFile(row), stream: openStored(filesRoot(ctx.config), row.sha256) };
}
