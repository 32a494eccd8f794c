import { count, eq, sql } from 'drizzle-orm';
import type { Official } from '#core/kpi/index';
import { AppError } from '../../../lib/errors';
import type { FieldError, RegisterDefinition } from '../kit/definition';
import { fields } from '../kit/fields';
import { disciplineDecisions, officials } from '../schema';
import { spanInOrder } from './checks';

// The unit's officials (cán bộ, công chức) and their official e-mail. Files name an
// official by full name, so a name is the key: two officials who share a name are told
// apart in it, e.g. "Nguyễn Văn An (1985)".

/** An official as core/kpi reads one, less the id the database gives. */
export type OfficialRecord = Omit<Official, 'id'>;

/** How files match an official: NFC, single spaces, lower case; accents kept. */
export function officialNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const HEADERS = {
  from: 'Ngày bắt đầu giữ chức vụ',
  to: 'Ngày thôi giữ chức vụ',
  email: 'Thư điện tử công vụ',
  inUse: 'Đang sử dụng thư điện tử',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const officialRegister: RegisterDefinition<OfficialRecord, undefined> = {
  register: 'officials',
  path: 'officials',
  table: officials,
  title: 'Danh sách cán bộ, công chức',
  fileName: 'can-bo-cong-chuc',
  sampleFile: 'can-bo-cong-chuc-mau.csv',
  fields: {
    name: fields.text({ header: 'Họ và tên', aliases: ['Họ tên'], column: 'name', max: 200, required: true }),
    position: fields.text({
      header: 'Chức vụ',
      aliases: ['Chức danh'],
      column: 'position',
      max: 300,
      required: true,
    }),
    inPostFrom: fields.day({
      header: HEADERS.from,
      aliases: ['Từ ngày'],
      column: 'in_post_from',
      required: false,
    }),
    inPostTo: fields.day({
      header: HEADERS.to,
      aliases: ['Đến ngày'],
      column: 'in_post_to',
      required: false,
    }),
    email: fields.text({
      header: HEADERS.email,
      aliases: ['Email công vụ', 'Thư điện tử'],
      column: 'email',
      max: 320,
      required: false,
    }),
    emailInUse: fields.flag({ header: HEADERS.inUse, aliases: ['Đang sử dụng'], column: 'email_in_use' }),
  },
  naturalKey: ['name'],
  keyColumns: ['name_key'],
  prepare: async () => undefined,
  check(o): FieldError[] {
    const errors = [spanInOrder(o.inPostFrom, o.inPostTo, HEADERS.from, HEADERS.to)];
    if (o.email !== null && !EMAIL.test(o.email)) {
      errors.push({ field: HEADERS.email, message: `“${o.email}” không phải địa chỉ thư điện tử` });
    }
    if (o.emailInUse && o.email === null) {
      errors.push({ field: HEADERS.inUse, message: `Ghi “Có” thì phải có ${HEADERS.email.toLowerCase()}` });
    }
    return errors.filter((e): e is FieldError => e !== null);
  },
  searchText: (o) => [o.name, o.position, o.email ?? ''],
  derived: { columns: [{ name: 'name_key', type: 'text' }], values: (o) => [officialNameKey(o.name)] },
  async guardDelete(db, id) {
    const [row] = await db
      .select({ n: count() })
      .from(disciplineDecisions)
      .where(eq(disciplineDecisions.officialId, id));
    if (row && row.n > 0) throw new AppError(409, 'registers.officialHasDecisions', { count: row.n });
  },
  order: (t) => sql`${t}.in_post_to desc nulls first, ${t}.name asc`,
  // "From … to" on this list: in post on some day of the period.
  periodFilter: (t, period) =>
    sql`(${t}.in_post_from is null or ${t}.in_post_from <= ${period.to}::date) and (${t}.in_post_to is null or ${t}.in_post_to >= ${period.from}::date)`,
  filters: {},
};
