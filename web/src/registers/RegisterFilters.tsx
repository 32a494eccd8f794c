import { Alert, Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isKpiKey, kpiDefinition } from '#core/kpi/index';
import { formatVnDate } from '#core/time/index';
import type { ListFilters } from '../api/registers';
import type { RegisterView } from './views';

// The filters of a register's list, kept in the page address so that the KPI page can
// link to the records behind a number: search, period, the register's own filters, and
// the KPI whose records are shown.

type SetFilters = (changes: Record<string, string | undefined>) => void;

export function useFilters(view: RegisterView): [ListFilters, SetFilters] {
  const [params, setParams] = useSearchParams();
  const keys = ['q', 'from', 'to', 'kpi', 'part', ...view.filters.map((f) => f.key)];
  const filters = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return [filters, update];
}

function KpiBanner({ filters, onClear }: { filters: ListFilters; onClear: () => void }) {
  const { t, i18n } = useTranslation();
  const kpi = filters.kpi;
  if (!kpi || !isKpiKey(kpi)) return null;
  const def = kpiDefinition(kpi);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="kpi-banner"
      title={t('registers.behind', {
        part: t(`kpis.parts.${def.kind === 'count' ? 'counted' : (filters.part ?? 'numerator')}`),
        kpi: i18n.language === 'en' ? def.nameEn : def.nameVi,
        from: filters.from ? formatVnDate(filters.from) : '',
        to: filters.to ? formatVnDate(filters.to) : '',
      })}
      action={
        <Button size="small" onClick={onClear}>
          {t('registers.showAll')}
        </Button>
      }
    />
  );
}

export function RegisterFilters({
  view,
  filters,
  setFilters,
}: {
  view: RegisterView;
  filters: ListFilters;
  setFilters: SetFilters;
}) {
  const { t } = useTranslation();
  const period = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;
  return (
    <>
      <KpiBanner filters={filters} onClear={() => setFilters({ kpi: undefined, part: undefined })} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={filters.q}
          placeholder={t('registers.searchPlaceholder')}
          onSearch={(q) => setFilters({ q: q.trim() || undefined })}
          style={{ width: 300, maxWidth: '100%' }}
          data-testid="register-search"
        />
        {!filters.kpi && (
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            value={period as [dayjs.Dayjs, dayjs.Dayjs] | null}
            placeholder={[t('registers.from'), t('registers.to')]}
            onChange={(range) =>
              setFilters({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
            style={{ maxWidth: '100%' }}
          />
        )}
        {view.filters.map((f) => (
          <Select
            key={f.key}
            allowClear
            value={filters[f.key]}
            placeholder={t(`registers.${view.path}.filters.${f.key}.label`)}
            onChange={(v: string | undefined) => setFilters({ [f.key]: v })}
            options={f.values.map((v) => ({
              value: v,
              label: t(`registers.${view.path}.filters.${f.key}.${v}`),
            }))}
            style={{ minWidth: 170 }}
          />
        ))}
      </Space>
    </>
  );
}
