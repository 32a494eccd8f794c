import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Grid,
  List,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatVnDate, formatVnMoment, parseVnMoment } from '#core/time/index';
import type { Dashboard, DueSoonDossier, Message } from '../../api/dashboard';
import { areaBarsOption, gaugeOption, type RiskRow, riskRows, totalAtRisk } from '../../dashboard/view';
import { EChart } from './charts';

// The dashboard of one unit: the projected index against the plan's target band, the
// component index per area beside last year's result, the points at risk with what to do
// and where, the path to the target band, and the dossiers about to be late.

const num = (text: string | null | undefined, lang: string) =>
  text === null || text === undefined
    ? '—'
    : Number(text).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });

function useText() {
  const { i18n } = useTranslation();
  return (m: Message) => (i18n.language === 'en' ? m.en : m.vi);
}

const momentText = (value: string) => {
  const parsed = parseVnMoment(value);
  return parsed.ok ? formatVnMoment(parsed.value) : value;
};

function Headline({ data }: { data: Dashboard }) {
  const { t, i18n } = useTranslation();
  const p = data.projection;
  const path = data.path;
  const narrow = !Grid.useBreakpoint().md;
  const option = useMemo(
    () => (p ? gaugeOption(Number(p.index), p.band, data.bands) : null),
    [p, data.bands],
  );
  if (!p || !data.target || !option) return null;
  return (
    <Card>
      <Row gutter={[16, 8]} align="middle">
        <Col xs={24} md={11}>
          <EChart option={option} style={{ height: narrow ? 220 : 240 }} testId="index-gauge" />
        </Col>
        <Col xs={24} md={13}>
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('dashboard.projected')}</Typography.Text>
            <Space align="baseline" wrap>
              <Typography.Title level={2} style={{ margin: 0 }} data-testid="projected-index">
                {num(p.index, i18n.language)}
              </Typography.Title>
              <Tag color={p.band === data.target.band ? 'green' : 'orange'} data-testid="projected-band">
                {p.band ?? t('dashboard.noBand')}
              </Tag>
              <Typography.Text type="secondary">
                {t('dashboard.points', {
                  total: num(p.total, i18n.language),
                  max: num(p.maxPoints, i18n.language),
                })}
              </Typography.Text>
            </Space>
            <Typography.Text strong data-testid="target-band">
              {t('dashboard.target', { band: data.target.band })}
              {path ? ' — ' : ''}
              {path &&
                (path.alreadyReached
                  ? t('dashboard.reached')
                  : t('dashboard.short', {
                      points: num(String(Number(path.target.index) - Number(p.index)), i18n.language),
                    }))}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {data.target.source === 'plan' && data.target.quote
                ? t('dashboard.targetFromPlan', { quote: data.target.quote })
                : t('dashboard.targetDefault')}
            </Typography.Text>
            {!p.complete && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dashboard.incomplete', {
                  count: p.unscored.length,
                  index: num(p.bestCase.index, i18n.language),
                  band: p.bestCase.band ?? '—',
                })}
              </Typography.Text>
            )}
            {data.lastYear && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dashboard.lastYear', {
                  year: data.lastYear.year,
                  index: num(data.lastYear.index, i18n.language),
                  band: data.lastYear.band ?? '—',
                })}
                {data.lastYear.rank !== null ? t('dashboard.lastRank', { rank: data.lastYear.rank }) : ''}
              </Typography.Text>
            )}
          </Space>
        </Col>
      </Row>
    </Card>
  );
}

function Areas({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const p = data.projection;
  const option = useMemo(
    () =>
      p
        ? areaBarsOption(
            p,
            data.lastYear,
            {
              projected: t('dashboard.projectedSeries', { year: data.year }),
              lastYear: t('dashboard.lastYearSeries', { year: data.year - 1 }),
            },
            narrow,
          )
        : null,
    [p, data.lastYear, data.year, narrow, t],
  );
  if (!p || !option) return null;
  return (
    <Card title={t('dashboard.areas')}>
      <EChart
        option={option}
        style={{ height: Math.max(260, p.areas.length * (data.lastYear ? 44 : 30) + 60) }}
        testId="area-bars"
      />
      {!data.lastYear && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dashboard.noLastYear', { year: data.year - 1 })}
        </Typography.Text>
      )}
    </Card>
  );
}

