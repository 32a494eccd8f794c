import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, apiSend } from '../api/client';
import { AuthLayout } from './AuthLayout';

interface Values {
  unitCode: string;
  unitName: string;
  fullName: string;
  username: string;
  password: string;
}

/** First run with DEMO=0: declares the top unit and creates the first administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const required = [{ required: true, message: t('common.required') }];

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await apiSend('POST', '/api/setup', {
        unit: { code: v.unitCode, name: v.unitName, level: 'province' },
        admin: { username: v.username, fullName: v.fullName, password: v.password },
      });
      message.success(t('setup.done'));
      await queryClient.invalidateQueries({ queryKey: ['setup'] });
      navigate('/dang-nhap', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('setup.title')} width={520}>
      <Typography.Paragraph>{t('setup.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Divider titlePlacement="start">{t('setup.unit')}</Divider>
        <Form.Item name="unitCode" label={t('setup.unitCode')} rules={required}>
          <Input placeholder="30" />
        </Form.Item>
        <Form.Item name="unitName" label={t('setup.unitName')} rules={required}>
          <Input placeholder="Tỉnh Hải Dương" />
        </Form.Item>
        <Divider titlePlacement="start">{t('setup.admin')}</Divider>
        <Form.Item name="fullName" label={t('setup.fullName')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="username" label={t('login.username')} rules={required}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[...required, { min: 8, message: t('password.min') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
