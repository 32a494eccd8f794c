// The framework as the editor holds it: the tree of FrameworkJson with a stable key per
// node (codes change when nodes move) and numbers kept as typed ("0,5"). Every rule is
// the core's: this file only edits the tree and keeps the dotted codes in step with it.

import {
  type BandJson,
  type Criterion,
  type CriterionJson,
  type FrameworkJson,
  findMethod,
  formatDecimal,
  kpiDefinition,
  parseDecimal,
} from '#core/framework/index';

export interface DraftNode {
  readonly key: string;
  readonly code: string;
  readonly name: string;
  /** As typed: "1,5" and "1.5" both read; normalised when sent. */
  readonly maxPoints: string;
  /** One item per entry; empty entries are kept while typing and dropped when sent. */
  readonly evidence: readonly string[];
  readonly optional: boolean;
  /** Leaf fields; ignored (and not sent) while the node has children. */
  readonly method: string;
  readonly params: string;
  readonly kpi: string;
  readonly children: readonly DraftNode[];
}

export interface DraftBand {
  readonly key: string;
  readonly name: string;
  readonly min: string;
  /** "" when the band has no floor on component indexes. */
  readonly minAreaIndex: string;
}

export interface Draft {
  readonly year: number;
  readonly level: string;
  readonly name: string;
  readonly indexDecimals: number;
  readonly tieBreak: readonly string[];
  readonly bands: readonly DraftBand[];
  readonly areas: readonly DraftNode[];
}

export type NodePatch = Partial<
  Pick<DraftNode, 'name' | 'maxPoints' | 'evidence' | 'optional' | 'method' | 'params' | 'kpi'>
>;

let lastKey = 0;
const newKey = () => {
  lastKey += 1;
  return `k${lastKey}`;
};

export const NEW_NODE_METHOD = 'thu_cong';
const NEW_NODE_MAX = '1';

/** A decimal as the user reads it: "1.5" → "1,5" with the Vietnamese separator. */
export function displayDecimal(text: string, separator: '.' | ','): string {
  const value = parseDecimal(text);
  return value === null ? text : formatDecimal(value, { separator });
}

/** A decimal as files and the API write it ("0,5" → "0.5"); text that is no number is sent as is. */
export function normalizeDecimal(text: string): string {
  const value = parseDecimal(text);
  return value === null ? text.trim() : formatDecimal(value);
}

export function draftFromJson(json: FrameworkJson, separator: '.' | ','): Draft {
  const toNode = (node: CriterionJson): DraftNode => ({
    key: newKey(),
    code: node.code,
    name: node.name,
    maxPoints: displayDecimal(node.maxPoints, separator),
    evidence: node.evidence ?? [],
    optional: node.optional ?? false,
    method: node.method ?? '',
    params: node.params ?? '',
    kpi: node.kpi ?? '',
    children: (node.children ?? []).map(toNode),
  });
  return {
    year: json.year,
    level: json.level,
    name: json.name,
    indexDecimals: json.indexDecimals ?? 2,
    tieBreak: json.tieBreak ?? [],
    bands: json.bands.map((band) => ({
      key: newKey(),
      name: band.name,
      min: displayDecimal(band.min, separator),
      minAreaIndex: band.minAreaIndex === undefined ? '' : displayDecimal(band.minAreaIndex, separator),
    })),
    areas: json.areas.map(toNode),
  };
}

/** The JSON the API stores; a node with children is a parent and carries no method. */
export function draftToJson(draft: Draft): FrameworkJson {
  const toJson = (node: DraftNode): CriterionJson => {
    const evidence = node.evidence.map((item) => item.trim()).filter((item) => item !== '');
    return {
      code: node.code,
      name: node.name,
      maxPoints: normalizeDecimal(node.maxPoints),
      ...(evidence.length > 0 ? { evidence } : {}),
      ...(node.optional ? { optional: true } : {}),
      ...(node.children.length > 0
        ? { children: node.children.map(toJson) }
        : {
            method: node.method,
            params: node.params.trim(),
            ...(node.kpi.trim() ? { kpi: node.kpi.trim() } : {}),
          }),
    };
  };
  return {
    year: draft.year,
    level: draft.level,
    name: draft.name,
    indexDecimals: draft.indexDecimals,
    ...(draft.tieBreak.length > 0 ? { tieBreak: [...draft.tieBreak] } : {}),
    bands: draft.bands.map(
      (band): BandJson => ({
        name: band.name,
        min: normalizeDecimal(band.min),
        ...(band.minAreaIndex.trim() ? { minAreaIndex: normalizeDecimal(band.minAreaIndex) } : {}),
      }),
    ),
    areas: draft.areas.map(toJson),
  };
}

