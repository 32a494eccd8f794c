import { describe, expect, it } from 'vitest';
import { ancestorPaths, canSitUnder, parseUnitLevel } from './units';

describe('unit levels', () => {
  it('reads levels written the Vietnamese way, with or without accents', () => {
    expect(parseUnitLevel('xa')).toBe('commune');
    expect(parseUnitLevel('Xã')).toBe('commune');
    expect(parseUnitLevel('HUYỆN')).toBe('district');
    expect(parseUnitLevel('tinh')).toBe('province');
    expect(parseUnitLevel('ấp')).toBeNull();
  });

  it('accepts both the three-tier tree of 2021 and the two-tier tree since 2025', () => {
    expect(canSitUnder('commune', 'district')).toBe(true);
    expect(canSitUnder('commune', 'province')).toBe(true);
    expect(canSitUnder('district', 'commune')).toBe(false);
    expect(canSitUnder('province', null)).toBe(true);
    expect(canSitUnder('commune', null)).toBe(false);
  });
});

describe('ancestorPaths', () => {
  it('lists the paths above a unit, root first, without the unit itself', () => {
    expect(ancestorPaths('/1/7/27/')).toEqual(['/1/', '/1/7/']);
    expect(ancestorPaths('/1/')).toEqual([]);
  });
});
