import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LiveScore } from '../../assessments/live';
import { showPoints, showShort } from '../../assessments/live';

/** The live total, index and projected band, as the officer types; computed by core/ in the browser. */
export function ScoreSummary({ score, title }: { score: LiveScore; title: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid="live-score">
      <Row gutter={[12, 8]}>
        <Col xs={12} md={6}>
          <Statistic
            title={t('assessment.total')}
            value={`${showShort(score.total, lang)} / ${showShort(score.maxPoints, lang)}`}
            styles={{ content: { fontSize: 20 } }}
          />
          <span data-testid="live-total" hidden>
            {showPoints(score.total, 'en')}
          </span>
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('assessment.index')}
            value={showPoints(score.index, lang, score.indexDecimals)}
            styles={{ content: { fontSize: 20 } }}
          />
        </Col>
        <Col xs={12} md={6}>
          <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{t('assessment.projectedBand')}</div>
          <Tag
            color={score.complete ? 'green' : 'gold'}
            style={{ fontSize: 16, padding: '2px 10px' }}
            data-testid="live-band"
          >
            {score.band ?? '—'}
          </Tag>
        </Col>
        <Col xs={12} md={6}>
          <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{t('assessment.unscored')}</div>
          <Typography.Text strong>{score.unscored}</Typography.Text>
        </Col>
      </Row>
      {!score.complete && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('assessment.lowerBound')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
