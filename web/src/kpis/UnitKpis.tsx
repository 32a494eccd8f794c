import { Alert, Card, Grid, List, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isRateResult, type KpiKey, type RecordsPart } from '#core/kpi/index';
import { type Period, useUnitKpis } from '../api/registers';
import { type KpiRow, recordsLink, rowsOf, targetText, useKpiText, VERDICT_COLORS } from './kpi-view';

// The KPIs of one unit: a table on a desktop, a card per KPI on a phone.

function useParts(period: Period) {
  const { t } = useTranslation();
  const text = useKpiText();
  const link = (key: KpiKey, part: RecordsPart, label: ReactNode) => {
    const to = recordsLink(key, part, period);
    return to ? (
      <Link to={to} data-testid={`kpi-link-${key}-${part}`}>
        {label}
      </Link>
    ) : (
      label
    );
  };
  return {
    fraction: (row: KpiRow) =>
      isRateResult(row.result) ? (
        <span>
          {link(row.def.key, 'numerator', text.count(row.result.numerator))}
          {' / '}
          {link(row.def.key, 'denominator', text.count(row.result.denominator))}
        </span>
      ) : (
        link(row.def.key, 'numerator', text.count(row.result.value))
      ),
    verdict: (row: KpiRow) =>
      row.verdict === 'noTarget' ? null : (
        <Tag color={VERDICT_COLORS[row.verdict]} data-testid={`kpi-verdict-${row.def.key}`}>
          {t(`kpis.verdicts.${row.verdict}`)}
        </Tag>
      ),
    records: (row: KpiRow) => {
      if (isRateResult(row.result)) {
        const short = row.result.denominator - row.result.numerator;
        if (short <= 0) return null;
        return link(
          row.def.key,
          'shortfall',
          t(`kpis.shortfall.${row.def.key}`, { count: text.count(short) }),
        );
      }
      if (row.result.value <= 0) return null;
      return link(
        row.def.key,
        'numerator',
        t(`kpis.counted.${row.def.key}`, { count: text.count(row.result.value) }),
      );
    },
  };
}

export function UnitKpis({ unitId, period }: { unitId: number; period: Period }) {
  const { t } = useTranslation();
  const reading = useUnitKpis(unitId, period);
  const text = useKpiText();
  const parts = useParts(period);
  const narrow = !Grid.useBreakpoint().md;
  if (reading.isError) return <Alert type="error" showIcon title={reading.error.message} />;
  const rows = rowsOf(reading.data);

  if (narrow) {
    return (
      <List<KpiRow>
        loading={reading.isPending}
        dataSource={rows}
        rowKey={(r) => r.def.key}
        renderItem={(row) => (
          <Card size="small" style={{ marginBottom: 8 }}>
            <Typography.Text>{text.name(row.def)}</Typography.Text>
            <div
              style={{ display: 'flex', alignItems: 'baseline', gap: 8, margin: '6px 0', flexWrap: 'wrap' }}
            >
              <strong style={{ fontSize: 22 }} data-testid={`kpi-value-${row.def.key}`}>
                {text.value(row.result, row.noData)}
              </strong>
              <Typography.Text type="secondary">({parts.fraction(row)})</Typography.Text>
              {parts.verdict(row)}
            </div>
            <Space size={12} wrap>
              <Typography.Text type="secondary">
                {t('kpis.target')}: {targetText(row.def.target, row.def.kind)}
              </Typography.Text>
              {parts.records(row)}
            </Space>
          </Card>
        )}
      />
    );
  }

  const columns: TableColumnsType<KpiRow> = [
    {
      key: 'name',
      title: t('kpis.kpi'),
      render: (_, row) => (
        <div>
          <div>{text.name(row.def)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.def.key}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'value',
      title: t('kpis.value'),
      width: 96,
      align: 'right',
      render: (_, row) => (
        <strong data-testid={`kpi-value-${row.def.key}`}>{text.value(row.result, row.noData)}</strong>
      ),
    },
    {
      key: 'fraction',
      title: t('kpis.fraction'),
      width: 120,
      align: 'right',
      render: (_, row) => parts.fraction(row),
    },
    {
      key: 'target',
      title: t('kpis.target'),
      width: 84,
      align: 'right',
      render: (_, row) => targetText(row.def.target, row.def.kind),
    },
    { key: 'verdict', title: t('kpis.verdict'), width: 110, render: (_, row) => parts.verdict(row) },
    { key: 'records', title: t('kpis.records'), width: 190, render: (_, row) => parts.records(row) },
  ];
  return (
    <Table<KpiRow>
      rowKey={(r) => r.def.key}
      size="middle"
      loading={reading.isPending}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 820 }}
    />
  );
}
