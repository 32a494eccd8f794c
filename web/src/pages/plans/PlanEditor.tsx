import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Modal, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../api/client';
import type { Plan, PlanDocument } from '../../api/plans';
import { useRun } from './shared';

// Lists are typed as officials type them in Word: one paragraph a line.
const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.replace(/^\s*[-–•]\s*/, '').trim())
    .filter(Boolean);
const joined = (list: readonly string[]) => list.join('\n');

interface Values {
  number: string;
  symbol: string;
  place: string;
  parentBody: string;
  issuingBody: string;
  title: string;
  preamble: string;
  purposes: string;
  requirements: string;
  areas: { key: string; name: string; contents: string; targets: string }[];
  duties: { actor: string; text: string }[];
  closing: string;
  recipients: string;
  signAuthority: string;
  signerTitle: string;
  signerName: string;
}

const toValues = (plan: Plan): Values => ({
  number: plan.number ?? '',
  symbol: plan.symbol,
  place: plan.place,
  parentBody: plan.parentBody ?? '',
  issuingBody: plan.issuingBody,
  title: plan.title,
  preamble: plan.preamble,
  purposes: joined(plan.purposes),
  requirements: joined(plan.requirements),
  areas: plan.areas.map((a) => ({
    key: a.key,
    name: a.name,
    contents: joined(a.contents),
    targets: joined(a.targets),
  })),
  duties: plan.duties.map((d) => ({ actor: d.actor ?? '', text: d.text })),
  closing: plan.closing,
  recipients: joined(plan.recipients),
  signAuthority: plan.signAuthority,
  signerTitle: plan.signerTitle,
  signerName: plan.signerName,
});

const toDocument = (plan: Plan, v: Values): PlanDocument => ({
  number: v.number?.trim() || null,
  symbol: v.symbol.trim(),
  issuedDate: plan.issuedDate,
  place: v.place.trim(),
  parentBody: v.parentBody?.trim() || null,
  issuingBody: v.issuingBody.trim(),
  title: v.title.trim(),
  preamble: (v.preamble ?? '').trim(),
  purposes: lines(v.purposes),
  requirements: lines(v.requirements),
  areas: (v.areas ?? []).map((a) => ({
    key: a.key || `lv${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    name: a.name.trim(),
    contents: lines(a.contents),
    targets: lines(a.targets),
  })),
  duties: (v.duties ?? []).map((d) => ({ actor: d.actor?.trim() || null, text: d.text.trim() })),
  closing: (v.closing ?? '').trim(),
  recipients: lines(v.recipients),
  signAuthority: v.signAuthority.trim(),
  signerTitle: v.signerTitle.trim(),
  signerName: (v.signerName ?? '').trim(),
});

/** The plan document, section by section, in the order it is printed. */
export function PlanEditor({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  const { t } = useTranslation();
  const run = useRun();
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState<PlanDocument | null>(null);
  const [reason, setReason] = useState('');
  const required = [{ required: true, message: t('common.required') }];
  const issued = plan.status === 'issued';

  const save = async (document: PlanDocument, why?: string) => {
    const ok = await run(() =>
      apiSend('PUT', `/api/plans/${plan.id}`, { document, ...(why ? { reason: why } : {}) }),
    );
    if (ok) setPending(null);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={toValues(plan)}
      disabled={!canEdit}
      onFinish={(v) => {
        const document = toDocument(plan, v);
        if (issued) setPending(document);
        else void save(document);
      }}
    >
      {issued && (
        <Alert
          type={canEdit ? 'warning' : 'info'}
          showIcon
          title={canEdit ? t('editor.amendHint') : t('editor.issuedReadOnly')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Card title={t('editor.header')} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="parentBody" label={t('editor.parentBody')}>
              <Input />
            </Form.Item>
            <Form.Item
              name="issuingBody"
              label={t('editor.issuingBody')}
              rules={required}
              extra={t('editor.linesHint')}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="number"
                label={t('plans.number')}
                style={{ flex: 1 }}
                extra={issued ? undefined : t('editor.numberAtIssue')}
              >
                <Input disabled={issued || !canEdit} />
              </Form.Item>
              <Form.Item name="symbol" label={t('editor.symbol')} rules={required} style={{ flex: 1 }}>
                <Input />
              </Form.Item>
            </Space.Compact>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="place" label={t('editor.place')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="title" label={t('editor.title')} rules={required} extra={t('editor.linesHint')}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="preamble" label={t('editor.preamble')}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Card>
      <Card title={t('editor.sectionI')} style={{ marginBottom: 12 }}>
        <Form.Item name="purposes" label={t('editor.purposes')} extra={t('editor.listHint')}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="requirements" label={t('editor.requirements')} extra={t('editor.listHint')}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Card>
      <Card title={t('editor.sectionII')} style={{ marginBottom: 12 }}>
        <Form.List name="areas">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  title={`${index + 1}. ${t('editor.area')}`}
                  style={{ marginBottom: 12 }}
                  extra={
                    canEdit && (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('editor.removeArea')}
                      />
                    )
                  }
                >
                  <Form.Item name={[field.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} label={t('editor.areaName')} rules={required}>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'contents']}
                    label={t('editor.contents')}
                    extra={t('editor.listHint')}
                  >
                    <Input.TextArea autoSize={{ minRows: 3 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'targets']}
                    label={t('editor.targets')}
                    extra={t('editor.targetsHint')}
                  >
                    <Input.TextArea autoSize={{ minRows: 2 }} />
                  </Form.Item>
                </Card>
              ))}
              {canEdit && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ key: '', name: '', contents: '', targets: '' })}
                  block
                >
                  {t('editor.addArea')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>
      <Card title={t('editor.sectionIII')} style={{ marginBottom: 12 }}>
        <Form.List name="duties">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8} align="top">
                  <Col flex="32px" style={{ paddingTop: 6 }}>
                    {index + 1}.
                  </Col>
                  <Col xs={22} md={6}>
                    <Form.Item name={[field.name, 'actor']}>
                      <Input placeholder={t('editor.actor')} />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={[field.name, 'text']} rules={required}>
                      <Input.TextArea autoSize={{ minRows: 2 }} placeholder={t('editor.duty')} />
                    </Form.Item>
                  </Col>
                  {canEdit && (
                    <Col flex="32px">
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('editor.removeDuty')}
                      />
                    </Col>
                  )}
                </Row>
              ))}
              {canEdit && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ actor: '', text: '' })}
                  block
                >
                  {t('editor.addDuty')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="closing" label={t('editor.closing')} style={{ marginTop: 12 }}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Card>
      <Card title={t('editor.signature')} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="recipients" label={t('editor.recipients')} extra={t('editor.listHint')}>
              <Input.TextArea autoSize={{ minRows: 3 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="signAuthority" label={t('editor.signAuthority')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="signerTitle" label={t('editor.signerTitle')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="signerName" label={t('editor.signerName')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      {canEdit && (
        <Button type="primary" htmlType="submit" size="large">
          {issued ? t('editor.amend') : t('common.save')}
        </Button>
      )}
      <Modal
        open={pending !== null}
        title={t('editor.amend')}
        okText={t('editor.amend')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !reason.trim() }}
        onOk={() => pending && save(pending, reason.trim())}
        onCancel={() => setPending(null)}
      >
        <Input.TextArea
          autoSize={{ minRows: 3 }}
          placeholder={t('editor.reasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Form>
  );
}
