import { FileWordOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Progress,
  Row,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '#core/kpi/result';
import { apiSend } from '../../api/client';
import type { Plan, PlanKpiKey } from '../../api/plans';
import { EChart, type EChartOption } from '../../components/EChart';
import { dateText, useRun, vnDateTime } from './shared';

const KPI_ORDER: PlanKpiKey[] = [
  'plan_tasks_done_rate',
  'propaganda_done_rate',
  'self_inspections_done_rate',
  'it_plan_done_rate',
  'tthc_review_done_rate',
  'assigned_tasks_done_rate',
];

/** Progress per area as stacked bars: done, open and still on time, overdue. */
function progressOption(
  plan: Plan,
  labels: { done: string; open: string; overdue: string; none: string },
): EChartOption {
  const names = plan.progress.map((p) => {
    const index = plan.areas.findIndex((a) => a.key === p.areaKey);
    return index < 0 ? labels.none : `${index + 1}. ${plan.areas[index]?.name}`;
  });
  const series = (name: string, color: string, values: number[]) => ({
    name,
    type: 'bar',
    stack: 'tasks',
    itemStyle: { color },
    label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
    data: values,
  });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLabel: { width: 150, overflow: 'truncate', ellipsis: '…', fontSize: 11 },
    },
    series: [
      series(
        labels.done,
        '#389e0d',
        plan.progress.map((p) => p.done),
      ),
      series(
        labels.open,
        '#1677ff',
        plan.progress.map((p) => p.total - p.done - p.overdue),
      ),
      series(
        labels.overdue,
        '#cf1322',
        plan.progress.map((p) => p.overdue),
      ),
    ],
  };
}

export function PlanOverview({ plan, isHead }: { plan: Plan; isHead: boolean }) {
  const { t, i18n } = useTranslation();
  const run = useRun();
  const [issuing, setIssuing] = useState(false);
  const [form] = Form.useForm<{ number?: string; issuedDate: Dayjs }>();
  const percent = plan.totals.total ? Math.round((plan.totals.done * 100) / plan.totals.total) : 0;
  const option = useMemo(
    () =>
      progressOption(plan, {
        done: t('tasks.status.done'),
        open: t('plans.openOnTime'),
        overdue: t('tasks.overdue'),
        none: t('plans.noArea'),
      }),
    [plan, t],
  );

  const issue = async (values: { number?: string; issuedDate: Dayjs }) => {
    const ok = await run(
      () =>
        apiSend('POST', `/api/plans/${plan.id}/issue`, {
          number: values.number?.trim() || null,
          issuedDate: values.issuedDate.format('DD/MM/YYYY'),
        }),
      t('plans.issued'),
    );
    if (ok) setIssuing(false);
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          title={t('plans.document')}
          extra={
            <Button
              icon={<FileWordOutlined />}
              href={`/api/plans/${plan.id}/export.docx`}
              data-testid="export-docx"
            >
              {t('plans.exportDocx')}
            </Button>
          }
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('plans.statusLabel')}>
              <Tag color={plan.status === 'issued' ? 'green' : 'gold'}>
                {t(`plans.status.${plan.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('plans.number')}>
              {plan.number ? `${plan.number}/${plan.symbol}` : `…/${plan.symbol}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('plans.issuedDate')}>
              {dateText(plan.issuedDate) || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('plans.signer')}>
              {plan.signerName ? `${plan.signerTitle} ${plan.signerName}` : '—'}
            </Descriptions.Item>
            {plan.issuedAt && (
              <Descriptions.Item label={t('plans.issuedBy')}>
                {plan.issuedByName} · {vnDateTime(plan.issuedAt)}
              </Descriptions.Item>
            )}
          </Descriptions>
          {plan.status === 'draft' && isHead && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => setIssuing(true)}>
              {t('plans.issue')}
            </Button>
          )}
          {plan.status === 'draft' && !isHead && <Alert type="info" showIcon title={t('plans.draftHint')} />}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={t('plans.completion')}>
          <Row gutter={16} align="middle">
            <Col xs={10} sm={8}>
              <Progress type="dashboard" percent={percent} size={120} />
            </Col>
            <Col xs={14} sm={16}>
              <Statistic
                title={t('plans.tasksDone')}
                value={plan.totals.done}
                suffix={`/ ${plan.totals.total}`}
                valueRender={(node) => <span data-testid="plan-completion">{node}</span>}
              />
              <Typography.Text type={plan.totals.overdue ? 'danger' : 'secondary'} data-testid="plan-overdue">
                {t('plans.overdueCount', { count: plan.totals.overdue, today: dateText(plan.today) })}
              </Typography.Text>
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={t('plans.progressByArea')}>
          <EChart
            option={option}
            style={{ height: Math.max(260, plan.progress.length * 48) }}
            testId="progress-chart"
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('plans.kpis', { year: plan.year })}>
          {KPI_ORDER.map((key) => {
            const rate = plan.kpis[key];
            return (
              <div key={key} style={{ marginBottom: 10 }}>
                <Typography.Text>{t(`kpis.${key}`)}</Typography.Text>
                <Progress
                  percent={rate.value === null ? 0 : Math.round(rate.value)}
                  status={rate.value === 100 ? 'success' : 'normal'}
                  format={() =>
                    rate.denominator
                      ? `${formatPercent(rate, i18n.language === 'en' ? 'en' : 'vi')} (${rate.numerator}/${rate.denominator})`
                      : t('plans.noData')
                  }
                />
              </div>
            );
          })}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('plans.kpiHint')}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Modal
        open={issuing}
        title={t('plans.issue')}
        okText={t('plans.issue')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setIssuing(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={issue}>
          <Form.Item
            name="number"
            label={t('plans.number')}
            extra={t('plans.numberHint', { symbol: plan.symbol })}
          >
            <Input addonAfter={`/${plan.symbol}`} />
          </Form.Item>
          <Form.Item
            name="issuedDate"
            label={t('plans.issuedDate')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
