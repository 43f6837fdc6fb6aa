import {
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  EditOutlined,
  HomeOutlined,
  KeyOutlined,
  OrderedListOutlined,
  ShopOutlined,
  SnippetsOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me } from '../features/auth/session';
import type { Role } from '../lib/api';
import type { Translation } from '../lib/locales/zh';

type NavItem = { path: string; label: keyof Translation['nav']; icon: ReactNode };

const countyOverview: NavItem = { path: '/county', label: 'county', icon: <ClusterOutlined /> };
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
const approvalsOf = (me: Me): NavItem => ({
  path: `/villages/${me.villageId ?? ''}/approvals`,
  label: 'approvals',
  icon: <AuditOutlined />,
});
const countyTemplates: NavItem = {
  path: '/county/templates',
  label: 'templates',
  icon: <SnippetsOutlined />,
};

/** The menu each role sees; routes check the same roles, and the API checks them again. */
export function navItems(me: Me): NavItem[] {
  const byRole: Record<Role, NavItem[]> = {
    platform_operator: [{ path: '/counties', label: 'counties', icon: <BankOutlined /> }],
    county_admin: [
      countyOverview,
      countyTemplates,
      { path: '/invites', label: 'invites', icon: <KeyOutlined /> },
      { path: '/users', label: 'users', icon: <TeamOutlined /> },
    ],
    county_official: [countyOverview, countyTemplates],
    partner: [{ path: '/partner', label: 'partner', icon: <ShopOutlined /> }],
    village_admin: [villageOf(me), householdsOf(me), recordOf(me), approvalsOf(me), rulesOf(me)],
    // A recorder's approvals page is their queue, read-only.
    recorder: [villageOf(me), recordOf(me), householdsOf(me), approvalsOf(me), rulesOf(me)],
    store_clerk: [villageOf(me), householdsOf(me), rulesOf(me)],
  };
  return byRole[me.role];
}

export function homeOf(me: Me): string {
  return navItems(me)[0]?.path ?? '/sign-in';
}

export const countyRoles: Role[] = ['county_admin', 'county_official'];
export const recorders: Role[] = ['village_admin', 'recorder'];
export const villageViewers: Role[] = [
  'county_admin',
  'county_official',
  'village_admin',
  'recorder',
  'store_clerk',
];
