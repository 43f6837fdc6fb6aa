import { Breadcrumb } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../auth/session';

/** County staff reach a village's pages from the county overview: show them the way back. */
export function VillageCrumbs(props: { villageId: string; villageName?: string; trail: ReactNode[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const fromCounty = me.role === 'county_admin' || me.role === 'county_official';
  if (!fromCounty) return null;
  return (
    <Breadcrumb
      items={[
        { title: <Link to="/county">{t('nav.county')}</Link> },
        { title: <Link to={`/villages/${props.villageId}`}>{props.villageName ?? ''}</Link> },
        ...props.trail.map((title) => ({ title })),
      ]}
    />
  );
}
