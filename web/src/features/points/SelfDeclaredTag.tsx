import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** 自主申报: a record a villager declared for their own household, so the admin checks it knowing that. */
export function SelfDeclaredTag({ by }: { by?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color="purple" title={by ? t('villager.selfDeclaredBy', { name: by }) : undefined}>
      {t('villager.selfDeclared')}
    </Tag>
  );
}
