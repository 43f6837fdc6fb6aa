import { PlusOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Flex, Grid, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { api, call } from '../../lib/api';
import { formatDay } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { saveTiers } from '../partners/partners-api';
import { TiersModal } from '../partners/TiersModal';
import { CreateProgramModal } from './CreateProgramModal';
import { CreateRuleSetModal } from './CreateRuleSetModal';
import { useRulesOwner } from './owner';
import { RuleSetStatus } from './RuleSetStatus';
import { listRuleSets, type Program, programsOf, type RuleSet } from './rules-api';

type Row = Program & { ruleSet?: RuleSet };

/**
 * A village's points programs, each with its rule set and where that stands; its county's programs
 * (全县) among them, read-only. The same page lists the county's own programs for the county.
 */
export function RulesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  // A phone (antd's xs) hides the status column; the status goes under the program's name.
  const phone = Grid.useBreakpoint().xs === true;
  const { owner, county, base } = useRulesOwner();
  const villageId = 'villageId' in owner ? owner.villageId : '';
  const edits = me.role === (county ? 'county_admin' : 'village_admin');
  const fromCounty = !county && (me.role === 'county_admin' || me.role === 'county_official');
  /** A village sees its county's programs but changes only its own. */
  const mayEdit = (p: Program) => edits && (county || p.scope !== 'county');
  const [addingProgram, setAddingProgram] = useState(false);
  const [ruleSetFor, setRuleSetFor] = useState<Program>();
  const [tiersFor, setTiersFor] = useState<Program>();

  const data = useLoad(
    useCallback(async () => {
      const [village, programs, ruleSets] = await Promise.all([
        villageId
          ? call(api().GET('/api/villages/{villageId}', { params: { path: { villageId } } }))
          : undefined,
        programsOf(owner),
        listRuleSets(owner),
      ]);
      const byAge = (a: Program, b: Program) =>
        a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name, 'zh-CN');
      const rows: Row[] = programs.sort(byAge).map((p) => ({
        ...p,
        ruleSet: ruleSets.find((r) => r.programId === p.id || r.id === p.ruleSetId),
      }));
      return { village, rows };
    }, [villageId, owner]),
  );

  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  const ownerName = county ? (me.countyName ?? '') : (data.data?.village?.name ?? me.villageName ?? '');
  const title = t(county ? 'rules.countyTitle' : 'rules.title');
  const ruleSetPath = (id: string) => `${base}/${id}`;

  return (
    <>
      {fromCounty && (
        <Breadcrumb
          items={[
            { title: <Link to="/county">{t('nav.county')}</Link> },
            { title: <Link to={`/villages/${villageId}`}>{ownerName}</Link> },
            { title: t('rules.title') },
          ]}
        />
      )}
      <Typography.Title level={3}>{ownerName ? `${ownerName} · ${title}` : title}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(county ? 'rules.countyIntro' : 'rules.intro')}
      </Typography.Paragraph>
      <Card
        title={t('rules.programs')}
        extra={
          edits && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddingProgram(true)}>
              {t('rules.addProgram')}
            </Button>
          )
        }
      >
        <Table<Row>
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={data.loading}
          dataSource={data.data?.rows ?? []}
          pagination={false}
          locale={{ emptyText: t('rules.noPrograms') }}
          columns={[
            {
              title: t('rules.programName'),
              dataIndex: 'name',
              render: (name: string, p) => (
                <>
                  {!county && p.scope === 'county' ? (
                    <Space size={4}>
                      {name}
                      <Tag color="blue">{t('rules.countyWide')}</Tag>
                    </Space>
                  ) : (
                    name
                  )}
                  {phone && (
                    <div style={{ marginTop: 4 }}>
                      {p.ruleSet ? (
                        <RuleSetStatus ruleSet={p.ruleSet} />
                      ) : (
                        <Typography.Text type="secondary">{t('rules.noRuleSet')}</Typography.Text>
                      )}
                    </div>
                  )}
                </>
              ),
            },
            {
              title: t('rules.accountHolder'),
              dataIndex: 'accountHolder',
              responsive: ['sm'],
              render: (_, p) => t(`rules.holder.${p.accountHolder}`),
            },
            {
              title: t('rules.ruleSet'),
              key: 'ruleSet',
              responsive: ['sm'],
              render: (_, p) =>
                p.ruleSet ? (
                  <Link to={ruleSetPath(p.ruleSet.id)}>{p.ruleSet.name}</Link>
                ) : (
                  <Typography.Text type="secondary">{t('rules.noRuleSet')}</Typography.Text>
                ),
            },
            {
              title: t('rules.status'),
              key: 'status',
              responsive: ['sm'],
              render: (_, p) => (p.ruleSet ? <RuleSetStatus ruleSet={p.ruleSet} /> : t('common.none')),
            },
            {
              title: t('rules.effectiveFrom'),
              key: 'effectiveFrom',
              responsive: ['sm'],
              render: (_, p) => {
                const latest = p.ruleSet?.versions?.find((v) => v.version === p.ruleSet?.latestVersion);
                return formatDay(latest?.effectiveFrom, i18n.language);
              },
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, p) => (
                <Flex gap={8} wrap>
                  {p.ruleSet ? (
                    <Button
                      size="small"
                      onClick={() => p.ruleSet && void navigate(ruleSetPath(p.ruleSet.id))}
                    >
                      {t('rules.open')}
                    </Button>
                  ) : (
                    mayEdit(p) && (
                      <Button size="small" type="primary" ghost onClick={() => setRuleSetFor(p)}>
                        {t('rules.createRuleSet')}
                      </Button>
                    )
                  )}
                  {/* Tiers for partners (a bank's loan rate); a county-wide program's are the county's. */}
                  {mayEdit(p) && (
                    <Button size="small" onClick={() => setTiersFor(p)}>
                      {p.tiers ? t('tiers.count', { count: p.tiers.levels.length }) : t('tiers.button')}
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {tiersFor && (
        <TiersModal
          program={tiersFor}
          save={(tiers) => saveTiers(owner, tiersFor.id, tiers)}
          onClose={() => setTiersFor(undefined)}
          onSaved={() => {
            setTiersFor(undefined);
            void message.success(t('tiers.saved'));
            data.reload();
          }}
        />
      )}
      {addingProgram && (
        <CreateProgramModal
          owner={owner}
          onClose={() => setAddingProgram(false)}
          onCreated={(program) => {
            setAddingProgram(false);
            void message.success(t('rules.programAdded', { name: program.name }));
            data.reload();
          }}
        />
      )}
      {ruleSetFor && (
        <CreateRuleSetModal
          owner={owner}
          ownerName={ownerName}
          program={ruleSetFor}
          onClose={() => setRuleSetFor(undefined)}
          onCreated={(ruleSet) => {
            setRuleSetFor(undefined);
            void message.success(t('rules.ruleSetCreated', { name: ruleSet.name }));
            void navigate(ruleSetPath(ruleSet.id));
          }}
        />
      )}
    </>
  );
}
