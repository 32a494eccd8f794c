import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  type AuditFields,
  canonicalJson,
  entryHash,
  GENESIS_HASH,
  verifyChain,
} from './audit-chain';
import { sha256Hex } from './sha256';

describe('sha256 (pure)', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('hashes the UTF-8 bytes of Vietnamese text', () => {
    // printf 'Vĩnh Lập' | sha256sum
    expect(sha256Hex('Vĩnh Lập')).toBe('6389b686c5903c191f2c4368db087d1d9a222c2aca7999e90070f6a51c7fd0c8');
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[1,{"y":null,"z":0}]},"b":1}',
    );
  });
  it('writes the same text for the same value whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
  });
});

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields: AuditFields = {
      id: i * 2,
      at: new Date(Date.UTC(2021, 11, i)).toISOString(),
      actorUserId: 3,
      unitId: 7,
      entity: 'assessment_entry',
      entityId: String(i),
      action: 'appraise',
      field: 'points',
      oldValue: '1.5',
      newValue: { points: String(i), note: 'có lý do' },
      reason: i % 2 ? 'Thiếu tài liệu kiểm chứng' : null,
    };
    const hash = entryHash(fields, prev);
    out.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('the hash chain', () => {
  it('is intact as written', () => {
    const entries = chain(5);
    expect(verifyChain(entries)).toEqual({ ok: true, count: 5, lastHash: entries[4]?.hash });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, lastHash: GENESIS_HASH });
  });

  it('names an entry whose content was changed', () => {
    const entries = chain(5);
    entries[2] = { ...(entries[2] as AuditEntry), newValue: { points: '2', note: 'có lý do' } };
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 6, reason: 'hash' });
  });

  it('names the entry after one that was removed', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 6, reason: 'prev_hash' });
  });

  it('names the entry after one rewritten with a fresh hash', () => {
    const entries = chain(4);
    const changed = { ...(entries[1] as AuditEntry), reason: 'sửa lén' };
    entries[1] = { ...changed, hash: entryHash(changed, changed.prevHash) };
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 6, reason: 'prev_hash' });
  });

  it('names entries out of order', () => {
    const entries = chain(3);
    const [a, b, c] = entries as [AuditEntry, AuditEntry, AuditEntry];
    expect(verifyChain([a, c, b])).toMatchObject({ ok: false, brokenAt: 6 });
  });

  it('takes a hasher: the pure one and a passed one agree on the same chain', () => {
    const entries = chain(3);
    expect(verifyChain(entries, sha256Hex)).toEqual({ ok: true, count: 3, lastHash: entries[2]?.hash });
    expect(verifyChain(entries, () => 'x'.repeat(64))).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
