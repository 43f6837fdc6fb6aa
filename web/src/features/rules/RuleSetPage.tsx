import { CloudUploadOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Flex,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { ApiError, api, call } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { fieldErrors } from '../../lib/forms';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { CategoriesEditor } from './CategoriesEditor';
import { HistoryPanel } from './HistoryPanel';
import { checkContent, type EditableContent, fromEditableContent, toEditableContent } from './model';
import { useRulesOwner } from './owner';
import { PreviewPanel } from './PreviewPanel';
import { PublishModal } from './PublishModal';
import { RuleSetStatus } from './RuleSetStatus';
import { RuleSetTransfer } from './RuleSetTransfer';
import { RulesTable } from './RulesTable';
import { isRuleCellPath } from './rule-errors';
import { contentToShow, getRuleSet, type RuleSet, saveDraft } from './rules-api';
import type { VersionPick } from './transfer';

/** The editor's content as it would be saved, for telling whether anything changed. */
const snapshot = (content: EditableContent) => JSON.stringify(fromEditableContent(content));

/** Changes whenever the rule set's draft or versions do: panels that load from it start over. */
const stamp = (r: RuleSet) => `${r.latestVersion}:${r.draft?.updatedAt ?? ''}:${r.updatedAt}`;

/** Which version the editor shows (as `contentToShow` picks it), or nothing before either exists. */
function shownVersion(r: RuleSet, editor: boolean): VersionPick | undefined {
  if (r.draft && (editor || r.latestVersion === 0)) return 'draft';
  return r.latestVersion > 0 ? r.latestVersion : undefined;
}

/**
 * One rule set: edit the draft (its owner's admin), try a rule, publish, and read its versions.
 * A village reads its county's rule sets (全县) here too, never edits them.
 */
export function RuleSetPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const { owner, county, base: rulesPath } = useRulesOwner();
  const villageId = 'villageId' in owner ? owner.villageId : '';
  const ruleSetId = useParams().ruleSetId ?? '';
  const ownerAdmin = me.role === (county ? 'county_admin' : 'village_admin');
  const fromCounty = !county && (me.role === 'county_admin' || me.role === 'county_official');

  const loaded = useLoad(
    useCallback(async () => {
      const [ruleSet, village] = await Promise.all([
        getRuleSet(owner, ruleSetId),
        villageId
          ? call(api().GET('/api/villages/{villageId}', { params: { path: { villageId } } }))
          : undefined,
      ]);
      const editable = ownerAdmin && (county || ruleSet.scope !== 'county');
      return { ruleSet, village, editable, content: await contentToShow(owner, ruleSet, editable) };
    }, [owner, villageId, ruleSetId, ownerAdmin, county]),
  );
  const editable = loaded.data?.editable ?? false;

  const [ruleSet, setRuleSet] = useState<RuleSet>();
  const [content, setContent] = useState<EditableContent>();
  const [baseline, setBaseline] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [tab, setTab] = useState('rules');

  const reset = useCallback((next: RuleSet, nextContent: Parameters<typeof toEditableContent>[0]) => {
    const editableContent = toEditableContent(nextContent);
    setRuleSet(next);
    setContent(editableContent);
    setBaseline(snapshot(editableContent));
    setErrors({});
    setSaveError(undefined);
    setConflict(false);
  }, []);

  useEffect(() => {
    if (loaded.data) reset(loaded.data.ruleSet, loaded.data.content);
  }, [loaded.data, reset]);

  const dirty = content !== undefined && snapshot(content) !== baseline;

  const blocker = useBlocker(
    useCallback(
      ({
        currentLocation,
        nextLocation,
      }: {
        currentLocation: { pathname: string };
        nextLocation: { pathname: string };
      }) => dirty && currentLocation.pathname !== nextLocation.pathname,
      [dirty],
    ),
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('rules.leaveTitle'),
      content: t('rules.leaveBody'),
      okText: t('rules.leave'),
      okButtonProps: { danger: true },
      cancelText: t('rules.stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const village = loaded.data?.village;

  async function save() {
    if (!ruleSet || !content) return;
    const problems = checkContent(content);
    if (Object.keys(problems).length > 0) {
      setErrors(
        Object.fromEntries(Object.entries(problems).map(([path, key]) => [path, t(`rules.check.${key}`)])),
      );
      setSaveError(t('rules.fixErrors'));
      return;
    }
    setSaving(true);
    setSaveError(undefined);
    try {
      const sent = fromEditableContent(content);
      const saved = await saveDraft(owner, ruleSet.id, {
        content: sent,
        baseVersion: ruleSet.latestVersion,
      });
      reset(saved, saved.draft?.content ?? sent);
      void message.success(t('rules.saved'));
    } catch (error) {
      setErrors(fieldErrors(error, i18n.language));
      setSaveError(errorText(error, t, i18n.language));
      setConflict(error instanceof ApiError && error.status === 409);
    } finally {
      setSaving(false);
    }
  }

  const otherErrors = Object.entries(errors).filter(
    ([path]) => !isRuleCellPath(path) && !/^content\.categories\.\d+$/.test(path),
  );

  return (
    <>
      <Breadcrumb
        items={[
          ...(fromCounty
            ? [
                { title: <Link to="/county">{t('nav.county')}</Link> },
                { title: <Link to={`/villages/${villageId}`}>{village?.name ?? ''}</Link> },
              ]
            : []),
          { title: <Link to={rulesPath}>{t(county ? 'rules.countyTitle' : 'rules.title')}</Link> },
          { title: ruleSet?.name ?? '' },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '8px 0 16px' }}>
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {ruleSet?.name ?? t('app.loading')}
          </Typography.Title>
          {ruleSet && <RuleSetStatus ruleSet={ruleSet} />}
          {!county && ruleSet?.scope === 'county' && <Tag color="blue">{t('rules.countyWide')}</Tag>}
          {dirty && <Tag color="red">{t('rules.unsaved')}</Tag>}
        </Space>
        <Space wrap>
          {ruleSet && (
            <RuleSetTransfer
              owner={owner}
              ruleSet={ruleSet}
              shown={shownVersion(ruleSet, editable)}
              editable={editable}
              dirty={dirty}
              onImported={reset}
              onReload={loaded.reload}
            />
          )}
          {editable && ruleSet && (
            <Space wrap>
              {dirty && (
                <Button icon={<UndoOutlined />} onClick={() => reset(ruleSet, JSON.parse(baseline))}>
                  {t('rules.discard')}
                </Button>
              )}
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={saving}
                disabled={!dirty}
                onClick={() => void save()}
              >
                {t('rules.save')}
              </Button>
              <Tooltip
                title={
                  dirty ? t('rules.saveFirst') : !ruleSet.draft ? t('rules.nothingToPublish') : undefined
                }
              >
                <Button
                  icon={<CloudUploadOutlined />}
                  disabled={dirty || !ruleSet.draft}
                  onClick={() => setPublishing(true)}
                >
                  {t('rules.publish')}
                </Button>
              </Tooltip>
            </Space>
          )}
        </Space>
      </Flex>
      {ruleSet?.draft && (
        <Typography.Paragraph type="secondary">
          {ruleSet.draft.baseVersion > 0
            ? t('rules.draftBased', { version: ruleSet.draft.baseVersion })
            : t('rules.draftNew')}{' '}
          · {formatDateTime(ruleSet.draft.updatedAt)}
        </Typography.Paragraph>
      )}
      {loaded.data && !editable && (
        <Alert
          type="info"
          showIcon
          title={t(ruleSet?.scope === 'county' && !county ? 'rules.countyReadOnly' : 'rules.readOnly')}
          description={
            ruleSet && ruleSet.latestVersion > 0
              ? t('rules.showingVersion', { version: ruleSet.latestVersion })
              : undefined
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {saveError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={saveError}
          description={
            conflict ? (
              t('rules.conflictHint')
            ) : otherErrors.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {otherErrors.map(([path, text]) => (
                  <li key={path}>
                    <Typography.Text code>{path}</Typography.Text> {text}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
          action={conflict ? <Button onClick={loaded.reload}>{t('rules.reload')}</Button> : undefined}
        />
      )}
      {!ruleSet || !content ? (
        <Skeleton active />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'rules',
              label: t('rules.tabs.rules'),
              children: (
                <>
                  <Card size="small" title={t('rules.categories')} style={{ marginBottom: 16 }}>
                    <CategoriesEditor
                      content={content}
                      readOnly={!editable}
                      errors={errors}
                      onChange={(next) => {
                        setErrors((e) =>
                          Object.fromEntries(
                            Object.entries(e).filter(([p]) => !p.startsWith('content.categories')),
                          ),
                        );
                        setContent(next);
                      }}
                    />
                  </Card>
                  <Card size="small">
                    <RulesTable
                      content={content}
                      readOnly={!editable}
                      errors={errors}
                      onChange={setContent}
                      onClearErrors={(paths) =>
                        setErrors((e) =>
                          Object.fromEntries(Object.entries(e).filter(([p]) => !paths.includes(p))),
                        )
                      }
                    />
                  </Card>
                </>
              ),
            },
            {
              key: 'preview',
              label: t('rules.tabs.preview'),
              children: <PreviewPanel key={stamp(ruleSet)} owner={owner} ruleSet={ruleSet} dirty={dirty} />,
            },
            {
              key: 'history',
              label: t('rules.tabs.history'),
              children: <HistoryPanel key={stamp(ruleSet)} owner={owner} ruleSet={ruleSet} />,
            },
          ]}
        />
      )}
      {publishing && ruleSet && (
        <PublishModal
          owner={owner}
          ruleSetId={ruleSet.id}
          nextVersion={ruleSet.latestVersion + 1}
          onClose={() => setPublishing(false)}
          onPublished={(version) => {
            setPublishing(false);
            void message.success(t('rules.publishedOk', { version: version.version }));
            loaded.reload();
          }}
        />
      )}
    </>
  );
}
