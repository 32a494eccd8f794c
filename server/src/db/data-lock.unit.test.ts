import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-lock';

const fresh = () => mkdtempSync(join(tmpdir(), 'chiso-lock-'));

describe('data directory lock', () => {
  it('refuses a second holder while a live process holds it, and frees it on release', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'chiso.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/đang được tiến trình ChiSo khác/);
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'chiso.lock'), '999999999');
    const lock = lockDataDir(dir);
    lock.release();
    expect(existsSync(join(dir, 'chiso.lock'))).toBe(false);
  });

  it('creates the directory and lock file', () => {
    const dir = join(fresh(), 'nested', 'data');
    const lock = lockDataDir(dir);
    expect(existsSync(join(dir, 'chiso.lock'))).toBe(true);
    lock.release();
  });
});
