import { useQuery } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { apiGet } from './api/client';
import { useSession } from './api/session';
import { AppShell } from './layout/AppShell';
import { ApiTokensPage } from './pages/ApiTokensPage';
import { FrameworkEditorPage } from './pages/frameworks/FrameworkEditorPage';
import { FrameworksPage } from './pages/frameworks/FrameworksPage';
import { HomePage } from './pages/HomePage';
import { KpiPage } from './pages/KpiPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RegisterPage } from './pages/RegisterPage';
import { SetupPage } from './pages/SetupPage';
import { UnitsPage } from './pages/UnitsPage';
import { UsersPage } from './pages/UsersPage';
import { REGISTER_VIEWS } from './registers/views';

// The plan pages (and the chart library) load when first opened, so the first page stays light.
const PlansPage = lazy(() => import('./pages/plans/PlansPage').then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import('./pages/plans/PlanPage').then((m) => ({ default: m.PlanPage })));
const MyTasksPage = lazy(() => import('./pages/plans/MyTasksPage').then((m) => ({ default: m.MyTasksPage })));
const DashboardPage = lazy(() =>
  import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
// The assessment workflow (issue 4); the public results page needs no login and no shell.
const RoundsPage = lazy(() =>
  import('./pages/assessments/RoundsPage').then((m) => ({ default: m.RoundsPage })),
);
const RoundBoard = lazy(() =>
  import('./pages/assessments/RoundBoard').then((m) => ({ default: m.RoundBoard })),
);
const SheetPage = lazy(() => import('./pages/assessments/SheetPage').then((m) => ({ default: m.SheetPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const PublicResultsPage = lazy(() =>
  import('./pages/public/PublicResultsPage').then((m) => ({ default: m.PublicResultsPage })),
);
const publicResults = (
  <Suspense fallback={<Spin />}>
    <PublicResultsPage />
  </Suspense>
);

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
        <Route path="/cong-khai" element={publicResults} />
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
  // A unit's own people land on its dashboard; appraisers and admins on the home page.
  const unitHome = !session.data.user.roles.some((r) => r === 'admin' || r === 'appraiser');
  return (
    <Routes>
      <Route path="/cong-khai" element={publicResults} />
      <Route element={<AppShell session={session.data} />}>
        <Route
          index
          element={
            unitHome ? (
              <Suspense fallback={<Spin />}>
                <DashboardPage />
              </Suspense>
            ) : (
              <HomePage />
            )
          }
        />
        <Route
          path="/bang-dieu-khien"
          element={
            <Suspense fallback={<Spin />}>
              <DashboardPage />
            </Suspense>
          }
        />
        <Route path="/tai-khoan" element={<HomePage />} />
        <Route
          path="/ke-hoach"
          element={
            <Suspense fallback={<Spin />}>
              <PlansPage />
            </Suspense>
          }
        />
        <Route
          path="/ke-hoach/:planId"
          element={
            <Suspense fallback={<Spin />}>
              <PlanPage />
            </Suspense>
          }
        />
        <Route
          path="/nhiem-vu-cua-toi"
          element={
            <Suspense fallback={<Spin />}>
              <MyTasksPage />
            </Suspense>
          }
        />
        <Route
          path="/danh-gia"
          element={
            <Suspense fallback={<Spin />}>
              <RoundsPage />
            </Suspense>
          }
        />
        <Route
          path="/danh-gia/dot/:roundId"
          element={
            <Suspense fallback={<Spin />}>
              <RoundBoard />
            </Suspense>
          }
        />
        <Route
          path="/danh-gia/phieu/:sheetId"
          element={
            <Suspense fallback={<Spin />}>
              <SheetPage />
            </Suspense>
          }
        />
        {isAdmin && (
          <Route
            path="/nhat-ky"
            element={
              <Suspense fallback={<Spin />}>
                <AuditPage />
              </Suspense>
            }
          />
        )}
        <Route path="/bo-chi-so" element={<FrameworksPage />} />
        <Route path="/bo-chi-so/:id" element={<FrameworkEditorPage />} />
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
