import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  ClusterOutlined,
  EditOutlined,
  FileSearchOutlined,
  GlobalOutlined,
  HistoryOutlined,
  HomeOutlined,
  KeyOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SnippetsOutlined,
  TableOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me } from '../features/auth/session';
import type { Role } from '../lib/api';
import type { Translation } from '../lib/locales/zh';

type NavItem = { path: string; label: keyof Translation['nav']; icon: ReactNode };

const countyOverview: NavItem = { path: '/county', label: 'county', icon: <ClusterOutlined /> };
/** 数据看板 comes first: it is the screen county officials open every week, so it is their landing page. */
const countyDashboard: NavItem = {
  path: '/county/dashboard',
  label: 'dashboard',
  icon: <BarChartOutlined />,
};
const villageOf = (me: Me): NavItem => ({
  path: `/villages/${me.villageId ?? ''}`,
  label: 'village',
  icon: <HomeOutlined />,
});

const rulesOf = (me: Me): NavItem => ({
  path: `/villages/${me.villageId ?? ''}/rules`,
  label: 'rules',
  icon: <OrderedListOutlined />,
});
const householdsOf = (me: Me): NavItem => ({
  path: `/villages/${me.villageId ?? ''}/households`,
  label: 'households',
  icon: <UsergroupAddOutlined />,
});
const recordOf = (me: Me): NavItem => ({
  path: `/villages/${me.villageId ?? ''}/record`,
  label: 'record',
  icon: <EditOutlined />,
});
const gridOf = (me: Me): NavItem => ({
  path: `/villages/${me.villageId ?? ''}/grid`,
  label: 'grid',
  icon: <TableOutlined />,
});
const approvalsOf = (me: Me): NavItem => ({
  path: `/villages/${me.villageId ?? ''}/approvals`,
  label: 'approvals',
  icon: <AuditOutlined />,
});
/** 全县统一的积分项目 (such as 大方县's 生态积分), run in every village. */
const countyPrograms: NavItem = {
  path: '/county/programs',
  label: 'countyPrograms',
  icon: <GlobalOutlined />,
};
const countyTemplates: NavItem = {
  path: '/county/templates',
  label: 'templates',
  icon: <SnippetsOutlined />,
};

const auditOf = (me: Me): NavItem => ({
  path: `/villages/${me.villageId ?? ''}/audit`,
  label: 'audit',
  icon: <HistoryOutlined />,
});

/** 积分超市: the counter first, where a clerk spends the day. */
const storeOf = (me: Me): NavItem[] => {
  const base = `/villages/${me.villageId ?? ''}/store`;
  return [
    { path: `${base}/counter`, label: 'counter', icon: <ShoppingCartOutlined /> },
    { path: `${base}/redemptions`, label: 'redemptions', icon: <ProfileOutlined /> },
    { path: `${base}/items`, label: 'storeItems', icon: <ShopOutlined /> },
    { path: `${base}/report`, label: 'storeReport', icon: <FileSearchOutlined /> },
  ];
};

/** The menu each role sees; routes check the same roles, and the API checks them again. */
export function navItems(me: Me): NavItem[] {
  const byRole: Record<Role, NavItem[]> = {
    platform_operator: [{ path: '/counties', label: 'counties', icon: <BankOutlined /> }],
    county_admin: [
      countyDashboard,
      countyOverview,
      countyPrograms,
      countyTemplates,
      { path: '/invites', label: 'invites', icon: <KeyOutlined /> },
      { path: '/users', label: 'users', icon: <TeamOutlined /> },
      { path: '/county/partners', label: 'partners', icon: <BankOutlined /> },
    ],
    county_official: [countyDashboard, countyOverview, countyPrograms, countyTemplates],
    partner: [
      { path: '/partner', label: 'partner', icon: <ShopOutlined /> },
      { path: '/partner/certificates', label: 'certificates', icon: <SafetyCertificateOutlined /> },
    ],
    // 乡镇待审: the township's villages and their queues (each village's approvals page).
    township_reviewer: [{ path: '/township', label: 'township', icon: <AuditOutlined /> }],
    village_admin: [
      villageOf(me),
      householdsOf(me),
      recordOf(me),
      gridOf(me),
      approvalsOf(me),
      rulesOf(me),
      auditOf(me),
      ...storeOf(me),
    ],
    // A recorder's approvals page is their queue, read-only.
    recorder: [villageOf(me), recordOf(me), gridOf(me), householdsOf(me), approvalsOf(me), rulesOf(me)],
    store_clerk: [...storeOf(me), villageOf(me), householdsOf(me), rulesOf(me)],
    // A villager has one page of their own, and the village's public notice board.
    villager: [
      { path: '/mine', label: 'mine', icon: <WalletOutlined /> },
      { path: `/board/${me.villageId ?? ''}`, label: 'board', icon: <NotificationOutlined /> },
    ],
  };
  return byRole[me.role];
}

export function homeOf(me: Me): string {
  return navItems(me)[0]?.path ?? '/sign-in';
}

export const countyRoles: Role[] = ['county_admin', 'county_official'];
export const recorders: Role[] = ['village_admin', 'recorder'];
/** The village admin and the county read a village's audit log (county users from the village page). */
export const auditReaders: Role[] = ['village_admin', 'county_admin', 'county_official'];
export const storeKeepers: Role[] = ['village_admin', 'store_clerk'];
/** The approval queue: village staff and the county read it; the township reviewer decides there. */
export const queueReaders: Role[] = [
  'county_admin',
  'county_official',
  'village_admin',
  'recorder',
  'store_clerk',
  'township_reviewer',
];
export const villageViewers: Role[] = [
  'county_admin',
  'county_official',
  'village_admin',
  'recorder',
  'store_clerk',
];
