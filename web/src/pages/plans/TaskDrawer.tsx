import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_TASK_KINDS } from '#core/kpi/records';
import { TASK_STATUS_CODES } from '#core/plan/tasks';
import { vnDateOf } from '#core/time/index';
import { apiSend, apiUpload } from '../../api/client';
import type { Assignee, Plan, PlanTaskKind, Task, TaskStatus } from '../../api/plans';
import { OverdueTag, useRun, vnDateTime } from './shared';

interface Values {
  title: string;
  kind: PlanTaskKind;
  areaKey: string | null;
  criteriaCodes: string[];
  assigneeId: number | null;
  responsibleUnit: string | null;
  startDate: Dayjs | null;
  due: Dayjs;
  status: TaskStatus;
  progress: number;
  done: Dayjs | null;
  resultNote: string | null;
  reason?: string;
}

const day = (iso: string | null) => (iso ? dayjs(vnDateOf(iso)) : null);
const text = (d: Dayjs | null | undefined) => (d ? d.format('DD/MM/YYYY') : null);

/** One task: its fields, its progress, its evidence. `task` null opens an empty one to add. */
export function TaskDrawer({
  plan,
  task,
  open,
  assignees,
  canWrite,
  isHead,
  onClose,
}: {
  plan: Pick<Plan, 'id' | 'status' | 'areas'>;
  task: Task | null;
  open: boolean;
  assignees: Assignee[];
  canWrite: boolean;
  isHead: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const run = useRun();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const fileInput = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [current, setCurrent] = useState<Task | null>(task);
  const issued = plan.status === 'issued';

  useEffect(() => {
    setCurrent(task);
    form.resetFields();
    if (task) {
      form.setFieldsValue({
        title: task.title,
        kind: task.kind,
        areaKey: task.areaKey,
        criteriaCodes: task.criteriaCodes,
        assigneeId: task.assigneeId,
        responsibleUnit: task.responsibleUnit,
        startDate: task.startDate ? dayjs(task.startDate) : null,
        due: day(task.dueAt) ?? dayjs(),
        status: task.status,
        progress: task.progress,
        done: day(task.doneAt),
        resultNote: task.resultNote,
      });
    } else {
      form.setFieldsValue({
        kind: 'plan',
        status: 'todo',
        progress: 0,
        criteriaCodes: [],
        areaKey: null,
        assigneeId: null,
      });
    }
  }, [task, form]);

  const save = async (v: Values) => {
    const body = {
      title: v.title,
      kind: v.kind,
      areaKey: v.areaKey ?? null,
      criteriaCodes: v.criteriaCodes ?? [],
      assigneeId: v.assigneeId ?? null,
      responsibleUnit: v.responsibleUnit?.trim() || null,
      startDate: text(v.startDate),
      due: text(v.due) as string,
      status: v.status,
      progress: v.status === 'done' ? 100 : (v.progress ?? 0),
      // Keep a recorded time of day unless the day itself was changed.
      done:
        v.status === 'done'
          ? current?.doneAt && day(current.doneAt)?.isSame(v.done, 'day')
            ? undefined
            : text(v.done)
          : null,
      resultNote: v.resultNote?.trim() || null,
    };
    const saved = current
      ? await run(() =>
          apiSend<Task>('PATCH', `/api/tasks/${current.id}`, {
            ...Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)),
            ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
          }),
        )
      : await run(() => apiSend<Task>('POST', `/api/plans/${plan.id}/tasks`, body));
    if (saved) onClose();
  };

  const upload = async (file: File) => {
    if (!current) return;
    setUploading(true);
    const updated = await run(
      () => apiUpload<Task>(`/api/tasks/${current.id}/files`, file),
      t('tasks.evidenceAdded'),
    );
    if (updated) setCurrent(updated);
    setUploading(false);
    if (fileInput.current) fileInput.current.value = '';
  };

  const detach = async (fileId: number) => {
    if (!current) return;
    const updated = await run(() => apiSend<Task>('DELETE', `/api/tasks/${current.id}/files/${fileId}`));
    if (updated) setCurrent(updated);
  };

  const remove = async () => {
    if (!current) return;
    const reason = form.getFieldValue('reason') as string | undefined;
    const query = reason?.trim() ? `?reason=${encodeURIComponent(reason.trim())}` : '';
    const ok = await run(() => apiSend('DELETE', `/api/tasks/${current.id}${query}`), t('tasks.deleted'));
    if (ok !== undefined) onClose();
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={current ? t('tasks.edit') : t('tasks.create')}
      destroyOnHidden
      extra={
        canWrite && (
          <Button type="primary" onClick={() => form.submit()} data-testid="task-save">
            {t('common.save')}
          </Button>
        )
      }
    >
      {current?.overdue && (
        <Alert
          type="error"
          showIcon
          title={t('tasks.overdueHint')}
          style={{ marginBottom: 12 }}
          action={<OverdueTag />}
        />
      )}
      <Form form={form} layout="vertical" onFinish={save} disabled={!canWrite}>
        <Form.Item
          name="title"
          label={t('tasks.title')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 220px' } }}>
          <Form.Item name="kind" label={t('tasks.kind')}>
            <Select
              options={PLAN_TASK_KINDS.map((k) => ({ value: k.code, label: t(`tasks.kinds.${k.code}`) }))}
            />
          </Form.Item>
          <Form.Item name="areaKey" label={t('tasks.area')}>
            <Select allowClear options={plan.areas.map((a) => ({ value: a.key, label: a.name }))} />
          </Form.Item>
        </Space>
        <Form.Item name="criteriaCodes" label={t('tasks.criteria')} extra={t('tasks.criteriaHint')}>
          <Select mode="tags" tokenSeparators={[',', ';', ' ']} open={false} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 220px' } }}>
          <Form.Item name="assigneeId" label={t('tasks.assignee')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={assignees.map((a) => ({ value: a.id, label: a.fullName }))}
            />
          </Form.Item>
          <Form.Item name="responsibleUnit" label={t('tasks.responsibleUnit')}>
            <Input maxLength={200} />
          </Form.Item>
        </Space>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 160px' } }}>
          <Form.Item name="startDate" label={t('tasks.startDate')}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="due"
            label={t('tasks.due')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Space>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 160px' } }}>
          <Form.Item name="status" label={t('tasks.statusLabel')}>
            <Select
              data-testid="task-status"
              options={TASK_STATUS_CODES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
              onChange={(s: TaskStatus) => {
                if (s === 'done' && !form.getFieldValue('done')) form.setFieldValue('done', dayjs());
              }}
            />
          </Form.Item>
          {status === 'done' ? (
            <Form.Item
              name="done"
              label={t('tasks.doneDate')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <DatePicker
                format="DD/MM/YYYY"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                data-testid="task-done-date"
              />
            </Form.Item>
          ) : (
            <Form.Item name="progress" label={t('tasks.progress')}>
              <InputNumber min={0} max={99} addonAfter="%" style={{ width: '100%' }} />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="resultNote" label={t('tasks.result')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
        {issued && current && (
          <Form.Item
            name="reason"
            label={t('tasks.reason')}
            extra={isHead ? t('tasks.reasonHint') : t('tasks.reasonHeadOnly')}
          >
            <Input />
          </Form.Item>
        )}
      </Form>
      {current && (
        <>
          <Typography.Title level={5}>
            <PaperClipOutlined /> {t('tasks.evidence')}
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={current.files}
            locale={{ emptyText: t('tasks.noEvidence') }}
            renderItem={(f) => (
              <List.Item
                actions={
                  canWrite
                    ? [
                        <Popconfirm
                          key="detach"
                          title={t('tasks.detachConfirm')}
                          onConfirm={() => detach(f.id)}
                        >
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('tasks.detach')}
                          />
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <a href={`/api/files/${f.id}`} data-testid="evidence-link">
                      {f.name}
                    </a>
                  }
                  description={`${Math.max(1, Math.round(f.size / 1024))} KB · ${f.uploadedByName} · ${vnDateTime(f.uploadedAt)}`}
                />
              </List.Item>
            )}
          />
          {canWrite && (
            <>
              <input
                ref={fileInput}
                type="file"
                hidden
                accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
                data-testid="evidence-input"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void upload(file);
                }}
              />
              <Button
                icon={<UploadOutlined />}
                loading={uploading}
                onClick={() => fileInput.current?.click()}
                style={{ marginTop: 8 }}
              >
                {t('tasks.addEvidence')}
              </Button>
              <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
                {t('tasks.evidenceHint')}
              </Typography.Paragraph>
              <Popconfirm title={t('tasks.deleteConfirm')} onConfirm={remove}>
                <Button danger icon={<DeleteOutlined />} style={{ marginTop: 8 }}>
                  {t('tasks.delete')}
                </Button>
              </Popconfirm>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
