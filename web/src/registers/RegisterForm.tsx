import { useQuery } from '@tanstack/react-query';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, DISCIPLINE_FORMS } from '#core/kpi/index';
import { ApiError, apiGet, apiSend, type RowError } from '../api/client';
import type { JsonValue, RegisterItem, RegisterPage } from '../api/registers';
import { MomentInput } from './MomentInput';
import type { RegisterView, ViewField } from './views';

// Add or edit one record. The server checks every value with the same rules as an import
// and names each field it refuses; those messages are shown above the form.

type FormValues = Record<string, unknown>;

/** Short inputs sit two to a row on a wide screen. */
const HALF = new Set<ViewField['kind']>(['count', 'date', 'flag', 'moment', 'channel', 'form']);

function toForm(field: ViewField, value: JsonValue | undefined): unknown {
  if (value === null || value === undefined) return field.kind === 'flag' ? false : undefined;
  if (field.kind === 'date') return dayjs(String(value), 'YYYY-MM-DD');
  return value;
}

function toBody(field: ViewField, value: unknown): JsonValue {
  if (value === undefined || value === null || value === '') return field.kind === 'flag' ? false : null;
  if (field.kind === 'date') return dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : String(value);
  if (field.kind === 'flag') return Boolean(value);
  if (field.kind === 'count') return Number(value);
  return typeof value === 'string' ? value.trim() : String(value);
}

function useOfficials(unitId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['register', 'officials', unitId, 'names'],
    enabled,
    queryFn: async () =>
      (await apiGet<RegisterPage>(`/api/units/${unitId}/officials?limit=2000`)).items.map((o) =>
        String(o.name),
      ),
  });
}

/**
 * The input of one field. Returned as an element, not a component, so that Form.Item
 * hands its value and onChange to the input itself.
 */
function fieldInput(field: ViewField, t: TFunction, officials: { names: string[]; loading: boolean }) {
  switch (field.kind) {
    case 'longText':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />;
    case 'moment':
      return <MomentInput />;
    case 'date':
      return <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />;
    case 'flag':
      return <Switch />;
    case 'count':
      return <InputNumber min={0} precision={0} style={{ width: '100%' }} />;
    case 'channel':
      return <Select options={CHANNELS.map((c) => ({ value: c.code, label: t(`channels.${c.code}`) }))} />;
    case 'form':
      return (
        <Select
          options={DISCIPLINE_FORMS.map((f) => ({ value: f.code, label: t(`disciplineForms.${f.code}`) }))}
        />
      );
    case 'official':
      return (
        <Select
          showSearch
          loading={officials.loading}
          options={officials.names.map((name) => ({ value: name, label: name }))}
        />
      );
    default:
      return <Input />;
  }
}

export function RegisterForm({
  view,
  unitId,
  editing,
  onClose,
  onSaved,
}: {
  view: RegisterView;
  unitId: number;
  /** The record to edit, 'new' to add one, null when closed. */
  editing: RegisterItem | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const officials = useOfficials(unitId, editing !== null && view.fields.some((f) => f.kind === 'official'));
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<{ message: string; errors: RowError[] } | null>(null);

  useEffect(() => {
    if (editing === null) return;
    setProblems(null);
    form.resetFields();
    form.setFieldsValue(
      Object.fromEntries(
        view.fields.map((f) => [f.key, toForm(f, editing === 'new' ? undefined : editing[f.key])]),
      ),
    );
  }, [editing, form, view]);

  const save = async (values: FormValues) => {
    setSaving(true);
    const body = Object.fromEntries(view.fields.map((f) => [f.key, toBody(f, values[f.key])]));
    try {
      const base = `/api/units/${unitId}/${view.path}`;
      if (editing === 'new') await apiSend('POST', base, body);
      else if (editing) await apiSend('PATCH', `${base}/${editing.id}`, body);
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblems({ message: error.message, errors: error.errors });
    } finally {
      setSaving(false);
    }
  };

  const label = (key: string) => t(`registers.${view.path}.fields.${key}`);
  return (
    <Modal
      open={editing !== null}
      title={t(editing === 'new' ? 'registers.add' : 'registers.edit', {
        register: t(`registers.${view.path}.one`),
      })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {problems && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={problems.errors.length > 0 ? t('registers.invalid') : problems.message}
          description={
            problems.errors.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.errors.map((e) => (
                  <li key={`${e.field}-${e.message}`}>
                    <strong>{e.field}</strong>: {e.message}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Form form={form} layout="vertical" onFinish={save}>
        <Row gutter={16}>
          {view.fields.map((field) => (
            <Col key={field.key} xs={24} md={HALF.has(field.kind) ? 12 : 24}>
              <Form.Item
                name={field.key}
                label={label(field.key)}
                valuePropName={field.kind === 'flag' ? 'checked' : 'value'}
                rules={field.required ? [{ required: true, message: t('common.required') }] : []}
              >
                {fieldInput(field, t, { names: officials.data ?? [], loading: officials.isFetching })}
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
