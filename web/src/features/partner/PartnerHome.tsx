import { Card, Col, Empty, Input, Row, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { formatDay } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { IssueCertificateButton } from '../certificates/IssueCertificateButton';
import { type PartnerHousehold, partnerHouseholds, partnerProfile } from '../partners/partners-api';
import { ScorePanel } from './ScorePanel';

/** The bank's portal: find a household that consented, then read its score and tier as of a day. */
export function PartnerHome() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState<string>();
  const [picked, setPicked] = useState<string>();
  const profile = useLoad(useCallback(() => partnerProfile(), []));
  const households = useLoad(useCallback(() => partnerHouseholds({ q }), [q]));
  if (profile.error) return <LoadError error={profile.error} onRetry={profile.reload} />;

  return (
    <>
      <Typography.Title level={3}>{profile.data?.partner.name ?? t('partner.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('partner.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('partner.households')}>
            <Input.Search
              allowClear
              placeholder={t('partner.search')}
              aria-label={t('partner.search')}
              maxLength={20}
              onSearch={(value) => setQ(value.trim() || undefined)}
              style={{ marginBottom: 12 }}
            />
            {households.error ? (
              <LoadError error={households.error} onRetry={households.reload} />
            ) : (
              <Table<PartnerHousehold>
                rowKey="householdId"
                size="small"
                loading={households.loading}
                dataSource={households.data?.items ?? []}
                pagination={false}
                locale={{ emptyText: t('partner.noHouseholds') }}
                rowClassName={(h) => (h.householdId === picked ? 'ant-table-row-selected' : '')}
                onRow={(h) => ({ onClick: () => setPicked(h.householdId), style: { cursor: 'pointer' } })}
                data-testid="partner-households"
                columns={[
                  { title: t('partner.head'), dataIndex: 'headName' },
                  { title: t('partner.village'), dataIndex: 'villageName' },
                  { title: t('partner.number'), dataIndex: 'householdNumber' },
                  {
                    title: t('partner.grantedOn'),
                    dataIndex: 'grantedOn',
                    render: (d: string) => formatDay(d, i18n.language),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {picked && profile.data ? (
            <ScorePanel
              key={picked}
              householdId={picked}
              programs={profile.data.programs}
              actions={(s) => (
                <IssueCertificateButton householdId={s.household.id} asOf={s.asOf} programId={s.program.id} />
              )}
            />
          ) : (
            <Card>
              <Empty description={t('partner.pick')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
