// Walking the criteria tree and reading its shape.

import type { Fixed } from './fixed';
import { findMethod } from './methods';
import { type Criterion, type Framework, isParent, type Role } from './model';

/** The code of the node `code` sits under (`3.3.1` → `3.3`), or null for an area. */
export function parentCode(code: string): string | null {
  const dot = code.lastIndexOf('.');
  return dot < 0 ? null : code.slice(0, dot);
}

/** Visits every node depth-first, parents before children, in file order. */
export function walk(
  nodes: readonly Criterion[],
  visit: (node: Criterion, depth: number, parent: Criterion | null) => void,
  depth = 0,
  parent: Criterion | null = null,
): void {
  for (const node of nodes) {
    visit(node, depth, parent);
    if (isParent(node)) walk(node.children, visit, depth + 1, node);
  }
}

/** Every node of the framework, parents before children. */
export function allNodes(framework: Framework): Criterion[] {
  const nodes: Criterion[] = [];
  walk(framework.areas, (node) => nodes.push(node));
  return nodes;
}

export function findNode(framework: Framework, code: string): Criterion | undefined {
  return allNodes(framework).find((node) => node.code === code);
}

/**
 * How a node counts towards its parent: a leaf as its method says; a parent whose
 * children are all bonus (or all deduction) is itself one; any other parent scores.
 * Null for a parent mixing bonus and deduction with nothing scored, which has no maximum.
 */
export function nodeRole(node: Criterion): Role | null {
  if (!isParent(node)) return findMethod(node.method)?.role ?? 'score';
  const roles = node.children.map(nodeRole);
  if (roles.length === 0 || roles.includes('score')) return 'score';
  if (roles.every((r) => r === 'bonus')) return 'bonus';
  if (roles.every((r) => r === 'deduction')) return 'deduction';
  return null;
}

/** Sum of the children's maxima that count towards this parent's maximum. */
export function childrenMaxPoints(children: readonly Criterion[]): Fixed {
  const roles = children.map(nodeRole);
  const scored = roles.includes('score');
  let sum = 0;
  children.forEach((child, i) => {
    if (!scored || roles[i] === 'score') sum += child.maxPoints;
  });
  return sum as Fixed;
}

/** Rewrites every leaf's `Tham số` in its method's canonical form ("0,5" → "0.5"). */
export function canonicalParams(framework: Framework): Framework {
  const visit = (node: Criterion): Criterion => {
    if (isParent(node)) return { ...node, children: node.children.map(visit) };
    const method = findMethod(node.method);
    const parsed = method?.parseParams(node.params, node.maxPoints);
    return method && parsed?.ok ? { ...node, params: method.formatParams(parsed.value) } : node;
  };
  return { ...framework, areas: framework.areas.map(visit) };
}
