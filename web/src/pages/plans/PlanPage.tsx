import { Alert, Button, Result, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useAmendments, useAssignees, usePlan } from '../../api/plans';
import { useSession } from '../../api/session';
import { PlanEditor } from './PlanEditor';
import { PlanOverview } from './PlanOverview';
import { PlanPreview } from './PlanPreview';
import { planRights, vnDateTime } from './shared';
import { TaskBoard } from './TaskBoard';

function Amendments({ planId }: { planId: number }) {
  const { t } = useTranslation();
  const amendments = useAmendments(planId);
  return (
    <Table
      rowKey="id"
      loading={amendments.isPending}
      dataSource={amendments.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('amendments.none') }}
      scroll={{ x: 800 }}
      columns={[
        {
          title: t('amendments.when'),
          dataIndex: 'amendedAt',
          width: 150,
          render: (v: string) => vnDateTime(v),
        },
        { title: t('amendments.who'), dataIndex: 'amendedByName', width: 170 },
        { title: t('amendments.reason'), dataIndex: 'reason', width: 220 },
        {
          title: t('amendments.changes'),
          dataIndex: 'changes',
          render: (changes: { field: string; before: string; after: string }[]) =>
            changes.map((c) => (
              <div key={c.field} style={{ marginBottom: 6 }}>
                <Typography.Text strong>{c.field}</Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>
                  <Typography.Text delete type="secondary">
                    {c.before}
                  </Typography.Text>
                </div>
                <div style={{ whiteSpace: 'pre-wrap' }}>{c.after}</div>
              </div>
            )),
        },
      ]}
    />
  );
}

/** One plan: overview and progress, its tasks, its document, its amendments. */
export function PlanPage() {
  const { t } = useTranslation();
  const planId = Number(useParams().planId);
  const session = useSession();
  const plan = usePlan(planId);
  const assignees = useAssignees(planId);
  const user = session.data?.user;

  if (plan.isPending) return <Spin />;
  if (plan.isError) {
    const status = plan.error instanceof ApiError ? plan.error.status : 500;
    return (
      <Result
        status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
        title={plan.error.message}
        extra={
          <Link to="/ke-hoach">
            <Button>{t('plans.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (!user) return null;
  const p = plan.data;
  const rights = planRights(user, p);

  return (
    <div>
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="plan-title">
          {t('plans.planOfYear', { year: p.year })} — {p.unitName}
        </Typography.Title>
        <Tag color={p.status === 'issued' ? 'green' : 'gold'}>{t(`plans.status.${p.status}`)}</Tag>
      </Space>
      <Typography.Paragraph type="secondary">{p.title.replace(/\n/g, ' ')}</Typography.Paragraph>
      {!rights.isWriter && (
        <Alert type="info" showIcon title={t('plans.readOnly')} style={{ marginBottom: 12 }} />
      )}
      <Tabs
        defaultActiveKey="overview"
        items={[
          {
            key: 'overview',
            label: t('plans.tabOverview'),
            children: <PlanOverview plan={p} isHead={rights.isHead} />,
          },
          {
            key: 'tasks',
            label: t('plans.tabTasks', { count: p.totals.total }),
            children: (
              <TaskBoard
                plan={p}
                assignees={assignees.data ?? []}
                canWrite={rights.isWriter}
                isHead={rights.isHead}
              />
            ),
          },
          {
            key: 'document',
            label: t('plans.tabDocument'),
            children: rights.canEditDocument ? (
              <PlanEditor key={p.updatedAt} plan={p} canEdit />
            ) : (
              <PlanPreview plan={p} />
            ),
          },
          { key: 'amendments', label: t('plans.tabAmendments'), children: <Amendments planId={p.id} /> },
        ]}
      />
    </div>
  );
}
