import { Alert, Card, Flex, Switch, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { api, call } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { VillageCrumbs } from '../households/VillageCrumbs';
import { listPrograms } from '../rules/rules-api';
import { type RecordStatus, statuses } from './points-api';
import { RecordList } from './RecordList';

const isStatus = (s: string | null): s is RecordStatus => statuses.includes(s as RecordStatus);

/** 审核: records by status; the village admin approves, rejects and reverses, everyone else reads. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const villageId = useParams().villageId ?? '';
  const [search, setSearch] = useSearchParams();
  const tab = search.get('status');
  const status: RecordStatus = isStatus(tab) ? tab : 'pending';
  const decides = me.role === 'village_admin';
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

  return (
    <>
      <VillageCrumbs villageId={villageId} villageName={villageName} trail={[t('points.approvalsTitle')]} />
      <Typography.Title level={3}>
        {villageName ? `${villageName} · ${t('points.approvalsTitle')}` : t('points.approvalsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('points.approvalsIntro')}</Typography.Paragraph>
      {!decides && <Alert type="info" showIcon title={t('points.readOnly')} style={{ marginBottom: 16 }} />}
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
