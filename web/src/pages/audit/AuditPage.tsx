import { CheckCircleOutlined, SafetyOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditFilter, type AuditVerify, fetchAuditVerify, useAudit } from '../../api/assessments';
import type { ApiError } from '../../api/client';
import { describeAuditValue } from '../../assessments/audit-view';
import { formatDateTime } from '../../format';

/** The administrator's view of the tamper-evident history: every change, and a check of the chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [pages, setPages] = useState<number[]>([]);
  const audit = useAudit({ ...filter, ...(pages.length ? { before: pages[pages.length - 1] } : {}) });
  const verify = useQuery<AuditVerify, ApiError>({
    queryKey: ['audit', 'verify'],
    queryFn: fetchAuditVerify,
    enabled: false,
    retry: false,
  });
  const items = audit.data ?? [];

  return (
    <Card
      title={<span style={{ whiteSpace: 'normal' }}>{t('audit.title')}</span>}
      extra={
        <Button
          type="primary"
          icon={<SafetyOutlined />}
          loading={verify.isFetching}
          onClick={() => void verify.refetch()}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('audit.help')}</Typography.Paragraph>
      {verify.data &&
        (verify.data.ok ? (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleOutlined />}
            title={t('audit.intact', { count: verify.data.count })}
            description={
              verify.data.lastHash && (
                <Typography.Text type="secondary" copyable={{ text: verify.data.lastHash }}>
                  {t('audit.lastHash')}: <code>{verify.data.lastHash}</code>
                </Typography.Text>
              )
            }
            style={{ marginBottom: 12 }}
            data-testid="audit-verdict"
          />
        ) : (
          <Alert
            type="error"
            showIcon
            icon={<WarningOutlined />}
            title={t('audit.broken', { id: verify.data.brokenAt ?? '?' })}
            description={verify.data.message}
            action={
              verify.data.brokenAt !== undefined && (
                <Button
                  size="small"
                  onClick={() => {
                    setFilter({});
                    setPages([(verify.data?.brokenAt ?? 0) + 1]);
                  }}
                >
                  {t('audit.showBroken')}
                </Button>
              )
            }
            style={{ marginBottom: 12 }}
            data-testid="audit-verdict"
          />
        ))}
      {verify.error && (
        <Alert type="error" showIcon title={verify.error.message} style={{ marginBottom: 12 }} />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('audit.entityFilter')}
          onSearch={(value) => {
            setPages([]);
            setFilter(value.trim() ? { entity: value.trim() } : {});
          }}
          style={{ width: 260 }}
        />
      </Space>
      {audit.error && <Alert type="error" showIcon title={audit.error.message} />}
      <Table
        rowKey="id"
        size="small"
        loading={audit.isPending}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1250 }}
        tableLayout="fixed"
        locale={{ emptyText: t('audit.empty') }}
        rowClassName={(row) => (verify.data?.brokenAt === row.id ? 'audit-broken' : '')}
        columns={[
          {
            title: '#',
            dataIndex: 'id',
            width: 70,
            render: (id: number) =>
              verify.data?.brokenAt === id ? (
                <Tag color="red" data-testid="audit-broken-row">
                  {id}
                </Tag>
              ) : (
                id
              ),
          },
          { title: t('audit.at'), dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: t('audit.actor'),
            dataIndex: 'actorName',
            width: 160,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('audit.what'),
            key: 'what',
            width: 260,
            render: (_, row) => (
              <span>
                <Tag>{row.entity}</Tag> {row.entityId} · {row.action}
                {row.field ? ` · ${row.field}` : ''}
              </span>
            ),
          },
          {
            title: t('audit.change'),
            key: 'change',
            width: 300,
            render: (_, row) => {
              const text = `${describeAuditValue(row.oldValue)} → ${describeAuditValue(row.newValue)}`;
              return (
                <Typography.Text ellipsis={{ tooltip: text }} style={{ width: 280 }}>
                  {text}
                </Typography.Text>
              );
            },
          },
          {
            title: t('audit.reason'),
            dataIndex: 'reason',
            width: 200,
            render: (v: string | null) => v ?? '',
          },
          {
            title: t('audit.hash'),
            dataIndex: 'hash',
            width: 110,
            render: (v: string) => <Typography.Text code>{v.slice(0, 10)}</Typography.Text>,
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={pages.length === 0} onClick={() => setPages((p) => p.slice(0, -1))}>
          {t('audit.newer')}
        </Button>
        <Button
          disabled={items.length < 100}
          onClick={() => {
            const last = items[items.length - 1];
            if (last) setPages((p) => [...p, last.id]);
          }}
        >
          {t('audit.older')}
        </Button>
      </Space>
    </Card>
  );
}
