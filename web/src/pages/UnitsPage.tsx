import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  TreeSelect,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiSend } from '../api/client';
import { LEVELS, type Unit, type UnitLevel } from '../api/types';
import { useUnits } from '../api/units';
import { ImportButton } from '../components/ImportButton';
import { buildUnitTree, type UnitNode } from '../unit-tree';

interface FormValues {
  code: string;
  name: string;
  level: UnitLevel;
  parentId: number;
}

type Row = Omit<UnitNode, 'children'> & { children?: Row[] };
const toRows = (nodes: UnitNode[]): Row[] =>
  nodes.map(({ children, ...unit }) =>
    children.length > 0 ? { ...unit, children: toRows(children) } : unit,
  );

interface TreeOption {
  value: number;
  title: string;
  children: TreeOption[];
}
const toTreeOptions = (nodes: UnitNode[]): TreeOption[] =>
  nodes
    .filter((n) => n.active)
    .map((n) => ({ value: n.id, title: n.name, children: toTreeOptions(n.children) }));

/** Admin page: the administrative tree, with create, edit, move, deactivate, import and export. */
export function UnitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const units = useUnits({ q, includeInactive });
  const allUnits = useUnits();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);

  const rows = useMemo(() => toRows(buildUnitTree(units.data ?? [])), [units.data]);
  const parentOptions = useMemo(() => toTreeOptions(buildUnitTree(allUnits.data ?? [])), [allUnits.data]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['units'] });

  const open = (unit: Unit | 'new') => {
    setEditing(unit);
    form.resetFields();
    if (unit !== 'new')
      form.setFieldsValue({
        code: unit.code,
        name: unit.name,
        level: unit.level,
        parentId: unit.parentId ?? undefined,
      });
  };

  const save = async (values: FormValues) => {
    setSaving(true);
    try {
      if (editing === 'new') await apiSend('POST', '/api/units', values);
      else if (editing) await apiSend('PATCH', `/api/units/${editing.id}`, values);
      message.success(t('common.saved'));
      setEditing(null);
      await refresh();
    } catch (error) {
      if (error instanceof ApiError) message.error(error.message);
      else throw error;
    } finally {
      setSaving(false);
    }
  };

  const setActive = async (unit: Unit, active: boolean) => {
    try {
      await apiSend('PATCH', `/api/units/${unit.id}`, { active });
      await refresh();
    } catch (error) {
      if (error instanceof ApiError) message.error(error.message);
      else throw error;
    }
  };

  return (
    <Card
      title={t('units.title')}
      extra={
        <Space wrap>
          <ImportButton<{ inserted: number; updated: number }>
            url="/api/units/import"
            title={t('units.importTitle')}
            help={t('units.importHelp')}
            onDone={(r) => {
              message.success(t('units.imported', r));
              void refresh();
            }}
          />
          <Button icon={<DownloadOutlined />} href="/api/units/export.xlsx">
            {t('common.export')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
            {t('units.create')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('common.searchPlaceholder')}
          onSearch={setQ}
          style={{ width: 340, maxWidth: '100%' }}
        />
        <Space>
          <Switch checked={includeInactive} onChange={setIncludeInactive} size="small" />
          {t('common.showInactive')}
        </Space>
      </Space>
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={units.isPending}
        dataSource={rows}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        scroll={{ x: 700 }}
        columns={[
          { title: t('units.name'), dataIndex: 'name' },
          { title: t('units.code'), dataIndex: 'code', width: 110 },
          {
            title: t('units.level'),
            dataIndex: 'level',
            width: 100,
            render: (l: UnitLevel) => t(`levels.${l}`),
          },
          {
            title: t('common.status'),
            dataIndex: 'active',
            width: 150,
            render: (active: boolean) => (
              <Tag color={active ? 'green' : 'default'}>
                {active ? t('common.active') : t('common.inactive')}
              </Tag>
            ),
          },
          {
            title: t('common.actions'),
            width: 200,
            render: (_, unit) => (
              <Space>
                <Button size="small" onClick={() => open(unit)}>
                  {t('common.edit')}
                </Button>
                {unit.active ? (
                  <Popconfirm
                    title={t('units.confirmDeactivate', { name: unit.name })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => setActive(unit, false)}
                  >
                    <Button size="small" danger>
                      {t('units.deactivate')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" onClick={() => setActive(unit, true)}>
                    {t('units.activate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('units.create') : t('units.edit')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item
            name="name"
            label={t('units.name')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('units.code')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="level"
            label={t('units.level')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select options={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} />
          </Form.Item>
          <Form.Item
            name="parentId"
            label={t('units.parent')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <TreeSelect treeData={parentOptions} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
