import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, InputNumber, List, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { apiSend } from '../../api/client';
import { type Plan, usePlans } from '../../api/plans';
import { useSession } from '../../api/session';
import { useUnits } from '../../api/units';
import { useSelectedUnit } from '../../layout/selected-unit';
import { dateText, useRun } from './shared';

/** The plans of the unit chosen in the tree, newest year first; the unit's staff start a new year here. */
export function PlansPage() {
  const { t } = useTranslation();
  const { unitId } = useSelectedUnit();
  const session = useSession();
  const units = useUnits();
  const plans = usePlans(unitId);
  const navigate = useNavigate();
  const run = useRun();
  const [year, setYear] = useState(new Date().getFullYear());
  const user = session.data?.user;
  const unit = units.data?.find((u) => u.id === unitId);
  const canCreate =
    user !== undefined &&
    user.unit.id === unitId &&
    (user.roles.includes('unit_officer') || user.roles.includes('unit_head'));

  const create = async () => {
    const plan = await run(() => apiSend<Plan>('POST', '/api/plans', { unitId, year }), t('plans.created'));
    if (plan) navigate(`/ke-hoach/${plan.id}`);
  };

  return (
    <Card
      title={t('plans.title', { unit: unit?.name ?? '' })}
      extra={
        canCreate && (
          <Space wrap>
            <InputNumber
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
              aria-label={t('plans.year')}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={create}>
              {t('plans.create')}
            </Button>
          </Space>
        )
      }
    >
      <List
        loading={plans.isPending}
        dataSource={plans.data ?? []}
        locale={{ emptyText: <Empty description={t('plans.none')} /> }}
        renderItem={(plan) => (
          <List.Item
            extra={
              <Progress
                type="circle"
                size={56}
                percent={plan.taskCount ? Math.round((plan.doneCount * 100) / plan.taskCount) : 0}
              />
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/ke-hoach/${plan.id}`} data-testid={`plan-link-${plan.year}`}>
                    {t('plans.planOfYear', { year: plan.year })}
                  </Link>
                  <Tag color={plan.status === 'issued' ? 'green' : 'gold'}>
                    {t(`plans.status.${plan.status}`)}
                  </Tag>
                </Space>
              }
              description={
                <>
                  <Typography.Text>{plan.title.replace(/\n/g, ' ')}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">
                    {t('plans.numberDate', {
                      number: plan.numberLine,
                      date: dateText(plan.issuedDate) || '—',
                    })}{' '}
                    · {t('plans.doneOf', { done: plan.doneCount, total: plan.taskCount })}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
