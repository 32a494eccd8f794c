import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DownloadOutlined,
  GlobalOutlined,
  LoginOutlined,
  MinusOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Grid,
  Layout,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  type PublishedResult,
  publicXlsxUrl,
  usePublicResults,
  usePublicRounds,
} from '../../api/assessments';
import { shortDecimal, showDecimal } from '../../assessments/live';
import {
  areaColumns,
  rankingChart,
  rankingRows,
  rankMove,
  signedDecimal,
  trendOf,
} from '../../assessments/results-view';
import { EChart } from '../../components/EChart';
import { formatDate } from '../../format';
import { setLang } from '../../i18n';

const { Header, Content, Footer } = Layout;

function Change({ result }: { result: PublishedResult }) {
  const { t, i18n } = useTranslation();
  const trend = trendOf(result.change);
  if (trend === 'none' || !result.change) return <Typography.Text type="secondary">—</Typography.Text>;
  const icon =
    trend === 'up' ? <ArrowUpOutlined /> : trend === 'down' ? <ArrowDownOutlined /> : <MinusOutlined />;
  const color = trend === 'up' ? '#2e7d32' : trend === 'down' ? '#c62828' : undefined;
  const rank = rankMove(result.change);
  return (
    <Tooltip title={t('publicResults.changeHint', { year: result.change.previousYear })}>
      <span style={{ color, whiteSpace: 'nowrap' }}>
        {icon} {signedDecimal(result.change.index.change, i18n.language)}
        {rank !== null && rank !== 0 && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
            ({t('publicResults.rankMove', { n: rank > 0 ? `+${rank}` : String(rank) })})
          </Typography.Text>
        )}
      </span>
    </Tooltip>
  );
}

