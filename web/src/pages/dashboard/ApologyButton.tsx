import { FileWordOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vnDateOf } from '#core/time/index';
import { ApiError } from '../../api/client';
import { generateApology } from '../../api/dashboard';
import { useSession } from '../../api/session';
import { canApologise, earliestNewDate } from '../../dashboard/view';

// The apology letter of a dossier, from its row in the register: shown only for a dossier
// that takes one (late, or open and due within two working days, without an apology); a
// small form (reason, new date); the server records the date and sends the .docx.

/** A row of the dossier register as the API gives it (code, due, result, apologyDate…). */
type DossierItem = Readonly<Record<string, unknown>>;

interface Values {
  reason: string;
  newDate: Dayjs;
}

export function ApologyButton({
  unitId,
  item,
  onDone,
}: {
  unitId: number;
  item: DossierItem;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const today = vnDateOf(new Date().toISOString());
  const code = typeof item.code === 'string' ? item.code : '';
  if (!code || !canApologise(item, today)) return null;

  const submit = async (values: Values) => {
    const csrf = session.data?.csrfToken;
    if (!csrf) return;
    setBusy(true);
    try {
      const file = await generateApology(
        unitId,
        code,
        { reason: values.reason.trim(), newDate: values.newDate.format('DD/MM/YYYY') },
        csrf,
      );
      message.success(t('apology.done', { file }));
      setOpen(false);
      onDone();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      message.error(error.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        icon={<FileWordOutlined />}
        data-testid={`apology-${code}`}
        aria-label={t('apology.button')}
        title={t('apology.button')}
        onClick={() => setOpen(true)}
      />
      <Modal
        open={open}
        title={t('apology.title', { code })}
        okText={t('apology.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('apology.help')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={{
            reason: '',
            newDate: dayjs(earliestNewDate(String(item.due), today), 'YYYY-MM-DD'),
          }}
        >
          <Form.Item
            name="reason"
            label={t('apology.reason')}
            rules={[{ required: true, min: 5, whitespace: true, message: t('apology.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item
            name="newDate"
            label={t('apology.newDate')}
            rules={[{ required: true, message: t('apology.newDateRequired') }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
