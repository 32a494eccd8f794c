import {
  Card,
  Col,
  Grid,
  Progress,
  Row,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDecimal } from '#core/framework/index';
import type { Draft } from '../../frameworks/draft';
import { type AreaRow, preview } from '../../frameworks/preview';
import { BandsEditor } from './BandsEditor';

/** The framework at a glance: each area's maximum and share of the total, and the bands. */
export function PreviewPanel({ draft, separator }: { draft: Draft; separator: '.' | ',' }) {
  const { t, i18n } = useTranslation();
  const p = preview(draft);
  const percent = new Intl.NumberFormat(i18n.language === 'en' ? 'en' : 'vi', { maximumFractionDigits: 1 });
  const points = (x: AreaRow['maxPoints']) => (x === null ? '?' : formatDecimal(x, { separator }));
  const hasOptional = p.areas.some((a) => a.optional && a.role === 'score');
  // On a phone the share bar goes under the area's name, so nothing scrolls sideways.
  const narrow = !Grid.useBreakpoint().md;
  const bar = (area: AreaRow) =>
    area.share === null ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <Progress
        percent={area.share}
        size="small"
        strokeColor={area.optional ? '#1677ff' : '#b71c1c'}
        format={(v) => `${percent.format(v ?? 0)}%`}
      />
    );
  const tags = (area: AreaRow) => (
    <>
      {area.optional && <Tag color="blue">{t('frameworks.preview.optional')}</Tag>}
      {area.role === 'bonus' && <Tag color="green">{t('frameworks.preview.bonus')}</Tag>}
      {area.role === 'deduction' && <Tag color="volcano">{t('frameworks.preview.deduction')}</Tag>}
    </>
  );
  const maxColumn = {
    title: t('frameworks.node.maxPoints'),
    dataIndex: 'maxPoints',
    width: 90,
    align: 'right' as const,
    render: (x: AreaRow['maxPoints']) => points(x),
  };
  const columns: TableColumnsType<AreaRow> = narrow
    ? [
        {
          title: t('frameworks.node.area'),
          key: 'area',
          render: (_, area) => (
            <>
              <div>
                <strong>{area.code}.</strong> {area.name} {tags(area)}
              </div>
              {bar(area)}
            </>
          ),
        },
        maxColumn,
      ]
    : [
        { title: t('frameworks.node.code'), dataIndex: 'code', width: 60 },
        {
          title: t('frameworks.node.area'),
          dataIndex: 'name',
          render: (name: string, area) => (
            <>
              {name} {tags(area)}
            </>
          ),
        },
        { title: t('frameworks.criteria'), dataIndex: 'criteria', width: 80, align: 'right' },
        maxColumn,
        { title: t('frameworks.preview.share'), key: 'share', width: 200, render: (_, area) => bar(area) },
      ];

  return (
    <div data-testid="preview-panel">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('frameworks.preview.total')} value={points(p.total)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('frameworks.areas')} value={p.areas.length} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('frameworks.criteria')} value={p.criteria} />
        </Col>
        {hasOptional && (
          <Col xs={12} md={6}>
            <Statistic
              title={t('frameworks.preview.withoutOptional')}
              value={points(p.totalWithoutOptional)}
            />
          </Col>
        )}
      </Row>
      <Table<AreaRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={[...p.areas]}
        columns={columns}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={narrow ? 1 : 2}>
              <strong>{t('frameworks.preview.total')}</strong>
            </Table.Summary.Cell>
            {!narrow && (
              <Table.Summary.Cell index={2} align="right">
                <strong>{p.criteria}</strong>
              </Table.Summary.Cell>
            )}
            <Table.Summary.Cell index={3} align="right">
              <strong data-testid="preview-total">{points(p.total)}</strong>
            </Table.Summary.Cell>
            {!narrow && <Table.Summary.Cell index={4}>{p.total !== null && '100%'}</Table.Summary.Cell>}
          </Table.Summary.Row>
        )}
      />
      {hasOptional && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('frameworks.preview.optionalNote', { total: points(p.totalWithoutOptional) })}
        </Typography.Paragraph>
      )}
      <Card size="small" title={t('frameworks.bands.title')} style={{ marginTop: 16, maxWidth: 560 }}>
        <BandsEditor bands={draft.bands} readOnly />
      </Card>
    </div>
  );
}
