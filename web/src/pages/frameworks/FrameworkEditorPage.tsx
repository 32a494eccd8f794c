import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  CopyOutlined,
  DownloadOutlined,
  PlusOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Grid,
  Modal,
  Popconfirm,
  Result,
  Row,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, apiSend, type RowError } from '../../api/client';
import { exportUrl, FRAMEWORKS_KEY, type FrameworkDetail, useFramework } from '../../api/frameworks';
import { decimalSeparator, formatDateTime } from '../../format';
import { isSettingsError, liveCheck, type PlacedError } from '../../frameworks/check';
import {
  addArea,
  addChild,
  addSibling,
  type Draft,
  draftFromJson,
  draftToJson,
  flatten,
  locate,
  methodPatch,
  moveNode,
  removeNode,
  setCodeSegment,
  shiftNode,
  updateNode,
} from '../../frameworks/draft';
import { CriteriaTree } from './CriteriaTree';
import { CopyFrameworkModal } from './FrameworkModals';
import { StatusTag, useCanEdit } from './FrameworksPage';
import { depthLabel, NodeDetails, NodeEditor } from './NodeEditor';
import { PreviewPanel } from './PreviewPanel';
import { SettingsPanel } from './SettingsPanel';

type TabKey = 'criteria' | 'settings' | 'preview';

export function FrameworkEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const frameworkId = Number(id);
  const detail = useFramework(frameworkId);
  if (detail.isPending) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: 300 }}>
        <Spin size="large" />
      </div>
    );
  }
  if (detail.isError || !detail.data) {
    return (
      <Result
        status={detail.error instanceof ApiError && detail.error.status === 403 ? '403' : '404'}
        title={detail.error?.message ?? t('common.notFound')}
      />
    );
  }
  return <FrameworkEditor key={frameworkId} detail={detail.data} />;
}

/** Every parent key, to open the whole tree. */
const parentKeys = (draft: Draft) =>
  flatten(draft.areas)
    .filter((n) => n.children.length > 0)
    .map((n) => n.key);

