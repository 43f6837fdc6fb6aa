import { DownOutlined, LogoutOutlined, SafetyOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useNavigation } from 'react-router-dom';
import { useMe, useSession } from '../features/auth/session';
import { errorText } from '../lib/errors';
import { LanguageSwitch } from './LanguageSwitch';
import { navItems } from './nav';

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const loading = useNavigation().state === 'loading';
  const items = navItems(me);
  // The deepest item that contains the page (`/villages/x/rules/y` is under rules, not the village);
  // a village opened from the county overview still belongs under it in the menu.
  const selected =
    items
      .filter((i) => pathname === i.path || pathname.startsWith(`${i.path}/`))
      .sort((a, b) => b.path.length - a.path.length)[0]?.path ??
    (pathname.startsWith('/villages/')
      ? me.role === 'township_reviewer'
        ? '/township'
        : '/county'
      : undefined);
  const tenant = [me.countyName, me.townshipName, me.villageName].filter(Boolean).join(' · ');
  const leave = () =>
    signOut().catch((error: unknown) =>
      message.error(t('auth.signOutFailed', { reason: errorText(error, t, i18n.language) })),
    );
  // The user menu: the account page and sign-out, the same on a phone and a desk.
  const userMenu = [
    { key: 'account', icon: <SafetyOutlined />, label: t('account.menu') },
    { type: 'divider' as const },
    {
      key: 'signOut',
      icon: <LogoutOutlined />,
      label: <span data-testid="sign-out">{t('auth.signOut')}</span>,
    },
  ];

  return (
    <Layout className="xjf-shell">
      <Layout.Sider
        width={224}
        breakpoint="lg"
        collapsedWidth={0}
        // On a phone the menu button sits in the header's empty left side, not over the page title.
        zeroWidthTriggerStyle={{ top: 12 }}
        theme="light"
        style={{ borderInlineEnd: '1px solid rgba(5, 5, 5, 0.06)' }}
      >
        <div className="xjf-brand">
          <span className="xjf-logo">分</span>
          <span>
            <strong>{t('app.name')}</strong>
            <small>{t('app.tagline')}</small>
          </span>
        </div>
        <Menu
          mode="inline"
          style={{ borderInlineEnd: 'none' }}
          selectedKeys={selected ? [selected] : []}
          items={items.map((i) => ({ key: i.path, icon: i.icon, label: t(`nav.${i.label}`) }))}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="xjf-header">
          <Typography.Text strong className="xjf-hide-xs">
            {tenant || t('auth.platform')}
          </Typography.Text>
          <Space size="middle">
            {loading && <Spin size="small" />}
            <Dropdown
              trigger={['click']}
              placement="bottomRight"
              menu={{
                items: userMenu,
                onClick: ({ key }) => (key === 'signOut' ? void leave() : void navigate('/account')),
              }}
            >
              <Button type="text" data-testid="current-user" style={{ paddingInline: 6 }}>
                <span className="xjf-hide-xs">{me.name} </span>
                <Tag color="green" style={{ marginInlineEnd: 0 }}>
                  {t(`roles.${me.role}`)}
                </Tag>
                <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
            <LanguageSwitch />
          </Space>
        </Layout.Header>
        <Layout.Content className="xjf-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
