import { DownOutlined, LogoutOutlined, MenuOutlined, SafetyOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useNavigation } from 'react-router-dom';
import { Brand } from '../components/Brand';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useMe, useSession } from '../features/auth/session';
import { errorText } from '../lib/errors';
import { navItems } from './nav';

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const loading = useNavigation().state === 'loading';
  // Below antd's lg breakpoint the menu is a drawer over the page, never a column squeezing it.
  const phone = Grid.useBreakpoint().lg === false;
  // The drawer belongs to the page it was opened on: any navigation closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string>();
  const menuOpen = phone && menuOpenOn === pathname;
  const closeMenu = () => setMenuOpenOn(undefined);
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

  const brand = <Brand />;
  const menu = (
    <Menu
      mode="inline"
      style={{ borderInlineEnd: 'none' }}
      selectedKeys={selected ? [selected] : []}
      items={items.map((i) => ({ key: i.path, icon: i.icon, label: t(`nav.${i.label}`) }))}
      onClick={({ key }) => {
        closeMenu();
        void navigate(key);
      }}
    />
  );

  return (
    <Layout className="xjf-shell">
      {phone ? (
        <Drawer
          placement="left"
          size={256}
          open={menuOpen}
          onClose={closeMenu}
          closable={false}
          rootClassName="xjf-nav-drawer"
          styles={{ body: { padding: 0 } }}
        >
          {brand}
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider width={224} theme="light" style={{ borderInlineEnd: '1px solid rgba(5, 5, 5, 0.06)' }}>
          {brand}
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="xjf-header">
          <div className="xjf-header-start">
            {phone && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('app.menu')}
                aria-expanded={menuOpen}
                data-testid="nav-toggle"
                onClick={() => setMenuOpenOn(pathname)}
              />
            )}
            <Typography.Text strong className="xjf-hide-xs">
              {tenant || t('auth.platform')}
            </Typography.Text>
          </div>
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
        {/* The page the shell has rendered: the address changes before a lazily loaded page does. */}
        <Layout.Content className="xjf-content" data-path={pathname}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
