import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DISCIPLINE_FORMS, type DisciplineForm } from '#core/kpi/index';
import type { CalendarDate } from '#core/time/index';
import type { Db } from '../../../db/client';
import { dateInPeriod } from '../../../lib/vn-sql';
import type { RegisterDefinition } from '../kit/definition';
import { type Checked, type Field, fields } from '../kit/fields';
import { disciplineDecisions, officials } from '../schema';
import { officialNameKey } from './officials';

// Discipline decisions about the unit's officials. A file names the official by full
// name, as in the officials register; the decision is stored against that official.

export interface OfficialRef {
  id: number;
  name: string;
}

export interface DisciplineRecord {
  official: OfficialRef;
  decisionDate: CalendarDate;
  form: DisciplineForm;
  number: string | null;
}

/** The unit's officials by matching name. */
type Officials = ReadonlyMap<string, OfficialRef>;

const OFFICIAL = 'Họ và tên';

function officialField(): Field<OfficialRef, Officials> {
  const parse = (raw: string, known: Officials): Checked<OfficialRef> => {
    const name = raw.trim();
    if (name === '') return { ok: false, message: `Bắt buộc nhập “${OFFICIAL}” của cán bộ bị kỷ luật` };
    const found = known.get(officialNameKey(name));
    return found
      ? { ok: true, value: found }
      : { ok: false, message: `Không có cán bộ “${name}” trong danh sách cán bộ, công chức của đơn vị` };
  };
  return {
    header: OFFICIAL,
    aliases: ['Cán bộ', 'Họ tên'],
    requiredColumn: true,
    json: z.string().describe('Họ và tên cán bộ, như trong danh sách cán bộ, công chức'),
    write: [{ name: 'official_id', type: 'integer' }],
    read: (t) => [
      sql`${t}.official_id`,
      sql`(select o.name from ${officials} o where o.id = ${t}.official_id)`,
    ],
    fromCell: parse,
    fromJson: (value, known) => parse(typeof value === 'string' ? value : '', known),
    toDb: (value) => [value.id],
    fromDb: ([id, name]) => ({ id: Number(id), name: String(name) }),
    toJson: (value) => value.name,
    toCell: (value) => value.name,
  };
}

async function loadOfficials(db: Db, unitId: number): Promise<Officials> {
  const rows = await db
    .select({ id: officials.id, name: officials.name, key: officials.nameKey })
    .from(officials)
    .where(eq(officials.unitId, unitId));
  return new Map(rows.map((r) => [r.key, { id: r.id, name: r.name }]));
}

export const disciplineRegister: RegisterDefinition<DisciplineRecord, Officials> = {
  register: 'disciplineDecisions',
  path: 'discipline-decisions',
  table: disciplineDecisions,
  title: 'Quyết định kỷ luật cán bộ, công chức',
  fileName: 'ky-luat',
  sampleFile: 'ky-luat-mau.csv',
  fields: {
    official: officialField(),
    decisionDate: fields.day({
      header: 'Ngày quyết định',
      aliases: ['Ngày ký'],
      column: 'decision_date',
      required: true,
    }),
    form: fields.choice({
      header: 'Hình thức kỷ luật',
      aliases: ['Hình thức'],
      column: 'form',
      choices: DISCIPLINE_FORMS,
    }),
    number: fields.text({
      header: 'Số quyết định',
      aliases: ['Số QĐ'],
      column: 'number',
      max: 100,
      required: false,
    }),
  },
  naturalKey: ['official', 'decisionDate'],
  prepare: loadOfficials,
  check: () => [],
  searchText: (d) => [d.official.name, d.number ?? ''],
  order: (t) => sql`${t}.decision_date desc`,
  periodFilter: (t, period) => dateInPeriod(sql`${t}.decision_date`, period),
  filters: {},
};
