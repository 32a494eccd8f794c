import { ExclamationCircleFilled } from '@ant-design/icons';
import { Tag, Tooltip, Tree, type TreeDataNode, type TreeProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type Fixed, formatDecimal } from '#core/framework/index';
import type { LiveCheck } from '../../frameworks/check';
import { type DraftNode, displayDecimal, flatten, type MoveTarget } from '../../frameworks/draft';

/**
 * A parent's maximum beside the sum of its children's, as the core counts them: equal in
 * a calm tag, different in a red one.
 */
function SumTag({
  node,
  sum,
  mismatch,
  separator,
  t,
}: {
  node: DraftNode;
  sum: Fixed | null | undefined;
  mismatch: boolean;
  separator: '.' | ',';
  t: TFunction;
}) {
  const max = displayDecimal(node.maxPoints, separator) || '?';
  const children = sum === null || sum === undefined ? '?' : formatDecimal(sum, { separator });
  return (
    <Tooltip title={t('frameworks.editor.sumTip', { max, sum: children })}>
      <Tag
        color={mismatch ? 'red' : 'default'}
        data-testid="node-sum"
        data-mismatch={mismatch ? 'true' : 'false'}
        style={{ marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums' }}
      >
        {max} {mismatch ? '≠' : '='} Σ {children}
      </Tag>
    </Tooltip>
  );
}

function NodeTitle({ node, check, separator }: { node: DraftNode; check: LiveCheck; separator: '.' | ',' }) {
  const { t } = useTranslation();
  const errors = (check.byNode.get(node.key) ?? []).filter((p) => p.error.code !== 'parent_sum_mismatch');
  const isParent = node.children.length > 0;
  return (
    <div
      data-node-key={node.key}
      data-code={node.code}
      style={{ display: 'flex', alignItems: 'flex-start', gap: 6, minWidth: 0, paddingBlock: 1 }}
    >
      <span style={{ fontWeight: 600, whiteSpace: 'nowrap', minWidth: 24 }}>{node.code || '—'}</span>
      <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere', fontWeight: isParent ? 500 : 400 }}>
        {node.name || <i style={{ color: '#999' }}>{t('frameworks.editor.noName')}</i>}
      </span>
      {errors.length > 0 && (
        <Tooltip title={errors.map((p) => p.error.message).join(' · ')}>
          <ExclamationCircleFilled
            style={{ color: '#cf1322', marginTop: 4 }}
            aria-label={t('frameworks.editor.nodeErrors', { count: errors.length })}
          />
        </Tooltip>
      )}
      {isParent ? (
        <SumTag
          node={node}
          sum={check.sums.get(node.key)}
          mismatch={check.mismatched.has(node.key)}
          separator={separator}
          t={t}
        />
      ) : (
        <Tag style={{ marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums' }}>
          {displayDecimal(node.maxPoints, separator) || '?'}
        </Tag>
      )}
    </div>
  );
}

/**
 * The criteria as a tree (areas → criteria → sub-criteria). Dragging moves a node with its
 * subtree before or after any node, or into a parent; a leaf takes no children by drag
 * (its method would be lost) — "add a sub-criterion" splits it instead.
 */
export function CriteriaTree({
  areas,
  check,
  selectedKey,
  expandedKeys,
  onExpand,
  onSelect,
  onMove,
  readOnly,
  separator,
}: {
  areas: readonly DraftNode[];
  check: LiveCheck;
  selectedKey: string | null;
  expandedKeys: string[];
  onExpand: (keys: string[]) => void;
  onSelect: (key: string) => void;
  onMove: (key: string, target: MoveTarget) => void;
  readOnly: boolean;
  separator: '.' | ',';
}) {
  const parents = new Set(
    flatten(areas)
      .filter((n) => n.children.length > 0)
      .map((n) => n.key),
  );
  const toData = (nodes: readonly DraftNode[]): TreeDataNode[] =>
    nodes.map((node) => ({
      key: node.key,
      title: <NodeTitle node={node} check={check} separator={separator} />,
      children: toData(node.children),
    }));

  const onDrop: TreeProps['onDrop'] = (info) => {
    const dragKey = String(info.dragNode.key);
    const dropKey = String(info.node.key);
    const pos = info.node.pos.split('-');
    const relative = info.dropPosition - Number(pos[pos.length - 1]);
    if (!info.dropToGap) onMove(dragKey, { into: dropKey });
    else if (parents.has(dropKey) && info.node.expanded && relative === 1) onMove(dragKey, { into: dropKey });
    else if (relative === -1) onMove(dragKey, { before: dropKey });
    else onMove(dragKey, { after: dropKey });
  };

  return (
    <Tree
      blockNode
      showLine
      treeData={toData(areas)}
      selectedKeys={selectedKey ? [selectedKey] : []}
      expandedKeys={expandedKeys}
      onExpand={(keys) => onExpand(keys.map(String))}
      onSelect={(keys, info) => onSelect(String(keys[0] ?? info.node.key))}
      draggable={readOnly ? false : { icon: false }}
      allowDrop={({ dropNode, dropPosition }) => dropPosition !== 0 || parents.has(String(dropNode.key))}
      onDrop={onDrop}
    />
  );
}
