import { sql } from 'drizzle-orm';
import type { DocumentStat } from '#core/kpi/index';
import type { FieldError, RegisterDefinition } from '../kit/definition';
import { fields } from '../kit/fields';
import { documentStats } from '../schema';

// Monthly statistics of the document-management system: incoming and outgoing documents,
// how many were exchanged electronically and how many were digitally signed.

/** A month of statistics is the same record core/kpi reads. */
export type DocumentStatRecord = DocumentStat;

const HEADERS = {
  incomingTotal: 'Văn bản đến',
  incomingElectronic: 'Văn bản đến điện tử',
  incomingSigned: 'Văn bản đến ký số',
  outgoingTotal: 'Văn bản đi',
  outgoingElectronic: 'Văn bản đi điện tử',
  outgoingSigned: 'Văn bản đi ký số',
};

function notAbove(part: number, total: number, partHeader: string, totalHeader: string): FieldError | null {
  return part <= total
    ? null
    : {
        field: partHeader,
        message: `${partHeader} (${part}) nhiều hơn tổng số ${totalHeader.toLowerCase()} (${total})`,
      };
}

export const documentStatRegister: RegisterDefinition<DocumentStatRecord, undefined> = {
  register: 'documentStats',
  path: 'document-stats',
  table: documentStats,
  title: 'Thống kê văn bản đi, đến theo tháng',
  fileName: 'thong-ke-van-ban',
  sampleFile: 'thong-ke-van-ban-mau.csv',
  fields: {
    year: fields.count({ header: 'Năm', column: 'year', min: 1900, max: 2100 }),
    month: fields.count({ header: 'Tháng', column: 'month', min: 1, max: 12 }),
    incomingTotal: fields.count({
      header: HEADERS.incomingTotal,
      aliases: ['Tổng số văn bản đến'],
      column: 'incoming_total',
    }),
    incomingElectronic: fields.count({ header: HEADERS.incomingElectronic, column: 'incoming_electronic' }),
    incomingSigned: fields.count({ header: HEADERS.incomingSigned, column: 'incoming_signed' }),
    outgoingTotal: fields.count({
      header: HEADERS.outgoingTotal,
      aliases: ['Tổng số văn bản đi'],
      column: 'outgoing_total',
    }),
    outgoingElectronic: fields.count({ header: HEADERS.outgoingElectronic, column: 'outgoing_electronic' }),
    outgoingSigned: fields.count({ header: HEADERS.outgoingSigned, column: 'outgoing_signed' }),
  },
  naturalKey: ['year', 'month'],
  prepare: async () => undefined,
  check: (s) =>
    [
      notAbove(s.incomingElectronic, s.incomingTotal, HEADERS.incomingElectronic, HEADERS.incomingTotal),
      notAbove(s.incomingSigned, s.incomingTotal, HEADERS.incomingSigned, HEADERS.incomingTotal),
      notAbove(s.outgoingElectronic, s.outgoingTotal, HEADERS.outgoingElectronic, HEADERS.outgoingTotal),
      notAbove(s.outgoingSigned, s.outgoingTotal, HEADERS.outgoingSigned, HEADERS.outgoingTotal),
    ].filter((e): e is FieldError => e !== null),
  order: (t) => sql`${t}.year desc, ${t}.month desc`,
  // "From … to" on this list: months that overlap the period.
  periodFilter: (t, period) =>
    sql`make_date(${t}.year, ${t}.month, 1) <= ${period.to}::date and (make_date(${t}.year, ${t}.month, 1) + interval '1 month')::date > ${period.from}::date`,
  filters: {},
};
