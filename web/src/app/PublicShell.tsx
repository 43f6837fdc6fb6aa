import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the pages reachable without signing in: sign-in, onboarding, the notice board. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="xjf-public">
      <div className="xjf-public-top">
        <div className="xjf-brand">
          <span className="xjf-logo">分</span>
          <span>
            <strong>{t('app.name')}</strong>
            <small>{t('app.tagline')}</small>
          </span>
        </div>
        <LanguageSwitch />
      </div>
      <div style={{ width: '100%', maxWidth: 880 }}>{children}</div>
    </div>
  );
}
