import { useQuery } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { apiGet } from './api/client';
import { useSession } from './api/session';
import { AppShell } from './layout/AppShell';
import { ApiTokensPage } from './pages/ApiTokensPage';
import { HomePage } from './pages/HomePage';
import { KpiPage } from './pages/KpiPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RegisterPage } from './pages/RegisterPage';
import { SetupPage } from './pages/SetupPage';
import { UnitsPage } from './pages/UnitsPage';
import { UsersPage } from './pages/UsersPage';
import { REGISTER_VIEWS } from './registers/views';

export interface SetupStatus {
  needsSetup: boolean;
  demo: boolean;
}

function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Spin size="large" tip={t('common.loading')}>
        <div style={{ width: 200, height: 80 }} />
      </Spin>
    </div>
  );
}

export function App() {
  const session = useSession();
  const setup = useQuery({
    queryKey: ['setup'],
    queryFn: () => apiGet<SetupStatus>('/api/setup'),
    enabled: session.data === null,
  });

  if (session.isPending) return <Loading />;
  if (session.isError) return <Result status="error" title={session.error.message} />;

  if (!session.data) {
    if (setup.isPending) return <Loading />;
    const needsSetup = setup.data?.needsSetup === true;
    return (
      <Routes>
        <Route path="/khoi-tao" element={needsSetup ? <SetupPage /> : <Navigate to="/dang-nhap" replace />} />
        <Route
          path="/dang-nhap"
          element={
            needsSetup ? <Navigate to="/khoi-tao" replace /> : <LoginPage demo={setup.data?.demo ?? false} />
          }
        />
        <Route path="*" element={<Navigate to={needsSetup ? '/khoi-tao' : '/dang-nhap'} replace />} />
      </Routes>
    );
  }

  const isAdmin = session.data.user.roles.includes('admin');
  return (
    <Routes>
      <Route element={<AppShell session={session.data} />}>
        <Route index element={<HomePage />} />
        <Route path="/chi-tieu" element={<KpiPage />} />
        {REGISTER_VIEWS.map((view) => (
          <Route key={view.path} path={view.route} element={<RegisterPage key={view.path} view={view} />} />
        ))}
        {isAdmin && <Route path="/don-vi" element={<UnitsPage />} />}
        {isAdmin && <Route path="/nguoi-dung" element={<UsersPage />} />}
        {isAdmin && <Route path="/ma-truy-cap-api" element={<ApiTokensPage />} />}
        <Route path="/dang-nhap" element={<Navigate to="/" replace />} />
        <Route path="/khoi-tao" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