function Risks({ data }: { data: Dashboard }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const narrow = !Grid.useBreakpoint().md;
  const all = riskRows(data);
  const p = data.projection;
  if (!p) return null;
  const rows = all.filter((r) => r.status === 'at_risk');
  const atRisk = rows;
  const unscored = all.filter((r) => r.status !== 'at_risk');
  const action = (r: RiskRow) => (
    <Space direction="vertical" size={2}>
      <Typography.Text style={{ fontSize: 13 }}>{text(r.message)}</Typography.Text>
      <Space wrap size={8}>
        {r.records && (
          <Link to={r.records} data-testid={`risk-records-${r.code}`}>
            {t('dashboard.records')}
          </Link>
        )}
        {r.plan && (
          <Link to={r.plan} data-testid={`risk-plan-${r.code}`}>
            {r.tasks.length > 0 ? `${t('dashboard.plan')} (${r.tasks.length})` : t('dashboard.plan')}
          </Link>
        )}
      </Space>
      {r.tasks.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dashboard.tasks')}: {r.tasks.map((task) => task.title).join('; ')}
        </Typography.Text>
      )}
    </Space>
  );
  return (
    <Card title={t('dashboard.atRisk')}>
      <Typography.Paragraph type="secondary" data-testid="risk-total">
        {t('dashboard.atRiskTotal', {
          points: num(String(totalAtRisk(p)), i18n.language),
          count: atRisk.length,
        })}
      </Typography.Paragraph>
      {rows.length === 0 ? (
        <Empty description={t('dashboard.noRisk')} />
      ) : narrow ? (
        <List
          dataSource={rows}
          renderItem={(r) => (
            <List.Item data-testid={`risk-${r.code}`}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text strong>
                    {r.code}. {r.name}
                  </Typography.Text>
                  {r.status === 'at_risk' ? (
                    <Tag color="red">−{num(String(r.atRisk), i18n.language)}</Tag>
                  ) : (
                    <Tag>{t('dashboard.notScored')}</Tag>
                  )}
                </Space>
                {action(r)}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<RiskRow>
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={rows}
          onRow={(r) => ({ 'data-testid': `risk-${r.code}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'criterion',
              title: t('dashboard.criterion'),
              width: '34%',
              render: (_, r) => (
                <Typography.Text>
                  <strong>{r.code}</strong>. {r.name}
                </Typography.Text>
              ),
            },
            {
              key: 'points',
              title: t('dashboard.pointsCol'),
              width: 100,
              align: 'right',
              render: (_, r) => `${num(r.points, i18n.language)} / ${num(r.max, i18n.language)}`,
            },
            {
              key: 'atRisk',
              title: t('dashboard.atRiskCol'),
              width: 100,
              align: 'right',
              render: (_, r) =>
                r.status === 'at_risk' ? (
                  <Tag color="red" data-testid={`risk-points-${r.code}`}>
                    −{num(String(r.atRisk), i18n.language)}
                  </Tag>
                ) : (
                  <Tag>{t('dashboard.notScored')}</Tag>
                ),
            },
            { key: 'action', title: t('dashboard.action'), render: (_, r) => action(r) },
          ]}
        />
      )}
      {unscored.length > 0 && (
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'unscored',
              label: t('dashboard.unscored', { count: unscored.length }),
              children: (
                <List
                  size="small"
                  dataSource={unscored}
                  renderItem={(r) => (
                    <List.Item data-testid={`unscored-${r.code}`}>
                      <Space direction="vertical" size={0}>
                        <Typography.Text>
                          <strong>{r.code}</strong>. {r.name} ({num(r.max, i18n.language)})
                        </Typography.Text>
                        {action(r)}
                      </Space>
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** Steps of the path shown before "show all": the first ones matter most. */
const PATH_STEPS_SHOWN = 6;

function PathToTarget({ data }: { data: Dashboard }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const [all, setAll] = useState(false);
  const path = data.path;
  if (!path || !data.target) return null;
  const shown = all ? path.steps : path.steps.slice(0, PATH_STEPS_SHOWN);
  return (
    <Card title={t('dashboard.path', { band: data.target.band })} data-testid="path-card">
      <Alert
        type={path.reached ? (path.alreadyReached ? 'success' : 'info') : 'warning'}
        showIcon
        title={text(path.message)}
        style={{ marginBottom: 12 }}
      />
      {path.steps.length === 0 ? (
        <Typography.Text type="secondary">{t('dashboard.pathNone')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={shown}
          footer={
            path.steps.length > shown.length ? (
              <Button type="link" style={{ padding: 0 }} onClick={() => setAll(true)}>
                {t('dashboard.pathAll', { count: path.steps.length })}
              </Button>
            ) : undefined
          }
          renderItem={(s) => (
            <List.Item
              extra={
                <Tag color="green">{t('dashboard.pathGain', { points: num(s.gain, i18n.language) })}</Tag>
              }
            >
              <Space direction="vertical" size={0}>
                <Typography.Text strong>
                  {s.code}. {s.name}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {text(s.message)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function DueSoon({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const soon = data.dueSoon;
  return (
    <Card
      title={t('dashboard.dueSoon')}
      extra={<Link to="/so-theo-doi/ho-so?status=open">{t('dashboard.openDossiers')}</Link>}
      data-testid="due-soon"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.dueSoonHelp', {
          today: formatVnDate(soon.today),
          until: formatVnDate(soon.until),
          days: soon.workingDays,
        })}
      </Typography.Paragraph>
      {soon.dossiers.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.dueSoonNone')} />
      ) : (
        <List<DueSoonDossier>
          size="small"
          dataSource={soon.dossiers}
          renderItem={(d) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Link to={`/so-theo-doi/ho-so?q=${encodeURIComponent(d.code)}`}>{d.code}</Link>
                <Typography.Text style={{ fontSize: 13 }}>{d.procedureName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('dashboard.due')}: {momentText(d.due)}
                  {d.applicant ? ` · ${d.applicant}` : ''}
                  {d.apologyDate
                    ? ` · ${t('dashboard.apologised', { date: formatVnDate(d.apologyDate) })}`
                    : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function UnitDashboard({ data, loading }: { data: Dashboard | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (loading || !data) return <Spin />;
  if (!data.projection) {
    return (
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Alert type="info" showIcon title={t('dashboard.noFramework', { year: data.year })} />
        </Col>
        <Col xs={24} lg={12}>
          <DueSoon data={data} />
        </Col>
      </Row>
    );
  }
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Headline data={data} />
      </Col>
      <Col xs={24} xl={12}>
        <DueSoon data={data} />
      </Col>
      <Col span={24}>
        <Risks data={data} />
      </Col>
      <Col xs={24} xl={12}>
        <Areas data={data} />
      </Col>
      <Col xs={24} xl={12}>
        <PathToTarget data={data} />
      </Col>
    </Row>
  );
}
