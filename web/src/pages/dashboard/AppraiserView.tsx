import { Alert, Button, Card, Grid, Space, Spin, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UnitRow, useUnitsBelow } from '../../api/dashboard';
import { heatmapOption, type SortKey, sortUnits } from '../../dashboard/view';
import { useSelectedUnit } from '../../layout/selected-unit';
import { EChart } from './charts';

// The appraiser's view of the units below: a sortable table of their projected index,
// band, points at risk and last year's rank, and a heatmap of area × unit.

const num = (text: string | null | undefined, lang: string) =>
  text === null || text === undefined
    ? '—'
    : Number(text).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });

/** Units the heatmap shows at most, the first in the table's order. */
const HEATMAP_UNITS = 60;

export function AppraiserView({ unitId, year }: { unitId: number; year: number | null }) {
  const { t, i18n } = useTranslation();
  const { select } = useSelectedUnit();
  const narrow = !Grid.useBreakpoint().md;
  const table = useUnitsBelow(unitId, year, true);
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'index', ascending: false });
  const rows = useMemo(
    () => sortUnits(table.data?.units ?? [], sort.key, sort.ascending),
    [table.data, sort.key, sort.ascending],
  );
  // A heatmap stays readable up to a few dozen columns: the first units in the table's order.
  const mapped = useMemo(() => rows.slice(0, HEATMAP_UNITS), [rows]);
  const option = useMemo(
    () => (table.data ? heatmapOption(table.data, mapped, narrow, i18n.language) : null),
    [table.data, mapped, narrow, i18n.language],
  );
  if (year === null) return <Alert type="info" showIcon title={t('dashboard.noFrameworks')} />;
  if (table.isPending) return <Spin />;
  if (table.isError) return <Alert type="error" showIcon title={table.error.message} />;
  const data = table.data;
  const order = (key: SortKey): SortOrder | null =>
    sort.key === key ? (sort.ascending ? 'ascend' : 'descend') : null;

  const columns: TableColumnsType<UnitRow> = [
    {
      key: 'name',
      title: t('dashboard.unit'),
      sorter: true,
      sortOrder: order('name'),
      fixed: narrow ? ('left' as const) : undefined,
      width: narrow ? 130 : undefined,
      render: (_, u) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          data-testid={`table-unit-${u.code}`}
          onClick={() => select(u.id)}
        >
          {u.name}
        </Button>
      ),
    },
    {
      key: 'index',
      title: t('dashboard.index'),
      sorter: true,
      sortOrder: order('index'),
      align: 'right',
      width: 90,
      render: (_, u) => <span data-testid={`table-index-${u.code}`}>{num(u.index, i18n.language)}</span>,
    },
    {
      key: 'band',
      title: t('dashboard.band'),
      width: 110,
      render: (_, u) => (u.band ? <Tag color={u.band === 'Tốt' ? 'green' : 'orange'}>{u.band}</Tag> : '—'),
    },
    {
      key: 'pointsAtRisk',
      title: t('dashboard.pointsAtRisk'),
      sorter: true,
      sortOrder: order('pointsAtRisk'),
      align: 'right',
      width: 110,
      render: (_, u) => num(u.pointsAtRisk, i18n.language),
    },
    {
      key: 'unscored',
      title: t('dashboard.unscoredCol'),
      align: 'right',
      width: 100,
      render: (_, u) => u.unscoredCount,
    },
    {
      key: 'lastRank',
      title: t('dashboard.lastRankCol'),
      sorter: true,
      sortOrder: order('lastRank'),
      align: 'right',
      width: 110,
      render: (_, u) => u.lastYear?.rank ?? '—',
    },
    {
      key: 'lastIndex',
      title: t('dashboard.lastIndexCol'),
      align: 'right',
      width: 110,
      render: (_, u) => num(u.lastYear?.index, i18n.language),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <span style={{ whiteSpace: 'normal' }}>
            {t('dashboard.tableTitle', { unit: data.unit.name, year: data.year })}
          </span>
        }
        extra={
          <Typography.Text type="secondary">
            {t('dashboard.unitsCount', { count: data.units.length })}
          </Typography.Text>
        }
      >
        {data.withoutFramework > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('dashboard.withoutFramework', { count: data.withoutFramework, year: data.year })}
          />
        )}
        <div data-testid="units-table">
          <Table<UnitRow>
            size="small"
            rowKey="id"
            dataSource={rows}
            columns={columns}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 640 }}
            onChange={(_, __, sorter) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const key = (s?.columnKey ?? 'index') as SortKey;
              if (!s?.order) setSort({ key: 'index', ascending: false });
              else setSort({ key, ascending: s.order === 'ascend' });
            }}
          />
        </div>
      </Card>
      {option && data.areas.length > 0 && (
        <Card
          title={t('dashboard.heatmap')}
          extra={
            rows.length > mapped.length ? (
              <Typography.Text type="secondary">
                {t('dashboard.heatmapFirst', { shown: mapped.length, count: rows.length })}
              </Typography.Text>
            ) : undefined
          }
        >
          <EChart
            option={option}
            style={{ height: Math.max(300, data.areas.length * (narrow ? 30 : 34) + 140) }}
            testId="area-heatmap"
          />
        </Card>
      )}
    </Space>
  );
}
