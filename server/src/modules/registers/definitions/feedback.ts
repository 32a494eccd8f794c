import { sql } from 'drizzle-orm';
import type { VnMoment } from '#core/time/index';
import type { FieldError, RegisterDefinition } from '../kit/definition';
import { fields } from '../kit/fields';
import { feedback } from '../schema';
import { notBefore, receivedInPeriod } from './checks';

// Citizen feedback (phản ánh, kiến nghị): received, due, answered, like a dossier.

export interface FeedbackRecord {
  code: string;
  received: VnMoment;
  channel: string;
  summary: string;
  due: VnMoment;
  answered: VnMoment | null;
  result: string | null;
}

const HEADERS = { received: 'Ngày tiếp nhận', due: 'Hạn xử lý', answered: 'Ngày trả lời' };

export const feedbackRegister: RegisterDefinition<FeedbackRecord, undefined> = {
  register: 'feedback',
  path: 'feedback',
  table: feedback,
  title: 'Sổ theo dõi phản ánh, kiến nghị',
  fileName: 'phan-anh-kien-nghi',
  sampleFile: 'phan-anh-kien-nghi-mau.csv',
  fields: {
    code: fields.text({
      header: 'Mã phản ánh',
      aliases: ['Số phản ánh', 'Mã PAKN'],
      column: 'code',
      max: 100,
      required: true,
    }),
    received: fields.moment({ header: HEADERS.received, column: 'received', required: true }),
    channel: fields.text({
      header: 'Hình thức tiếp nhận',
      aliases: ['Kênh tiếp nhận', 'Hình thức'],
      column: 'channel',
      max: 200,
      required: true,
    }),
    summary: fields.text({
      header: 'Nội dung tóm tắt',
      aliases: ['Nội dung'],
      column: 'summary',
      max: 2000,
      required: true,
    }),
    due: fields.moment({ header: HEADERS.due, aliases: ['Hạn trả lời'], column: 'due', required: true }),
    answered: fields.moment({
      header: HEADERS.answered,
      aliases: ['Ngày xử lý xong'],
      column: 'answered',
      required: false,
    }),
    result: fields.text({
      header: 'Kết quả xử lý',
      aliases: ['Kết quả'],
      column: 'result',
      max: 2000,
      required: false,
    }),
  },
  naturalKey: ['code'],
  prepare: async () => undefined,
  check(f): FieldError[] {
    return [
      notBefore(f.due, f.received, HEADERS.due, HEADERS.received),
      f.answered && notBefore(f.answered, f.received, HEADERS.answered, HEADERS.received),
    ].filter((e): e is FieldError => Boolean(e));
  },
  searchText: (f) => [f.code, f.channel, f.summary, f.result ?? ''],
  order: (t) => sql`${t}.received_at desc`,
  periodFilter: receivedInPeriod,
  filters: {
    status: {
      values: ['open', 'finished'],
      describe: 'open: chưa trả lời; finished: đã trả lời',
      where: (t, value) =>
        value === 'open' ? sql`${t}.answered_at is null` : sql`${t}.answered_at is not null`,
    },
  },
};
