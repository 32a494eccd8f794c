import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config';
import { AppError } from '../../lib/errors';
import { detectFileKind, FILE_KINDS, type FileKind } from './file-type';

// The local evidence store: DATA_DIR/files/ab/abcdef… named by SHA-256. An upload is
// written to files/tmp while it is hashed and measured, checked, then renamed into place,
// so a refused or broken upload never leaves a file behind.

export const filesRoot = (config: Pick<Config, 'dataDir'>) => join(config.dataDir, 'files');
const pathOf = (root: string, sha256: string) => join(root, sha256.slice(0, 2), sha256);

export interface StoredBytes {
  sha256: string;
  size: number;
  kind: FileKind;
  mime: string;
}

class TooLarge extends Error {}

function meter(maxBytes: number, hash: ReturnType<typeof createHash>, counter: { bytes: number }) {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      counter.bytes += chunk.length;
      if (counter.bytes > maxBytes) return callback(new TooLarge());
      hash.update(chunk);
      callback(null, chunk);
    },
  });
}

const removeQuietly = (path: string) => unlink(path).catch(() => undefined);

/**
 * Streams an upload into the store. Over `maxBytes` it stops at once and the part
 * written so far is deleted (413); a kind outside FILE_KINDS is deleted too (415).
 * `truncated` reports a stream cut short by the multipart parser's own size limit.
 */
export async function storeStream(
  source: Readable & { truncated?: boolean },
  options: { root: string; maxBytes: number },
): Promise<StoredBytes> {
  const tmpDir = join(options.root, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const temp = join(tmpDir, randomUUID());
  const hash = createHash('sha256');
  const counter = { bytes: 0 };
  const tooLarge = () =>
    new AppError(413, 'common.tooLarge', { max: Math.round((options.maxBytes / 1048576) * 100) / 100 });
  try {
    await pipeline(source, meter(options.maxBytes, hash, counter), createWriteStream(temp));
  } catch (error) {
    await removeQuietly(temp);
    if (error instanceof TooLarge || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw tooLarge();
    }
    throw error;
  }
  if (source.truncated) {
    await removeQuietly(temp);
    throw tooLarge();
  }
  if (counter.bytes === 0) {
    await removeQuietly(temp);
    throw new AppError(400, 'files.empty');
  }

  const handle = await open(temp, 'r');
  let kind: FileKind | null;
  try {
    kind = await detectFileKind(handle, counter.bytes);
  } finally {
    await handle.close();
  }
  if (!kind) {
    await removeQuietly(temp);
    throw new AppError(415, 'files.badType');
  }

  const sha256 = hash.digest('hex');
  const target = pathOf(options.root, sha256);
  const existing = await stat(target).catch(() => null);
  if (existing) await removeQuietly(temp);
  else {
    await mkdir(join(options.root, sha256.slice(0, 2)), { recursive: true });
    await rename(temp, target);
  }
  return { sha256, size: counter.bytes, kind, mime: FILE_KINDS[kind].mime };
}

export function openStored(root: string, sha256: string): Readable {
  return createReadStream(pathOf(root, sha256));
}
