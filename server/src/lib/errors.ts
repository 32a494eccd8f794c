import { type MessageKey, type MessageParams, translate } from '../i18n/messages';

export interface RowError {
  /** Spreadsheet row number; the header is row 1. */
  row: number;
  field: string;
  message: string;
}

/** An error about one field, of a form (no row) or of a file (with its row). */
export interface FieldError {
  row?: number;
  field: string;
  message: string;
}

/** An expected failure with an HTTP status and a message the user can act on. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly params: MessageParams = {},
    readonly errors?: FieldError[],
  ) {
    super(translate('vi', code, params));
  }
}

export const unauthorized = () => new AppError(401, 'auth.required');
export const forbidden = (code: MessageKey = 'auth.forbidden') => new AppError(403, code);
export const notFound = (code: MessageKey = 'common.notFound') => new AppError(404, code);
export const conflict = (code: MessageKey, params?: MessageParams) => new AppError(409, code, params);
export const invalid = (code: MessageKey, params?: MessageParams) => new AppError(400, code, params);
export const importRefused = (errors: RowError[]) =>
  new AppError(422, 'import.refused', { count: new Set(errors.map((e) => e.row)).size }, errors);
