// Framework errors: a machine code for programs, a Vietnamese reason for people.

/** Every way a framework (or its file) can be wrong. */
export type FrameworkErrorCode =
  | 'bad_shape'
  | 'missing_header'
  | 'duplicate_header'
  | 'bad_number'
  | 'missing_parent'
  | 'empty_framework'
  | 'no_scored_area'
  | 'bad_code'
  | 'duplicate_code'
  | 'code_not_under_parent'
  | 'bad_name'
  | 'bad_max_points'
  | 'parent_sum_mismatch'
  | 'leaf_without_method'
  | 'parent_with_method'
  | 'unknown_method'
  | 'bad_params'
  | 'unknown_kpi'
  | 'kpi_not_allowed'
  | 'kpi_kind_mismatch'
  | 'mixed_adjustments'
  | 'optional_not_area'
  | 'bad_year'
  | 'bad_level'
  | 'bad_index_decimals'
  | 'bad_bands'
  | 'bad_tie_break';

/** The part of a node or of the framework an error is about. */
export type FrameworkField =
  | 'code'
  | 'name'
  | 'maxPoints'
  | 'method'
  | 'kpi'
  | 'params'
  | 'evidence'
  | 'year'
  | 'level'
  | 'bands'
  | 'indexDecimals'
  | 'tieBreak';

export interface FrameworkError {
  readonly code: FrameworkErrorCode;
  /** The reason, in Vietnamese, ready to show. */
  readonly message: string;
  /** The criterion code concerned, when the error is about one node. */
  readonly node?: string;
  readonly field?: FrameworkField;
}
