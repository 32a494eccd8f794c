import { Alert, Card, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDashboard } from '../../api/dashboard';
import { useFrameworks } from '../../api/frameworks';
import { useSession } from '../../api/session';
import { useUnits } from '../../api/units';
import { useSelectedUnit } from '../../layout/selected-unit';
import { AppraiserView } from './AppraiserView';
import { UnitDashboard } from './UnitDashboard';

// The first page a unit's people see: the index their unit is heading for this year and
// what to fix first. For an appraiser whose selected unit has units below, the table and
// heatmap of those units; picking one in the tree (or the table) opens its dashboard.

const SUBTREE_ROLES = ['admin', 'appraiser'];

export function DashboardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { unitId } = useSelectedUnit();
  const units = useUnits();
  const user = session.data?.user;
  const selected = units.data?.find((u) => u.id === unitId);
  const child = units.data?.find((u) => u.parentId === unitId);
  const appraiser = Boolean(child) && (user?.roles ?? []).some((r) => SUBTREE_ROLES.includes(r));
  const [chosen, setChosen] = useState<{ unitId: number; year: number } | null>(null);
  const year = chosen?.unitId === unitId ? chosen.year : null;

  const dashboard = useDashboard(unitId, year);
  const frameworks = useFrameworks({});
  const tableYears = useMemo(
    () =>
      [
        ...new Set(
          // Units below may be of several levels (a province's districts and communes).
          (frameworks.data ?? []).filter((f) => f.status === 'published').map((f) => f.year),
        ),
      ].sort((a, b) => b - a),
    [frameworks.data],
  );
  const years = appraiser ? tableYears : (dashboard.data?.years ?? []);
  const shownYear = appraiser ? (year ?? tableYears[0] ?? null) : (dashboard.data?.year ?? year);
  if (!user) return null;
  const own = selected === undefined || selected.id === user.unit.id;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }} align="center">
          <Space direction="vertical" size={0}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="dashboard-title">
              {t('dashboard.title', { year: shownYear ?? '' })}
            </Typography.Title>
            <Typography.Text>
              {own ? (
                <strong data-testid="my-unit">{user.unit.name}</strong>
              ) : (
                <>
                  <strong data-testid="dashboard-unit">{selected?.name}</strong>
                  <Typography.Text type="secondary">
                    {' '}
                    · {t('dashboard.myUnit')}: <span data-testid="my-unit">{user.unit.name}</span>
                  </Typography.Text>
                </>
              )}
            </Typography.Text>
          </Space>
          <Space wrap>
            <Typography.Text type="secondary">{t('dashboard.year')}</Typography.Text>
            <Select<number>
              data-testid="dashboard-year"
              style={{ width: 100 }}
              value={shownYear ?? undefined}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              onChange={(value) => setChosen({ unitId, year: value })}
            />
            <Link to="/tai-khoan">{t('dashboard.account')}</Link>
          </Space>
        </Space>
      </Card>
      {appraiser ? (
        <AppraiserView unitId={unitId} year={shownYear} />
      ) : dashboard.isError ? (
        <Alert type="error" showIcon title={dashboard.error.message} />
      ) : (
        <UnitDashboard data={dashboard.data} loading={dashboard.isPending} />
      )}
    </Space>
  );
}
