import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  type ButtonProps,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Result,
  Select,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiAction } from '../../api/action';
import {
  assessmentKeys,
  correctResults,
  reopenSheet,
  type SheetDetail,
  useSheet,
} from '../../api/assessments';
import { useSession } from '../../api/session';
import { type LiveFramework, liveFramework, shortDecimal, showDecimal } from '../../assessments/live';
import { daysLeft, reached, STATE_COLOR } from '../../assessments/sheet-view';
import { formatDate } from '../../format';
import { AppraisalView } from './AppraisalView';
import { ExplanationView } from './ExplanationView';
import { SelfAssessment } from './SelfAssessment';

/** "còn 3 ngày" beside a deadline; red within 3 days, and "quá hạn" once past. */
function DaysLeft({ days }: { days: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={days < 0 ? 'red' : days <= 3 ? 'orange' : 'default'} style={{ marginInlineStart: 6 }}>
      {days < 0 ? t('assessment.overdue') : t('assessment.daysLeft', { count: days })}
    </Tag>
  );
}

function Correction({ detail, live }: { detail: SheetDetail; live: LiveFramework }) {
  const { t } = useTranslation();
  const run = useApiAction();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState<string | undefined>();
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="correct-open">
        {t('assessment.correct')}
      </Button>
      <Modal
        open={open}
        title={t('assessment.correct')}
        onCancel={() => setOpen(false)}
        okButtonProps={
          {
            disabled: !code || points.trim() === '' || reason.trim() === '',
            'data-testid': 'correct-ok',
          } as ButtonProps
        }
        onOk={async () => {
          if (!code) return;
          const ok = await run(
            () =>
              correctResults(detail.round.id, detail.unit.id, reason.trim(), {
                [code]: points.trim().replace(',', '.'),
              }),
            t('assessment.corrected'),
          );
          if (ok) {
            setOpen(false);
            void client.invalidateQueries({ queryKey: assessmentKeys.all });
          }
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('assessment.correctHelp')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('assessment.criterion')} required>
            <Select
              showSearch
              optionFilterProp="label"
              value={code}
              onChange={setCode}
              data-testid="correct-criterion"
              options={live.leaves.map((l) => ({ value: l.code, label: `${l.code}. ${l.name}` }))}
            />
          </Form.Item>
          <Form.Item label={t('assessment.newPoints')} required>
            <Input
              inputMode="decimal"
              value={points}
              onChange={(e) => setPoints(e.target.value)}
              style={{ width: 140 }}
              data-testid="correct-points"
            />
          </Form.Item>
          <Form.Item label={t('assessment.correctionReason')} required>
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoSize={{ minRows: 2 }}
              data-testid="correct-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The appraiser hands a sheet back to the unit, past its deadline too; the reason is audited. */
function Reopen({ detail }: { detail: SheetDetail }) {
  const { t } = useTranslation();
  const run = useApiAction();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="reopen-open">
        {t('assessment.reopen')}
      </Button>
      <Modal
        open={open}
        title={t('assessment.reopen')}
        onCancel={() => setOpen(false)}
        okButtonProps={{ disabled: reason.trim() === '', 'data-testid': 'reopen-ok' } as ButtonProps}
        onOk={async () => {
          const ok = await run(() => reopenSheet(detail.id, reason.trim()), t('assessment.reopenDone'));
          if (ok) {
            setOpen(false);
            void client.invalidateQueries({ queryKey: assessmentKeys.all });
          }
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('assessment.reopenHelp')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('assessment.reopenReason')} required>
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoSize={{ minRows: 2 }}
              data-testid="reopen-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** One unit's sheet in a round: self-assessment for the unit, appraisal for the appraiser, then explanation and result. */
export function SheetPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sheetId = Number(useParams().sheetId);
  const session = useSession();
  const query = useSheet(sheetId);
  const definition = query.data?.framework;
  const live = useMemo(() => (definition ? liveFramework(definition) : null), [definition]);
  const user = session.data?.user;

  if (query.isPending || !user) return <Spin />;
  if (query.isError) {
    const status = query.error.status;
    return (
      <Result
        status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
        title={query.error.message}
        extra={
          <Link to="/danh-gia">
            <Button>{t('assessment.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (!live || 'error' in live)
    return <Result status="error" title={live && 'error' in live ? live.error : ''} />;
  const detail = query.data;
  const sheet = detail;
  const { round } = detail;
  const ownUnit = user.unit.id === detail.unit.id;
  const appraiser = !ownUnit && round.canAppraise;
  const roles = user.roles;
  const result = detail.result ?? null;

  const tabs = ownUnit
    ? [
        {
          key: 'self',
          label: t('assessment.tabSelf'),
          children: <SelfAssessment detail={detail} live={live} roles={roles} />,
        },
        ...(reached(sheet.state, 'provisional')
          ? [
              {
                key: 'appraisal',
                label: t('assessment.tabAppraisal'),
                children: <AppraisalView detail={detail} live={live} roles={[]} />,
              },
              {
                key: 'explanation',
                label: t('assessment.tabExplanation'),
                children: <ExplanationView detail={detail} live={live} roles={roles} />,
              },
            ]
          : []),
      ]
    : [
        {
          key: 'appraisal',
          label: t('assessment.tabAppraisal'),
          children: <AppraisalView detail={detail} live={live} roles={appraiser ? roles : []} />,
        },
        ...(reached(sheet.state, 'provisional')
          ? [
              {
                key: 'explanation',
                label: t('assessment.tabExplanation'),
                children: <ExplanationView detail={detail} live={live} roles={appraiser ? roles : []} />,
              },
            ]
          : []),
      ];

  return (
    <div>
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Link to={appraiser ? `/danh-gia/dot/${round.id}` : '/danh-gia'}>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('assessment.back')} />
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="sheet-title">
          {detail.unit.name} — {round.name || t('assessment.roundOfYear', { year: round.year })}
        </Typography.Title>
        <Tag color={STATE_COLOR[sheet.state]} data-testid="sheet-state">
          {t(`assessment.states.${sheet.state}`)}
        </Tag>
        {sheet.reopened && <Tag color="purple">{t('assessment.reopened')}</Tag>}
        {detail.can.reopen && <Reopen detail={detail} />}
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2, xxl: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('assessment.selfDue')}>
          {formatDate(round.selfDue)}
          {sheet.state === 'draft' && <DaysLeft days={daysLeft(round.selfDue, detail.today)} />}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.appraisalDue')}>
          {formatDate(round.appraisalDue)}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.explanationWindowShort')}>
          {formatDate(round.explanationFrom)} – {formatDate(round.explanationTo)}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.framework')}>{round.frameworkName}</Descriptions.Item>
      </Descriptions>
      {result && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="sheet-result">
          <Space wrap size="large">
            <span>
              {t('assessment.total')}: <strong>{shortDecimal(result.total, lang)}</strong> /{' '}
              {shortDecimal(result.maxPoints, lang)}
            </span>
            <span>
              {t('assessment.index')}: <strong>{showDecimal(result.index, lang, 2)}</strong>
            </span>
            <span>
              {t('assessment.band')}: <Tag color="green">{result.band ?? '—'}</Tag>
            </span>
            <span>
              {t('assessment.rank')}: <strong>{result.rank ?? '—'}</strong>
            </span>
            {detail.can.correct && <Correction detail={detail} live={live} />}
          </Space>
          {result.corrections.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={t('assessment.correctedNote', { version: result.version })}
              description={result.corrections
                .map((c) => `${formatDate(c.publishedAt)}: ${c.reason}`)
                .join(' · ')}
            />
          )}
        </Card>
      )}
      <Tabs items={tabs} destroyOnHidden />
    </div>
  );
}
