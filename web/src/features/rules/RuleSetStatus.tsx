import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleSet } from './rules-api';

/** 草稿 when a draft is waiting, and 已发布 v3 (or 未发布). */
export function RuleSetStatus({ ruleSet }: { ruleSet: RuleSet }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {ruleSet.draft && <Tag color="orange">{t('rules.draft')}</Tag>}
      {ruleSet.latestVersion > 0 ? (
        <Tag color="green">{t('rules.publishedVersion', { version: ruleSet.latestVersion })}</Tag>
      ) : (
        <Tag>{t('rules.unpublished')}</Tag>
      )}
    </Space>
  );
}