/** The core's model of a node, for the core's tree functions (`childrenMaxPoints`, `nodeRole`). */
export function toCriterion(node: DraftNode): Criterion {
  const base = {
    code: node.code,
    name: node.name,
    maxPoints: parseDecimal(node.maxPoints) ?? parseDecimal('0'),
    evidence: node.evidence,
  } as Pick<Criterion, 'code' | 'name' | 'maxPoints' | 'evidence'>;
  return node.children.length > 0
    ? { ...base, children: node.children.map(toCriterion) }
    : { ...base, method: node.method, params: node.params, ...(node.kpi ? { kpi: node.kpi } : {}) };
}

// ——— finding nodes ———

export interface Located {
  readonly node: DraftNode;
  readonly parent: DraftNode | null;
  readonly index: number;
  /** Keys from the area down to the node's parent. */
  readonly ancestors: readonly string[];
}

export function locate(areas: readonly DraftNode[], key: string): Located | null {
  const search = (
    list: readonly DraftNode[],
    parent: DraftNode | null,
    ancestors: readonly string[],
  ): Located | null => {
    for (const [index, node] of list.entries()) {
      if (node.key === key) return { node, parent, index, ancestors };
      const found = search(node.children, node, [...ancestors, node.key]);
      if (found) return found;
    }
    return null;
  };
  return search(areas, null, []);
}

/** Every node, parents before children, in tree order. */
export function flatten(areas: readonly DraftNode[]): DraftNode[] {
  return areas.flatMap((node) => [node, ...flatten(node.children)]);
}

/** The node at `areas.0.children.2` (a path as zod reports it), for errors about the shape. */
export function nodeAtPath(areas: readonly DraftNode[], path: readonly string[]): DraftNode | null {
  if (path[0] !== 'areas') return null;
  let list = areas;
  let node: DraftNode | null = null;
  let i = 1;
  while (i < path.length) {
    const next = list[Number(path[i])];
    if (!next) return node;
    node = next;
    list = next.children;
    if (path[i + 1] !== 'children') break;
    i += 2;
  }
  return node;
}

// ——— codes ———

const NUMBERED = /^[1-9]\d*$/;

export function lastSegment(code: string): string {
  const dot = code.lastIndexOf('.');
  return dot < 0 ? code : code.slice(dot + 1);
}

const joinCode = (prefix: string | null, segment: string) => (prefix ? `${prefix}.${segment}` : segment);

/** Old code → new code, for every node whose code changed (the tie-break list follows it). */
type Renames = Map<string, string>;

function withCode(node: DraftNode, code: string, renames: Renames): DraftNode {
  if (node.code === code) return node;
  if (node.code !== '') renames.set(node.code, code);
  return {
    ...node,
    code,
    children: node.children.map((child) => withCode(child, joinCode(code, lastSegment(child.code)), renames)),
  };
}

/**
 * The codes of one sibling list after a node was added, removed or moved in it. A list
 * numbered 1, 2, 3… (as official frameworks are) is numbered again in its new order; a
 * list with codes of its own (a, b, I, II…) keeps them and only the node just placed in
 * it (`placed`) takes a free number if its code is taken. Descendants follow.
 */
