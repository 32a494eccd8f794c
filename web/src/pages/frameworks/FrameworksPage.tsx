import {
  CopyOutlined,
  DeleteOutlined,
  DownloadOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Grid,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { parseDecimal } from '#core/framework/index';
import { ApiError, apiSend } from '../../api/client';
import {
  exportUrl,
  FRAMEWORKS_KEY,
  type FrameworkSummary,
  isFrameworkEditor,
  useFrameworks,
} from '../../api/frameworks';
import { useSession } from '../../api/session';
import { LEVELS, type UnitLevel } from '../../api/types';
import { useUnits } from '../../api/units';
import { decimalSeparator, formatDateTime } from '../../format';
import { displayDecimal } from '../../frameworks/draft';
import { CopyFrameworkModal, CreateFrameworkModal, ImportFrameworkModal } from './FrameworkModals';

export function StatusTag({ status }: { status: FrameworkSummary['status'] }) {
  const { t } = useTranslation();
  return status === 'published' ? (
    <Tag color="green">{t('frameworks.status.published')}</Tag>
  ) : (
    <Tag color="gold">{t('frameworks.status.draft')}</Tag>
  );
}

/** Whether the user may change this framework: an appraiser or admin of its owner unit (or above). */
export function useCanEdit() {
  const session = useSession();
  const units = useUnits();
  const editor = isFrameworkEditor(session.data);
  return (ownerUnitId: number) => editor && (units.data?.some((u) => u.id === ownerUnitId) ?? false);
}

/** Frameworks by year and level: drafts for their appraisers, published ones for everyone they assess. */
export function FrameworksPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const session = useSession();
  const editor = isFrameworkEditor(session.data);
  const canEdit = useCanEdit();
  const [year, setYear] = useState<number | null>(null);
  const [level, setLevel] = useState<UnitLevel | null>(null);
  const frameworks = useFrameworks({ year, level });
  const [copying, setCopying] = useState<FrameworkSummary | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const separator = decimalSeparator(i18n.language);
  // On a phone the year, level, version and counts go under the name instead of in columns.
  const narrow = !Grid.useBreakpoint().md;
  const wide = ['md'] as ('md' | 'lg')[];
  const actions = editor && (
    <Space wrap>
      <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
        {t('common.import')}
      </Button>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
        {t('frameworks.create')}
      </Button>
    </Space>
  );

  const remove = async (framework: FrameworkSummary) => {
    try {
      await apiSend('DELETE', `/api/frameworks/${framework.id}`);
      message.success(t('frameworks.deleted'));
      await queryClient.invalidateQueries({ queryKey: [FRAMEWORKS_KEY] });
    } catch (error) {
      if (error instanceof ApiError) message.error(error.message);
      else throw error;
    }
  };

  return (
    <Card title={t('frameworks.title')} extra={!narrow && actions}>
      {narrow && actions && <div style={{ marginBottom: 12 }}>{actions}</div>}
      <Typography.Paragraph type="secondary">
        {editor ? t('frameworks.introEditor') : t('frameworks.introReader')}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber
          placeholder={t('frameworks.year')}
          aria-label={t('frameworks.filterYear')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => setYear(typeof v === 'number' ? v : null)}
          style={{ width: narrow ? 110 : 140 }}
        />
        <Select<UnitLevel>
          allowClear
          placeholder={t('frameworks.level')}
          aria-label={t('frameworks.filterLevel')}
          value={level ?? undefined}
          onChange={(v) => setLevel(v ?? null)}
          options={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
          style={{ width: narrow ? 150 : 160 }}
        />
      </Space>
      <Table<FrameworkSummary>
        rowKey="id"
        size="middle"
        loading={frameworks.isPending}
        dataSource={frameworks.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={narrow ? undefined : { x: 960 }}
        locale={{ emptyText: t('frameworks.empty') }}
        columns={[
          {
            title: t('frameworks.name'),
            dataIndex: 'name',
            render: (name: string, f) => (
              <div>
                <Link to={`/bo-chi-so/${f.id}`}>{name}</Link>
                {narrow && (
                  <div>
                    <StatusTag status={f.status} />
                    {f.errorCount > 0 && (
                      <Tag color="red">{t('frameworks.editor.nodeErrors', { count: f.errorCount })}</Tag>
                    )}
                  </div>
                )}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {narrow &&
                      `${t('frameworks.editor.meta', {
                        year: f.year,
                        level: t(`levels.${f.level}`),
                        version: f.version,
                        owner: f.ownerUnitName,
                      })} · `}
                    {!narrow && `${f.ownerUnitName} · `}
                    {t('frameworks.updatedAt', { at: formatDateTime(f.updatedAt) })}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('frameworks.year'), dataIndex: 'year', width: 64, responsive: wide },
          {
            title: t('frameworks.level'),
            dataIndex: 'level',
            width: 76,
            responsive: wide,
            render: (l: UnitLevel) => t(`levels.${l}`),
          },
          {
            title: t('frameworks.version'),
            dataIndex: 'version',
            width: 76,
            responsive: wide,
            align: 'right',
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 120,
            responsive: wide,
            render: (status: FrameworkSummary['status']) => <StatusTag status={status} />,
          },
          {
            title: t('frameworks.maxPoints'),
            dataIndex: 'maxPoints',
            width: 80,
            responsive: wide,
            align: 'right',
            render: (v: string) => (parseDecimal(v) === null ? v : displayDecimal(v, separator)),
          },
          {
            title: t('frameworks.areas'),
            dataIndex: 'areaCount',
            width: 76,
            align: 'right',
            responsive: wide,
          },
          {
            title: t('frameworks.criteria'),
            dataIndex: 'criterionCount',
            width: 80,
            align: 'right',
            responsive: wide,
          },
          {
            title: t('frameworks.errors'),
            dataIndex: 'errorCount',
            width: 56,
            responsive: wide,
            align: 'right',
            render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : <Tag>0</Tag>),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 112,
            render: (_, f) => (
              <Space size={4}>
                {editor && (
                  <Tooltip title={t('frameworks.copy')}>
                    <Button
                      size="small"
                      icon={<CopyOutlined />}
                      aria-label={t('frameworks.copyOf', { name: f.name })}
                      onClick={() => setCopying(f)}
                    />
                  </Tooltip>
                )}
                <Tooltip title={f.errorCount > 0 ? t('frameworks.exportHasErrors') : t('common.export')}>
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    aria-label={t('frameworks.exportOf', { name: f.name })}
                    disabled={f.errorCount > 0}
                    href={exportUrl(f.id)}
                  />
                </Tooltip>
                {f.status === 'draft' && canEdit(f.ownerUnitId) && (
                  <Popconfirm
                    title={t('frameworks.confirmDelete', { name: f.name })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(f)}
                  >
                    <Tooltip title={t('frameworks.delete')}>
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('frameworks.deleteOf', { name: f.name })}
                      />
                    </Tooltip>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CopyFrameworkModal source={copying} onClose={() => setCopying(null)} />
      <CreateFrameworkModal open={creating} onClose={() => setCreating(false)} />
      <ImportFrameworkModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
