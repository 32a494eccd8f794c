import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Result,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SHEET_STATES } from '#core/assessment/states';
import { useApiAction } from '../../api/action';
import {
  assessmentKeys,
  closeExplanations,
  publishRound,
  type SheetRow,
  useRound,
} from '../../api/assessments';
import { shortDecimal, showDecimal } from '../../assessments/live';
import { STATE_COLOR } from '../../assessments/sheet-view';
import { formatDate, formatDateTime } from '../../format';

/** The appraiser's board of a round: every unit and the state of its sheet, and the round's own steps. */
export function RoundBoard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const roundId = Number(useParams().roundId);
  const query = useRound(roundId);
  const run = useApiAction();
  const client = useQueryClient();

  if (query.isPending) return <Spin />;
  if (query.isError)
    return (
      <Result
        status={query.error.status === 403 ? '403' : query.error.status === 404 ? '404' : 'error'}
        title={query.error.message}
      />
    );
  const round = query.data;
  const { sheets } = round;
  const isAppraiser = round.canAppraise;
  const counts = new Map<string, number>();
  for (const s of sheets) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
  const refresh = () => client.invalidateQueries({ queryKey: assessmentKeys.all });

  return (
    <Card
      title={
        <Space wrap>
          <Link to="/danh-gia">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('assessment.back')} />
          </Link>
          <span style={{ whiteSpace: 'normal' }} data-testid="round-title">
            {round.name || t('assessment.roundOfYear', { year: round.year })} — {round.ownerUnitName}
          </span>
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xxl: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('assessment.framework')}>{round.frameworkName}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.selfDue')}>{formatDate(round.selfDue)}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.appraisalDue')}>
          {formatDate(round.appraisalDue)}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.explanationWindowShort')}>
          {formatDate(round.explanationFrom)} – {formatDate(round.explanationTo)}
        </Descriptions.Item>
        {round.publishedAt && (
          <Descriptions.Item label={t('assessment.publishedAt')}>
            {formatDateTime(round.publishedAt)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space wrap style={{ marginBottom: 12 }}>
        {SHEET_STATES.map((s) => (
          <Tag key={s} color={STATE_COLOR[s]} data-testid={`count-${s}`}>
            {t(`assessment.states.${s}`)}: {counts.get(s) ?? 0}
          </Tag>
        ))}
      </Space>
      {isAppraiser && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Popconfirm
            title={t('assessment.finaliseConfirm')}
            onConfirm={() =>
              run(() => closeExplanations(round.id), t('assessment.finalised')).then(() => refresh())
            }
          >
            <Button data-testid="close-explanations" disabled={round.explanationClosed}>
              {t('assessment.closeExplanations')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('assessment.publishConfirm')}
            onConfirm={() =>
              run(() => publishRound(round.id), t('assessment.published')).then(() => refresh())
            }
          >
            <Button type="primary" data-testid="publish-round" disabled={round.publishedAt !== null}>
              {t('assessment.publish')}
            </Button>
          </Popconfirm>
          {round.publishedAt && (
            <Link to={`/cong-khai?dot=${round.id}`}>
              <Button type="link">{t('assessment.seePublic')}</Button>
            </Link>
          )}
        </Space>
      )}
      <Typography.Paragraph type="secondary">{t('assessment.boardHelp')}</Typography.Paragraph>
      <Table<SheetRow>
        rowKey="id"
        size="small"
        dataSource={sheets}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('assessment.unit'),
            key: 'unit',
            sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'vi'),
            render: (_, s) => (
              <Link to={`/danh-gia/phieu/${s.id}`} data-testid={`sheet-link-${s.unitName}`}>
                {s.unitName}
              </Link>
            ),
          },
          {
            title: t('common.status'),
            key: 'state',
            width: 170,
            filters: SHEET_STATES.map((s) => ({ text: t(`assessment.states.${s}`), value: s })),
            onFilter: (value, s) => s.state === value,
            render: (_, s) => (
              <Space size={4} wrap>
                <Tag color={STATE_COLOR[s.state]} data-testid={`board-state-${s.unitName}`}>
                  {t(`assessment.states.${s.state}`)}
                </Tag>
                {s.reopened && <Tag color="purple">{t('assessment.reopened')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('assessment.submittedAt'),
            dataIndex: 'submittedAt',
            width: 130,
            render: (v: string | null) => formatDateTime(v),
          },
          {
            title: t('assessment.selfTotal'),
            key: 'self',
            width: 90,
            align: 'right',
            render: (_, s) => shortDecimal(s.self?.total, lang),
          },
          {
            title: t('assessment.appraisedTotal'),
            key: 'appraised',
            width: 100,
            align: 'right',
            render: (_, s) => shortDecimal(s.appraised?.total, lang),
          },
          {
            title: t('assessment.index'),
            key: 'index',
            width: 80,
            align: 'right',
            render: (_, s) => showDecimal(s.appraised?.index ?? s.self?.index, lang, 2),
          },
          { title: t('assessment.band'), key: 'band', width: 100, render: (_, s) => s.appraised?.band ?? '' },
          {
            title: t('assessment.openItems'),
            key: 'open',
            width: 150,
            render: (_, s) => (
              <Space size={4} wrap>
                {s.pendingExplanations > 0 && (
                  <Tag color="orange">
                    {t('assessment.pendingExplanations', { count: s.pendingExplanations })}
                  </Tag>
                )}
                {s.returned > 0 && (
                  <Tag color="gold">{t('assessment.returnedCount', { count: s.returned })}</Tag>
                )}
              </Space>
            ),
          },
        ]}
      />
      {sheets.length === 0 && <Alert type="info" title={t('assessment.noSheets')} />}
    </Card>
  );
}
