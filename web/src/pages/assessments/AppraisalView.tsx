import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Col,
  Drawer,
  Form,
  Grid,
  Input,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiAction } from '../../api/action';
import {
  acceptAllSelf,
  appraiseEntry,
  assessmentKeys,
  publishProvisional,
  returnEntry,
  type SheetDetail,
  type SheetEntry,
  startAppraisal,
} from '../../api/assessments';
import type { Role } from '../../api/types';
import { draftsFromEntries, snapshotOf, typedPoints } from '../../assessments/drafts';
import {
  type EntryDrafts,
  type LiveFramework,
  liveScore,
  showDecimal,
  showPoints,
  showShort,
  showSnapshot,
  type TreeRow,
} from '../../assessments/live';
import { appraisalProblem, canAppraise, samePoints } from '../../assessments/sheet-view';
import { formatDate } from '../../format';
import { EvidenceList } from './EvidenceList';
import { ScoreSummary } from './ScoreSummary';

/** Appraised points as drafts, so the engine gives the appraised total the same way as the self one. */
function appraisedDrafts(
  leaves: readonly TreeRow[],
  entries: readonly SheetEntry[],
  selfDrafts: EntryDrafts,
  lang: string,
): EntryDrafts {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const drafts: Record<string, EntryDrafts[string]> = {};
  for (const leaf of leaves) {
    const appraised = byCode.get(leaf.code)?.appraisedPoints;
    drafts[leaf.code] =
      appraised === null || appraised === undefined
        ? (selfDrafts[leaf.code] ?? { points: '', prefill: null, override: false })
        : { points: typedPoints(appraised, lang), prefill: null, override: false };
  }
  return drafts;
}

function AppraiseDrawer({
  sheetId,
  row,
  entry,
  selfPoints,
  editable,
  onDone,
  onClose,
}: {
  sheetId: number;
  row: TreeRow;
  entry: SheetEntry | undefined;
  selfPoints: string | null;
  editable: boolean;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const run = useApiAction();
  const [points, setPoints] = useState(typedPoints(entry?.appraisedPoints ?? selfPoints, lang));
  const [reason, setReason] = useState(entry?.appraisalReason ?? '');
  const [note, setNote] = useState('');
  const problem = appraisalProblem(row.maxPoints, selfPoints, points, reason);
  const differs = !samePoints(selfPoints, points);

  const save = async () => {
    const ok = await run(
      () =>
        appraiseEntry(
          sheetId,
          row.code,
          points.trim().replace(',', '.'),
          differs ? reason.trim() : reason.trim() || null,
        ),
      t('assessment.appraisalSaved'),
    );
    if (ok) onDone();
  };
  const giveBack = async () => {
    const ok = await run(() => returnEntry(sheetId, row.code, note.trim()), t('assessment.returnedDone'));
    if (ok) onDone();
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {row.code}. {row.name}
        </span>
      }
      extra={
        editable && (
          <Button type="primary" disabled={problem !== null} onClick={save} data-testid="appraise-save">
            {t('common.save')}
          </Button>
        )
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('assessment.selfSide')}</Typography.Title>
          <p>
            {t('assessment.selfPointsShort')}:{' '}
            <strong data-testid="self-points">{showDecimal(selfPoints, lang)}</strong> /{' '}
            {showPoints(row.maxPoints, lang)}
          </p>
          {entry?.prefill && (
            <p>
              {t('assessment.kpiValue')}: {showSnapshot(snapshotOf(entry.prefill.input), lang)} →{' '}
              {t('assessment.pointsN', { points: showDecimal(entry.prefill.points, lang) })}
            </p>
          )}
          {entry?.overrideReason && (
            <Alert
              type="warning"
              title={t('assessment.overrideReason')}
              description={entry.overrideReason}
              style={{ marginBottom: 8 }}
            />
          )}
          <p>
            {t('assessment.comment')}: {entry?.comment || '—'}
          </p>
          {entry?.returned?.answer && (
            <p>
              {t('assessment.returnAnswer')}: {entry.returned.answer}
            </p>
          )}
          <EvidenceList files={entry?.files ?? []} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('assessment.appraisedSide')}</Typography.Title>
          <Form layout="vertical" disabled={!editable}>
            <Form.Item
              label={t('assessment.appraisedPoints', { max: showPoints(row.maxPoints, lang) })}
              validateStatus={problem && problem !== 'reason_required' ? 'error' : undefined}
              help={
                problem && problem !== 'reason_required'
                  ? t(`assessment.problems.${problem}`, { max: showPoints(row.maxPoints, lang) })
                  : undefined
              }
            >
              <Input
                inputMode="decimal"
                value={points}
                onChange={(e) => setPoints(e.target.value)}
                style={{ maxWidth: 160 }}
                data-testid="appraised-points"
              />
            </Form.Item>
            <Form.Item
              label={t('assessment.appraisalReason')}
              required={differs}
              validateStatus={problem === 'reason_required' ? 'error' : undefined}
              help={problem === 'reason_required' ? t('assessment.problems.reason_required') : undefined}
            >
              <Input.TextArea
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                autoSize={{ minRows: 2 }}
                maxLength={2000}
                data-testid="appraisal-reason"
              />
            </Form.Item>
          </Form>
          {editable && (
            <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
              <Typography.Text strong>{t('assessment.returnTitle')}</Typography.Text>
              <Input.TextArea
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder={t('assessment.returnPlaceholder')}
                autoSize={{ minRows: 2 }}
                style={{ margin: '6px 0' }}
                data-testid="return-note"
              />
              <Button
                icon={<RollbackOutlined />}
                disabled={note.trim() === ''}
                onClick={giveBack}
                data-testid="return-criterion"
              >
                {t('assessment.return')}
              </Button>
            </div>
          )}
          {entry?.returned && (
            <Alert
              type="warning"
              style={{ marginTop: 12 }}
              title={t('assessment.returnedNote', { date: formatDate(entry.returned.at) })}
              description={entry.returned.note}
            />
          )}
        </Col>
      </Row>
    </Drawer>
  );
}

