import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  type ButtonProps,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiAction } from '../../api/action';
import {
  answerExplanation,
  assessmentKeys,
  contest,
  type EntryExplanation,
  type EvidenceFile,
  finalizeSheet,
  type SheetDetail,
  uploadEvidence,
} from '../../api/assessments';
import type { Role } from '../../api/types';
import { typedPoints } from '../../assessments/drafts';
import { type LiveFramework, showDecimal } from '../../assessments/live';
import { canExplain } from '../../assessments/sheet-view';
import { formatDate, formatDateTime } from '../../format';
import { EvidenceList } from './EvidenceList';

const STATUS_COLOR: Record<EntryExplanation['status'], string> = {
  pending: 'gold',
  accepted: 'green',
  rejected: 'red',
};

interface Row extends EntryExplanation {
  code: string;
  name: string;
  files: EvidenceFile[];
}

function AnswerForm({
  sheetId,
  explanation,
  onDone,
}: {
  sheetId: number;
  explanation: Row;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const run = useApiAction();
  const [points, setPoints] = useState(typedPoints(explanation.previousPoints, i18n.language));
  const [answer, setAnswer] = useState('');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`answer-${explanation.code}`}>
      <Space wrap>
        <Input
          inputMode="decimal"
          value={points}
          onChange={(e) => setPoints(e.target.value)}
          style={{ width: 120 }}
          addonBefore={t('assessment.newPoints')}
          data-testid="explanation-points"
        />
        <Button
          type="primary"
          onClick={() =>
            run(
              () =>
                answerExplanation(sheetId, explanation.code, {
                  accept: true,
                  points: points.trim().replace(',', '.'),
                  ...(answer.trim() ? { reason: answer.trim() } : {}),
                }),
              t('assessment.explanationAccepted'),
            ).then((ok) => ok && onDone())
          }
          data-testid="explanation-accept"
        >
          {t('assessment.accept')}
        </Button>
      </Space>
      <Input.TextArea
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        placeholder={t('assessment.answerPlaceholder')}
        autoSize={{ minRows: 1 }}
        data-testid="explanation-answer"
      />
      <Button
        danger
        disabled={answer.trim() === ''}
        onClick={() =>
          run(
            () => answerExplanation(sheetId, explanation.code, { accept: false, reason: answer.trim() }),
            t('assessment.explanationRejected'),
          ).then((ok) => ok && onDone())
        }
        data-testid="explanation-reject"
      >
        {t('assessment.reject')}
      </Button>
    </Space>
  );
}

/**
 * Explanation (giải trình): within the window the unit contests chosen criteria of its
 * provisional result with a text and new evidence; the appraiser accepts with new points
 * or rejects with a reason; both see the answers.
 */
