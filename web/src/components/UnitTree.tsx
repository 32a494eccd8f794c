import { Input, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesSearch } from '#core/text';
import { useUnits } from '../api/units';
import { useSelectedUnit } from '../layout/selected-unit';
import { buildUnitTree, type UnitNode } from '../unit-tree';

function toTreeData(nodes: UnitNode[], query: string): TreeDataNode[] {
  const result: TreeDataNode[] = [];
  for (const node of nodes) {
    const children = toTreeData(node.children, query);
    if (query && children.length === 0 && !matchesSearch(`${node.name} ${node.code}`, query)) continue;
    result.push({ key: node.id, title: node.name, children });
  }
  return result;
}

/** The units the user may reach, as a tree; choosing one makes it the unit the pages show. */
export function UnitTree({ onSelect }: { onSelect?: () => void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const { unitId, select } = useSelectedUnit();
  const [query, setQuery] = useState('');
  const roots = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const treeData = useMemo(() => toTreeData(roots, query), [roots, query]);
  const topKeys = roots.map((r) => r.id);

  return (
    <div data-testid="unit-tree">
      {(units.data?.length ?? 0) > 8 && (
        <Input.Search
          allowClear
          size="small"
          placeholder={t('common.search')}
          onChange={(e) => setQuery(e.target.value)}
          style={{ margin: '8px 0' }}
        />
      )}
      <Tree
        treeData={treeData}
        selectedKeys={[unitId]}
        defaultExpandedKeys={topKeys}
        {...(query
          ? {
              expandedKeys: treeData.flatMap(function keys(n): React.Key[] {
                return [n.key, ...(n.children ?? []).flatMap(keys)];
              }),
            }
          : {})}
        onSelect={(keys) => {
          const key = keys[0];
          if (typeof key === 'number') {
            select(key);
            onSelect?.();
          }
        }}
        style={{ background: 'transparent', marginTop: 4 }}
      />
    </div>
  );
}
