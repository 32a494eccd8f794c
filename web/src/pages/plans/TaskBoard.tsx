import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_STATUS_CODES } from '#core/plan/tasks';
import type { Assignee, Plan, Task, TaskFilter, TaskStatus } from '../../api/plans';
import { useTasks } from '../../api/plans';
import { ImportButton } from '../../components/ImportButton';
import { dueText, OverdueTag, StatusTag, useRun } from './shared';
import { TaskDrawer } from './TaskDrawer';

const OVERDUE_ROW = { background: '#fff1f0' };

function TaskCard({
  task,
  areaName,
  onOpen,
}: {
  task: Task;
  areaName: string | undefined;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      style={{
        marginBottom: 8,
        borderColor: task.overdue ? '#ff4d4f' : undefined,
        background: task.overdue ? '#fff1f0' : undefined,
      }}
      data-testid="task-card"
    >
      <Typography.Paragraph strong style={{ marginBottom: 4 }} ellipsis={{ rows: 3 }}>
        {task.title}
      </Typography.Paragraph>
      <Space size={4} wrap>
        {task.overdue && <OverdueTag />}
        <Tag>{t('tasks.dueShort', { date: dueText(task) })}</Tag>
        {task.files.length > 0 && <Tag>📎 {task.files.length}</Tag>}
      </Space>
      <div style={{ fontSize: 12, color: '#666', marginTop: 4 }}>
        {[task.assigneeName ?? task.responsibleUnit, areaName].filter(Boolean).join(' · ')}
      </div>
      {task.status === 'doing' && <Progress percent={task.progress} size="small" />}
    </Card>
  );
}

/** The unit's tasks as a list or a board by status, with filters by area, officer, status and overdue. */
export function TaskBoard({
  plan,
  assignees,
  canWrite,
  isHead,
}: {
  plan: Plan;
  assignees: Assignee[];
  canWrite: boolean;
  isHead: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useRun();
  const [view, setView] = useState<'list' | 'board'>('list');
  const [filter, setFilter] = useState<TaskFilter>({});
  const tasks = useTasks(plan.id, filter);
  const [opened, setOpened] = useState<Task | 'new' | null>(null);
  const areaName = (key: string | null) => plan.areas.find((a) => a.key === key)?.name;
  const set = (patch: TaskFilter) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <Card
      title={t('tasks.listTitle')}
      extra={
        <Space wrap>
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'list' | 'board')}
            options={[
              { value: 'list', label: t('tasks.viewList') },
              { value: 'board', label: t('tasks.viewBoard') },
            ]}
          />
          <Button icon={<DownloadOutlined />} href={`/api/plans/${plan.id}/tasks/export.xlsx`}>
            {t('common.export')}
          </Button>
          {canWrite && (
            <ImportButton<{ inserted: number; updated: number }>
              url={`/api/plans/${plan.id}/tasks/import`}
              title={t('tasks.importTitle')}
              help={t('tasks.importHelp')}
              onDone={(r) => {
                message.success(t('tasks.imported', r));
                void run(async () => undefined, '');
              }}
            />
          )}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpened('new')}>
              {t('tasks.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('tasks.area')}
          style={{ minWidth: 220 }}
          value={filter.area}
          onChange={(area?: string) => set({ area })}
          options={plan.areas.map((a) => ({ value: a.key, label: a.name }))}
          data-testid="filter-area"
        />
        <Select
          allowClear
          placeholder={t('tasks.assignee')}
          style={{ minWidth: 180 }}
          value={filter.assigneeId}
          onChange={(assigneeId?: number) => set({ assigneeId })}
          options={assignees.map((a) => ({ value: a.id, label: a.fullName }))}
        />
        <Select
          allowClear
          placeholder={t('tasks.statusLabel')}
          style={{ minWidth: 150 }}
          value={filter.status}
          onChange={(status?: TaskStatus) => set({ status })}
          options={TASK_STATUS_CODES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
        />
        <Space>
          <Switch
            size="small"
            checked={filter.overdue ?? false}
            onChange={(overdue) => set({ overdue })}
            data-testid="filter-overdue"
          />
          {t('tasks.onlyOverdue')}
        </Space>
      </Space>
      {view === 'list' ? (
        <Table<Task>
          rowKey="id"
          size="middle"
          loading={tasks.isPending}
          dataSource={tasks.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          onRow={(task) => ({
            onClick: () => setOpened(task),
            style: { cursor: 'pointer', ...(task.overdue ? OVERDUE_ROW : {}) },
          })}
          columns={[
            {
              title: t('tasks.title'),
              dataIndex: 'title',
              render: (title: string, task) => (
                <Space direction="vertical" size={0}>
                  <span data-testid="task-title">{title}</span>
                  <Space size={4} wrap>
                    {task.overdue && <OverdueTag />}
                    {task.criteriaCodes.length > 0 && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('tasks.criteriaShort', { codes: task.criteriaCodes.join(', ') })}
                      </Typography.Text>
                    )}
                    {task.pointsAtStake !== null && (
                      <Tag color="orange">{t('tasks.pointsAtStake', { points: task.pointsAtStake })}</Tag>
                    )}
                  </Space>
                </Space>
              ),
            },
            {
              title: t('tasks.area'),
              dataIndex: 'areaKey',
              width: 180,
              render: (k: string | null) => areaName(k) ?? '',
            },
            {
              title: t('tasks.assignee'),
              width: 170,
              render: (_, task) =>
                task.assigneeName ?? (
                  <Typography.Text type="secondary">{task.responsibleUnit}</Typography.Text>
                ),
            },
            {
              title: t('tasks.due'),
              width: 110,
              render: (_, task) => (
                <Typography.Text type={task.overdue ? 'danger' : undefined}>{dueText(task)}</Typography.Text>
              ),
            },
            {
              title: t('tasks.statusLabel'),
              dataIndex: 'status',
              width: 140,
              render: (s: TaskStatus) => <StatusTag status={s} />,
            },
            {
              title: t('tasks.progress'),
              dataIndex: 'progress',
              width: 120,
              render: (p: number) => <Progress percent={p} size="small" />,
            },
            { title: '📎', width: 50, render: (_, task) => task.files.length || '' },
          ]}
        />
      ) : (
        <Row gutter={12}>
          {TASK_STATUS_CODES.map((status) => {
            const column = (tasks.data ?? []).filter((task) => task.status === status);
            return (
              <Col xs={24} md={8} key={status}>
                <div
                  style={{ background: '#fafafa', borderRadius: 8, padding: 8, minHeight: 200 }}
                  data-testid={`board-${status}`}
                >
                  <Space style={{ marginBottom: 8 }}>
                    <StatusTag status={status} />
                    <Typography.Text type="secondary">{column.length}</Typography.Text>
                  </Space>
                  {column.length === 0 && (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.none')} />
                  )}
                  {column.map((task) => (
                    <TaskCard
                      key={task.id}
                      task={task}
                      areaName={areaName(task.areaKey)}
                      onOpen={() => setOpened(task)}
                    />
                  ))}
                </div>
              </Col>
            );
          })}
        </Row>
      )}
      <TaskDrawer
        plan={plan}
        task={opened === 'new' ? null : opened}
        open={opened !== null}
        assignees={assignees}
        canWrite={canWrite}
        isHead={isHead}
        onClose={() => setOpened(null)}
      />
    </Card>
  );
}
