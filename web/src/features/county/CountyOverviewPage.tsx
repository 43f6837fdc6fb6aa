import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { useMe } from '../auth/session';
import { AddTownshipModal } from './AddTownshipModal';
import { summarize, totals, useCountyTree, useRosterCounts } from './county-data';
import { coverage } from './coverage';
import { TownshipTable } from './TownshipTable';
import { VillageTable } from './VillageTable';

export function CountyOverviewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const countyId = me.countyId ?? '';
  const isAdmin = me.role === 'county_admin';
  const tree = useCountyTree(countyId);
  const roster = useRosterCounts(countyId);
  const [adding, setAdding] = useState(false);
  const [params, setParams] = useSearchParams();
  const townshipId = params.get('township') ?? undefined;
  const filterBy = (id: string | undefined) => setParams(id ? { township: id } : {}, { replace: true });

  if (tree.error) return <LoadError error={tree.error} onRetry={tree.reload} />;
  const townships = tree.data ? summarize(tree.data.townships, tree.data.villages) : [];
  const villages = tree.data?.villages ?? [];
  const sums = totals(villages);
  const rosterOf = (villageId: string) => roster.data?.get(villageId);
  const rosterTotal = roster.data && [...roster.data.values()].reduce((a, b) => a + b, 0);

  return (
    <>
      <Typography.Title level={3}>{t('county.title', { county: me.countyName ?? '' })}</Typography.Title>
      <Skeleton loading={!tree.data} active>
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {[
            { title: t('county.townships'), value: townships.length },
            { title: t('county.villages'), value: villages.length },
            { title: t('county.rosterHouseholds'), value: rosterTotal ?? '—' },
            { title: t('county.declaredHouseholds'), value: sums.households },
            { title: t('county.coverage'), value: coverage(rosterTotal, sums.households) },
            { title: t('county.population'), value: sums.population },
          ].map((s) => (
            <Col key={s.title} xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={s.title} value={s.value} />
              </Card>
            </Col>
          ))}
        </Row>
      </Skeleton>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="households-note">
        {t('county.householdsNote')}
      </Typography.Paragraph>
      <Card
        title={t('county.townships')}
        data-testid="township-card"
        style={{ marginBottom: 16 }}
        extra={
          isAdmin && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('county.addTownship')}
            </Button>
          )
        }
      >
        <TownshipTable
          townships={townships}
          loading={tree.loading}
          rosterOf={rosterOf}
          selected={townshipId}
          onSelect={(id) => filterBy(id === townshipId ? undefined : id)}
        />
      </Card>
      <VillageTable
        villages={villages}
        townships={townships}
        loading={tree.loading}
        rosterOf={rosterOf}
        townshipId={townshipId}
        onFilter={filterBy}
      />
      {adding && (
        <AddTownshipModal
          countyId={countyId}
          onClose={() => setAdding(false)}
          onAdded={(township) => {
            setAdding(false);
            void message.success(t('county.townshipAdded', { name: township.name }));
            tree.reload();
          }}
        />
      )}
    </>
  );
}
