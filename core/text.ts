// Vietnamese text helpers shared by search, import headers and enum matching.

/** Lower-case, strip diacritics (đ → d) and collapse spaces: "Trực  Tuyến" → "truc tuyen". */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query occurs in the text, ignoring case and accents. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = foldText(text);
  return foldText(query)
    .split(' ')
    .filter((w) => w.length > 0)
    .every((word) => haystack.includes(word));
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (a, ă, â, b, …, đ after d). */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
