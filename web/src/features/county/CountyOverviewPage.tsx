import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LoadError } from '../../app/LoadError';
import { useMe } from '../auth/session';
import { AddTownshipModal } from './AddTownshipModal';
import { summarize, totals, useCountyTree } from './county-data';
import { TownshipTable } from './TownshipTable';
import { VillageTable } from './VillageTable';

export function CountyOverviewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const countyId = me.countyId ?? '';
  const isAdmin = me.role === 'county_admin';
  const tree = useCountyTree(countyId);
  const [adding, setAdding] = useState(false);
  const [params, setParams] = useSearchParams();
  const townshipId = params.get('township') ?? undefined;
  const filterBy = (id: string | undefined) => setParams(id ? { township: id } : {}, { replace: true });

  if (tree.error) return <LoadError error={tree.error} onRetry={tree.reload} />;
  const townships = tree.data ? summarize(tree.data.townships, tree.data.villages) : [];
  const villages = tree.data?.villages ?? [];
  const sums = totals(villages);

  return (
    <>
      <Typography.Title level={3}>{t('county.title', { county: me.countyName ?? '' })}</Typography.Title>
      <Skeleton loading={!tree.data} active>
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {[
            { title: t('county.townships'), value: townships.length },
            { title: t('county.villages'), value: villages.length },
            { title: t('county.households'), value: sums.households },
            { title: t('county.population'), value: sums.population },
          ].map((s) => (
            <Col key={s.title} xs={12} md={6}>
              <Card size="small">
                <Statistic title={s.title} value={s.value} />
              </Card>
            </Col>
          ))}
        </Row>
      </Skeleton>
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
          selected={townshipId}
          onSelect={(id) => filterBy(id === townshipId ? undefined : id)}
        />
      </Card>
      <VillageTable
        villages={villages}
        townships={townships}
        loading={tree.loading}
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
