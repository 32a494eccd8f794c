import { mkdtempSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFileKind, kindOfHead, officeKindOfEntries } from './file-type';

const dir = mkdtempSync(join(tmpdir(), 'chiso-type-'));
async function kindOf(bytes: Uint8Array) {
  const path = join(dir, String(Math.random()));
  writeFileSync(path, bytes);
  const handle = await open(path, 'r');
  try {
    return await detectFileKind(handle, bytes.length);
  } finally {
    await handle.close();
  }
}

describe('file kinds by content', () => {
  it('knows the heads of PDF, JPEG and PNG, and nothing else', () => {
    expect(kindOfHead(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(kindOfHead(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(kindOfHead(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(kindOfHead(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(kindOfHead(Buffer.from('<html>'))).toBeNull();
  });

  it('tells Word from Excel from any other zip by the entries', async () => {
    const content = { '[Content_Types].xml': strToU8('<Types/>') };
    expect(await kindOf(zipSync({ ...content, 'word/document.xml': strToU8('<w/>') }))).toBe('docx');
    expect(await kindOf(zipSync({ ...content, 'xl/workbook.xml': strToU8('<x/>') }))).toBe('xlsx');
    expect(await kindOf(zipSync({ 'word/document.xml': strToU8('<w/>') }))).toBeNull();
    expect(await kindOf(zipSync({ 'virus.exe': strToU8('MZ') }))).toBeNull();
    expect(officeKindOfEntries(['[Content_Types].xml', 'ppt/presentation.xml'])).toBeNull();
  });

  it('refuses a zip head with no directory', async () => {
    expect(await kindOf(strToU8('PK\x03\x04 broken'))).toBeNull();
  });
});
