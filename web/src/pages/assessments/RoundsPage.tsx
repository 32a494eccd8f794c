import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  type ButtonProps,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SHEET_STATES } from '#core/assessment/states';
import { assessmentKeys, openRound, type RoundSummary, useRounds } from '../../api/assessments';
import { ApiError } from '../../api/client';
import { useFrameworks } from '../../api/frameworks';
import { useSession } from '../../api/session';
import type { Unit } from '../../api/types';
import { useUnits } from '../../api/units';
import { STATE_COLOR } from '../../assessments/sheet-view';
import { formatDate } from '../../format';
import { useSelectedUnit } from '../../layout/selected-unit';

interface OpenForm {
  year: number;
  frameworkId: number;
  name?: string;
  selfDue: Dayjs;
  appraisalDue: Dayjs;
  explanation: [Dayjs, Dayjs];
  unitIds: number[];
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

function OpenRoundModal({ ownerUnitId, onClose }: { ownerUnitId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OpenForm>();
  const client = useQueryClient();
  const navigate = useNavigate();
  const units = useUnits();
  const year = Form.useWatch('year', form) ?? dayjs().year() - 1;
  const frameworks = useFrameworks({ year });
  const [error, setError] = useState<string | null>(null);
  const children: Unit[] = useMemo(
    () => (units.data ?? []).filter((u) => u.parentId === ownerUnitId && u.active),
    [units.data, ownerUnitId],
  );
  // Every unit below, until the appraiser narrows the choice.
  useEffect(() => {
    if (!form.isFieldTouched('unitIds'))
      form.setFieldValue(
        'unitIds',
        children.map((u) => u.id),
      );
  }, [children, form]);

  const submit = async (v: OpenForm) => {
    setError(null);
    try {
      const round = await openRound({
        ownerUnitId,
        frameworkId: v.frameworkId,
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
        selfDue: iso(v.selfDue),
        appraisalDue: iso(v.appraisalDue),
        explanationFrom: iso(v.explanation[0]),
        explanationTo: iso(v.explanation[1]),
        unitIds: v.unitIds,
      });
      await client.invalidateQueries({ queryKey: assessmentKeys.all });
      onClose();
      navigate(`/danh-gia/dot/${round.id}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.errors.length ? `${e.message} ${e.errors.map((x) => x.message).join('; ')}` : e.message);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('assessment.openRound')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('assessment.openRoundOk')}
      okButtonProps={{ 'data-testid': 'open-round-ok' } as ButtonProps}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<OpenForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year: dayjs().year() - 1 }}
      >
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 140px' } }}>
          <Form.Item
            name="year"
            label={t('assessment.year')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="frameworkId"
            label={t('assessment.framework')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              data-testid="round-framework"
              style={{ minWidth: 260 }}
              options={(frameworks.data ?? [])
                .filter((f) => f.status === 'published')
                .map((f) => ({ value: f.id, label: `${f.name} (v${f.version})` }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={t('assessment.roundName')}>
          <Input maxLength={200} placeholder={t('assessment.roundOfYear', { year })} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 160px' } }}>
          <Form.Item
            name="selfDue"
            label={t('assessment.selfDue')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="appraisalDue"
            label={t('assessment.appraisalDue')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="explanation"
          label={t('assessment.explanationWindowShort')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Space style={{ marginBottom: 4 }}>
          <Button
            size="small"
            onClick={() =>
              form.setFieldValue(
                'unitIds',
                children.map((u) => u.id),
              )
            }
          >
            {t('assessment.selectAll')}
          </Button>
          <Button size="small" onClick={() => form.setFieldValue('unitIds', [])} data-testid="units-none">
            {t('assessment.selectNone')}
          </Button>
        </Space>
        <Form.Item
          name="unitIds"
          label={t('assessment.unitsAppraised')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))' }}
            options={children.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The rounds the selected unit appraises or is appraised in; an appraiser opens a new one here. */
export function RoundsPage() {
  const { t } = useTranslation();
  const { unitId } = useSelectedUnit();
  const session = useSession();
  const rounds = useRounds();
  const units = useUnits();
  const [opening, setOpening] = useState(false);
  const user = session.data?.user;
  const isAppraiser = user?.roles.includes('appraiser') ?? false;
  const unit = units.data?.find((u) => u.id === unitId);
  const hasChildren = (units.data ?? []).some((u) => u.parentId === unitId);

  const link = (r: RoundSummary) => {
    if (r.canAppraise) return `/danh-gia/dot/${r.id}`;
    return r.mySheetId ? `/danh-gia/phieu/${r.mySheetId}` : `/danh-gia/dot/${r.id}`;
  };

  return (
    <Card
      title={<span style={{ whiteSpace: 'normal' }}>{t('assessment.roundsTitle')}</span>}
      extra={
        isAppraiser &&
        hasChildren && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpening(true)}
            data-testid="open-round"
          >
            {t('assessment.openRound')}
          </Button>
        )
      }
    >
      <Typography.Paragraph>
        <Typography.Text strong>{unit?.name}</Typography.Text>
      </Typography.Paragraph>
      {rounds.error && <Alert type="error" showIcon title={rounds.error.message} />}
      <Table<RoundSummary>
        rowKey="id"
        loading={rounds.isPending}
        dataSource={rounds.data ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('assessment.noRounds') }}
        columns={[
          {
            title: t('assessment.round'),
            key: 'name',
            render: (_, r) => {
              const to = link(r);
              const text = r.name || t('assessment.roundOfYear', { year: r.year });
              return to ? (
                <Link to={to} data-testid={`round-link-${r.year}`}>
                  {text}
                </Link>
              ) : (
                text
              );
            },
          },
          { title: t('assessment.year'), dataIndex: 'year', width: 70 },
          { title: t('assessment.appraisedBy'), dataIndex: 'ownerUnitName', width: 200 },
          {
            title: t('assessment.selfDue'),
            dataIndex: 'selfDue',
            width: 110,
            render: (v: string) => formatDate(v),
          },
          {
            title: t('common.status'),
            key: 'state',
            render: (_, r) => (
              <Space size={4} wrap>
                {SHEET_STATES.filter((s) => (r.counts[s] ?? 0) > 0).map((s) => (
                  <Tag key={s} color={STATE_COLOR[s]}>
                    {t(`assessment.states.${s}`)}
                    {r.canAppraise ? `: ${r.counts[s]}` : ''}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {opening && <OpenRoundModal ownerUnitId={unitId} onClose={() => setOpening(false)} />}
    </Card>
  );
}
