import { sql } from 'drizzle-orm';
import type { Procedure } from '#core/kpi/index';
import type { FieldError, RegisterDefinition } from '../kit/definition';
import { fields } from '../kit/fields';
import { procedures } from '../schema';
import { spanInOrder } from './checks';

// The administrative procedures (TTHC) the unit handles, and whether each is published
// at the one-stop desk and on the unit's website.

/** A procedure is the same record core/kpi reads. */
export type ProcedureRecord = Procedure;

const HEADERS = { from: 'Hiệu lực từ ngày', to: 'Hiệu lực đến ngày' };

export const procedureRegister: RegisterDefinition<ProcedureRecord, undefined> = {
  register: 'procedures',
  path: 'procedures',
  table: procedures,
  title: 'Danh mục thủ tục hành chính',
  fileName: 'thu-tuc-hanh-chinh',
  sampleFile: 'thu-tuc-hanh-chinh-mau.csv',
  fields: {
    code: fields.text({
      header: 'Mã TTHC',
      aliases: ['Mã thủ tục', 'Mã số'],
      column: 'code',
      max: 100,
      required: true,
    }),
    name: fields.text({
      header: 'Tên thủ tục',
      aliases: ['Tên TTHC'],
      column: 'name',
      max: 500,
      required: true,
    }),
    field: fields.text({ header: 'Lĩnh vực', column: 'field', max: 200, required: true }),
    inForceFrom: fields.day({
      header: HEADERS.from,
      aliases: ['Ngày hiệu lực'],
      column: 'in_force_from',
      required: false,
    }),
    inForceTo: fields.day({
      header: HEADERS.to,
      aliases: ['Ngày hết hiệu lực'],
      column: 'in_force_to',
      required: false,
    }),
    publishedAtOneStop: fields.flag({
      header: 'Công khai tại Bộ phận Một cửa',
      aliases: ['Công khai tại Một cửa'],
      column: 'published_at_one_stop',
    }),
    publishedOnWebsite: fields.flag({
      header: 'Công khai trên Trang thông tin điện tử',
      aliases: ['Công khai trên Cổng/Trang thông tin điện tử', 'Công khai trên website'],
      column: 'published_on_website',
    }),
  },
  naturalKey: ['code'],
  prepare: async () => undefined,
  check: (p) =>
    [spanInOrder(p.inForceFrom, p.inForceTo, HEADERS.from, HEADERS.to)].filter(
      (e): e is FieldError => e !== null,
    ),
  searchText: (p) => [p.code, p.name, p.field],
  order: (t) => sql`${t}.field asc, ${t}.code asc`,
  // "From … to" on this list: in force on some day of the period.
  periodFilter: (t, period) =>
    sql`(${t}.in_force_from is null or ${t}.in_force_from <= ${period.to}::date) and (${t}.in_force_to is null or ${t}.in_force_to >= ${period.from}::date)`,
  filters: {
    published: {
      values: ['both', 'missing'],
      describe: 'both: công khai ở cả hai nơi; missing: còn thiếu ít nhất một nơi',
      where: (t, value) =>
        value === 'both'
          ? sql`${t}.published_at_one_stop and ${t}.published_on_website`
          : sql`not (${t}.published_at_one_stop and ${t}.published_on_website)`,
    },
  },
};
