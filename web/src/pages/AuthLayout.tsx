import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame of the pages shown before sign-in. */
export function AuthLayout({
  title,
  width = 400,
  children,
}: {
  title: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #b71c1c 0%, #7f0000 55%, #f5f5f5 55%)',
      }}
    >
      <div style={{ width: '100%', maxWidth: width }}>
        <div style={{ textAlign: 'center', color: '#fff', marginBottom: 16 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={2} style={{ color: '#fff', margin: '8px 0 0' }}>
            {t('app.name')}
          </Typography.Title>
          <div>{t('app.tagline')}</div>
        </div>
        <Card title={title}>{children}</Card>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, fontSize: 12 }}>
          {t('app.footer')}
        </Typography.Paragraph>
      </div>
    </div>
  );
}