/**
 * The appraiser's page for one unit: self points, evidence and comment beside the
 * appraised points; a reason where they differ; return a criterion for more evidence;
 * accept every self point at once; publish the provisional result.
 */
export function AppraisalView({
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
  const screens = Grid.useBreakpoint();
  const sheet = detail;
  const editable = roles.length > 0 && (detail.can.appraise ?? canAppraise(roles, sheet.state));
  const [open, setOpen] = useState<string | null>(null);
  const entries = useMemo(() => new Map(detail.entries.map((e) => [e.code, e])), [detail.entries]);
  const selfDrafts = useMemo(
    () => draftsFromEntries(live.leaves, detail.entries, lang),
    [live.leaves, detail.entries, lang],
  );
  const self = useMemo(() => liveScore(live, selfDrafts), [live, selfDrafts]);
  const appraised = useMemo(
    () => liveScore(live, appraisedDrafts(live.leaves, detail.entries, selfDrafts, lang)),
    [live, detail.entries, selfDrafts, lang],
  );
  const refresh = () => client.invalidateQueries({ queryKey: assessmentKeys.sheet(sheet.id) });
  const selfPointsOf = (code: string): string | null => {
    const fromServer = entries.get(code)?.selfPoints;
    if (fromServer !== undefined && fromServer !== null) return fromServer;
    const p = self.points.get(code);
    return p === null || p === undefined ? null : showPoints(p, 'en');
  };
  const openRow = open ? (live.leaves.find((l) => l.code === open) ?? null) : null;

  return (
    <div>
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <ScoreSummary score={self} title={t('assessment.selfTotalTitle')} />
        </Col>
        <Col xs={24} lg={12}>
          <ScoreSummary score={appraised} title={t('assessment.appraisedTotalTitle')} />
        </Col>
      </Row>
      <Space wrap style={{ marginBottom: 12 }}>
        {roles.length > 0 && detail.can.startAppraisal && (
          <Button
            onClick={() => run(() => startAppraisal(sheet.id)).then(() => refresh())}
            data-testid="start-appraisal"
          >
            {t('assessment.startAppraisal')}
          </Button>
        )}
        {editable && (
          <Popconfirm
            title={t('assessment.acceptAllConfirm')}
            onConfirm={() =>
              run(() => acceptAllSelf(sheet.id), t('assessment.acceptedAll')).then(() => refresh())
            }
          >
            <Button icon={<CheckOutlined />} data-testid="accept-all">
              {t('assessment.acceptAll')}
            </Button>
          </Popconfirm>
        )}
        {roles.length > 0 && detail.can.publishProvisional && (
          <Popconfirm
            title={t('assessment.provisionalConfirm')}
            onConfirm={() =>
              run(() => publishProvisional(sheet.id), t('assessment.provisionalDone')).then(() => refresh())
            }
          >
            <Button type="primary" data-testid="publish-provisional">
              {t('assessment.publishProvisional')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Table<TreeRow>
        rowKey="key"
        size="small"
        dataSource={live.tree as TreeRow[]}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        scroll={{ x: screens.md ? undefined : 700 }}
        onRow={(row) => ({
          onClick: () => {
            if (!row.children) setOpen(row.code);
          },
          style: row.children ? undefined : { cursor: 'pointer' },
          'data-testid': `appraise-${row.code}`,
        })}
        columns={[
          {
            title: t('assessment.criterion'),
            key: 'name',
            render: (_, row) => (
              <span style={{ fontWeight: row.depth === 0 ? 600 : undefined }}>
                {row.code}. {row.name}
                {entries.get(row.code)?.overridden && (
                  <Tooltip title={entries.get(row.code)?.overrideReason}>
                    <Tag color="purple" style={{ marginInlineStart: 6 }}>
                      {t('assessment.overriddenTag')}
                    </Tag>
                  </Tooltip>
                )}
                {entries.get(row.code)?.returned && (
                  <Tag color="orange" style={{ marginInlineStart: 6 }}>
                    {t('assessment.returned')}
                  </Tag>
                )}
              </span>
            ),
          },
          {
            title: t('assessment.max'),
            key: 'max',
            width: 64,
            align: 'right',
            render: (_, row) => showPoints(row.maxPoints, lang),
          },
          {
            title: t('assessment.selfPointsShort'),
            key: 'self',
            width: 80,
            align: 'right',
            render: (_, row) => showShort(self.points.get(row.code) ?? null, lang),
          },
          {
            title: t('assessment.evidenceShort'),
            key: 'evidence',
            width: 70,
            align: 'center',
            render: (_, row) => (row.children ? null : (entries.get(row.code)?.files.length ?? 0) || ''),
          },
          {
            title: t('assessment.appraisedShort'),
            key: 'appraised',
            width: 90,
            align: 'right',
            render: (_, row) => {
              const value = appraised.points.get(row.code) ?? null;
              const own = self.points.get(row.code) ?? null;
              const changed = value !== own;
              return (
                <span
                  data-testid={`appraised-${row.code}`}
                  style={changed ? { color: '#b71c1c', fontWeight: 600 } : undefined}
                >
                  {showShort(value, lang)}
                </span>
              );
            },
          },
          {
            title: t('assessment.appraisalReason'),
            key: 'reason',
            render: (_, row) => entries.get(row.code)?.appraisalReason ?? '',
          },
        ]}
      />
      {openRow && (
        <AppraiseDrawer
          key={openRow.code}
          sheetId={sheet.id}
          row={openRow}
          entry={entries.get(openRow.code)}
          selfPoints={selfPointsOf(openRow.code)}
          editable={editable}
          onDone={() => {
            setOpen(null);
            void refresh();
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
