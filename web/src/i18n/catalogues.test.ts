import { describe, expect, it } from 'vitest';
import en from './en.json';
import vi from './vi.json';

type Tree = { [key: string]: string | Tree };

/** Every text key, with i18next's plural suffixes folded (Vietnamese has no plural forms). */
function keys(tree: Tree, prefix = ''): Set<string> {
  const found = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.add(`${prefix}${key.replace(/_(one|other|zero|few|many)$/, '')}`);
    else for (const k of keys(value, `${prefix}${key}.`)) found.add(k);
  }
  return found;
}

describe('UI text catalogues', () => {
  it('has every Vietnamese text in English too, and nothing English-only', () => {
    const viKeys = keys(vi as Tree);
    const enKeys = keys(en as Tree);
    expect([...viKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !viKeys.has(k))).toEqual([]);
  });
});
