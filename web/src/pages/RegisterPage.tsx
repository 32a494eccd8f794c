import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  FileTextOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Grid,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { type UIEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiAction } from '../api/action';
import { apiSend } from '../api/client';
import { listQuery, type RegisterItem, useRegisterList } from '../api/registers';
import { useSession } from '../api/session';
import { useUnits } from '../api/units';
import { ImportButton } from '../components/ImportButton';
import { useSelectedUnit } from '../layout/selected-unit';
import { useWindowHeight } from '../layout/window';
import { RegisterFilters, useFilters } from '../registers/RegisterFilters';
import { RegisterForm } from '../registers/RegisterForm';
import { formatCount, renderValue } from '../registers/values';
import type { RegisterView } from '../registers/views';
import { ApologyButton } from './dashboard/ApologyButton';

// One page per register: the list (virtual scrolling, loaded as it is scrolled), search
// ignoring accents, filters, the records behind a KPI when the KPI page links here, add,
// edit, delete, import with its row errors, export, and the sample file.

const WRITERS = ['unit_officer', 'unit_head', 'admin'];

export function RegisterPage({ view }: { view: RegisterView }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const session = useSession();
  const { unitId, select } = useSelectedUnit();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useFilters(view);
  const [editing, setEditing] = useState<RegisterItem | 'new' | null>(null);
  const height = useWindowHeight();

  // A link from another unit's KPIs names the unit it is about: it becomes the selected
  // unit once, and leaves the address so that choosing another unit in the tree works.
  const linkedUnit = Number(params.get('unit'));
  useEffect(() => {
    if (!(linkedUnit > 0)) return;
    select(linkedUnit);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('unit');
        return next;
      },
      { replace: true },
    );
  }, [linkedUnit, select, setParams]);

  const unit = useUnits().data?.find((u) => u.id === unitId);
  const list = useRegisterList(view.path, unitId, filters);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const canWrite = (session.data?.user.roles ?? []).some((r) => WRITERS.includes(r));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['register', view.path] });

  const run = useApiAction();
  const remove = async (item: RegisterItem) => {
    if (
      await run(
        () => apiSend('DELETE', `/api/units/${unitId}/${view.path}/${item.id}`),
        t('registers.deleted'),
      )
    ) {
      await refresh();
    }
  };

  // On a phone the first column stays while the others scroll under it.
  const narrow = !Grid.useBreakpoint().md;
  const columns: TableColumnsType<RegisterItem> = view.fields.map((field, i) => ({
    key: field.key,
    dataIndex: field.key,
    title: t(`registers.${view.path}.fields.${field.key}`),
    width: narrow && i === 0 ? Math.min(field.width, 150) : field.width,
    fixed: narrow && i === 0 ? ('left' as const) : undefined,
    ellipsis: true,
    render: (value) => renderValue(field, value, t, i18n.language),
  }));
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: view.path === 'dossiers' ? 132 : 96,
      fixed: narrow ? undefined : ('right' as const),
      render: (_, item) => (
        <Space size={4}>
          {view.path === 'dossiers' && (
            <ApologyButton
              unitId={unitId}
              item={item}
              onDone={() => {
                void refresh();
                void queryClient.invalidateQueries({ queryKey: ['kpis'] });
                void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
              }}
            />
          )}
          <Button
            size="small"
            icon={<EditOutlined />}
            aria-label={t('common.edit')}
            onClick={() => setEditing(item)}
          />
          <Popconfirm
            title={t('registers.confirmDelete', { name: String(item[view.titleField] ?? item.id) })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove(item)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('registers.delete')} />
          </Popconfirm>
        </Space>
      ),
    });
  }
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  const onScroll = (event: UIEvent<HTMLElement>) => {
    const el = event.currentTarget;
    if (
      el.scrollHeight - el.scrollTop - el.clientHeight < 600 &&
      list.hasNextPage &&
      !list.isFetchingNextPage
    ) {
      void list.fetchNextPage();
    }
  };

  return (
    <Card
      styles={{ header: { paddingBlock: 10 } }}
      title={
        <Space direction="vertical" size={0} style={{ whiteSpace: 'normal' }}>
          <span>{t(`registers.${view.path}.title`)}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }} data-testid="register-unit">
            {unit?.name}
          </Typography.Text>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {canWrite && (
          <ImportButton<{ inserted: number; updated: number }>
            url={`/api/units/${unitId}/${view.path}/import`}
            title={t('registers.importTitle', { register: t(`registers.${view.path}.title`) })}
            help={t(`registers.${view.path}.importHelp`)}
            onDone={(r) => {
              message.success(
                t('registers.imported', {
                  inserted: formatCount(r.inserted, i18n.language),
                  updated: formatCount(r.updated, i18n.language),
                }),
              );
              void refresh();
            }}
          />
        )}
        <Button
          icon={<DownloadOutlined />}
          href={`/api/units/${unitId}/${view.path}/export.xlsx?${listQuery(filters)}`}
        >
          {t('common.export')}
        </Button>
        <Button icon={<FileTextOutlined />} href={`/api/registers/samples/${view.sampleFile}`}>
          {t('registers.sample')}
        </Button>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('registers.addShort')}
          </Button>
        )}
      </Space>
      <RegisterFilters view={view} filters={filters} setFilters={setFilters} />
      <Typography.Paragraph type="secondary" data-testid="register-total" style={{ marginBottom: 8 }}>
        {t('registers.total', {
          count: formatCount(total, i18n.language),
          shown: formatCount(items.length, i18n.language),
        })}
      </Typography.Paragraph>
      <Table<RegisterItem>
        virtual
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={items}
        columns={columns}
        pagination={false}
        scroll={{ x: width, y: Math.max(280, height - 380) }}
        onScroll={onScroll}
      />
      {list.isError && <Alert type="error" showIcon title={list.error.message} style={{ marginTop: 12 }} />}
      <RegisterForm
        view={view}
        unitId={unitId}
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          setEditing(null);
          void refresh();
          void queryClient.invalidateQueries({ queryKey: ['kpis'] });
        }}
      />
    </Card>
  );
}