/** The published ranking of a round, for anyone, without signing in: table, chart, Excel. */
export function PublicResultsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [params, setParams] = useSearchParams();
  const rounds = usePublicRounds();
  const chosen = Number(params.get('dot')) || null;
  const roundId = chosen ?? rounds.data?.[0]?.id ?? null;
  const results = usePublicResults(roundId);

  useEffect(() => {
    document.title = t('publicResults.pageTitle');
  }, [t]);

  const rows = useMemo(() => rankingRows(results.data?.units ?? []), [results.data]);
  const areas = useMemo(() => areaColumns(rows), [rows]);
  const chart = useMemo(
    () => rankingChart(rows, { indexLabel: t('publicResults.index'), lang, horizontal: narrow }),
    [rows, t, lang, narrow],
  );
  const corrected = rows.filter((r) => r.corrections.length > 0);

  const columns: ColumnsType<PublishedResult> = [
    {
      title: t('publicResults.rank'),
      key: 'rank',
      dataIndex: 'rank',
      width: 64,
      fixed: narrow ? undefined : 'left',
      align: 'center',
      render: (v: number | null) => <strong>{v ?? '—'}</strong>,
    },
    {
      title: t('publicResults.unit'),
      key: 'unit',
      width: 170,
      fixed: narrow ? undefined : 'left',
      render: (_, r) => (
        <span data-testid={`public-unit-${r.unitName}`}>
          {r.unitName}
          {r.corrections.length > 0 && (
            <Tooltip
              title={r.corrections.map((c) => `${formatDate(c.publishedAt)}: ${c.reason}`).join(' · ')}
            >
              <Tag color="orange" style={{ marginInlineStart: 6 }} data-testid="corrected-tag">
                {t('publicResults.corrected')}
              </Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    ...areas.map((area) => ({
      title: (
        <Tooltip title={area.name}>
          <span>{t('publicResults.area', { code: area.code })}</span>
        </Tooltip>
      ),
      key: `area-${area.code}`,
      width: 66,
      align: 'right' as const,
      render: (_: unknown, r: PublishedResult) => {
        const a = r.areas.find((x) => x.code === area.code);
        if (!a) return '—';
        return (
          <Tooltip title={`${t('publicResults.componentIndex')}: ${showDecimal(a.index, lang, 2)}`}>
            <span>{shortDecimal(a.points, lang)}</span>
            {a.index !== null && (
              <div style={{ fontSize: 11, color: 'rgba(0,0,0,0.45)' }}>{showDecimal(a.index, lang, 2)}%</div>
            )}
          </Tooltip>
        );
      },
    })),
    {
      title: t('publicResults.total'),
      key: 'total',
      width: 100,
      align: 'right',
      render: (_, r) => `${shortDecimal(r.total, lang)} / ${shortDecimal(r.maxPoints, lang)}`,
    },
    {
      title: t('publicResults.index'),
      key: 'index',
      width: 80,
      align: 'right',
      render: (_, r) => (
        <strong data-testid={`public-index-${r.unitName}`}>{showDecimal(r.index, lang, 2)}</strong>
      ),
    },
    {
      title: t('publicResults.band'),
      key: 'band',
      dataIndex: 'band',
      width: 100,
      render: (v: string | null) => (v ? <Tag color="blue">{v}</Tag> : '—'),
    },
    { title: t('publicResults.change'), key: 'change', width: 150, render: (_, r) => <Change result={r} /> },
  ];

  // On a phone: rank, unit, index and band; the areas and the change are in the .xlsx and on a wider screen.
  const shown = narrow
    ? columns.filter((c) => ['rank', 'unit', 'index', 'band'].includes(String(c.key)))
    : columns;

  const round = results.data?.round ?? rounds.data?.find((r) => r.id === roundId);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: narrow ? 12 : 24,
          background: '#b71c1c',
        }}
      >
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <div style={{ color: '#fff', lineHeight: 1.2, flex: 1, minWidth: 0 }}>
          <div style={{ fontWeight: 700, fontSize: 18 }}>{t('app.name')}</div>
          {!narrow && <div style={{ fontSize: 12, opacity: 0.85 }}>{t('publicResults.tagline')}</div>}
        </div>
        <Button
          type="text"
          style={{ color: '#fff' }}
          icon={<GlobalOutlined />}
          onClick={() => setLang(lang === 'en' ? 'vi' : 'en')}
        >
          {lang === 'en' ? 'Tiếng Việt' : 'English'}
        </Button>
        <Link to="/dang-nhap">
          <Button type="text" style={{ color: '#fff' }} icon={<LoginOutlined />}>
            {!narrow && t('publicResults.login')}
          </Button>
        </Link>
      </Header>
      <Content style={{ padding: narrow ? 12 : 24, background: '#f5f5f5' }}>
        <Card
          title={
            <span style={{ whiteSpace: 'normal' }} data-testid="public-title">
              {t('publicResults.title')}
            </span>
          }
          extra={
            roundId && (
              <a href={publicXlsxUrl(roundId)} download data-testid="public-xlsx">
                <Button icon={<DownloadOutlined />}>{narrow ? '.xlsx' : t('publicResults.download')}</Button>
              </a>
            )
          }
        >
          <Space wrap style={{ marginBottom: 12 }} align="center">
            <Select
              aria-label={t('publicResults.round')}
              style={{ width: narrow ? 'calc(100vw - 84px)' : 420 }}
              loading={rounds.isPending}
              value={roundId ?? undefined}
              placeholder={t('publicResults.round')}
              onChange={(id: number) => setParams({ dot: String(id) })}
              options={(rounds.data ?? []).map((r) => ({
                value: r.id,
                label: `${r.name} — ${r.ownerUnitName}`,
              }))}
            />
            {round?.publishedAt && (
              <Typography.Text type="secondary">
                {t('publicResults.publishedAt', { date: formatDate(round.publishedAt) })}
              </Typography.Text>
            )}
          </Space>
          {rounds.error && <Alert type="error" showIcon title={rounds.error.message} />}
          {results.error && <Alert type="error" showIcon title={results.error.message} />}
          {corrected.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="public-corrections"
              title={t('publicResults.correctionsTitle')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {corrected.flatMap((r) =>
                    r.corrections.map((c) => (
                      <li key={`${r.unitId}-${c.version}`}>
                        {t('publicResults.correctionLine', {
                          unit: r.unitName,
                          date: formatDate(c.publishedAt),
                          version: c.version,
                          reason: c.reason,
                        })}
                      </li>
                    )),
                  )}
                </ul>
              }
            />
          )}
          {rounds.data && rounds.data.length === 0 ? (
            <Empty description={t('publicResults.none')} />
          ) : results.isPending && roundId !== null ? (
            <Spin />
          ) : (
            <>
              <Table<PublishedResult>
                rowKey="unitId"
                size="small"
                dataSource={rows}
                columns={shown}
                pagination={false}
                scroll={narrow ? undefined : { x: 600 + areas.length * 66 }}
                data-testid="public-table"
              />
              {rows.length > 0 && (
                <div style={{ marginTop: 16 }}>
                  <Typography.Title level={5}>{t('publicResults.chartTitle')}</Typography.Title>
                  <EChart
                    option={chart}
                    style={{ height: narrow ? 40 + rows.length * 24 : 380 }}
                    testId="public-chart"
                  />
                </div>
              )}
              {areas.length > 0 && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                  {areas.map((a) => `${t('publicResults.area', { code: a.code })}: ${a.name}`).join(' · ')}
                </Typography.Paragraph>
              )}
            </>
          )}
        </Card>
      </Content>
      <Footer style={{ textAlign: 'center', fontSize: 12 }}>{t('publicResults.footer')}</Footer>
    </Layout>
  );
}
