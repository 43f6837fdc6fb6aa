import {
  BankOutlined,
  ClusterOutlined,
  HomeOutlined,
  KeyOutlined,
  OrderedListOutlined,
  ShopOutlined,
  SnippetsOutlined,
  TeamOutlined,
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
    village_admin: [villageOf(me), rulesOf(me)],
    recorder: [villageOf(me), rulesOf(me)],
    store_clerk: [villageOf(me), rulesOf(me)],
  };
  return byRole[me.role];
}

export function homeOf(me: Me): string {
  return navItems(me)[0]?.path ?? '/sign-in';
}

export const countyRoles: Role[] = ['county_admin', 'county_official'];
export const villageViewers: Role[] = [
  'county_admin',
  'county_official',
  'village_admin',
  'recorder',
  'store_clerk',
];