function ErrorList({ errors, onGo }: { errors: readonly PlacedError[]; onGo: (p: PlacedError) => void }) {
  const { t } = useTranslation();
  if (errors.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="error-list"
        title={t('frameworks.editor.noErrors')}
        style={{ marginBottom: 12 }}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-list"
      style={{ marginBottom: 12 }}
      title={t('frameworks.editor.errorCount', { count: errors.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 160, overflow: 'auto' }}>
          {errors.map((p, i) => (
            // Errors have no id; two identical messages are the same error twice.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt on every change
            <li key={i}>
              {p.key !== null || isSettingsError(p) ? (
                <Typography.Link onClick={() => onGo(p)}>{p.error.message}</Typography.Link>
              ) : (
                p.error.message
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/**
 * The editor of one framework: the criteria tree on the left (above on a phone), the
 * selected node's form on the right, the core's live check over both; settings and a
 * preview in their own tabs. A published framework, or one the user may not edit, opens
 * read-only.
 */
function FrameworkEditor({ detail }: { detail: FrameworkDetail }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canEdit = useCanEdit();
  const screens = Grid.useBreakpoint();
  const separator = decimalSeparator(i18n.language);
  const summary = detail.framework;
  const readOnly = summary.status === 'published' || !canEdit(summary.ownerUnitId);

  const [draft, setDraft] = useState(() => draftFromJson(detail.definition, separator));
  const [baseline, setBaseline] = useState(() => JSON.stringify(draftToJson(draft)));
  const [selectedKey, setSelectedKey] = useState<string | null>(() => draft.areas[0]?.key ?? null);
  const [expandedKeys, setExpandedKeys] = useState<string[]>(() => parentKeys(draft));
  const [tab, setTab] = useState<TabKey>('criteria');
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; errors: RowError[] } | null>(null);
  const [copying, setCopying] = useState(false);

  const check = useMemo(() => liveCheck(draft), [draft]);
  const dirty = !readOnly && JSON.stringify(draftToJson(draft)) !== baseline;
  const located = selectedKey ? locate(draft.areas, selectedKey) : null;

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const select = (key: string) => {
    setSelectedKey(key);
    const found = locate(draft.areas, key);
    if (found) setExpandedKeys((keys) => [...new Set([...keys, ...found.ancestors])]);
    requestAnimationFrame(() =>
      document.querySelector(`[data-node-key="${key}"]`)?.scrollIntoView({ block: 'nearest' }),
    );
  };

  /** Applies an edit that adds or moves a node, then selects it and opens its parents. */
  const added = (result: { draft: Draft; key: string }) => {
    setDraft(result.draft);
    setSelectedKey(result.key);
    const found = locate(result.draft.areas, result.key);
    if (found) setExpandedKeys((keys) => [...new Set([...keys, ...found.ancestors])]);
  };

  const goTo = (p: PlacedError) => {
    if (p.key !== null) {
      setTab('criteria');
      select(p.key);
    } else if (isSettingsError(p)) setTab('settings');
  };

  const putDetail = (next: FrameworkDetail) => {
    queryClient.setQueryData([FRAMEWORKS_KEY, 'detail', summary.id], next);
    void queryClient.invalidateQueries({ queryKey: [FRAMEWORKS_KEY, 'list'] });
  };

  const save = async (): Promise<boolean> => {
    const shape = check.errors.find((p) => p.error.code === 'bad_shape');
    if (shape) {
      message.error(t('frameworks.editor.fixNumbersFirst'));
      goTo(shape);
      return false;
    }
    const body = draftToJson(draft);
    setBusy('save');
    try {
      const saved = await apiSend<FrameworkDetail>('PUT', `/api/frameworks/${summary.id}`, body);
      setBaseline(JSON.stringify(body));
      putDetail(saved);
      if (saved.errors.length > 0)
        message.warning(t('frameworks.editor.savedWithErrors', { count: saved.errors.length }));
      else message.success(t('common.saved'));
      return true;
    } catch (error) {
      if (error instanceof ApiError) message.error(error.message);
      else throw error;
      return false;
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    if (dirty && !(await save())) return;
    setBusy('publish');
    try {
      putDetail(await apiSend<FrameworkDetail>('POST', `/api/frameworks/${summary.id}/publish`));
      message.success(t('frameworks.editor.published'));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 422) setRefusal({ message: error.message, errors: error.errors });
      else message.error(error.message);
    } finally {
      setBusy(null);
    }
  };

  const back = () => {
    if (!dirty) navigate('/bo-chi-so');
    else
      modal.confirm({
        title: t('frameworks.editor.leaveTitle'),
        content: t('frameworks.editor.leaveBody'),
        okText: t('frameworks.editor.leave'),
        cancelText: t('common.cancel'),
        okButtonProps: { danger: true },
        onOk: () => navigate('/bo-chi-so'),
      });
  };

  const change = (edit: (d: Draft) => Draft) => setDraft(edit);
  const node = located?.node;
  const actions = node
    ? {
        patch: (patch: Parameters<typeof updateNode>[2]) => change((d) => updateNode(d, node.key, patch)),
        setMethod: (method: string) => change((d) => updateNode(d, node.key, methodPatch(node, method))),
        setSegment: (segment: string) => change((d) => setCodeSegment(d, node.key, segment)),
        addChild: () => added(addChild(draft, node.key)),
        addSibling: () => added(addSibling(draft, node.key)),
        shift: (by: -1 | 1) => change((d) => shiftNode(d, node.key, by)),
        remove: () => {
          const next = removeNode(draft, node.key);
          setDraft(next);
          const siblings = located.parent
            ? locate(next.areas, located.parent.key)?.node.children
            : next.areas;
          setSelectedKey(
            siblings?.[Math.min(located.index, siblings.length - 1)]?.key ?? located.parent?.key ?? null,
          );
        },
      }
    : null;
  const siblingCount = located ? (located.parent ? located.parent.children.length : draft.areas.length) : 0;

  const criteria = (
    <>
      {!readOnly && <ErrorList errors={check.errors} onGo={goTo} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11} xl={10}>
          <Card
            size="small"
            title={t('frameworks.editor.tree')}
            extra={
              <Space size={4} wrap>
                <Button size="small" type="text" onClick={() => setExpandedKeys(parentKeys(draft))}>
                  {t('frameworks.editor.expandAll')}
                </Button>
                <Button size="small" type="text" onClick={() => setExpandedKeys([])}>
                  {t('frameworks.editor.collapseAll')}
                </Button>
              </Space>
            }
          >
            <div
              data-testid="criteria-tree"
              style={{
                maxHeight: screens.lg ? 'calc(100vh - 330px)' : '55vh',
                minHeight: 200,
                overflow: 'auto',
              }}
            >
              {draft.areas.length === 0 ? (
                <Empty description={t('frameworks.editor.emptyTree')} />
              ) : (
                <CriteriaTree
                  areas={draft.areas}
                  check={check}
                  selectedKey={selectedKey}
                  expandedKeys={expandedKeys}
                  onExpand={setExpandedKeys}
                  onSelect={select}
                  onMove={(key, target) => added({ draft: moveNode(draft, key, target), key })}
                  readOnly={readOnly}
                  separator={separator}
                />
              )}
            </div>
            {!readOnly && (
              <Button
                block
                type="dashed"
                icon={<PlusOutlined />}
                style={{ marginTop: 8 }}
                onClick={() => added(addArea(draft))}
              >
                {t('frameworks.editor.addArea')}
              </Button>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={13} xl={14}>
          <Card
            size="small"
            title={
              located
                ? `${depthLabel(t, located.ancestors.length)} ${located.node.code}`
                : t('frameworks.editor.noSelection')
            }
          >
            {!located ? (
              <Empty description={t('frameworks.editor.pickNode')} />
            ) : readOnly || !actions ? (
              <NodeDetails
                node={located.node}
                depth={located.ancestors.length}
                sum={check.sums.get(located.node.key)}
                separator={separator}
              />
            ) : (
              <NodeEditor
                located={located}
                errors={check.byNode.get(located.node.key) ?? []}
                sum={check.sums.get(located.node.key)}
                mismatch={check.mismatched.has(located.node.key)}
                separator={separator}
                siblings={siblingCount}
                actions={actions}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );

  const settingsErrors = check.errors.filter(isSettingsError);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
            <Button
              type="text"
              size="small"
              icon={<ArrowLeftOutlined />}
              onClick={back}
              aria-label={t('frameworks.backToList')}
              title={t('frameworks.backToList')}
            />
            <Typography.Title level={5} style={{ margin: 0, whiteSpace: 'normal', lineHeight: '24px' }}>
              {draft.name || t('frameworks.editor.noName')}
            </Typography.Title>
          </div>
        }
        styles={{ header: { paddingBlock: 8 } }}
      >
        <Space wrap size={[8, 8]} style={{ marginBottom: 8 }}>
          <StatusTag status={summary.status} />
          {!readOnly &&
            (dirty ? (
              <Tag color="orange" data-testid="dirty-state">
                {t('frameworks.editor.unsaved')}
              </Tag>
            ) : (
              <Tag icon={<CheckCircleOutlined />} data-testid="dirty-state">
                {t('frameworks.editor.allSaved')}
              </Tag>
            ))}
          <Typography.Text type="secondary">
            {t('frameworks.editor.meta', {
              year: summary.year,
              level: t(`levels.${summary.level}`),
              version: summary.version,
              owner: summary.ownerUnitName,
            })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {summary.publishedAt
              ? t('frameworks.editor.publishedAt', { at: formatDateTime(summary.publishedAt) })
              : t('frameworks.updatedAt', { at: formatDateTime(summary.updatedAt) })}
          </Typography.Text>
        </Space>
        <div>
          <Space wrap>
            {!readOnly && (
              <>
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  loading={busy === 'save'}
                  disabled={!dirty}
                  onClick={() => void save()}
                >
                  {t('common.save')}
                </Button>
                <Popconfirm
                  title={t('frameworks.editor.confirmPublish')}
                  description={t('frameworks.editor.confirmPublishBody')}
                  okText={t('frameworks.editor.publish')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => publish()}
                >
                  <Button icon={<CheckCircleOutlined />} loading={busy === 'publish'}>
                    {t('frameworks.editor.publish')}
                  </Button>
                </Popconfirm>
              </>
            )}
            {summary.status === 'published' && canEdit(summary.ownerUnitId) && (
              <Button icon={<CopyOutlined />} onClick={() => setCopying(true)}>
                {t('frameworks.editor.copyToDraft')}
              </Button>
            )}
            <Tooltip
              title={
                summary.errorCount > 0
                  ? t('frameworks.exportHasErrors')
                  : dirty
                    ? t('frameworks.editor.saveBeforeExport')
                    : undefined
              }
            >
              <Button
                icon={<DownloadOutlined />}
                href={exportUrl(summary.id)}
                disabled={summary.errorCount > 0 || dirty}
              >
                {t('common.export')}
              </Button>
            </Tooltip>
          </Space>
        </div>
        {readOnly && summary.status === 'published' && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('frameworks.editor.readOnlyPublished')}
          </Typography.Paragraph>
        )}
      </Card>

      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as TabKey)}
          items={[
            { key: 'criteria', label: t('frameworks.editor.tabCriteria'), children: criteria },
            {
              key: 'settings',
              label: (
                <span>
                  {t('frameworks.editor.tabSettings')}
                  {settingsErrors.length > 0 && !readOnly && (
                    <Tag color="red" style={{ marginInlineStart: 6 }}>
                      {settingsErrors.length}
                    </Tag>
                  )}
                </span>
              ),
              children: (
                <SettingsPanel
                  draft={draft}
                  summary={summary}
                  errors={settingsErrors}
                  readOnly={readOnly}
                  onChange={change}
                />
              ),
            },
            {
              key: 'preview',
              label: t('frameworks.editor.tabPreview'),
              children: <PreviewPanel draft={draft} separator={separator} />,
            },
          ]}
        />
      </Card>

      <Modal
        open={refusal !== null}
        title={t('frameworks.editor.publishRefused')}
        width={760}
        onCancel={() => setRefusal(null)}
        footer={<Button onClick={() => setRefusal(null)}>{t('common.close')}</Button>}
      >
        <Alert type="error" showIcon title={refusal?.message} style={{ marginBottom: 12 }} />
        <Table<RowError>
          size="small"
          rowKey={(r) => `${r.field}-${r.message}`}
          dataSource={refusal?.errors ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('frameworks.editor.where'), dataIndex: 'field', width: 160 },
            { title: t('import.message'), dataIndex: 'message' },
          ]}
        />
      </Modal>
      <CopyFrameworkModal source={copying ? summary : null} onClose={() => setCopying(false)} />
    </Space>
  );
}