function renumber(
  list: readonly DraftNode[],
  prefix: string | null,
  placed: string | null,
  renames: Renames,
): DraftNode[] {
  const others = list.filter((node) => node.key !== placed);
  if (others.every((node) => NUMBERED.test(lastSegment(node.code)))) {
    return list.map((node, i) => withCode(node, joinCode(prefix, String(i + 1)), renames));
  }
  const taken = new Set(others.map((node) => lastSegment(node.code)));
  const free = () => {
    let n = 1;
    while (taken.has(String(n))) n += 1;
    return String(n);
  };
  return list.map((node) => {
    const own = lastSegment(node.code);
    if (node.key !== placed) return withCode(node, joinCode(prefix, own), renames);
    return withCode(node, joinCode(prefix, own !== '' && !taken.has(own) ? own : free()), renames);
  });
}

function followRenames(tieBreak: readonly string[], renames: Renames): readonly string[] {
  return renames.size === 0 ? tieBreak : tieBreak.map((code) => renames.get(code) ?? code);
}

// ——— editing ———

/** Replaces the list of children of `parentKey` (the areas when null), renumbered. */
function editList(
  draft: Draft,
  parentKey: string | null,
  edit: (list: readonly DraftNode[]) => DraftNode[],
  placed: string | null,
): Draft {
  const renames: Renames = new Map();
  if (parentKey === null) {
    const areas = renumber(edit(draft.areas), null, placed, renames);
    return { ...draft, areas, tieBreak: followRenames(draft.tieBreak, renames) };
  }
  const visit = (list: readonly DraftNode[]): readonly DraftNode[] =>
    list.map((node) =>
      node.key === parentKey
        ? { ...node, children: renumber(edit(node.children), node.code, placed, renames) }
        : node.children.length > 0
          ? { ...node, children: visit(node.children) }
          : node,
    );
  const areas = visit(draft.areas);
  return { ...draft, areas, tieBreak: followRenames(draft.tieBreak, renames) };
}

function mapNode(draft: Draft, key: string, change: (node: DraftNode) => DraftNode): Draft {
  const visit = (list: readonly DraftNode[]): readonly DraftNode[] =>
    list.map((node) =>
      node.key === key
        ? change(node)
        : node.children.length > 0
          ? { ...node, children: visit(node.children) }
          : node,
    );
  return { ...draft, areas: visit(draft.areas) };
}

export function updateNode(draft: Draft, key: string, patch: NodePatch): Draft {
  return mapNode(draft, key, (node) => ({ ...node, ...patch }));
}

/** Sets the last part of a node's code (the prefix is its parent's); its subtree follows. */
export function setCodeSegment(draft: Draft, key: string, segment: string): Draft {
  const found = locate(draft.areas, key);
  if (!found) return draft;
  const renames: Renames = new Map();
  const clean = segment.replace(/[.\s]/g, '');
  const next = mapNode(draft, key, (node) =>
    withCode(node, joinCode(found.parent?.code ?? null, clean), renames),
  );
  return { ...next, tieBreak: followRenames(draft.tieBreak, renames) };
}

/**
 * The patch for choosing a method: its parameters start empty (each method reads its
 * own), and a KPI of the wrong kind, or any KPI for a method a person scores, is dropped.
 */
export function methodPatch(node: DraftNode, method: string): NodePatch {
  if (method === node.method) return {};
  const kind = findMethod(method)?.kpiKind ?? null;
  const keepKpi = kind !== null && kpiDefinition(node.kpi)?.kind === kind;
  return { method, params: '', kpi: keepKpi ? node.kpi : '' };
}

const blankNode = (): DraftNode => ({
  key: newKey(),
  code: '',
  name: '',
  maxPoints: NEW_NODE_MAX,
  evidence: [],
  optional: false,
  method: NEW_NODE_METHOD,
  params: '',
  kpi: '',
  children: [],
});

export interface Added {
  readonly draft: Draft;
  readonly key: string;
}

/**
 * Adds a criterion under `key`, last. Under a leaf the new child takes over the leaf's
 * maximum and scoring (splitting a criterion keeps its points and rule); under a parent
 * it starts at 1 point, scored by hand, and the live check shows the parent's new sum.
 */
