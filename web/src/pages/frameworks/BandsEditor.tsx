import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type Fixed, formatDecimal } from '#core/framework/index';
import { blankBand, type DraftBand, sortBands } from '../../frameworks/draft';
import { type BandRange, bandRanges } from '../../frameworks/preview';

/** "từ 80% đến dưới 90%" */
export function bandRangeText(t: TFunction, range: BandRange | undefined, separator: '.' | ','): string {
  const f = (x: Fixed) => formatDecimal(x, { separator });
  if (!range || range.min === null) return '—';
  if (range.below === null) return t('frameworks.bands.atLeast', { min: f(range.min) });
  if (range.min === 0) return t('frameworks.bands.below', { max: f(range.below) });
  return t('frameworks.bands.between', { min: f(range.min), max: f(range.below) });
}

/**
 * Classification bands, highest first: a name and the lowest index that earns it. A
 * minimum typed out of order moves to its place when the field is left.
 */
export function BandsEditor({
  bands,
  onChange,
  readOnly = false,
  showAreaFloor = true,
}: {
  bands: readonly DraftBand[];
  onChange?: (bands: DraftBand[]) => void;
  readOnly?: boolean;
  /** The optional floor on every component index (Kinh Môn 2021); not in the import form. */
  showAreaFloor?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const set = (key: string, patch: Partial<DraftBand>) =>
    onChange?.(bands.map((band) => (band.key === key ? { ...band, ...patch } : band)));

  if (readOnly) {
    const ranges = bandRanges(bands);
    const separator = i18n.language === 'en' ? '.' : ',';
    return (
      <Table<DraftBand>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={[...bands]}
        columns={[
          { title: t('frameworks.bands.name'), dataIndex: 'name' },
          {
            title: t('frameworks.bands.range'),
            key: 'range',
            render: (_, band) => bandRangeText(t, ranges.get(band.key), separator),
          },
          ...(showAreaFloor && bands.some((band) => band.minAreaIndex.trim() !== '')
            ? [
                {
                  title: t('frameworks.bands.minAreaIndex'),
                  key: 'floor',
                  render: (_: unknown, band: DraftBand) =>
                    band.minAreaIndex ? `≥ ${band.minAreaIndex}%` : '—',
                },
              ]
            : []),
        ]}
      />
    );
  }

  return (
    <div data-testid="bands-editor">
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: showAreaFloor
            ? 'minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr) auto'
            : 'minmax(0, 2fr) minmax(0, 1fr) auto',
          gap: 8,
          alignItems: 'center',
        }}
      >
        <Typography.Text type="secondary">{t('frameworks.bands.name')}</Typography.Text>
        <Typography.Text type="secondary">{t('frameworks.bands.min')}</Typography.Text>
        {showAreaFloor && (
          <Typography.Text type="secondary">{t('frameworks.bands.minAreaIndex')}</Typography.Text>
        )}
        <span />
        {bands.map((band, i) => (
          <BandRow
            key={band.key}
            band={band}
            index={i}
            showAreaFloor={showAreaFloor}
            onChange={(patch) => set(band.key, patch)}
            onSort={() => onChange?.(sortBands(bands))}
            onRemove={() => onChange?.(bands.filter((b) => b.key !== band.key))}
          />
        ))}
      </div>
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() => onChange?.([...bands, blankBand()])}
      >
        {t('frameworks.bands.add')}
      </Button>
    </div>
  );
}

function BandRow({
  band,
  index,
  showAreaFloor,
  onChange,
  onSort,
  onRemove,
}: {
  band: DraftBand;
  index: number;
  showAreaFloor: boolean;
  onChange: (patch: Partial<DraftBand>) => void;
  onSort: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Input
        value={band.name}
        aria-label={t('frameworks.bands.nameOf', { n: index + 1 })}
        onChange={(e) => onChange({ name: e.target.value })}
      />
      <Input
        value={band.min}
        inputMode="decimal"
        suffix="%"
        aria-label={t('frameworks.bands.minOf', { n: index + 1 })}
        onChange={(e) => onChange({ min: e.target.value })}
        onBlur={onSort}
      />
      {showAreaFloor && (
        <Input
          value={band.minAreaIndex}
          inputMode="decimal"
          suffix="%"
          placeholder="—"
          aria-label={t('frameworks.bands.minAreaIndexOf', { n: index + 1 })}
          onChange={(e) => onChange({ minAreaIndex: e.target.value })}
        />
      )}
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('frameworks.bands.remove', { name: band.name })}
        onClick={onRemove}
      />
    </>
  );
}
