import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { formatVnDate } from '#core/time/index';
import type { JsonValue } from '../api/registers';
import type { ViewField } from './views';

// How a register value reads on screen: dates dd/mm/yyyy (with HH:mm when the moment has
// a time), numbers the Vietnamese way, codes by their label.

/** `2021-01-05T14:12+07:00` → `05/01/2021 14:12`; `2021-01-05` → `05/01/2021`. */
export function formatMomentText(value: string): string {
  const day = formatVnDate(value.slice(0, 10));
  return value.length > 10 ? `${day} ${value.slice(11, 16)}` : day;
}

export function formatCount(value: number, lang: string): string {
  return value.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN');
}

export function renderValue(field: ViewField, value: JsonValue, t: TFunction, lang: string) {
  if (value === null || value === '') return '';
  switch (field.kind) {
    case 'moment':
      return formatMomentText(String(value));
    case 'date':
      return formatVnDate(String(value));
    case 'flag':
      return value ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>;
    case 'count':
      // A year reads best without a thousands separator.
      return field.key === 'year' ? String(value) : formatCount(Number(value), lang);
    case 'channel':
      return t(`channels.${value}`);
    case 'form':
      return t(`disciplineForms.${value}`);
    default:
      return String(value);
  }
}
