import { Alert, Breadcrumb, Card, Flex, Switch, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, call } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { VillageCrumbs } from '../households/VillageCrumbs';
import { listPrograms } from '../rules/rules-api';
import { TOWNSHIP_REVIEW_ANCHOR } from '../villages/TownshipReviewCard';
import { type RecordStatus, statuses } from './points-api';
import type { Decider } from './QueueParts';
import { RecordList } from './RecordList';

const isStatus = (s: string | null): s is RecordStatus => statuses.includes(s as RecordStatus);

/**
 * 审核: records by status. The village admin approves, rejects and reverses; the township
 * reviewer approves and rejects when the village asked for township review; everyone else reads.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const villageId = useParams().villageId ?? '';
  const [search, setSearch] = useSearchParams();
  const tab = search.get('status');
  const status: RecordStatus = isStatus(tab) ? tab : 'pending';
  const reviewer = me.role === 'township_reviewer';
  // A recorder's queue: the records they entered, unless they ask for everyone's.
  const [onlyMine, setOnlyMine] = useState(me.role === 'recorder');

  const village = useLoad(
    useCallback(
      () => call(api().GET('/api/villages/{villageId}', { params: { path: { villageId } } })),
      [villageId],
    ),
  );
  const programs = useLoad(useCallback(() => listPrograms(villageId), [villageId]));
  const villageName = village.data?.name ?? me.villageName ?? '';
  const townshipReview = village.data?.townshipReview ?? false;
  const decides = me.role === 'village_admin' || (reviewer && townshipReview);
  const decider: Decider = {
    userId: me.userId,
    householdId: me.householdId,
    townshipReview,
    settingLink: me.role === 'village_admin' ? `/villages/${villageId}#${TOWNSHIP_REVIEW_ANCHOR}` : undefined,
  };
  const notice = reviewer
    ? village.data && (townshipReview ? t('review.reviewerIntro') : t('review.reviewerReadOnly'))
    : !decides && t('points.readOnly');

  return (
    <>
      {reviewer ? (
        <Breadcrumb
          items={[
            { title: <Link to="/township">{t('review.title')}</Link> },
            { title: villageName },
            { title: t('points.approvalsTitle') },
          ]}
        />
      ) : (
        <VillageCrumbs villageId={villageId} villageName={villageName} trail={[t('points.approvalsTitle')]} />
      )}
      <Typography.Title level={3}>
        {villageName ? `${villageName} · ${t('points.approvalsTitle')}` : t('points.approvalsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('points.approvalsIntro')}</Typography.Paragraph>
      {notice && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
      <Card>
        <Tabs
          tabBarExtraContent={
            me.role === 'recorder' && (
              <Flex gap={8} align="center">
                <Switch
                  size="small"
                  checked={onlyMine}
                  onChange={setOnlyMine}
                  aria-label={t('points.onlyMine')}
                />
                <Typography.Text>{t('points.onlyMine')}</Typography.Text>
              </Flex>
            )
          }
          activeKey={status}
          onChange={(key) => setSearch({ status: key }, { replace: true })}
          items={statuses.map((s) => ({
            key: s,
            label: t(`points.status.${s}`),
            children:
              s === status ? (
                <RecordList
                  villageId={villageId}
                  status={s}
                  decides={decides}
                  reverses={me.role === 'village_admin'}
                  decider={decider}
                  linksHouseholds={!reviewer}
                  programName={(id) => programs.data?.find((p) => p.id === id)?.name ?? ''}
                  recordedBy={onlyMine ? me.userId : undefined}
                  logsObjections={me.role === 'village_admin' || me.role === 'recorder'}
                />
              ) : null,
          }))}
        />
      </Card>
    </>
  );
}
