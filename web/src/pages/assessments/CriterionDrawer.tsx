import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDecimal } from '#core/framework/index';
import { useApiAction } from '../../api/action';
import {
  answerReturn,
  removeEvidence,
  type SheetEntry,
  saveSelfEntry,
  uploadEvidence,
} from '../../api/assessments';
import { selfInputOf, snapshotOf } from '../../assessments/drafts';
import {
  type EntryDraft,
  entryProblem,
  kpiName,
  type LiveScore,
  showDecimal,
  showPoints,
  showShort,
  showSnapshot,
  type TreeRow,
} from '../../assessments/live';
import { overrideNeedsReason } from '../../assessments/sheet-view';
import { formatDate, formatDateTime } from '../../format';
import { EvidenceList } from './EvidenceList';

/**
 * One criterion of the self-assessment: points (or a level), the KPI pre-fill with the
 * numbers behind it and an override that needs a reason, the comment, the evidence.
 * Every keystroke goes to `onDraft`, so the page's live total moves while typing.
 */
export function CriterionDrawer({
  sheetId,
  row,
  entry,
  draft,
  editable,
  answerable,
  onDraft,
  onSaved,
  onChanged,
  onClose,
  score,
}: {
  sheetId: number;
  row: TreeRow | null;
  entry: SheetEntry | undefined;
  draft: EntryDraft | undefined;
  editable: boolean;
  /** The unit may answer a criterion the appraiser returned (and add evidence to it). */
  answerable: boolean;
  onDraft: (change: Partial<EntryDraft>) => void;
  onSaved: () => void;
  /** Evidence added or removed: the sheet is read again, the drawer stays open. */
  onChanged: () => void;
  onClose: () => void;
  /** The live total while typing, shown in the drawer too (the page's summary is behind it). */
  score?: LiveScore;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const run = useApiAction();
  const [comment, setComment] = useState(entry?.comment ?? '');
  const [reason, setReason] = useState(entry?.overrideReason ?? '');
  const [saving, setSaving] = useState(false);
  const [answer, setAnswer] = useState('');
  if (!row) return null;
  const prefill = entry?.prefill ?? null;
  const problem = entryProblem(row, draft);
  // A KPI with no data for the year: scoring it by hand departs from the (empty) pre-fill.
  const kpiNoData = prefill !== null && prefill.input === null;
  const typed = (draft?.points ?? '').trim() !== '';
  const needsReason = overrideNeedsReason(draft, reason) || (kpiNoData && typed && reason.trim() === '');
  const reasonShown = (prefill !== null && (draft?.override ?? false)) || kpiNoData;
  const selfEvidence = (entry?.files ?? []).filter((e) => e.stage !== 'explanation');
  const returned = entry?.returned ?? null;

  const save = async () => {
    setSaving(true);
    const ok = await run(
      () =>
        saveSelfEntry(sheetId, row.code, {
          input: selfInputOf(row, draft),
          comment: comment.trim() || null,
          ...(reasonShown && reason.trim() ? { overrideReason: reason.trim() } : {}),
        }),
      t('assessment.saved'),
    );
    setSaving(false);
    if (ok) onSaved();
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {row.code}. {row.name}
        </span>
      }
      extra={
        editable && (
          <Button
            type="primary"
            loading={saving}
            disabled={problem !== null || needsReason}
            onClick={save}
            data-testid="criterion-save"
          >
            {t('common.save')}
          </Button>
        )
      }
    >
      {score && (
        <Alert
          type={score.complete ? 'success' : 'info'}
          style={{ marginBottom: 12 }}
          data-testid="drawer-live-score"
          title={t('assessment.liveLine', {
            total: showShort(score.total, lang),
            max: showShort(score.maxPoints, lang),
            index: showPoints(score.index, lang, score.indexDecimals),
            band: score.band ?? '—',
          })}
        />
      )}
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('assessment.maxPoints')}>
          {showPoints(row.maxPoints, lang)}
        </Descriptions.Item>
        {row.evidence.length > 0 && (
          <Descriptions.Item label={t('assessment.evidenceAsked')}>
            {row.evidence.join('; ')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {returned && (
        <Alert
          type="warning"
          showIcon
          title={t('assessment.returnedNote', { date: formatDate(returned.at) })}
          description={
            <div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{returned.note}</div>
              {returned.answer && (
                <div>
                  {t('assessment.returnAnswer')}: {returned.answer}
                </div>
              )}
              {answerable && returned.open && (
                <Space.Compact style={{ width: '100%', marginTop: 6 }}>
                  <Input
                    value={answer}
                    onChange={(e) => setAnswer(e.target.value)}
                    placeholder={t('assessment.returnAnswerPlaceholder')}
                    data-testid="return-answer"
                  />
                  <Button
                    type="primary"
                    disabled={answer.trim() === ''}
                    onClick={() =>
                      run(
                        () => answerReturn(sheetId, row.code, answer.trim()),
                        t('assessment.returnAnswered'),
                      ).then((ok) => ok && onSaved())
                    }
                  >
                    {t('assessment.send')}
                  </Button>
                </Space.Compact>
              )}
            </div>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Form layout="vertical" disabled={!editable}>
        {prefill && (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title={t('assessment.prefilled', { kpi: kpiName(prefill.kpi, lang) })}
            description={
              <div data-testid="prefill-snapshot">
                <div>
                  {t('assessment.kpiValue')}:{' '}
                  <strong>
                    {kpiNoData ? t('assessment.kpiNoData') : showSnapshot(snapshotOf(prefill.input), lang)}
                  </strong>
                  {!kpiNoData &&
                    ` → ${t('assessment.pointsN', { points: showDecimal(prefill.points, lang) })}`}
                </div>
                <div>
                  {t('assessment.period', {
                    from: formatDate(prefill.period.from),
                    to: formatDate(prefill.period.to),
                  })}
                </div>
                <Typography.Text type="secondary">
                  {t('assessment.computedAt', { date: formatDateTime(prefill.computedAt) })}
                </Typography.Text>
              </div>
            }
          />
        )}
        {prefill && !kpiNoData && (
          <Form.Item>
            <Checkbox
              checked={draft?.override ?? false}
              onChange={(e) => onDraft({ override: e.target.checked })}
              data-testid="override"
            >
              {t('assessment.override')}
            </Checkbox>
          </Form.Item>
        )}
        {(!prefill || kpiNoData || draft?.override) &&
          (row.levels.length > 0 && !prefill ? (
            <Form.Item label={t('assessment.level')}>
              <Select
                data-testid="criterion-level"
                value={draft?.points || undefined}
                allowClear
                onChange={(value: string | undefined) => onDraft({ points: value ?? '' })}
                options={row.levels.map((l) => ({
                  value: showPoints(l.points, lang),
                  label: `${l.label} — ${t('assessment.pointsN', { points: showPoints(l.points, lang) })}`,
                }))}
              />
            </Form.Item>
          ) : (
            <Form.Item
              label={t('assessment.selfPoints', { max: showPoints(row.maxPoints, lang) })}
              validateStatus={problem ? 'error' : undefined}
              help={
                problem
                  ? t(`assessment.problems.${problem}`, { max: showPoints(row.maxPoints, lang) })
                  : undefined
              }
            >
              <Input
                inputMode="decimal"
                value={draft?.points ?? ''}
                onChange={(e) => onDraft({ points: e.target.value })}
                data-testid="criterion-points"
                style={{ maxWidth: 160 }}
              />
            </Form.Item>
          ))}
        {reasonShown && (
          <Form.Item
            label={t('assessment.overrideReason')}
            required
            validateStatus={needsReason ? 'error' : undefined}
            help={needsReason ? t('assessment.overrideReasonRequired') : t('assessment.overrideReasonHint')}
          >
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoSize={{ minRows: 2 }}
              maxLength={2000}
              data-testid="override-reason"
            />
          </Form.Item>
        )}
        <Form.Item label={t('assessment.comment')}>
          <Input.TextArea
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            autoSize={{ minRows: 2 }}
            maxLength={4000}
            data-testid="criterion-comment"
          />
        </Form.Item>
      </Form>
      <Space align="center" style={{ marginBottom: 6 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('assessment.evidence')}
        </Typography.Title>
        {row.evidence.length > 0 &&
          selfEvidence.length === 0 &&
          !(prefill && !draft?.override) &&
          (parseDecimal((draft?.points ?? '').trim()) ?? 0) > 0 && (
            <Tag color="red">{t('assessment.missingEvidence')}</Tag>
          )}
      </Space>
      <EvidenceList
        files={selfEvidence}
        {...(editable || (answerable && returned?.open)
          ? {
              onUpload: async (file: File) => {
                const ok = await run(
                  () => uploadEvidence(sheetId, row.code, file),
                  t('assessment.evidenceAdded'),
                );
                if (ok) onChanged();
              },
            }
          : {})}
        {...(editable
          ? {
              onRemove: async (file) => {
                const ok = await run(() => removeEvidence(sheetId, row.code, file.id));
                if (ok) onChanged();
              },
            }
          : {})}
      />
    </Drawer>
  );
}
