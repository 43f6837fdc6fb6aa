import {
  AuditOutlined,
  EditOutlined,
  HistoryOutlined,
  OrderedListOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { DEFAULT_POSTING_DAYS } from '@xjf/domain/defaults';
import { App, Breadcrumb, Button, Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { auditReaders } from '../../app/nav';
import { LoadError } from '../../components/LoadError';
import { api, call } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { BoardLinkCard } from '../board/BoardLinkCard';
import { VillageRank } from '../dashboard/VillageRank';
import { EditVillageModal } from './EditVillageModal';
import { FirstStepsCard } from './FirstStepsCard';
import { TownshipReviewCard } from './TownshipReviewCard';
import { VillageUsers } from './VillageUsers';

/** The village profile: read-only for officials and village staff, editable by its admins. */
export function VillagePage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const villageId = useParams().villageId ?? '';
  const [editing, setEditing] = useState(false);
  const village = useLoad(
    useCallback(
      () => call(api().GET('/api/villages/{villageId}', { params: { path: { villageId } } })),
      [villageId],
    ),
  );
  const manages = me.role === 'village_admin' || me.role === 'county_admin';

  if (village.error) return <LoadError error={village.error} onRetry={village.reload} />;
  const v = village.data;
  const none = t('common.none');
  const n = (value: number | undefined) => formatNumber(value, i18n.language);

  return (
    <>
      {(me.role === 'county_admin' || me.role === 'county_official') && (
        <Breadcrumb
          items={[{ title: <Link to="/county">{t('nav.county')}</Link> }, { title: v?.name ?? '' }]}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>
          {v ? t('village.title', { village: v.name }) : t('app.loading')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Link to={`/villages/${villageId}/households`}>
            <Button icon={<TeamOutlined />}>{t('village.households')}</Button>
          </Link>
          <Link to={`/villages/${villageId}/approvals`}>
            <Button icon={<AuditOutlined />}>{t('nav.approvals')}</Button>
          </Link>
          <Link to={`/villages/${villageId}/rules`}>
            <Button icon={<OrderedListOutlined />}>{t('village.rules')}</Button>
          </Link>
          {auditReaders.includes(me.role) && (
            <Link to={`/villages/${villageId}/audit`}>
              <Button icon={<HistoryOutlined />}>{t('nav.audit')}</Button>
            </Link>
          )}
        </Flex>
      </Flex>
      {me.role === 'village_admin' && me.villageId === villageId && (
        <FirstStepsCard villageId={villageId} version={v?.updatedAt} />
      )}
      <Card
        title={t('village.profile')}
        style={{ marginBottom: 16 }}
        extra={
          manages &&
          v && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('village.edit')}
            </Button>
          )
        }
      >
        <Skeleton loading={!v} active>
          {v && (
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'name', label: t('onboarding.villageName'), children: v.name },
                { key: 'county', label: t('village.county'), children: me.countyName ?? none },
                { key: 'township', label: t('village.township'), children: v.townshipName },
                { key: 'households', label: t('county.households'), children: n(v.householdCount) },
                { key: 'population', label: t('county.population'), children: n(v.population) },
                {
                  key: 'postingDays',
                  label: t('village.postingDays'),
                  children:
                    (v.postingDays ?? DEFAULT_POSTING_DAYS) === 0
                      ? t('village.noPosting')
                      : t('village.postingDaysValue', { count: v.postingDays ?? DEFAULT_POSTING_DAYS }) +
                        (v.postingDays === undefined ? t('village.byDefault') : ''),
                },
                { key: 'contact', label: t('onboarding.contactName'), children: v.contactName ?? none },
                { key: 'phone', label: t('onboarding.contactPhone'), children: v.contactPhone ?? none },
                {
                  key: 'joined',
                  label: t('county.joinedAt'),
                  children: formatDate(v.createdAt, i18n.language),
                },
                { key: 'updated', label: t('village.updatedAt'), children: formatDateTime(v.updatedAt) },
                {
                  key: 'about',
                  label: t('onboarding.description'),
                  children: v.description ?? none,
                  span: 2,
                },
              ]}
            />
          )}
        </Skeleton>
      </Card>
      {v && (
        <TownshipReviewCard
          villageId={villageId}
          on={v.townshipReview ?? false}
          manages={manages}
          onChanged={village.reload}
        />
      )}
      {me.villageId === villageId && <VillageRank villageId={villageId} />}
      <BoardLinkCard villageId={villageId} />
      {manages && <VillageUsers villageId={villageId} />}
      {editing && v && (
        <EditVillageModal
          village={v}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void message.success(t('village.saved'));
            village.reload();
          }}
        />
      )}
    </>
  );
}
