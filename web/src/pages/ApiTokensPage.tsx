import { CopyOutlined, KeyOutlined, StopOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiAction } from '../api/action';
import { apiSend } from '../api/client';
import { type ApiToken, useApiTokens } from '../api/registers';
import { useUnits } from '../api/units';
import { formatDateTime } from '../format';
import { useSelectedUnit } from '../layout/selected-unit';

// Administrators make API tokens for one-stop and document systems: one unit each,
// shown once, revocable, with their last use.

export function ApiTokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useApiAction();
  const queryClient = useQueryClient();
  const { unitId } = useSelectedUnit();
  const unit = useUnits().data?.find((u) => u.id === unitId);
  const tokens = useApiTokens(unitId);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['api-tokens', unitId] });

  const create = async ({ name }: { name: string }) => {
    let token = '';
    const made = await run(async () => {
      token = (await apiSend<{ token: string }>('POST', `/api/units/${unitId}/api-tokens`, { name })).token;
    });
    if (!made) return;
    setCreating(false);
    setShown(token);
    await refresh();
  };
  const revoke = async (token: ApiToken) => {
    if (
      await run(() => apiSend('DELETE', `/api/units/${unitId}/api-tokens/${token.id}`), t('tokens.revoked'))
    ) {
      await refresh();
    }
  };

  return (
    <Card
      title={
        <Space direction="vertical" size={0}>
          <span>{t('tokens.title')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {unit?.name}
          </Typography.Text>
        </Space>
      }
      extra={
        <Button
          type="primary"
          icon={<KeyOutlined />}
          onClick={() => {
            form.resetFields();
            setCreating(true);
          }}
        >
          {t('tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tokens.help')}</Typography.Paragraph>
      <Table<ApiToken>
        rowKey="id"
        loading={tokens.isPending}
        dataSource={tokens.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { key: 'name', title: t('tokens.name'), dataIndex: 'name' },
          {
            key: 'prefix',
            title: t('tokens.prefix'),
            dataIndex: 'prefix',
            render: (p: string) => <code>{p}…</code>,
          },
          {
            key: 'created',
            title: t('tokens.created'),
            render: (_, tk) => `${formatDateTime(tk.createdAt)} — ${tk.createdBy}`,
          },
          {
            key: 'used',
            title: t('tokens.lastUsed'),
            render: (_, tk) =>
              tk.lastUsedAt
                ? `${formatDateTime(tk.lastUsedAt)} (${tk.lastUsedIp ?? ''})`
                : t('tokens.neverUsed'),
          },
          {
            key: 'status',
            title: t('common.status'),
            render: (_, tk) =>
              tk.revokedAt ? (
                <Tag>{t('tokens.revokedAt', { at: formatDateTime(tk.revokedAt) })}</Tag>
              ) : (
                <Tag color="green">{t('tokens.live')}</Tag>
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 130,
            render: (_, tk) =>
              !tk.revokedAt && (
                <Popconfirm
                  title={t('tokens.confirmRevoke', { name: tk.name })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => revoke(tk)}
                >
                  <Button size="small" danger icon={<StopOutlined />}>
                    {t('tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('tokens.create')}
        okText={t('tokens.create')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item
            name="name"
            label={t('tokens.name')}
            extra={t('tokens.nameHelp')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={120} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={shown !== null}
        title={t('tokens.shownTitle')}
        onCancel={() => setShown(null)}
        footer={<Button onClick={() => setShown(null)}>{t('common.close')}</Button>}
      >
        <Alert type="warning" showIcon title={t('tokens.shownOnce')} style={{ marginBottom: 12 }} />
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={shown ?? ''} data-testid="new-token" />
          <Button
            icon={<CopyOutlined />}
            onClick={() => {
              void navigator.clipboard?.writeText(shown ?? '');
              message.success(t('tokens.copied'));
            }}
          />
        </Space.Compact>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('tokens.usage')}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
