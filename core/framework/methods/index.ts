// The method registry. Adding a method: write its file beside these, add it here.

import { foldText } from '../../text';
import { diemThuong } from './diem-thuong';
import { diemTru } from './diem-tru';
import { khaoSat } from './khao-sat';
import { luaChon } from './lua-chon';
import { nguong } from './nguong';
import { thuCong } from './thu-cong';
import { truDiem } from './tru-diem';
import { tyLe } from './ty-le';
import type { AnyMethod } from './types';

export const METHODS: readonly AnyMethod[] = [
  thuCong,
  luaChon,
  nguong,
  tyLe,
  truDiem,
  khaoSat,
  diemThuong,
  diemTru,
];

const byCode: ReadonlyMap<string, AnyMethod> = new Map(METHODS.map((m) => [m.code, m]));

/** The method for a code as written in a file; case, accents and spaces are forgiven ("Thủ công" → thu_cong). */
export function findMethod(code: string): AnyMethod | undefined {
  return byCode.get(normalizeMethodCode(code));
}

export function normalizeMethodCode(code: string): string {
  return foldText(code).replace(/[\s-]+/g, '_');
}
