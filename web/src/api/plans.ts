import { useQuery } from '@tanstack/react-query';
import type { PlanTaskKind } from '#core/kpi/index';
import type { PlanDocument, TaskStatus } from '#core/plan/index';
import { apiGet } from './client';

export type { PlanDocument, PlanTaskKind, TaskStatus };

export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
}

export type PlanKpiKey =
  | 'plan_tasks_done_rate'
  | 'propaganda_done_rate'
  | 'self_inspections_done_rate'
  | 'it_plan_done_rate'
  | 'tthc_review_done_rate'
  | 'assigned_tasks_done_rate';

export interface PlanSummary {
  id: number;
  year: number;
  status: 'draft' | 'issued';
  numberLine: string;
  issuedDate: string | null;
  title: string;
  taskCount: number;
  doneCount: number;
}

export interface AreaProgress {
  areaKey: string | null;
  total: number;
  done: number;
  doing: number;
  todo: number;
  overdue: number;
}

export interface Plan extends PlanDocument {
  id: number;
  unitId: number;
  unitName: string;
  year: number;
  status: 'draft' | 'issued';
  issuedAt: string | null;
  issuedByName: string | null;
  updatedAt: string;
  today: string;
  totals: { total: number; done: number; overdue: number };
  progress: AreaProgress[];
  kpis: Record<PlanKpiKey, Rate>;
}

export interface EvidenceFile {
  id: number;
  name: string;
  size: number;
  mime: string;
  uploadedAt: string;
  uploadedByName: string;
}

export interface Task {
  id: number;
  planId: number;
  unitId: number;
  kind: PlanTaskKind;
  title: string;
  areaKey: string | null;
  criteriaCodes: string[];
  assigneeId: number | null;
  assigneeName: string | null;
  responsibleUnit: string | null;
  startDate: string | null;
  dueAt: string;
  dueHasTime: boolean;
  status: TaskStatus;
  progress: number;
  doneAt: string | null;
  doneHasTime: boolean;
  resultNote: string | null;
  pointsAtStake: number | null;
  overdue: boolean;
  files: EvidenceFile[];
  updatedAt: string;
}

export interface MyTask extends Task {
  planYear: number;
  unitName: string;
}

export interface Amendment {
  id: number;
  amendedAt: string;
  amendedByName: string;
  reason: string;
  changes: { field: string; before: string; after: string }[];
}

export interface Assignee {
  id: number;
  username: string;
  fullName: string;
}

export interface TaskFilter {
  area?: string;
  assigneeId?: number;
  status?: TaskStatus;
  overdue?: boolean;
}

export const planKeys = {
  list: (unitId: number) => ['plans', 'list', unitId] as const,
  plan: (planId: number) => ['plans', 'plan', planId] as const,
  tasks: (planId: number, filter: TaskFilter) => ['plans', 'tasks', planId, filter] as const,
  mine: (filter: TaskFilter) => ['plans', 'mine', filter] as const,
  amendments: (planId: number) => ['plans', 'amendments', planId] as const,
  assignees: (planId: number) => ['plans', 'assignees', planId] as const,
};

function query(filter: TaskFilter): string {
  const params = new URLSearchParams();
  if (filter.area) params.set('area', filter.area);
  if (filter.assigneeId) params.set('assigneeId', String(filter.assigneeId));
  if (filter.status) params.set('status', filter.status);
  if (filter.overdue) params.set('overdue', 'true');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const usePlans = (unitId: number) =>
  useQuery({
    queryKey: planKeys.list(unitId),
    queryFn: async () => (await apiGet<{ plans: PlanSummary[] }>(`/api/plans?unitId=${unitId}`)).plans,
  });

export const usePlan = (planId: number) =>
  useQuery({ queryKey: planKeys.plan(planId), queryFn: () => apiGet<Plan>(`/api/plans/${planId}`) });

export const useTasks = (planId: number, filter: TaskFilter) =>
  useQuery({
    queryKey: planKeys.tasks(planId, filter),
    queryFn: async () =>
      (await apiGet<{ tasks: Task[] }>(`/api/plans/${planId}/tasks${query(filter)}`)).tasks,
  });

export const useMyTasks = (filter: TaskFilter) =>
  useQuery({
    queryKey: planKeys.mine(filter),
    queryFn: async () => (await apiGet<{ tasks: MyTask[] }>(`/api/tasks/mine${query(filter)}`)).tasks,
  });

export const useAmendments = (planId: number) =>
  useQuery({
    queryKey: planKeys.amendments(planId),
    queryFn: async () =>
      (await apiGet<{ amendments: Amendment[] }>(`/api/plans/${planId}/amendments`)).amendments,
  });

export const useAssignees = (planId: number) =>
  useQuery({
    queryKey: planKeys.assignees(planId),
    queryFn: async () => (await apiGet<{ users: Assignee[] }>(`/api/plans/${planId}/assignees`)).users,
  });
