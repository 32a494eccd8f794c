import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  NodeIndexOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Descriptions,
  Form,
  Grid,
  Input,
  Popconfirm,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Fixed,
  type FrameworkField,
  findMethod,
  formatDecimal,
  kpiDefinition,
} from '#core/framework/index';
import type { PlacedError } from '../../frameworks/check';
import {
  type DraftNode,
  displayDecimal,
  flatten,
  type Located,
  lastSegment,
  type NodePatch,
} from '../../frameworks/draft';
import {
  kpiName,
  kpiOptions,
  methodExample,
  methodHelp,
  methodName,
  methodOptions,
  SEARCH_BY_LABEL,
  takesParams,
} from '../../frameworks/labels';

export interface NodeActions {
  patch(patch: NodePatch): void;
  /** The method with what goes with it (params cleared, KPI kept only if it fits). */
  setMethod(method: string): void;
  setSegment(segment: string): void;
  addChild(): void;
  addSibling(): void;
  shift(by: -1 | 1): void;
  remove(): void;
}

/** Area, criterion or sub-criterion, by depth. */
export function depthLabel(t: (key: string) => string, depth: number): string {
  return t(
    depth === 0 ? 'frameworks.node.area' : depth === 1 ? 'frameworks.node.criterion' : 'frameworks.node.sub',
  );
}

const SHOWN_FIELDS = new Set<FrameworkField>([
  'code',
  'name',
  'maxPoints',
  'method',
  'kpi',
  'params',
  'evidence',
]);

/**
 * The form for the selected node. Every change goes straight into the draft, so the tree
 * and the error list follow while typing; errors about a field show under it.
 */
export function NodeEditor({
  located,
  errors,
  sum,
  mismatch,
  separator,
  siblings,
  actions,
}: {
  located: Located;
  errors: readonly PlacedError[];
  sum: Fixed | null | undefined;
  mismatch: boolean;
  separator: '.' | ',';
  /** How many nodes share the node's parent, for the up and down buttons. */
  siblings: number;
  actions: NodeActions;
}) {
  const { t, i18n } = useTranslation();
  const { node, parent, index } = located;
  const depth = located.ancestors.length;
  const isLeaf = node.children.length === 0;
  const fieldErrors = (field: FrameworkField) =>
    errors.filter((p) => p.field === field).map((p) => p.error.message);
  /** A field's errors (the core's reasons) under it, and its standing hint below them. */
  const hint = (field: FrameworkField, extra?: ReactNode) => {
    const messages = fieldErrors(field);
    return {
      validateStatus: messages.length > 0 ? ('error' as const) : undefined,
      help: messages.length > 0 ? messages.map((m) => <div key={m}>{m}</div>) : undefined,
      extra,
    };
  };
  const other = errors.filter(
    (p) =>
      p.field === null ||
      !SHOWN_FIELDS.has(p.field) ||
      (!isLeaf && ['method', 'kpi', 'params'].includes(p.field)),
  );
  const method = findMethod(node.method);
  const kpis = kpiOptions(node.method, i18n.language);
  const descendants = flatten(node.children).length;
  const sumText = sum === null || sum === undefined ? null : formatDecimal(sum, { separator });

  return (
    <Form layout="vertical" data-testid="node-editor" onSubmitCapture={(e) => e.preventDefault()}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button size="small" icon={<PlusOutlined />} onClick={actions.addChild}>
          {t('frameworks.editor.addChild')}
        </Button>
        <Button size="small" icon={<NodeIndexOutlined />} onClick={actions.addSibling}>
          {depth === 0 ? t('frameworks.editor.addArea') : t('frameworks.editor.addSibling')}
        </Button>
        <Button
          size="small"
          icon={<ArrowUpOutlined />}
          disabled={index === 0}
          aria-label={t('frameworks.editor.moveUp')}
          title={t('frameworks.editor.moveUp')}
          onClick={() => actions.shift(-1)}
        />
        <Button
          size="small"
          icon={<ArrowDownOutlined />}
          disabled={index >= siblings - 1}
          aria-label={t('frameworks.editor.moveDown')}
          title={t('frameworks.editor.moveDown')}
          onClick={() => actions.shift(1)}
        />
        <Popconfirm
          title={
            descendants > 0
              ? t('frameworks.editor.confirmDeleteTree', { code: node.code, count: descendants })
              : t('frameworks.editor.confirmDelete', { code: node.code })
          }
          okText={t('frameworks.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={actions.remove}
        >
          <Button size="small" danger icon={<DeleteOutlined />}>
            {t('frameworks.delete')}
          </Button>
        </Popconfirm>
      </Space>

      {other.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={other.map((p) => <div key={p.error.message}>{p.error.message}</div>)}
        />
      )}

      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 12 }}>
        <Form.Item label={t('frameworks.node.code')} htmlFor="node-code" {...hint('code')}>
          <Space.Compact style={{ width: '100%' }}>
            {parent && <Space.Addon>{parent.code}.</Space.Addon>}
            <Input
              id="node-code"
              value={lastSegment(node.code)}
              onChange={(e) => actions.setSegment(e.target.value)}
            />
          </Space.Compact>
        </Form.Item>
        <Form.Item
          label={t('frameworks.node.maxPoints')}
          htmlFor="node-max"
          {...hint(
            'maxPoints',
            !isLeaf && sumText !== null ? (
              <span>
                {t('frameworks.editor.childrenSum', { sum: sumText })}
                {mismatch && (
                  <Button
                    type="link"
                    size="small"
                    style={{ paddingInline: 4, height: 'auto' }}
                    onClick={() => actions.patch({ maxPoints: sumText })}
                  >
                    {t('frameworks.editor.useSum')}
                  </Button>
                )}
              </span>
            ) : undefined,
          )}
          validateStatus={fieldErrors('maxPoints').length > 0 || mismatch ? 'error' : undefined}
        >
          <Input
            id="node-max"
            inputMode="decimal"
            value={node.maxPoints}
            onChange={(e) => actions.patch({ maxPoints: e.target.value })}
          />
        </Form.Item>
      </div>

      <Form.Item label={t('frameworks.node.name')} htmlFor="node-name" {...hint('name')}>
        <Input.TextArea
          id="node-name"
          autoSize={{ minRows: 1, maxRows: 5 }}
          value={node.name}
          onChange={(e) => actions.patch({ name: e.target.value })}
        />
      </Form.Item>

      {depth === 0 && (
        <Form.Item extra={t('frameworks.node.optionalHelp')}>
          <Space>
            <Switch
              id="node-optional"
              checked={node.optional}
              onChange={(optional) => actions.patch({ optional })}
            />
            <label htmlFor="node-optional">{t('frameworks.node.optional')}</label>
          </Space>
        </Form.Item>
      )}

      {isLeaf ? (
        <>
          <Form.Item
            label={t('frameworks.node.method')}
            htmlFor="node-method"
            {...hint('method', methodHelp(t, node.method))}
          >
            <Select
              id="node-method"
              value={node.method || undefined}
              placeholder={t('frameworks.node.methodPlaceholder')}
              options={methodOptions(t)}
              onChange={actions.setMethod}
            />
          </Form.Item>
          {method?.kpiKind && (
            <Form.Item
              label={t('frameworks.node.kpi')}
              htmlFor="node-kpi"
              {...hint(
                'kpi',
                method.kpiKind === 'rate'
                  ? t('frameworks.node.kpiRateHelp')
                  : t('frameworks.node.kpiCountHelp'),
              )}
            >
              <Select
                id="node-kpi"
                allowClear
                showSearch={SEARCH_BY_LABEL}
                value={node.kpi || undefined}
                placeholder={t('frameworks.node.kpiPlaceholder')}
                options={kpis}
                onChange={(kpi?: string) => actions.patch({ kpi: kpi ?? '' })}
              />
            </Form.Item>
          )}
          {(takesParams(node.method) || node.params.trim() !== '') && (
            <Form.Item
              label={t('frameworks.node.params')}
              htmlFor="node-params"
              {...hint(
                'params',
                methodExample(t, node.method)
                  ? t('frameworks.node.paramsExample', { example: methodExample(t, node.method) })
                  : undefined,
              )}
            >
              <Input
                id="node-params"
                value={node.params}
                placeholder={methodExample(t, node.method)}
                onChange={(e) => actions.patch({ params: e.target.value })}
              />
            </Form.Item>
          )}
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t('frameworks.editor.parentNoMethod')}</Typography.Paragraph>
      )}

      <Form.Item
        label={t('frameworks.node.evidence')}
        htmlFor="node-evidence"
        {...hint('evidence', t('frameworks.node.evidenceHelp'))}
      >
        <Input.TextArea
          id="node-evidence"
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={node.evidence.join('\n')}
          onChange={(e) => actions.patch({ evidence: e.target.value.split('\n') })}
        />
      </Form.Item>
    </Form>
  );
}

