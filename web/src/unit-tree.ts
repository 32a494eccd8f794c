import { compareVi } from '#core/text';
import type { Unit } from './api/types';

export interface UnitNode extends Unit {
  children: UnitNode[];
}

/** Nests a flat unit list; units whose parent is not in the list become roots (a user's own unit). */
export function buildUnitTree(units: Unit[]): UnitNode[] {
  const nodes = new Map<number, UnitNode>(units.map((u) => [u.id, { ...u, children: [] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => compareVi(a.name, b.name));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}
