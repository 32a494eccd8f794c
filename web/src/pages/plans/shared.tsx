import { useQueryClient } from '@tanstack/react-query';
import { App, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVnDate, formatVnMoment } from '#core/time/index';
import { ApiError } from '../../api/client';
import type { Plan, Task, TaskStatus } from '../../api/plans';
import type { SessionUser } from '../../api/types';

export const dueText = (task: Pick<Task, 'dueAt' | 'dueHasTime'>) =>
  formatVnMoment({ at: task.dueAt, hasTime: task.dueHasTime });
export const doneText = (task: Pick<Task, 'doneAt' | 'doneHasTime'>) =>
  task.doneAt ? formatVnMoment({ at: task.doneAt, hasTime: task.doneHasTime }) : '';
export const dateText = (date: string | null) => (date ? formatVnDate(date) : '');
/** A recorded instant in Vietnam time, whatever the browser's time zone. */
export const vnDateTime = (iso: string) => formatVnMoment({ at: iso, hasTime: true });

export const STATUS_COLORS: Record<TaskStatus, string> = {
  todo: 'default',
  doing: 'processing',
  done: 'success',
};

export function StatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`tasks.status.${status}`)}</Tag>;
}

export function OverdueTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid="overdue-tag">
      {t('tasks.overdue')}
    </Tag>
  );
}

/** What the signed-in person may do with a plan: the unit's officers write it, its head issues and amends it. */
export function planRights(user: SessionUser, plan: Pick<Plan, 'unitId' | 'status'>) {
  const ownUnit = user.unit.id === plan.unitId;
  const isHead = ownUnit && user.roles.includes('unit_head');
  const isWriter = ownUnit && (isHead || user.roles.includes('unit_officer'));
  return { isWriter, isHead, canEditDocument: plan.status === 'draft' ? isWriter : isHead };
}

/** Runs a change, shows the server's message when it is refused, and refreshes every plan query. */
export function useRun() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return async <T,>(action: () => Promise<T>, success = t('common.saved')): Promise<T | undefined> => {
    try {
      const result = await action();
      if (success) message.success(success);
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
      return result;
    } catch (error) {
      if (error instanceof ApiError) {
        message.error(error.message);
        return undefined;
      }
      throw error;
    }
  };
}