export function ExplanationView({
  detail,
  live,
  roles,
}: {
  detail: SheetDetail;
  live: LiveFramework;
  roles: readonly Role[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const client = useQueryClient();
  const run = useApiAction();
  const sheet = detail;
  const round = detail.round;
  const mayExplain = roles.length > 0 && (detail.can.contest ?? canExplain(roles, sheet.state));
  const mayAnswer = roles.length > 0 && (detail.can.answerExplanation ?? false);
  const rows: Row[] = detail.entries.flatMap((e) =>
    e.explanation
      ? [
          {
            ...e.explanation,
            code: e.code,
            name: e.name,
            files: e.files.filter((f) => f.stage === 'explanation'),
          },
        ]
      : [],
  );
  const [contesting, setContesting] = useState(false);
  const [code, setCode] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: assessmentKeys.sheet(sheet.id) });
  const contested = useMemo(() => new Set(rows.map((e) => e.code)), [rows]);
  const appraisedOf = (c: string) => detail.entries.find((e) => e.code === c)?.appraisedPoints ?? null;

  const send = async () => {
    if (!code) return;
    const created = await run(async () => {
      await contest(sheet.id, code, text.trim());
      if (file) await uploadEvidence(sheet.id, code, file);
    }, t('assessment.contested'));
    if (created) {
      setContesting(false);
      setCode(undefined);
      setText('');
      setFile(null);
      void refresh();
    }
  };

  return (
    <Card
      size="small"
      title={t('assessment.explanationTitle')}
      extra={
        <Space wrap>
          {mayExplain && (
            <Button type="primary" onClick={() => setContesting(true)} data-testid="contest-open">
              {t('assessment.contest')}
            </Button>
          )}
          {roles.length > 0 && detail.can.finalize && (
            <Popconfirm
              title={t('assessment.finalizeConfirm')}
              onConfirm={() =>
                run(() => finalizeSheet(sheet.id), t('assessment.finalized')).then(() => refresh())
              }
            >
              <Button data-testid="finalize-sheet">{t('assessment.finalize')}</Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('assessment.explanationWindow', {
          from: formatDate(round.explanationFrom),
          to: formatDate(round.explanationTo),
        })}
      </Typography.Paragraph>
      <Table<Row>
        rowKey="code"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('assessment.noExplanations') }}
        columns={[
          {
            title: t('assessment.criterion'),
            key: 'code',
            width: 220,
            render: (_, e) => `${e.code}. ${e.name}`,
          },
          {
            title: t('assessment.explanationText'),
            key: 'text',
            render: (_, e) => (
              <div>
                <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>
                <Typography.Text type="secondary">{formatDateTime(e.createdAt)}</Typography.Text>
                {e.files.length > 0 && <EvidenceList files={e.files} testId="explanation-evidence" />}
              </div>
            ),
          },
          {
            title: t('assessment.pointsChange'),
            key: 'points',
            width: 110,
            render: (_, e) =>
              `${showDecimal(e.previousPoints, lang)} → ${e.newPoints ? showDecimal(e.newPoints, lang) : '?'}`,
          },
          {
            title: t('assessment.answer'),
            key: 'answer',
            width: 280,
            render: (_, e) =>
              e.status === 'pending' && mayAnswer ? (
                <AnswerForm sheetId={sheet.id} explanation={e} onDone={() => void refresh()} />
              ) : (
                <div data-testid={`explanation-status-${e.code}`}>
                  <Tag color={STATUS_COLOR[e.status]}>{t(`assessment.explanationStatus.${e.status}`)}</Tag>
                  {e.answer && <div style={{ whiteSpace: 'pre-wrap' }}>{e.answer}</div>}
                  {e.answeredAt && (
                    <Typography.Text type="secondary">{formatDateTime(e.answeredAt)}</Typography.Text>
                  )}
                </div>
              ),
          },
        ]}
      />
      <Modal
        open={contesting}
        title={t('assessment.contest')}
        onCancel={() => setContesting(false)}
        onOk={send}
        okText={t('assessment.sendExplanation')}
        okButtonProps={
          { disabled: !code || text.trim() === '', 'data-testid': 'contest-send' } as ButtonProps
        }
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('assessment.criterion')} required>
            <Select
              showSearch
              optionFilterProp="label"
              value={code}
              onChange={setCode}
              data-testid="contest-criterion"
              options={live.leaves
                .filter((l) => !contested.has(l.code))
                .map((l) => ({
                  value: l.code,
                  label: `${l.code}. ${l.name} (${showDecimal(appraisedOf(l.code), lang)})`,
                }))}
            />
          </Form.Item>
          <Form.Item label={t('assessment.explanationText')} required>
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 3 }}
              maxLength={4000}
              data-testid="contest-text"
            />
          </Form.Item>
          <Form.Item label={t('assessment.newEvidence')}>
            <input
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              data-testid="contest-file"
            />
          </Form.Item>
        </Form>
        {!mayExplain && <Alert type="info" title={t('assessment.explanationClosed')} />}
      </Modal>
    </Card>
  );
}
