export {
  areaHeading,
  type DocumentChange,
  diffPlanDocument,
  numberLine,
  type PlanArea,
  type PlanDocument,
  type PlanDuty,
  placeDateLine,
} from './document';
export {
  criterionCodeProblem,
  type ImportRowError,
  MAX_CRITERION_CODE,
  MAX_TASK_NOTE,
  MAX_TASK_TITLE,
  parseTaskRows,
  splitCriterionCodes,
  TASK_COLUMNS,
  type TaskImportContext,
  type TaskImportRecord,
} from './task-import';
export {
  type AreaProgress,
  isTaskOverdue,
  type LostCriterion,
  type ProposedTask,
  progressByArea,
  proposeTasksFromLostPoints,
  TASK_STATUS_CODES,
  TASK_STATUSES,
  type TaskStatus,
  type TaskTiming,
} from './tasks';
