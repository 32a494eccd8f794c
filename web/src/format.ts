import dayjs from 'dayjs';

/** Dates are shown the Vietnamese way everywhere: dd/mm/yyyy. */
export const formatDate = (value: string | Date | null | undefined) =>
  value ? dayjs(value).format('DD/MM/YYYY') : '';
export const formatDateTime = (value: string | Date | null | undefined) =>
  value ? dayjs(value).format('DD/MM/YYYY HH:mm') : '';

/** Decimals are written with a comma in Vietnamese ("0,5") and a dot in English. */
export const decimalSeparator = (language: string): '.' | ',' => (language === 'en' ? '.' : ',');
