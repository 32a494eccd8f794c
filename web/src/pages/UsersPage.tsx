import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiGet, apiSend } from '../api/client';
import { ROLES, type Role, type User } from '../api/types';
import { useUnits } from '../api/units';
import { buildUnitTree, type UnitNode } from '../unit-tree';

interface FormValues {
  username: string;
  fullName: string;
  unitId: number;
  roles: Role[];
  password?: string;
}

interface TreeOption {
  value: number;
  title: string;
  children: TreeOption[];
}
const toTreeOptions = (nodes: UnitNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: toTreeOptions(n.children) }));

/** Admin page: accounts of the units in the admin's subtree. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const users = useQuery({
    queryKey: ['users', q],
    queryFn: async () =>
      (await apiGet<{ users: User[] }>(`/api/users${q ? `?q=${encodeURIComponent(q)}` : ''}`)).users,
  });
  const units = useUnits();
  const unitOptions = useMemo(() => toTreeOptions(buildUnitTree(units.data ?? [])), [units.data]);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);

  const open = (user: User | 'new') => {
    setEditing(user);
    form.resetFields();
    if (user !== 'new')
      form.setFieldsValue({
        username: user.username,
        fullName: user.fullName,
        unitId: user.unitId,
        roles: user.roles,
      });
  };

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      return true;
    } catch (error) {
      if (error instanceof ApiError) message.error(error.message);
      else throw error;
      return false;
    }
  };

  const save = async (values: FormValues) => {
    setSaving(true);
    const ok = await run(() => {
      if (editing === 'new') return apiSend('POST', '/api/users', values);
      const { username: _username, password, ...rest } = values;
      return apiSend('PATCH', `/api/users/${(editing as User).id}`, password ? { ...rest, password } : rest);
    });
    setSaving(false);
    if (ok) setEditing(null);
  };

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
          {t('users.create')}
        </Button>
      }
    >
      <Input.Search
        allowClear
        placeholder={t('common.search')}
        onSearch={setQ}
        style={{ width: 340, maxWidth: '100%', marginBottom: 12 }}
      />
      <Table<User>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data ?? []}
        scroll={{ x: 800 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.fullName'), dataIndex: 'fullName' },
          { title: t('users.unit'), dataIndex: 'unitName' },
          {
            title: t('users.roles'),
            dataIndex: 'roles',
            render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
          },
          {
            title: t('common.status'),
            dataIndex: 'active',
            render: (active: boolean) => (
              <Tag color={active ? 'green' : 'default'}>
                {active ? t('common.active') : t('common.inactive')}
              </Tag>
            ),
          },
          {
            title: t('common.actions'),
            width: 180,
            render: (_, user) => (
              <Space>
                <Button size="small" onClick={() => open(user)}>
                  {t('common.edit')}
                </Button>
                <Button
                  size="small"
                  danger={user.active}
                  onClick={() =>
                    run(() => apiSend('PATCH', `/api/users/${user.id}`, { active: !user.active }))
                  }
                >
                  {user.active ? t('users.lock') : t('users.unlock')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('users.create') : t('users.edit')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item
            name="username"
            label={t('users.username')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input disabled={editing !== 'new'} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="fullName"
            label={t('users.fullName')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t('users.unit')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <TreeSelect treeData={unitOptions} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item
            name="roles"
            label={t('users.roles')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item
            name="password"
            label={editing === 'new' ? t('users.password') : t('users.newPassword')}
            rules={[
              ...(editing === 'new' ? [{ required: true, message: t('common.required') }] : []),
              { min: 8, message: t('password.min') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
