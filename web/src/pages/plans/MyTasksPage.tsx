import { Card, Grid, List, Progress, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type MyTask, useAssignees, useMyTasks, usePlan } from '../../api/plans';
import { useSession } from '../../api/session';
import { dueText, OverdueTag, planRights, StatusTag } from './shared';
import { TaskDrawer } from './TaskDrawer';

function Drawer({ task, onClose }: { task: MyTask; onClose: () => void }) {
  const session = useSession();
  const plan = usePlan(task.planId);
  const assignees = useAssignees(task.planId);
  const user = session.data?.user;
  if (!plan.data || !user) return null;
  const rights = planRights(user, plan.data);
  return (
    <TaskDrawer
      plan={plan.data}
      task={task}
      open
      assignees={assignees.data ?? []}
      canWrite={rights.isWriter}
      isHead={rights.isHead}
      onClose={onClose}
    />
  );
}

/** What the signed-in officer is responsible for, in every plan, the earliest due first. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const [overdue, setOverdue] = useState(false);
  const [openOnly, setOpenOnly] = useState(true);
  const tasks = useMyTasks({ overdue });
  const [opened, setOpened] = useState<MyTask | null>(null);
  const rows = (tasks.data ?? []).filter((task) => !openOnly || task.status !== 'done');
  const narrow = !Grid.useBreakpoint().md;

  return (
    <Card title={t('myTasks.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Space>
          <Switch size="small" checked={openOnly} onChange={setOpenOnly} />
          {t('myTasks.openOnly')}
        </Space>
        <Space>
          <Switch size="small" checked={overdue} onChange={setOverdue} />
          {t('tasks.onlyOverdue')}
        </Space>
      </Space>
      {narrow ? (
        <List<MyTask>
          loading={tasks.isPending}
          dataSource={rows}
          locale={{ emptyText: t('myTasks.none') }}
          renderItem={(task) => (
            <List.Item
              onClick={() => setOpened(task)}
              style={{
                cursor: 'pointer',
                paddingInline: 8,
                ...(task.overdue ? { background: '#fff1f0' } : {}),
              }}
            >
              <div style={{ width: '100%' }}>
                <div data-testid="my-task-title">{task.title}</div>
                <Space size={4} wrap style={{ marginTop: 4 }}>
                  {task.overdue && <OverdueTag />}
                  <StatusTag status={task.status} />
                  <Typography.Text type={task.overdue ? 'danger' : 'secondary'}>
                    {t('tasks.dueShort', { date: dueText(task) })}
                  </Typography.Text>
                </Space>
                {task.status === 'doing' && <Progress percent={task.progress} size="small" />}
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<MyTask>
          rowKey="id"
          loading={tasks.isPending}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('myTasks.none') }}
          onRow={(task) => ({
            onClick: () => setOpened(task),
            style: { cursor: 'pointer', ...(task.overdue ? { background: '#fff1f0' } : {}) },
          })}
          columns={[
            {
              title: t('tasks.title'),
              render: (_, task) => (
                <Space direction="vertical" size={0}>
                  <span data-testid="my-task-title">{task.title}</span>
                  {task.overdue && <OverdueTag />}
                </Space>
              ),
            },
            {
              title: t('myTasks.plan'),
              width: 160,
              render: (_, task) => (
                <Link to={`/ke-hoach/${task.planId}`} onClick={(e) => e.stopPropagation()}>
                  {t('plans.planOfYear', { year: task.planYear })}
                </Link>
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
              width: 140,
              render: (_, task) => <StatusTag status={task.status} />,
            },
            {
              title: t('tasks.progress'),
              width: 120,
              render: (_, task) => <Progress percent={task.progress} size="small" />,
            },
          ]}
        />
      )}
      {opened && <Drawer task={opened} onClose={() => setOpened(null)} />}
    </Card>
  );
}
