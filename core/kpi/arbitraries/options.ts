export interface RegisterOptions {
  /** Most records per register; keep it small enough for a database round trip. */
  readonly maxLength?: number;
}

export const DEFAULT_MAX_LENGTH = 30;
