import { Card, Select, Space, Tabs, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useKpiYears } from '../api/registers';
import { useUnits } from '../api/units';
import { ChildrenKpis } from '../kpis/ChildrenKpis';
import { periodOf, SPANS, type Span, spanOf } from '../kpis/kpi-view';
import { UnitKpis } from '../kpis/UnitKpis';
import { useSelectedUnit } from '../layout/selected-unit';

// The KPIs of SPEC §5 for the selected unit and a period (a year, a quarter or a month):
// each with its value, its exact numerator and denominator, the seed plan's target, green
// or red against it, and links to the records behind the numbers. A district or province
// also sees the units below it side by side.

export function KpiPage() {
  const { t } = useTranslation();
  const { unitId } = useSelectedUnit();
  const units = useUnits();
  const years = useKpiYears(unitId);
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const currentYear = new Date().getFullYear();

  const choose = (year: number, span: Span, replace = false) => {
    const p = periodOf(year, span);
    setParams({ from: p.from, to: p.to }, { replace });
  };
  // Until a period is chosen: the latest year the registers hold data for.
  useEffect(() => {
    if ((from && to) || years.isPending) return;
    const p = periodOf(years.data?.[0] ?? currentYear, 'year');
    setParams({ from: p.from, to: p.to }, { replace: true });
  }, [from, to, years.isPending, years.data, currentYear, setParams]);

  const yearOptions = useMemo(() => {
    const all = new Set([...(years.data ?? []), currentYear]);
    if (from) all.add(Number(from.slice(0, 4)));
    return [...all].sort((a, b) => b - a);
  }, [years.data, currentYear, from]);
  if (!from || !to) return null;

  const unit = units.data?.find((u) => u.id === unitId);
  const hasChildren = (units.data ?? []).some((u) => u.parentId === unitId);
  const period = { from, to };
  const year = Number(from.slice(0, 4));
  const span = spanOf(period);
  return (
    <Card title={<span style={{ whiteSpace: 'normal' }}>{t('kpis.title')}</span>}>
      <Space wrap style={{ marginBottom: 8 }} align="center">
        <Typography.Text strong>{unit?.name}</Typography.Text>
        <Select
          aria-label={t('kpis.year')}
          data-testid="kpi-year"
          value={year}
          onChange={(y: number) => choose(y, span ?? 'year')}
          options={yearOptions.map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 96 }}
        />
        <Select
          aria-label={t('kpis.span')}
          value={span ?? undefined}
          placeholder={t('kpis.custom')}
          onChange={(s: Span) => choose(year, s)}
          options={SPANS.map((s) => ({
            value: s,
            label: t(`kpis.spans.${s.startsWith('m') ? 'month' : s}`, { n: s.slice(1) }),
          }))}
          style={{ width: 130 }}
        />
      </Space>
      <Tabs
        items={[
          { key: 'unit', label: t('kpis.thisUnit'), children: <UnitKpis unitId={unitId} period={period} /> },
          ...(hasChildren
            ? [
                {
                  key: 'children',
                  label: t('kpis.children'),
                  children: <ChildrenKpis unitId={unitId} period={period} />,
                },
              ]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('kpis.note')}
      </Typography.Paragraph>
    </Card>
  );
}
