import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { useMe } from '../auth/session';
import { useCountyTree } from '../county/county-data';
import { CreateInviteCard } from './CreateInviteCard';
import { InviteList } from './InviteList';
import { useInvites } from './use-invites';

export function InvitesPage() {
  const { t } = useTranslation();
  const countyId = useMe().countyId ?? '';
  const tree = useCountyTree(countyId);
  const invites = useInvites(countyId);

  if (tree.error) return <LoadError error={tree.error} onRetry={tree.reload} />;
  return (
    <>
      <Typography.Title level={3}>{t('invites.title')}</Typography.Title>
      {tree.data && (
        <CreateInviteCard countyId={countyId} townships={tree.data.townships} onCreated={invites.reload} />
      )}
      <InviteList
        invites={invites}
        townships={tree.data?.townships ?? []}
        villages={tree.data?.villages ?? []}
      />
    </>
  );
}
