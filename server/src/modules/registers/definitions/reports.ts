import { sql } from 'drizzle-orm';
import type { VnMoment } from '#core/time/index';
import { instantInPeriod } from '../../../lib/vn-sql';
import type { FieldError, RegisterDefinition } from '../kit/definition';
import { fields } from '../kit/fields';
import { reports } from '../schema';

// Periodic PAR reports the unit owes the level above: due date and the date sent.

export interface ReportRecord {
  title: string;
  periodCovered: string;
  due: VnMoment;
  sent: VnMoment | null;
}

export const reportRegister: RegisterDefinition<ReportRecord, undefined> = {
  register: 'reports',
  path: 'reports',
  table: reports,
  title: 'Báo cáo CCHC định kỳ',
  fileName: 'bao-cao-cchc',
  sampleFile: 'bao-cao-cchc-mau.csv',
  fields: {
    title: fields.text({
      header: 'Tên báo cáo',
      aliases: ['Báo cáo'],
      column: 'title',
      max: 500,
      required: true,
    }),
    periodCovered: fields.text({ header: 'Kỳ báo cáo', column: 'period_covered', max: 200, required: true }),
    due: fields.moment({ header: 'Hạn gửi', aliases: ['Thời hạn gửi'], column: 'due', required: true }),
    sent: fields.moment({ header: 'Ngày gửi', aliases: ['Ngày đã gửi'], column: 'sent', required: false }),
  },
  naturalKey: ['title', 'periodCovered'],
  prepare: async () => undefined,
  check: (): FieldError[] => [],
  searchText: (r) => [r.title, r.periodCovered],
  order: (t) => sql`${t}.due_at desc`,
  periodFilter: (t, period) => instantInPeriod(sql`${t}.due_at`, period),
  filters: {
    status: {
      values: ['open', 'finished'],
      describe: 'open: chưa gửi; finished: đã gửi',
      where: (t, value) => (value === 'open' ? sql`${t}.sent_at is null` : sql`${t}.sent_at is not null`),
    },
  },
};
