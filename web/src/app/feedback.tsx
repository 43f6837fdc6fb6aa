import { Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

// Kept light on purpose: this module is in the first download, so no illustrated antd Result.

export function FullPageSpin() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}

function Notice({ code, text, onRetry }: { code: string; text: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div style={{ textAlign: 'center', padding: '64px 16px' }}>
      <h1 style={{ color: 'rgba(0,0,0,0.25)', fontSize: 48, margin: 0 }}>{code}</h1>
      <p>{text}</p>
      {onRetry ? (
        <Button type="primary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : (
        <Button type="primary" href="/">
          {t('common.back')}
        </Button>
      )}
    </div>
  );
}

/** The API did not answer at start-up: whether anyone is signed in is not known yet. */
export function Offline({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return <Notice code="…" text={t('errors.network')} onRetry={onRetry} />;
}

export function Forbidden() {
  const { t } = useTranslation();
  return <Notice code="403" text={t('errors.forbidden')} />;
}

/** Unknown paths, and a page chunk that failed to load (e.g. after a redeploy). */
export function RouteError({ notFound = false }: { notFound?: boolean }) {
  const { t } = useTranslation();
  return notFound ? (
    <Notice code="404" text={t('errors.notFound')} />
  ) : (
    <Notice code="!" text={t('errors.unexpected')} />
  );
}
