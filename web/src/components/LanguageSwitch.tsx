import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../lib/i18n';

/** One button that names the other language, in that language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      title={t('lang.label')}
      aria-label={t('lang.switchTo')}
      onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
    >
      <span className="xjf-hide-xs">{t('lang.switchTo')}</span>
    </Button>
  );
}
