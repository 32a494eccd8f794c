// Names and help for the core's methods and KPIs, in the user's language. The lists
// themselves are the core's (METHODS, KPI_DEFINITIONS): a method added there shows up
// here with its own Vietnamese label until it gets a translation.

import type { TFunction } from 'i18next';
import {
  type AnyMethod,
  findMethod,
  KPI_DEFINITIONS,
  type KpiDefinition,
  METHODS,
  parseDecimal,
} from '#core/framework/index';
import { matchesSearch } from '#core/text';

export function methodName(t: TFunction, method: AnyMethod): string {
  return t(`frameworks.methods.${method.code}.name`, { defaultValue: method.label });
}

export function methodHelp(t: TFunction, code: string): string {
  return t(`frameworks.methods.${code}.help`, { defaultValue: '' });
}

export function methodExample(t: TFunction, code: string): string {
  return t(`frameworks.methods.${code}.example`, { defaultValue: '' });
}

/** A method whose empty parameters read is one that takes none (thu_cong, ty_le, khao_sat…). */
export function takesParams(code: string): boolean {
  const method = findMethod(code);
  const one = parseDecimal('1');
  return method !== undefined && one !== null && !method.parseParams('', one).ok;
}

export function methodOptions(t: TFunction) {
  return METHODS.map((method) => ({
    value: method.code,
    label: methodName(t, method),
    title: methodHelp(t, method.code),
  }));
}

export function kpiName(kpi: KpiDefinition, language: string): string {
  return language === 'en' ? kpi.nameEn : kpi.nameVi;
}

/** The KPIs a method can read: rates for nguong, ty_le, khao_sat; counts for tru_diem. */
export function kpiOptions(methodCode: string, language: string) {
  const kind = findMethod(methodCode)?.kpiKind ?? null;
  if (kind === null) return [];
  return KPI_DEFINITIONS.filter((kpi) => kpi.kind === kind).map((kpi) => ({
    value: kpi.key,
    label: `${kpiName(kpi, language)} (${kpi.key})`,
  }));
}

/** Select search that ignores accents and case ("dung han" finds "đúng hạn"), as users type. */
export const SEARCH_BY_LABEL = {
  filterOption: (input: string, option?: { label?: unknown }) =>
    matchesSearch(String(option?.label ?? ''), input),
};
