import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BookOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  DownOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FormOutlined,
  FundOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  MailOutlined,
  MenuOutlined,
  MessageOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';

import { Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../api/session';
import type { Session } from '../api/types';
import { ChangePasswordModal } from '../components/ChangePasswordModal';
import { NotificationBell } from '../components/NotificationBell';
import { UnitTree } from '../components/UnitTree';
import { setLang } from '../i18n';
import { REGISTER_VIEWS } from '../registers/views';
import { SelectedUnitProvider } from './selected-unit';

const REGISTER_ICONS: Record<string, ReactNode> = {
  dossiers: <FileSearchOutlined />,
  procedures: <BookOutlined />,
  feedback: <MessageOutlined />,
  'document-stats': <MailOutlined />,
  officials: <IdcardOutlined />,
  'discipline-decisions': <SafetyCertificateOutlined />,
  reports: <FileDoneOutlined />,
};

const { Header, Sider, Content } = Layout;

/** Pages with sub-pages keep their menu entry selected. */
const SECTIONS = ['/danh-gia', '/ke-hoach', '/bo-chi-so'];

function Navigation({ session, onNavigate }: { session: Session; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const isAdmin = session.user.roles.includes('admin');
  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
    { key: '/bang-dieu-khien', icon: <FundOutlined />, label: t('dashboard.nav') },
    { key: '/ke-hoach', icon: <ScheduleOutlined />, label: t('nav.plans') },
    { key: '/nhiem-vu-cua-toi', icon: <CheckSquareOutlined />, label: t('nav.myTasks') },
    { key: '/danh-gia', icon: <FormOutlined />, label: t('assessment.nav') },
    { key: '/cong-khai', icon: <TrophyOutlined />, label: t('publicResults.nav') },
    { key: '/bo-chi-so', icon: <OrderedListOutlined />, label: t('nav.frameworks') },
    { key: '/chi-tieu', icon: <DashboardOutlined />, label: t('nav.kpis') },
    {
      type: 'group' as const,
      label: t('nav.registers'),
      children: REGISTER_VIEWS.map((v) => ({
        key: v.route,
        icon: REGISTER_ICONS[v.path] ?? <AuditOutlined />,
        label: t(`registers.${v.path}.nav`),
      })),
    },
    ...(isAdmin
      ? [
          {
            type: 'group' as const,
            label: t('nav.admin'),
            children: [
              { key: '/don-vi', icon: <ApartmentOutlined />, label: t('nav.units') },
              { key: '/nguoi-dung', icon: <TeamOutlined />, label: t('nav.users') },
              { key: '/ma-truy-cap-api', icon: <ApiOutlined />, label: t('nav.apiTokens') },
              { key: '/nhat-ky', icon: <SafetyOutlined />, label: t('audit.nav') },
            ],
          },
        ]
      : []),
  ];
  return (
    <>
      <Menu
        mode="inline"
        selectedKeys={[
          SECTIONS.find((section) => location.pathname.startsWith(section)) ?? location.pathname,
        ]}
        items={items}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
        style={{ borderInlineEnd: 0 }}
      />
      <div style={{ padding: '8px 12px' }}>
        <Typography.Text type="secondary" strong>
          {t('shell.unitTree')}
        </Typography.Text>
        <UnitTree onSelect={onNavigate} />
      </div>
    </>
  );
}

export function AppShell({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);

  const userMenu: MenuProps['items'] = [
    { key: 'unit', icon: <ApartmentOutlined />, label: session.user.unit.name, disabled: true },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('shell.changePassword') },
    { key: 'lang', icon: <GlobalOutlined />, label: t('shell.language') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout') },
  ];
  const onUserMenu: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    if (key === 'lang') setLang(i18n.language === 'en' ? 'vi' : 'en');
    if (key === 'logout') {
      await logout();
      navigate('/dang-nhap');
    }
  };

  return (
    <SelectedUnitProvider initialUnitId={session.user.unit.id}>
      <Layout style={{ minHeight: '100vh' }}>
        <Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            paddingInline: narrow ? 12 : 24,
            background: '#b71c1c',
          }}
        >
          {narrow && (
            <Button
              type="text"
              aria-label={t('shell.openMenu')}
              icon={<MenuOutlined style={{ color: '#fff' }} />}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <div style={{ color: '#fff', lineHeight: 1.2, flex: 1, minWidth: 0 }}>
            <div style={{ fontWeight: 700, fontSize: 18 }}>{t('app.name')}</div>
            {!narrow && <div style={{ fontSize: 12, opacity: 0.85 }}>{t('app.tagline')}</div>}
          </div>
          <NotificationBell />
          <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} trigger={['click']}>
            <Button type="text" style={{ color: '#fff' }} data-testid="user-menu">
              <UserOutlined />
              <span style={{ maxWidth: narrow ? 96 : 260, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {session.user.fullName}
                {!narrow && ` — ${session.user.unit.name}`}
              </span>
              <DownOutlined />
            </Button>
          </Dropdown>
        </Header>
        <Layout>
          {narrow ? (
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={300}
              title={t('nav.menu')}
            >
              <Navigation session={session} onNavigate={() => setDrawerOpen(false)} />
            </Drawer>
          ) : (
            <Sider
              width={290}
              theme="light"
              style={{ borderInlineEnd: '1px solid #f0f0f0', overflow: 'auto' }}
            >
              <Navigation session={session} />
            </Sider>
          )}
          <Content style={{ padding: narrow ? 12 : 24, background: '#f5f5f5' }}>
            <Outlet />
          </Content>
        </Layout>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </SelectedUnitProvider>
  );
}
