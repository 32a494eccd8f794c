import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, List, Popconfirm, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceFile } from '../../api/assessments';
import { formatDateTime } from '../../format';

export const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';

/** A criterion's evidence files: links to download them and, when allowed, upload or remove. */
export function EvidenceList({
  files,
  onUpload,
  onRemove,
  testId = 'evidence',
  emptyText,
}: {
  files: readonly EvidenceFile[];
  onUpload?: (file: File) => Promise<void>;
  onRemove?: (file: EvidenceFile) => Promise<void>;
  testId?: string;
  emptyText?: string;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <List
        size="small"
        bordered
        dataSource={[...files]}
        locale={{ emptyText: emptyText ?? t('assessment.noEvidence') }}
        renderItem={(f) => (
          <List.Item
            actions={
              onRemove
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('assessment.removeEvidence')}
                      onConfirm={() => onRemove(f)}
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('assessment.removeEvidence')}
                      />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <a href={`/api/files/${f.id}`} data-testid={`${testId}-link`}>
                  <PaperClipOutlined /> {f.name}
                </a>
              }
              description={`${Math.max(1, Math.round(f.size / 1024))} KB · ${f.uploadedByName ?? ''} · ${formatDateTime(f.uploadedAt)}`}
            />
          </List.Item>
        )}
      />
      {onUpload && (
        <>
          <input
            ref={input}
            type="file"
            hidden
            accept={EVIDENCE_ACCEPT}
            data-testid={`${testId}-input`}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setBusy(true);
              try {
                await onUpload(file);
              } finally {
                setBusy(false);
                if (input.current) input.current.value = '';
              }
            }}
          />
          <Button
            icon={<UploadOutlined />}
            loading={busy}
            onClick={() => input.current?.click()}
            style={{ marginTop: 8 }}
          >
            {t('assessment.addEvidence')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
            {t('assessment.evidenceHint')}
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}
