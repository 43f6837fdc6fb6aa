import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/global.css';
import i18n from 'i18next';
import { configureApi } from './lib/api';
import { authorizedFetch, dropStoredTokens, restoreSession } from './lib/auth';
import { loadRuntimeConfig } from './lib/config';
import { initI18n } from './lib/i18n';

const root = createRoot(document.getElementById('root') ?? document.body);

async function start() {
  await initI18n();
  dropStoredTokens();
  try {
    const config = await loadRuntimeConfig();
    configureApi({ baseUrl: config.apiBaseUrl, fetch: authorizedFetch });
    // The session comes back from the refresh cookie while the first page's code downloads.
    void restoreSession();
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    );
  } catch (error) {
    console.error(error);
    root.render(<p style={{ padding: 24 }}>{i18n.t('app.configFailed')}</p>);
  }
}

void start();
