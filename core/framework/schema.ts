// The framework as JSON, for storage and the HTTP API: decimals as strings ("1.5"),
// exact and readable, where the in-memory model holds millionths.

import { z } from 'zod';
import type { Checked } from './checked';
import type { FrameworkError } from './errors';
import { type Fixed, formatDecimal, parseDecimal } from './fixed';
import { type Band, type Criterion, DEFAULT_INDEX_DECIMALS, type Framework, isParent } from './model';
import { canonicalParams } from './tree';
import { type ValidateOptions, validateFramework } from './validate';

export interface CriterionJson {
  code: string;
  name: string;
  maxPoints: string;
  evidence?: string[];
  optional?: boolean;
  children?: CriterionJson[];
  method?: string;
  params?: string;
  kpi?: string;
}

export interface BandJson {
  name: string;
  min: string;
  minAreaIndex?: string;
}

export interface FrameworkJson {
  year: number;
  level: string;
  name: string;
  indexDecimals?: number;
  tieBreak?: string[];
  bands: BandJson[];
  areas: CriterionJson[];
}

const decimal = z
  .string()
  .refine((text) => parseDecimal(text) !== null, 'Không phải là số thập phân (tối đa 6 chữ số lẻ)');

export const criterionJsonSchema: z.ZodType<CriterionJson> = z.lazy(() =>
  z.strictObject({
    code: z.string(),
    name: z.string(),
    maxPoints: decimal,
    evidence: z.array(z.string()).optional(),
    optional: z.boolean().optional(),
    children: z.array(criterionJsonSchema).optional(),
    method: z.string().optional(),
    params: z.string().optional(),
    kpi: z.string().optional(),
  }),
);

export const frameworkJsonSchema: z.ZodType<FrameworkJson> = z.strictObject({
  year: z.number().int(),
  level: z.string(),
  name: z.string(),
  indexDecimals: z.number().int().optional(),
  tieBreak: z.array(z.string()).optional(),
  bands: z.array(z.strictObject({ name: z.string(), min: decimal, minAreaIndex: decimal.optional() })),
  areas: z.array(criterionJsonSchema),
});

/** Reads a stored framework: its shape, then every rule of `validateFramework`. */
export function parseFrameworkJson(
  value: unknown,
  options: ValidateOptions = {},
): Checked<Framework, FrameworkError> {
  const shape = frameworkJsonSchema.safeParse(value);
  if (!shape.success) {
    const errors = shape.error.issues.map(
      (issue): FrameworkError => ({
        code: 'bad_shape',
        message: `${issue.path.join('.') || '(gốc)'}: ${issue.message}`,
      }),
    );
    return { ok: false, errors };
  }
  const json = shape.data;
  const errors: FrameworkError[] = [];
  const toNode = (node: CriterionJson): Criterion => {
    const base = {
      code: node.code,
      name: node.name,
      maxPoints: parseDecimal(node.maxPoints) as Fixed,
      evidence: node.evidence ?? [],
      ...(node.optional ? { optional: true } : {}),
    };
    if (node.children) {
      if (node.method || node.kpi || node.params) {
        const message = `${node.code} có tiêu chí con nên không có phương pháp chấm, chỉ tiêu hay tham số`;
        errors.push({ code: 'parent_with_method', message, node: node.code, field: 'method' });
      }
      return { ...base, children: node.children.map(toNode) };
    }
    return {
      ...base,
      method: node.method ?? '',
      params: node.params ?? '',
      ...(node.kpi ? { kpi: node.kpi } : {}),
    };
  };
  const framework: Framework = {
    year: json.year,
    level: json.level,
    name: json.name,
    indexDecimals: json.indexDecimals ?? DEFAULT_INDEX_DECIMALS,
    ...(json.tieBreak ? { tieBreak: json.tieBreak } : {}),
    bands: json.bands.map(
      (band): Band => ({
        name: band.name,
        min: parseDecimal(band.min) as Fixed,
        ...(band.minAreaIndex === undefined
          ? {}
          : { minAreaIndex: parseDecimal(band.minAreaIndex) as Fixed }),
      }),
    ),
    areas: json.areas.map(toNode),
  };
  errors.push(...validateFramework(framework, options));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: canonicalParams(framework) };
}

/** The JSON form of a framework; `parseFrameworkJson` reads it back equal. */
export function frameworkToJson(framework: Framework): FrameworkJson {
  const toJson = (node: Criterion): CriterionJson => ({
    code: node.code,
    name: node.name,
    maxPoints: formatDecimal(node.maxPoints),
    ...(node.evidence.length > 0 ? { evidence: [...node.evidence] } : {}),
    ...(node.optional ? { optional: true } : {}),
    ...(isParent(node)
      ? { children: node.children.map(toJson) }
      : { method: node.method, params: node.params, ...(node.kpi ? { kpi: node.kpi } : {}) }),
  });
  return {
    year: framework.year,
    level: framework.level,
    name: framework.name,
    indexDecimals: framework.indexDecimals,
    ...(framework.tieBreak ? { tieBreak: [...framework.tieBreak] } : {}),
    bands: framework.bands.map((band) => ({
      name: band.name,
      min: formatDecimal(band.min),
      ...(band.minAreaIndex === undefined ? {} : { minAreaIndex: formatDecimal(band.minAreaIndex) }),
    })),
    areas: framework.areas.map(toJson),
  };
}
