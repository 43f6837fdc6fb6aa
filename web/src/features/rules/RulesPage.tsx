import { PlusOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LoadError } from '../../app/LoadError';
import { api, call } from '../../lib/api';
import { formatDay } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { CreateProgramModal } from './CreateProgramModal';
import { CreateRuleSetModal } from './CreateRuleSetModal';
import { RuleSetStatus } from './RuleSetStatus';
import { listPrograms, listRuleSets, type Program, type RuleSet } from './rules-api';

type Row = Program & { ruleSet?: RuleSet };

/** A village's points programs, each with its rule set and where that stands. */
export function RulesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const villageId = useParams().villageId ?? '';
  const edits = me.role === 'village_admin';
  const fromCounty = me.role === 'county_admin' || me.role === 'county_official';
  const [addingProgram, setAddingProgram] = useState(false);
  const [ruleSetFor, setRuleSetFor] = useState<Program>();

  const data = useLoad(
    useCallback(async () => {
      const [village, programs, ruleSets] = await Promise.all([
        call(api().GET('/api/villages/{villageId}', { params: { path: { villageId } } })),
        listPrograms(villageId),
        listRuleSets(villageId),
      ]);
      const byAge = (a: Program, b: Program) =>
        a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name, 'zh-CN');
      const rows: Row[] = programs.sort(byAge).map((p) => ({
        ...p,
        ruleSet: ruleSets.find((r) => r.programId === p.id || r.id === p.ruleSetId),
      }));
      return { village, rows };
    }, [villageId]),
  );

  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  const villageName = data.data?.village.name ?? me.villageName ?? '';
  const ruleSetPath = (id: string) => `/villages/${villageId}/rules/${id}`;

  return (
    <>
      {fromCounty && (
        <Breadcrumb
          items={[
            { title: <Link to="/county">{t('nav.county')}</Link> },
            { title: <Link to={`/villages/${villageId}`}>{villageName}</Link> },
            { title: t('rules.title') },
          ]}
        />
      )}
      <Typography.Title level={3}>
        {villageName ? `${villageName} · ${t('rules.title')}` : t('rules.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
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
            { title: t('rules.programName'), dataIndex: 'name' },
            {
              title: t('rules.accountHolder'),
              dataIndex: 'accountHolder',
              render: (_, p) => t(`rules.holder.${p.accountHolder}`),
            },
            {
              title: t('rules.ruleSet'),
              key: 'ruleSet',
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
              render: (_, p) => (p.ruleSet ? <RuleSetStatus ruleSet={p.ruleSet} /> : t('common.none')),
            },
            {
              title: t('rules.effectiveFrom'),
              key: 'effectiveFrom',
              render: (_, p) => {
                const latest = p.ruleSet?.versions?.find((v) => v.version === p.ruleSet?.latestVersion);
                return formatDay(latest?.effectiveFrom, i18n.language);
              },
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, p) =>
                p.ruleSet ? (
                  <Button size="small" onClick={() => p.ruleSet && void navigate(ruleSetPath(p.ruleSet.id))}>
                    {t('rules.open')}
                  </Button>
                ) : (
                  edits && (
                    <Button size="small" type="primary" ghost onClick={() => setRuleSetFor(p)}>
                      {t('rules.createRuleSet')}
                    </Button>
                  )
                ),
            },
          ]}
        />
      </Card>
      {addingProgram && (
        <CreateProgramModal
          villageId={villageId}
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
          villageId={villageId}
          villageName={villageName}
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
