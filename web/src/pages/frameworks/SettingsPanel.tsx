import { Descriptions, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FrameworkField } from '#core/framework/index';
import type { FrameworkSummary } from '../../api/frameworks';
import type { PlacedError } from '../../frameworks/check';
import { type Draft, type DraftBand, flatten } from '../../frameworks/draft';
import { SEARCH_BY_LABEL } from '../../frameworks/labels';
import { BandsEditor } from './BandsEditor';

/** The framework's own settings: name, bands, index rounding and the tie-break criteria. */
export function SettingsPanel({
  draft,
  summary,
  errors,
  readOnly,
  onChange,
}: {
  draft: Draft;
  summary: FrameworkSummary;
  errors: readonly PlacedError[];
  readOnly: boolean;
  onChange: (change: (draft: Draft) => Draft) => void;
}) {
  const { t } = useTranslation();
  /** The core's reasons about a setting, or undefined (so the field keeps its hint and margin). */
  const messages = (field: FrameworkField) => {
    const found = errors.filter((p) => p.field === field);
    return found.length === 0
      ? undefined
      : found.map((p) => <div key={p.error.message}>{p.error.message}</div>);
  };
  const status = (field: FrameworkField) => (messages(field) ? 'error' : undefined);
  const codes = flatten(draft.areas).map((node) => ({
    value: node.code,
    label: `${node.code} — ${node.name}`,
  }));

  return (
    <Form layout="vertical" style={{ maxWidth: 760 }} disabled={readOnly} data-testid="settings-panel">
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('frameworks.year')}>{summary.year}</Descriptions.Item>
        <Descriptions.Item label={t('frameworks.level')}>{t(`levels.${summary.level}`)}</Descriptions.Item>
        <Descriptions.Item label={t('frameworks.owner')}>{summary.ownerUnitName}</Descriptions.Item>
      </Descriptions>
      <Form.Item
        label={t('frameworks.name')}
        htmlFor="framework-name"
        validateStatus={status('name')}
        help={messages('name')}
      >
        <Input.TextArea
          id="framework-name"
          autoSize={{ minRows: 1, maxRows: 3 }}
          value={draft.name}
          onChange={(e) => onChange((d) => ({ ...d, name: e.target.value }))}
        />
      </Form.Item>
      <Form.Item
        label={t('frameworks.bands.title')}
        validateStatus={status('bands')}
        help={messages('bands')}
        extra={t('frameworks.bands.help')}
      >
        <BandsEditor
          bands={draft.bands}
          readOnly={readOnly}
          onChange={(bands: DraftBand[]) => onChange((d) => ({ ...d, bands }))}
        />
      </Form.Item>
      <Form.Item
        label={t('frameworks.indexDecimals')}
        htmlFor="framework-decimals"
        validateStatus={status('indexDecimals')}
        help={messages('indexDecimals')}
        extra={t('frameworks.indexDecimalsHelp')}
      >
        <InputNumber
          id="framework-decimals"
          min={0}
          max={6}
          precision={0}
          value={draft.indexDecimals}
          onChange={(v) => onChange((d) => ({ ...d, indexDecimals: typeof v === 'number' ? v : 2 }))}
        />
      </Form.Item>
      <Form.Item
        label={t('frameworks.tieBreak')}
        htmlFor="framework-tiebreak"
        validateStatus={status('tieBreak')}
        help={messages('tieBreak')}
        extra={t('frameworks.tieBreakHelp')}
      >
        <Select
          id="framework-tiebreak"
          mode="multiple"
          allowClear
          value={[...draft.tieBreak]}
          options={codes}
          showSearch={SEARCH_BY_LABEL}
          placeholder={t('frameworks.tieBreakNone')}
          onChange={(tieBreak: string[]) => onChange((d) => ({ ...d, tieBreak }))}
        />
      </Form.Item>
      {readOnly && draft.tieBreak.length === 0 && (
        <Typography.Text type="secondary">{t('frameworks.tieBreakNone')}</Typography.Text>
      )}
    </Form>
  );
}