export function addChild(draft: Draft, key: string): Added {
  const found = locate(draft.areas, key);
  if (!found) return { draft, key };
  const child = blankNode();
  const isLeaf = found.node.children.length === 0;
  const inherited: DraftNode = isLeaf
    ? {
        ...child,
        maxPoints: found.node.maxPoints,
        method: found.node.method,
        params: found.node.params,
        kpi: found.node.kpi,
      }
    : child;
  const cleared = isLeaf ? updateNode(draft, key, { method: '', params: '', kpi: '' }) : draft;
  return {
    draft: editList(cleared, key, (list) => [...list, inherited], inherited.key),
    key: inherited.key,
  };
}

/** Adds a criterion right after `key`, at the same level (an area after an area). */
export function addSibling(draft: Draft, key: string): Added {
  const found = locate(draft.areas, key);
  if (!found) return { draft, key };
  const node = blankNode();
  const insert = (list: readonly DraftNode[]) => [
    ...list.slice(0, found.index + 1),
    node,
    ...list.slice(found.index + 1),
  ];
  return { draft: editList(draft, found.parent?.key ?? null, insert, node.key), key: node.key };
}

export function addArea(draft: Draft): Added {
  const node = blankNode();
  return { draft: editList(draft, null, (list) => [...list, node], node.key), key: node.key };
}

/** Deletes a node and its subtree; its siblings are numbered again. */
export function removeNode(draft: Draft, key: string): Draft {
  const found = locate(draft.areas, key);
  if (!found) return draft;
  return editList(draft, found.parent?.key ?? null, (list) => list.filter((n) => n.key !== key), null);
}

/** Where a moved node goes: into a parent (first child), or before or after a node. */
export type MoveTarget = { readonly into: string } | { readonly before: string } | { readonly after: string };

/**
 * Moves a node (with its subtree) anywhere in the tree; both sibling lists are numbered
 * again. An area moved under another node stops being optional: only areas may be.
 */
export function moveNode(draft: Draft, key: string, target: MoveTarget): Draft {
  const found = locate(draft.areas, key);
  if (!found) return draft;
  const ref = 'before' in target ? target.before : 'after' in target ? target.after : target.into;
  if (ref === key || locate(found.node.children, ref)) return draft;
  const removed = editList(
    draft,
    found.parent?.key ?? null,
    (list) => list.filter((n) => n.key !== key),
    null,
  );
  let parentKey: string | null;
  let index: number;
  if ('into' in target) {
    parentKey = target.into;
    index = 0;
  } else {
    const anchor = locate(removed.areas, 'before' in target ? target.before : target.after);
    if (!anchor) return draft;
    parentKey = anchor.parent?.key ?? null;
    index = anchor.index + ('after' in target ? 1 : 0);
  }
  if (parentKey !== null) {
    const parent = locate(removed.areas, parentKey);
    if (!parent || parent.node.children.length === 0) return draft;
  }
  const placed: DraftNode = parentKey === null ? found.node : { ...found.node, optional: false };
  return editList(
    removed,
    parentKey,
    (list) => [...list.slice(0, index), placed, ...list.slice(index)],
    placed.key,
  );
}

/** Moves a node one place up or down among its siblings. */
export function shiftNode(draft: Draft, key: string, by: -1 | 1): Draft {
  const found = locate(draft.areas, key);
  if (!found) return draft;
  const siblings = found.parent ? found.parent.children : draft.areas;
  const other = siblings[found.index + by];
  if (!other) return draft;
  return moveNode(draft, key, by < 0 ? { before: other.key } : { after: other.key });
}

// ——— bands ———

export function blankBand(): DraftBand {
  return { key: newKey(), name: '', min: '', minAreaIndex: '' };
}

/** Bands highest first, as the core requires; a band whose minimum is no number stays where it is last. */
export function sortBands(bands: readonly DraftBand[]): DraftBand[] {
  const min = (band: DraftBand) => parseDecimal(band.min);
  return [...bands].sort((a, b) => {
    const x = min(a);
    const y = min(b);
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return y - x;
  });
}
