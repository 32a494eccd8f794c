import {
  CheckCircleFilled,
  ExclamationCircleFilled,
  PaperClipOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Grid, List, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentKeys, type SheetDetail, submitSheet } from '../../api/assessments';
import { ApiError, type RowError } from '../../api/client';
import type { Role } from '../../api/types';
import { draftsFromEntries, withDraft } from '../../assessments/drafts';
import {
  type EntryDraft,
  type EntryDrafts,
  type LiveFramework,
  liveScore,
  showPoints,
  showShort,
  type TreeRow,
} from '../../assessments/live';
import { canSubmit, canWriteSelf } from '../../assessments/sheet-view';
import { CriterionDrawer } from './CriterionDrawer';
import { ScoreSummary } from './ScoreSummary';

/**
 * The unit's self-assessment: the framework's criteria tree with the points so far, the
 * criteria still missing required evidence in red, and the live total and projected band
 * while typing. The chairman submits; the server refuses, criterion by criterion, while
 * evidence is missing; after submission it is read-only.
 */
export function SelfAssessment({
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
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const sheet = detail;
  const editable = detail.can.edit ?? canWriteSelf(roles, sheet.state);
  // Shown to the head while incomplete too (the server's `can.submit` is false then): pressing it lists what is missing.
  const submittable = canSubmit(roles, sheet.state);
  const answerable = roles.includes('unit_head') || roles.includes('unit_officer');
  const [drafts, setDrafts] = useState<EntryDrafts>(() =>
    draftsFromEntries(live.leaves, detail.entries, lang),
  );
  const [open, setOpen] = useState<string | null>(null);
  const openRef = useRef<string | null>(null);
  openRef.current = open;
  const [refusals, setRefusals] = useState<RowError[]>([]);
  const [submitting, setSubmitting] = useState(false);
  // A new answer from the server (after a save or an upload) is what is stored now; the
  // criterion being edited keeps what is typed in it.
  useEffect(() => {
    setDrafts((current) => {
      const stored = draftsFromEntries(live.leaves, detail.entries, lang);
      return openRef.current && current[openRef.current]
        ? { ...stored, [openRef.current]: current[openRef.current] as EntryDraft }
        : stored;
    });
  }, [detail.entries, live.leaves, lang]);
  const score = useMemo(() => liveScore(live, drafts), [live, drafts]);
  const entries = useMemo(() => new Map(detail.entries.map((e) => [e.code, e])), [detail.entries]);
  const fileCounts = useMemo(
    () =>
      Object.fromEntries(
        detail.entries.map((e) => [e.code, e.files.filter((f) => f.stage !== 'explanation').length]),
      ),
    [detail.entries],
  );
  // The server's reading of what submission would refuse (read again after every save).
  const missing = useMemo(
    () => new Set(detail.problems.filter((p) => p.kind === 'missing_evidence').map((p) => p.code)),
    [detail.problems],
  );
  const problems = useMemo(() => {
    const byCode = new Map<string, string[]>();
    for (const p of detail.problems) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p.message]);
    return byCode;
  }, [detail.problems]);
  const refused = new Set(refusals.map((r) => r.field));
  const openRow = open ? (live.leaves.find((l) => l.code === open) ?? null) : null;

  const refresh = () => client.invalidateQueries({ queryKey: assessmentKeys.sheet(sheet.id) });

  const submit = async () => {
    setSubmitting(true);
    try {
      await submitSheet(sheet.id);
      setRefusals([]);
      message.success(t('assessment.submitted'));
      await refresh();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setRefusals(error.errors);
      message.error(error.message);
    } finally {
      setSubmitting(false);
    }
  };

  const pointsCell = (row: TreeRow) => {
    const points = score.points.get(row.code);
    return <span data-testid={`points-${row.code}`}>{showShort(points, lang)}</span>;
  };

  return (
    <div>
      <ScoreSummary score={score} title={t('assessment.liveTitle')} />
      {!editable && sheet.state !== 'draft' && (
        <Alert type="info" showIcon title={t('assessment.lockedAfterSubmit')} style={{ marginBottom: 12 }} />
      )}
      {refusals.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('assessment.refusedTitle')}
          data-testid="submit-refusals"
          description={
            <List
              size="small"
              dataSource={refusals}
              renderItem={(r) => (
                <List.Item style={{ padding: '2px 0' }}>
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(r.field)}>
                    {r.field}
                  </Button>
                  :{' '}
                  {r.message.startsWith(r.field)
                    ? r.message.slice(r.field.length).replace(/^[:\s]+/, '')
                    : r.message}
                </List.Item>
              )}
            />
          }
        />
      )}
      <Table<TreeRow>
        rowKey="key"
        size="small"
        dataSource={live.tree as TreeRow[]}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        indentSize={narrow ? 8 : 15}
        onRow={(row) => ({
          onClick: () => {
            if (!row.children) setOpen(row.code);
          },
          style: row.children
            ? { background: row.depth === 0 ? '#fafafa' : undefined }
            : {
                cursor: 'pointer',
                ...(missing.has(row.code) || refused.has(row.code) ? { background: '#fff1f0' } : {}),
              },
          'data-testid': `criterion-${row.code}`,
        })}
        onHeaderRow={() => ({ style: { whiteSpace: 'nowrap' } })}
        columns={[
          {
            title: t('assessment.criterion'),
            key: 'name',
            render: (_, row) => (
              <span style={{ fontWeight: row.depth === 0 ? 600 : undefined }}>
                {row.code}. {row.name}
                {row.kpi && (
                  <Tag color="blue" style={{ marginInlineStart: 6 }}>
                    KPI
                  </Tag>
                )}
                {entries.get(row.code)?.returned && (
                  <Tag color="orange" style={{ marginInlineStart: 6 }}>
                    {t('assessment.returned')}
                  </Tag>
                )}
              </span>
            ),
          },
          ...(narrow
            ? []
            : [
                {
                  title: t('assessment.max'),
                  key: 'max',
                  width: 70,
                  align: 'right' as const,
                  render: (_: unknown, row: TreeRow) => showPoints(row.maxPoints, lang),
                },
              ]),
          {
            title: t('assessment.points'),
            key: 'points',
            width: narrow ? 76 : 80,
            align: 'right',
            render: (_, row) =>
              narrow ? (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {pointsCell(row)}/{showPoints(row.maxPoints, lang)}
                </span>
              ) : (
                pointsCell(row)
              ),
          },
          {
            title: narrow ? '' : t('assessment.evidenceShort'),
            key: 'evidence',
            width: narrow ? 44 : 120,
            render: (_, row) => {
              if (row.children) return null;
              const count = fileCounts[row.code] ?? 0;
              if (missing.has(row.code))
                return (
                  <Tooltip title={problems.get(row.code)?.join(' ')}>
                    <Tag color="red" icon={<ExclamationCircleFilled />} data-testid={`missing-${row.code}`}>
                      {narrow ? null : t('assessment.missingEvidence')}
                    </Tag>
                  </Tooltip>
                );
              if (refused.has(row.code))
                return (
                  <Tooltip
                    title={refusals
                      .filter((r) => r.field === row.code)
                      .map((r) => r.message)
                      .join(' ')}
                  >
                    <Tag color="red" icon={<ExclamationCircleFilled />}>
                      {narrow ? null : t('assessment.incomplete')}
                    </Tag>
                  </Tooltip>
                );
              if (count > 0)
                return (
                  <Tag icon={<PaperClipOutlined />} color="green">
                    {count}
                  </Tag>
                );
              if (row.kpi && drafts[row.code]?.prefill)
                return <Tag icon={<CheckCircleFilled />}>{narrow ? null : t('assessment.snapshot')}</Tag>;
              return null;
            },
          },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        {submittable ? (
          <Popconfirm
            title={t('assessment.submitConfirm')}
            onConfirm={submit}
            okText={t('assessment.submit')}
          >
            <Button type="primary" icon={<SendOutlined />} loading={submitting} data-testid="submit-sheet">
              {t('assessment.submit')}
            </Button>
          </Popconfirm>
        ) : (
          sheet.state === 'draft' && (
            <Typography.Text type="secondary">{t('assessment.onlyHeadSubmits')}</Typography.Text>
          )
        )}
      </Space>
      {openRow && (
        <CriterionDrawer
          key={openRow.code}
          sheetId={sheet.id}
          row={openRow}
          entry={entries.get(openRow.code)}
          draft={drafts[openRow.code]}
          editable={editable}
          score={score}
          answerable={answerable && (detail.can.answerReturn ?? false)}
          onDraft={(change) => setDrafts((d) => withDraft(d, openRow.code, change))}
          onSaved={() => {
            setOpen(null);
            void refresh();
          }}
          onChanged={() => void refresh()}
          onClose={() => {
            // What was typed and not saved goes back to the stored value.
            const stored = draftsFromEntries([openRow], detail.entries, lang)[openRow.code];
            if (stored) setDrafts((d) => ({ ...d, [openRow.code]: stored }));
            setOpen(null);
          }}
        />
      )}
    </div>
  );
}
