import type { RegisterKey } from '#core/kpi/index';

// The register pages, described as data: one generic page shows each. Labels come from
// i18n (`registers.<path>.…`); the fields match the server's register definitions.

export type FieldKind =
  | 'text'
  | 'longText'
  | 'moment'
  | 'date'
  | 'flag'
  | 'count'
  | 'channel'
  | 'form'
  | 'official';

export interface ViewField {
  readonly key: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  /** Column width in the table, in pixels. */
  readonly width: number;
}

export interface ViewFilter {
  readonly key: string;
  readonly values: readonly string[];
}

export interface RegisterView {
  /** API segment: /api/units/{unitId}/<path>. */
  readonly path: string;
  /** Page address. */
  readonly route: string;
  /** The register as core/kpi names it, for the KPI page's links. */
  readonly register: RegisterKey;
  readonly sampleFile: string;
  readonly fileName: string;
  readonly fields: readonly ViewField[];
  readonly filters: readonly ViewFilter[];
  /** The field a deletion names the record by. */
  readonly titleField: string;
}

const status: ViewFilter = { key: 'status', values: ['open', 'finished'] };

export const REGISTER_VIEWS: readonly RegisterView[] = [
  {
    path: 'dossiers',
    route: '/so-theo-doi/ho-so',
    register: 'dossiers',
    sampleFile: 'ho-so-mau.csv',
    fileName: 'ho-so',
    titleField: 'code',
    fields: [
      { key: 'code', kind: 'text', required: true, width: 220 },
      { key: 'applicant', kind: 'text', width: 170 },
      { key: 'procedureName', kind: 'text', required: true, width: 260 },
      { key: 'field', kind: 'text', required: true, width: 120 },
      { key: 'channel', kind: 'channel', required: true, width: 120 },
      { key: 'received', kind: 'moment', required: true, width: 140 },
      { key: 'due', kind: 'moment', required: true, width: 140 },
      { key: 'result', kind: 'moment', width: 140 },
      { key: 'apologyDate', kind: 'date', width: 110 },
    ],
    filters: [{ key: 'channel', values: ['truc_tiep', 'truc_tuyen', 'buu_chinh'] }, status],
  },
  {
    path: 'procedures',
    route: '/so-theo-doi/thu-tuc',
    register: 'procedures',
    sampleFile: 'thu-tuc-hanh-chinh-mau.csv',
    fileName: 'thu-tuc-hanh-chinh',
    titleField: 'name',
    fields: [
      { key: 'code', kind: 'text', required: true, width: 120 },
      { key: 'name', kind: 'text', required: true, width: 320 },
      { key: 'field', kind: 'text', required: true, width: 150 },
      { key: 'inForceFrom', kind: 'date', width: 110 },
      { key: 'inForceTo', kind: 'date', width: 110 },
      { key: 'publishedAtOneStop', kind: 'flag', width: 110 },
      { key: 'publishedOnWebsite', kind: 'flag', width: 110 },
    ],
    filters: [{ key: 'published', values: ['both', 'missing'] }],
  },
  {
    path: 'feedback',
    route: '/so-theo-doi/phan-anh',
    register: 'feedback',
    sampleFile: 'phan-anh-kien-nghi-mau.csv',
    fileName: 'phan-anh-kien-nghi',
    titleField: 'code',
    fields: [
      { key: 'code', kind: 'text', required: true, width: 140 },
      { key: 'received', kind: 'moment', required: true, width: 140 },
      { key: 'channel', kind: 'text', required: true, width: 140 },
      { key: 'summary', kind: 'longText', required: true, width: 280 },
      { key: 'due', kind: 'moment', required: true, width: 140 },
      { key: 'answered', kind: 'moment', width: 140 },
      { key: 'result', kind: 'longText', width: 220 },
    ],
    filters: [status],
  },
  {
    path: 'document-stats',
    route: '/so-theo-doi/van-ban',
    register: 'documentStats',
    sampleFile: 'thong-ke-van-ban-mau.csv',
    fileName: 'thong-ke-van-ban',
    titleField: 'month',
    fields: [
      { key: 'year', kind: 'count', required: true, width: 80 },
      { key: 'month', kind: 'count', required: true, width: 80 },
      { key: 'incomingTotal', kind: 'count', required: true, width: 110 },
      { key: 'incomingElectronic', kind: 'count', required: true, width: 110 },
      { key: 'incomingSigned', kind: 'count', required: true, width: 110 },
      { key: 'outgoingTotal', kind: 'count', required: true, width: 110 },
      { key: 'outgoingElectronic', kind: 'count', required: true, width: 110 },
      { key: 'outgoingSigned', kind: 'count', required: true, width: 110 },
    ],
    filters: [],
  },
  {
    path: 'officials',
    route: '/so-theo-doi/can-bo',
    register: 'officials',
    sampleFile: 'can-bo-cong-chuc-mau.csv',
    fileName: 'can-bo-cong-chuc',
    titleField: 'name',
    fields: [
      { key: 'name', kind: 'text', required: true, width: 190 },
      { key: 'position', kind: 'text', required: true, width: 260 },
      { key: 'inPostFrom', kind: 'date', width: 110 },
      { key: 'inPostTo', kind: 'date', width: 110 },
      { key: 'email', kind: 'text', width: 260 },
      { key: 'emailInUse', kind: 'flag', width: 110 },
    ],
    filters: [],
  },
  {
    path: 'discipline-decisions',
    route: '/so-theo-doi/ky-luat',
    register: 'disciplineDecisions',
    sampleFile: 'ky-luat-mau.csv',
    fileName: 'ky-luat',
    titleField: 'official',
    fields: [
      { key: 'official', kind: 'official', required: true, width: 200 },
      { key: 'decisionDate', kind: 'date', required: true, width: 120 },
      { key: 'form', kind: 'form', required: true, width: 150 },
      { key: 'number', kind: 'text', width: 150 },
    ],
    filters: [],
  },
  {
    path: 'reports',
    route: '/so-theo-doi/bao-cao',
    register: 'reports',
    sampleFile: 'bao-cao-cchc-mau.csv',
    fileName: 'bao-cao-cchc',
    titleField: 'title',
    fields: [
      { key: 'title', kind: 'text', required: true, width: 360 },
      { key: 'periodCovered', kind: 'text', required: true, width: 170 },
      { key: 'due', kind: 'moment', required: true, width: 140 },
      { key: 'sent', kind: 'moment', width: 140 },
    ],
    filters: [status],
  },
];

export function viewOfRegister(register: RegisterKey): RegisterView | undefined {
  return REGISTER_VIEWS.find((v) => v.register === register);
}
