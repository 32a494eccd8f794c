import { describe, expect, it } from 'vitest';
import { compareVi, foldText, matchesSearch } from './text';

describe('foldText', () => {
  it('strips Vietnamese diacritics and đ', () => {
    expect(foldText('Xã Vĩnh Lập')).toBe('xa vinh lap');
    expect(foldText('  Trực   Tuyến ')).toBe('truc tuyen');
    expect(foldText('Đăng ký')).toBe('dang ky');
  });
});

describe('matchesSearch', () => {
  it('finds "Vĩnh Lập" from "vinh lap"', () => {
    expect(matchesSearch('Xã Vĩnh Lập', 'vinh lap')).toBe(true);
    expect(matchesSearch('Xã Vĩnh Lập', 'lap vinh')).toBe(true);
    expect(matchesSearch('Xã Thanh Hồng', 'vinh')).toBe(false);
  });
});

describe('compareVi', () => {
  it('orders đ after d and accented vowels beside their base letter', () => {
    const names = ['Đông', 'Dương', 'An', 'Ân', 'Bình'];
    expect([...names].sort(compareVi)).toEqual(['An', 'Ân', 'Bình', 'Dương', 'Đông']);
  });
});
