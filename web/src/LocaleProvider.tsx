import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Ant Design and dates follow the chosen language; Vietnamese by default. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const vi = i18n.language !== 'en';
  dayjs.locale(vi ? 'vi' : 'en');
  return (
    <ConfigProvider
      locale={vi ? viVN : enUS}
      theme={{
        token: {
          colorPrimary: '#b71c1c',
          borderRadius: 6,
          fontFamily: "'Segoe UI', Roboto, Arial, sans-serif",
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
