import { sql } from 'drizzle-orm';
import { CHANNELS, type Channel } from '#core/kpi/index';
import { type CalendarDate, formatVnDate, type VnMoment, vnDateOf } from '#core/time/index';
import type { FieldError, RegisterDefinition } from '../kit/definition';
import { fields } from '../kit/fields';
import { dossiers } from '../schema';
import { notBefore, receivedInPeriod } from './checks';

// The dossier register (hồ sơ TTHC), in the layout of a one-stop system's export
// (shared/data/ho-so-mau.csv).

export interface DossierRecord {
  code: string;
  applicant: string | null;
  procedureName: string;
  field: string;
  channel: Channel;
  received: VnMoment;
  due: VnMoment;
  result: VnMoment | null;
  apologyDate: CalendarDate | null;
}

const HEADERS = {
  received: 'Ngày tiếp nhận',
  due: 'Ngày hẹn trả',
  result: 'Ngày có kết quả',
  apology: 'Ngày xin lỗi',
};

export const dossierRegister: RegisterDefinition<DossierRecord, undefined> = {
  register: 'dossiers',
  path: 'dossiers',
  table: dossiers,
  title: 'Sổ theo dõi hồ sơ TTHC',
  fileName: 'ho-so',
  sampleFile: 'ho-so-mau.csv',
  fields: {
    code: fields.text({
      header: 'Mã hồ sơ',
      aliases: ['Số hồ sơ'],
      column: 'code',
      max: 100,
      required: true,
    }),
    applicant: fields.text({
      header: 'Chủ hồ sơ',
      aliases: ['Người nộp', 'Tổ chức, cá nhân'],
      column: 'applicant',
      max: 300,
      required: false,
    }),
    procedureName: fields.text({
      header: 'Tên thủ tục',
      aliases: ['Thủ tục'],
      column: 'procedure_name',
      max: 500,
      required: true,
    }),
    field: fields.text({ header: 'Lĩnh vực', column: 'field', max: 200, required: true }),
    channel: fields.choice({
      header: 'Hình thức nộp',
      aliases: ['Kênh nộp', 'Hình thức tiếp nhận'],
      column: 'channel',
      choices: CHANNELS,
    }),
    received: fields.moment({ header: HEADERS.received, column: 'received', required: true }),
    due: fields.moment({
      header: HEADERS.due,
      aliases: ['Ngày hẹn trả kết quả', 'Hạn giải quyết'],
      column: 'due',
      required: true,
    }),
    result: fields.moment({
      header: HEADERS.result,
      aliases: ['Ngày trả kết quả', 'Ngày hoàn thành'],
      column: 'result',
      required: false,
    }),
    apologyDate: fields.day({
      header: HEADERS.apology,
      aliases: ['Ngày gửi phiếu xin lỗi'],
      column: 'apology_date',
      required: false,
    }),
  },
  naturalKey: ['code'],
  prepare: async () => undefined,
  check(d): FieldError[] {
    const errors = [
      notBefore(d.due, d.received, HEADERS.due, HEADERS.received),
      d.result && notBefore(d.result, d.received, HEADERS.result, HEADERS.received),
    ];
    if (d.apologyDate !== null && d.apologyDate < vnDateOf(d.received.at)) {
      errors.push({
        field: HEADERS.apology,
        message: `${HEADERS.apology} (${formatVnDate(d.apologyDate)}) trước ${HEADERS.received.toLowerCase()} (${formatVnDate(vnDateOf(d.received.at))})`,
      });
    }
    return errors.filter((e): e is FieldError => Boolean(e));
  },
  searchText: (d) => [d.code, d.applicant ?? '', d.procedureName, d.field],
  order: (t) => sql`${t}.received_at desc`,
  periodFilter: receivedInPeriod,
  filters: {
    channel: {
      values: ['truc_tiep', 'truc_tuyen', 'buu_chinh'],
      describe: 'Hình thức nộp',
      where: (t, value) => sql`${t}.channel = ${value}`,
    },
    status: {
      values: ['open', 'finished'],
      describe: 'open: chưa có kết quả; finished: đã có kết quả',
      where: (t, value) => (value === 'open' ? sql`${t}.result_at is null` : sql`${t}.result_at is not null`),
    },
  },
};