/** The selected node of a published framework (or for a reader): the same facts, as text. */
export function NodeDetails({
  node,
  depth,
  sum,
  separator,
}: {
  node: DraftNode;
  depth: number;
  sum: Fixed | null | undefined;
  separator: '.' | ',';
}) {
  const { t, i18n } = useTranslation();
  const narrow = !Grid.useBreakpoint().sm;
  const method = findMethod(node.method);
  const kpi = kpiDefinition(node.kpi);
  const evidence = node.evidence.filter((e) => e.trim() !== '');
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      layout={narrow ? 'vertical' : 'horizontal'}
      data-testid="node-details"
      styles={{ label: { width: narrow ? undefined : 150 } }}
    >
      <Descriptions.Item label={t('frameworks.node.code')}>
        {node.code} <Tag style={{ marginInlineStart: 8 }}>{depthLabel(t, depth)}</Tag>
        {node.optional && <Tag color="blue">{t('frameworks.preview.optional')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('frameworks.node.name')}>{node.name}</Descriptions.Item>
      <Descriptions.Item label={t('frameworks.node.maxPoints')}>
        {displayDecimal(node.maxPoints, separator)}
        {node.children.length > 0 && sum !== null && sum !== undefined && (
          <Typography.Text type="secondary">
            {' '}
            ({t('frameworks.editor.childrenSum', { sum: formatDecimal(sum, { separator }) })})
          </Typography.Text>
        )}
      </Descriptions.Item>
      {node.children.length === 0 && (
        <>
          <Descriptions.Item label={t('frameworks.node.method')}>
            {method ? methodName(t, method) : node.method || '—'}
            {method && (
              <div>
                <Typography.Text type="secondary">{methodHelp(t, method.code)}</Typography.Text>
              </div>
            )}
          </Descriptions.Item>
          {node.kpi && (
            <Descriptions.Item label={t('frameworks.node.kpi')}>
              {kpi ? kpiName(kpi, i18n.language) : node.kpi}{' '}
              <Typography.Text code>{node.kpi}</Typography.Text>
            </Descriptions.Item>
          )}
          {node.params && (
            <Descriptions.Item label={t('frameworks.node.params')}>
              <Typography.Text code>{node.params}</Typography.Text>
            </Descriptions.Item>
          )}
        </>
      )}
      <Descriptions.Item label={t('frameworks.node.evidence')}>
        {evidence.length === 0 ? (
          '—'
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {evidence.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
