import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Progress, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiUpload, type RowError } from '../api/client';

/**
 * Uploads a .xlsx/.csv to an all-or-nothing import route, with a progress bar (sent, then
 * checked and saved by the server). On refusal it lists every bad row (row, field,
 * reason) so the user can fix the file in Excel and try again.
 */
export function ImportButton<T>({
  url,
  title,
  help,
  onDone,
  label,
  disabled = false,
  type,
}: {
  url: string;
  title: string;
  help: string;
  onDone: (result: T) => void;
  /** The button's text; default "Nhập từ Excel/CSV". */
  label?: string;
  /** While the form the upload belongs to is incomplete. */
  disabled?: boolean;
  type?: 'primary' | 'default';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ name: string; sent: number } | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; errors: RowError[] } | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setProgress({ name: file.name, sent: 0 });
    try {
      onDone(await apiUpload<T>(url, file, (sent) => setProgress({ name: file.name, sent })));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.errors.length > 0) setRefusal({ message: error.message, errors: error.errors });
      else message.error(error.message);
    } finally {
      setBusy(false);
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv"
        hidden
        data-testid="import-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void upload(file);
        }}
      />
      <Button
        icon={<UploadOutlined />}
        loading={busy}
        disabled={disabled}
        type={type}
        onClick={() => input.current?.click()}
        title={help}
      >
        {label ?? t('common.import')}
      </Button>
      {progress && (
        <span
          style={{ display: 'inline-flex', flexDirection: 'column', width: 200, verticalAlign: 'middle' }}
        >
          <Progress
            data-testid="import-progress"
            size="small"
            percent={Math.round(progress.sent * 100)}
            status={progress.sent >= 1 ? 'active' : 'normal'}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {progress.sent < 1 ? t('import.sending', { name: progress.name }) : t('import.checking')}
          </Typography.Text>
        </span>
      )}
      <Modal
        open={refusal !== null}
        title={title}
        width={760}
        onCancel={() => setRefusal(null)}
        footer={<Button onClick={() => setRefusal(null)}>{t('common.close')}</Button>}
      >
        <Alert
          type="error"
          showIcon
          title={t('import.errorsTitle')}
          description={refusal?.message}
          style={{ marginBottom: 12 }}
        />
        <Table
          size="small"
          rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
          dataSource={refusal?.errors ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 70 },
            { title: t('import.field'), dataIndex: 'field', width: 180 },
            { title: t('import.message'), dataIndex: 'message' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {help}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
