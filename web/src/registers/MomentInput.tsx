import { DatePicker, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

// A register date that may carry a time: a day, and a time of day that may be left empty
// (a due date without a time lasts to the end of that day). The value is the API's form,
// `yyyy-mm-dd` or `yyyy-mm-ddTHH:mm`, read in Vietnam time whatever the browser's zone.

const dayOf = (value: string | null | undefined): Dayjs | null =>
  value ? dayjs(value.slice(0, 10), 'YYYY-MM-DD') : null;
const timeOf = (value: string | null | undefined): Dayjs | null =>
  value && value.length > 10 ? dayjs(`2000-01-01T${value.slice(11, 16)}`) : null;

export function MomentInput({
  value,
  onChange,
  id,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const emit = (day: Dayjs | null, time: Dayjs | null) => {
    if (!day) return onChange?.(null);
    onChange?.(time ? `${day.format('YYYY-MM-DD')}T${time.format('HH:mm')}` : day.format('YYYY-MM-DD'));
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <DatePicker
        id={id}
        format="DD/MM/YYYY"
        value={dayOf(value)}
        onChange={(day) => emit(day, timeOf(value))}
        style={{ width: '60%' }}
      />
      <TimePicker
        format="HH:mm"
        placeholder={t('registers.timeOptional')}
        value={timeOf(value)}
        disabled={!value}
        onChange={(time) => emit(dayOf(value), time)}
        style={{ width: '40%' }}
        needConfirm={false}
      />
    </Space.Compact>
  );
}
