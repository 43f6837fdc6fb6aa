import { useTranslation } from 'react-i18next';

/** The product's mark and name, at the top of the menu and of every public page. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="xjf-brand">
      <span className="xjf-logo">分</span>
      <span>
        <strong>{t('app.name')}</strong>
        <small>{t('app.tagline')}</small>
      </span>
    </div>
  );
}
