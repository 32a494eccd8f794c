import { type MessageKey, type MessageParams, translate } from '../i18n/messages';

/** What is wrong with one value: its field, and its row when it came from a file. */
export interface ErrorDetail {
  /** Spreadsheet row number; the header is row 1. */
  row?: number;
  field: string;
  message: string;
}

export interface RowError extends ErrorDetail {
  row: number;
}

/** An expected failure with an HTTP status and a message the user can act on. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly params: MessageParams = {},
    readonly errors?: ErrorDetail[],
  ) {
    super(translate('vi', code, params));
  }
}

export const unauthorized = () => new AppError(401, 'auth.required');
export const forbidden = (code: MessageKey = 'auth.forbidden') => new AppError(403, code);
export const notFound = (code: MessageKey = 'common.notFound') => new AppError(404, code);
export const conflict = (code: MessageKey, params?: MessageParams) => new AppError(409, code, params);
export const invalid = (code: MessageKey, params?: MessageParams) => new AppError(400, code, params);
/** 422 naming every bad row; `badRows` when more rows were bad than `errors` lists. */
export const importRefused = (errors: RowError[], badRows?: number) => {
  const listed = new Set(errors.map((e) => e.row)).size;
  const count = Math.max(listed, badRows ?? 0);
  return count > listed
    ? new AppError(422, 'import.refusedMany', { count, listed: errors.length }, errors)
    : new AppError(422, 'import.refused', { count }, errors);
};
