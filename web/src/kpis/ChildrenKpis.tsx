import { Alert, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isRateResult, KPI_CATALOGUE, type KpiResult, type RecordsPart } from '#core/kpi/index';
import { type KpiReading, type Period, useChildKpis } from '../api/registers';
import { recordsLink, useKpiText, verdictOf } from './kpi-view';

// The units below the selected one side by side, for an appraiser: green where a KPI meets
// the target, red where it does not, each number a link to its records in that unit.

type ChildRow = { id: number; code: string; name: string } & KpiReading;
const COLUMN = 112;

export function ChildrenKpis({ unitId, period }: { unitId: number; period: Period }) {
  const { t } = useTranslation();
  const children = useChildKpis(unitId, period, true);
  const text = useKpiText();
  const first = children.data?.[0];
  const defs = KPI_CATALOGUE.filter((d) => first?.kpis[d.key] !== undefined);
  const columns: TableColumnsType<ChildRow> = [
    { key: 'name', title: t('kpis.unit'), dataIndex: 'name', width: 160, fixed: 'left' },
    ...defs.map((d) => ({
      key: d.key,
      title: <span title={text.name(d)}>{t(`kpis.short.${d.key}`)}</span>,
      width: COLUMN,
      align: 'right' as const,
      render: (_: unknown, row: ChildRow) => {
        const result = row.kpis[d.key] as KpiResult;
        const noData = row.noData.includes(d.key);
        const verdict = verdictOf(result, d.target, noData);
        const color = verdict === 'met' ? '#237804' : verdict === 'missed' ? '#cf1322' : undefined;
        const value = (
          <span style={{ color, fontWeight: verdict === 'missed' ? 600 : 400 }}>
            {text.value(result, noData, '—')}
          </span>
        );
        const part: RecordsPart = isRateResult(result) ? 'shortfall' : 'numerator';
        const to = noData ? null : recordsLink(d.key, part, period, row.id);
        return to ? (
          <Link to={to} data-testid={`child-link-${row.code}-${d.key}`}>
            {value}
          </Link>
        ) : (
          value
        );
      },
    })),
  ];
  if (children.isError) return <Alert type="error" showIcon title={children.error.message} />;
  return (
    <Table<ChildRow>
      rowKey="id"
      size="small"
      loading={children.isPending}
      dataSource={children.data ?? []}
      columns={columns}
      pagination={false}
      scroll={{ x: 160 + defs.length * COLUMN }}
    />
  );
}
