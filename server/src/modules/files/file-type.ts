import type { FileHandle } from 'node:fs/promises';

// What an uploaded file really is, read from its bytes: a renamed .exe is not a PDF.
// Only the kinds officials use for evidence are accepted.

export const FILE_KINDS = {
  pdf: { mime: 'application/pdf', ext: 'pdf' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

/** Enough of the head of a file to recognise every accepted kind. */
export const HEAD_BYTES = 8;

const startsWith = (head: Buffer, bytes: number[]) =>
  head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

/** The kind announced by the first bytes; 'zip' still needs a look inside. */
export function kindOfHead(head: Buffer): 'pdf' | 'jpeg' | 'png' | 'zip' | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip'; // PK\3\4
  return null;
}

/** A Word or Excel file is a zip whose entries sit under word/ or xl/ (Office Open XML). */
export function officeKindOfEntries(names: readonly string[]): 'docx' | 'xlsx' | null {
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return null;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * The entry names of a zip, from its central directory at the end of the file (only
 * the directory is read, never the whole file). Null when it is not a readable zip.
 */
export async function zipEntryNames(handle: FileHandle, size: number): Promise<string[] | null> {
  if (size < EOCD_MIN) return null;
  const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (directoryOffset + directorySize > size) return null;
  const directory = await readAt(handle, directoryOffset, directorySize);
  const names: string[] = [];
  let p = 0;
  for (let n = 0; n < count; n += 1) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL_SIGNATURE) return null;
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    names.push(directory.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The accepted kind of a stored file, or null when it is none of them. */
export async function detectFileKind(handle: FileHandle, size: number): Promise<FileKind | null> {
  const head = kindOfHead(await readAt(handle, 0, HEAD_BYTES));
  if (head !== 'zip') return head;
  const names = await zipEntryNames(handle, size);
  return names ? officeKindOfEntries(names) : null;
}
